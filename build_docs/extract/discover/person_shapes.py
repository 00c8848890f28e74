"""What a person's name looks like, in several naming traditions, without a list of anyone's names.

* **Given name first** (most European, American, Arabic, Indian, African traditions as written in
  the Latin script): the first word is a given name and the last a surname of some tradition. The
  given names and surnames are Faker's (MIT), which lists both for about 80 locales (``Mikhail``,
  ``Antonín``, ``Bedřich``, ``Kamala``, ``Rishi`` ...); only the Latin-script ones are kept, as a
  derived table in the build's cache (:mod:`build_docs.cache`).
* **Family name first** (Chinese, Korean, Vietnamese): the first word is a common surname of the
  tradition and the other words its syllables ("Deng Xiaoping", "Jiang Zemin", "Moon Jae-in"),
  by the rules of ``data/cite/family-first.yaml``, which citations read too.

Both are evidence, not proof: "Victoria" is a given name and a city, so the finder weighs a shape
with the words around the name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from build_docs import data
from build_docs.cache import cached_json

FAMILY_FIRST = "cite/family-first.yaml"
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+(?:[-'][A-Za-z\u00c0-\u024f\u1e00-\u1eff]+)*")


@cache
def _names() -> tuple[frozenset[str], frozenset[str]]:
    given, surnames = cached_json("person-names", ("faker",), _faker_names)
    return frozenset(given), frozenset(surnames)


def _faker_names() -> tuple[list[str], list[str]]:
    """Every Latin-script given name and surname of Faker's person providers, sorted."""
    import importlib
    import pkgutil

    import faker.providers.person as people

    given: set[str] = set()
    surnames: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        provider = getattr(importlib.import_module(f"{people.__name__}.{module.name}"), "Provider", None)
        for attribute, into in (("first_names", given), ("first_names_male", given), ("first_names_female", given), ("last_names", surnames)):
            into.update(_words(getattr(provider, attribute, ())))
    return sorted(given), sorted(surnames)


def _words(values: object) -> list[str]:
    names = values.keys() if isinstance(values, dict) else values if isinstance(values, (list, tuple, set, frozenset)) else ()
    return [n for n in names if isinstance(n, str) and n[:1].isupper() and _LATIN.fullmatch(n)]


def given_name(word: str) -> bool:
    """``word`` is a given name in some tradition (Faker's lists)."""
    return word in _names()[0]


def surname(word: str) -> bool:
    """``word`` is a surname in some tradition (Faker's lists)."""
    return word in _names()[1]


def family_first(words: list[str]) -> bool:
    """``words`` read as a family-first name: a tradition's surname, then one or two words of its syllables."""
    if len(words) < 2:
        return False
    first, rest = _plain(words[0]), words[1:]
    for surnames, syllables, most in _traditions():
        if first in surnames and len(rest) <= most and all(syllables.fullmatch(_plain(part)) for word in rest for part in word.split("-")):
            return True
    return False


def family_surname(word: str) -> bool:
    """``word`` is a common family name of a family-first tradition ("Deng", "Moon", "Nguyễn")."""
    plain = _plain(word)
    return any(plain in surnames for surnames, _, _ in _traditions())


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _traditions() -> tuple[tuple[frozenset[str], re.Pattern[str], int], ...]:
    found = []
    for name, rules in data.table(FAMILY_FIRST).items():
        if name == "compound_surnames":
            continue
        syllable = f"(?:{rules['onset']})?(?:{rules['nucleus']})(?:{rules['coda']})?"
        pattern = re.compile(f"(?:{syllable}){{1,{int(rules['per_part'])}}}")
        found.append((frozenset(_plain(s) for s in rules["surnames"].split()), pattern, int(rules["words"])))
    return tuple(found)
