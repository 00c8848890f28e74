"""Authors' names read into family and given names, for the citation formats and styles (:mod:`.cite`).

A name is read in this order, the first rule that applies deciding:

1. **An organisation** (a word of ``data/cite/organisation-words.txt``, an ``&`` or a digit,
   or a single word) is kept whole: :attr:`Name.family` empty, cited as written.
2. **A comma** marks the order explicitly, as in BibTeX and RIS: ``Li, Ziguo``; ``Smith, John, Jr.``
   (read by ``nameparser``, which also knows ``Jane Goodall, DBE``).
3. **A word in capitals** (``LI Ziguo``, ``Ziguo LI``) is the family name, a common convention
   for names whose order a reader cannot tell.
4. **Chinese characters or Hangul** (``王毅``, ``문재인``): the family name is the first character,
   or the first two when they are a two-character surname (``data/cite/family-first.yaml``);
   two to four characters, else the name is kept whole (a Japanese name's family name can be
   one to three characters, which the characters do not tell).
5. **A family-first tradition** (``data/cite/family-first.yaml``): the first word a Chinese,
   Korean or Vietnamese surname and every other word made of that tradition's syllables
   (``Li Ziguo``, ``Moon Jae-in``, ``Nguyễn Phú Trọng``).
6. Otherwise the name is read in Western order by ``nameparser`` (particles such as ``van``
   stay with the family name, ``Jr.`` is a suffix, a title such as ``Dr`` is left out).

Nothing is changed in the spelling: the parts are cut from the name as written, and
:attr:`Name.written` keeps the whole.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from build_docs import data

ORGANISATION_WORDS = "cite/organisation-words.txt"
FAMILY_FIRST = "cite/family-first.yaml"
_IDEOGRAPHIC = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")  # Han (CJK ideographs) and Hangul syllables
_CAPITALS = re.compile(r"[^\W\d_a-z]{2,}(?:-[^\W\d_a-z]{2,})*")  # "LI", "NGUYEN": every letter a capital


@dataclass(frozen=True)
class Name:
    """An author's name; ``family`` empty means it is cited whole (an organisation, or not readable)."""

    written: str
    family: str = ""
    given: str = ""
    suffix: str = ""
    family_first: bool = False  # written family name first, and shown so in the styles ("Li Ziguo")

    @property
    def literal(self) -> bool:
        return not self.family

    @property
    def script(self) -> bool:
        """Written in Chinese characters or Hangul, where no space parts the names."""
        return bool(_IDEOGRAPHIC.fullmatch(self.written.replace(" ", "")))


@lru_cache(maxsize=1 << 14)  # each author is cited a dozen times (BibTeX, RIS, CSL, styles; corpus and article)
def parse_name(written: str) -> Name:
    """``written`` read into its parts by the rules above."""
    text = " ".join(written.split())
    if _organisation(text):
        return Name(text)
    if "," in text:
        return _with_comma(text)
    return _in_capitals(text) or _in_characters(text) or _family_first(text) or _western(text)


def _organisation(text: str) -> bool:
    words = re.findall(r"[^\W_]+", text.casefold())
    heads = _organisation_words()
    return len(text.split()) < 2 and not _IDEOGRAPHIC.fullmatch(text) or "&" in text or any(c.isdigit() for c in text) or any(w in heads for w in words)


def _with_comma(text: str) -> Name:
    """``Li, Ziguo`` (shown "Li Ziguo" when it is of a family-first tradition); ``Smith, John, Jr.``; ``Jane Goodall, DBE``."""
    name = _western(text)
    in_order = _family_first(f"{name.family} {name.given}") if name.family and not name.suffix else None
    return Name(text, name.family, name.given, name.suffix, family_first=in_order is not None and in_order.family == name.family)


def _in_capitals(text: str) -> Name | None:
    words = text.split()
    caps = [i for i, w in enumerate(words) if _CAPITALS.fullmatch(w)]
    if len(words) < 2 or len(caps) != 1 or caps[0] not in (0, len(words) - 1):
        return None
    family = words[caps[0]]
    given = " ".join(w for i, w in enumerate(words) if i != caps[0])
    return Name(text, family, given, family_first=caps[0] == 0)


def _in_characters(text: str) -> Name | None:
    joined = text.replace(" ", "")
    if not _IDEOGRAPHIC.fullmatch(joined):
        return None
    cut = 2 if joined[:2] in _tables()[1] else 1
    if not 2 <= len(joined) <= 4 or len(joined) - cut < 1 or (len(joined) == 4 and cut == 1):
        return Name(text)
    return Name(text, joined[:cut], joined[cut:], family_first=True)


def _family_first(text: str) -> Name | None:
    first, *rest = text.split()
    if not rest:
        return None
    surname = _plain(first)
    for surnames, syllables, words in _tables()[0]:
        if surname in surnames and len(rest) <= words and all(syllables.fullmatch(_plain(part)) for word in rest for part in word.split("-")):
            return Name(text, first, " ".join(rest), family_first=True)
    return None


def _western(text: str) -> Name:
    from nameparser import HumanName  # here: only a build with authors needs it

    parsed = HumanName(text)
    given = " ".join(p for p in (parsed.first, parsed.middle) if p)
    if not parsed.last or not given:
        return Name(text)
    return Name(text, parsed.last, given, parsed.suffix)


def _plain(word: str) -> str:
    """``Nguyễn`` → ``nguyen``; ``Đặng`` → ``dang``: lowercased, accents removed."""
    decomposed = unicodedata.normalize("NFD", word.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _organisation_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in data.words(ORGANISATION_WORDS))


@cache
def _tables() -> tuple[tuple[tuple[frozenset[str], re.Pattern[str], int], ...], frozenset[str]]:
    """The family-first traditions (surnames, a word's syllables, how many words) and the compound surnames."""
    table = data.table(FAMILY_FIRST)
    traditions = []
    for name, rules in table.items():
        if name == "compound_surnames":
            continue
        syllable = f"(?:{rules['onset']})?(?:{rules['nucleus']})(?:{rules['coda']})?"
        pattern = re.compile(f"(?:{syllable}){{1,{int(rules['per_part'])}}}")
        traditions.append((frozenset(_plain(s) for s in rules["surnames"].split()), pattern, int(rules["words"])))
    return tuple(traditions), frozenset(table["compound_surnames"].split())
