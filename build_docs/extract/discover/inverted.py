"""People named surname first, as a reference list or a reading list names its authors: "Austen, Jane. Pride and
Prejudice", "Marx, Karl and Engels, Friedrich. The Communist Manifesto" (rule ``inverted-name``).

Only at the start of a paragraph (an entry of such a list is a paragraph of its own), and only when the words after the
comma open with a given name of some naming tradition's lists that is no place of the gazetteer ("Melbourne, Victoria."
is a place), the surname is no function word nor a common word that is no surname ("Hello, Mark."), and the entry goes
on, after the last author's full stop, with a title set in title case ("Pride and Prejudice"; not "How are you?"):
authors joined by "and" ("Marx, Karl and Engels, Friedrich.") all need that title.

The find's span is the surname, as written; its name (``canonical``) is the name in reading order ("Jane Austen"): the
surname joins the page of the person, and the gazetteer's "London" in "London, Jack. White Fang" is no place. The given
names are returned too, as spans no other finder may take (the second item of :func:`inverted_names`), and the title's
span, where only a pattern's find may stand (a place of the gazetteer, "King Arthur" after a title), not a run of its
capitals or the model's reading of them ("Connecticut Yankee").
"""

from __future__ import annotations

import re

from build_docs.extract.discover import lexicon
from build_docs.extract.discover.found import Found
from build_docs.extract.discover.lexicon import is_common
from build_docs.extract.discover.person_shapes import given_name
from build_docs.extract.discover.person_shapes import surname as listed_surname
from build_docs.extract.discover.place_names import gazetteer
from build_docs.extract.discover.tokens import is_entity_word

_WORD = r"[^\W\d_][\w'\u2019-]*"
#: "Surname, Given [Middle | M.]" then ". " and more, or " and " and the next author; one word of surname, at most four
#: of given names (:func:`_person` takes three), so that a paragraph is read a few words in, however long it is.
_INVERTED = re.compile(
    rf"(?P<surname>{_WORD}),[ \t]+(?P<given>{_WORD}(?:[ \t]+(?:{_WORD}|[^\W\d_]\.)){{0,3}}?)(?P<end>\.[ \t]+(?=\S)|[ \t]+and[ \t]+(?=[^\W\d_]))"
)
MAX_AUTHORS = 4  # "A, B and C, D and ...": a list of more is no reading list's entry
COMMON = 5_000  # a surname among this many commonest words must be one of the lists' surnames ("London", "Green")
_TITLE = re.compile(r"[^.!?]{1,160}")  # the title after the authors: up to its first full stop
_BRACKETED = re.compile(r"\([^()]*\)")
_TITLE_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def inverted_names(text: str) -> tuple[list[Found], list[tuple[int, int]], tuple[int, int] | None]:
    """The people named surname first at the start of ``text`` (see the module docstring), the spans of their given
    names, and the span of the title after them (a work's, whose capitals name nothing: "A Connecticut Yankee in King
    Arthur's Court"). Linear: the pattern is anchored where the previous name ended, at most :data:`MAX_AUTHORS` times."""
    found: list[Found] = []
    given_spans: list[tuple[int, int]] = []
    at = len(text) - len(text.lstrip())
    for _ in range(MAX_AUTHORS):
        match = _INVERTED.match(text, at)
        if match is None or not _person(match["surname"], match["given"].split()):
            break
        name = f"{' '.join(match['given'].split())} {match['surname']}"
        found.append(Found("person", match["surname"], match.start("surname"), match.end("surname"), "inverted-name", "", True, name))
        given_spans.append((match.start("given"), match.end("given")))
        if match["end"].startswith("."):
            title = _titled(text, match.end())
            return (found, given_spans, title.span()) if title else ([], [], None)
        at = match.end()
    return [], [], None


def _person(surname: str, given: list[str]) -> bool:
    """A surname and given names: the surname a capitalised word that says what a name is not (no title, nationality, head
    word or month), the first given name one of some tradition's lists and no place, every given name capitalised."""
    if not surname[:1].isupper() or is_entity_word(surname) or not given or len(given) > 3:
        return False
    if surname.lower() in lexicon.FUNCTION_WORDS or is_common(surname, COMMON) and not listed_surname(surname):
        return False
    if not all(word[:1].isupper() for word in given):
        return False
    return given_name(given[0]) and given[0] not in gazetteer()


def _titled(text: str, at: int) -> re.Match[str] | None:
    """What follows ``at`` up to its first full stop, when it is a title in title case: two capitalised words or more that
    are no function words, and no word of four letters or more in lower case outside brackets ("Pride and Prejudice",
    "The Communist Manifesto (solo)")."""
    title = _TITLE.match(text, at)
    if title is None:
        return None
    words = _TITLE_WORD.findall(_BRACKETED.sub(" ", title.group()))  # "(solo)", "(Volume 1)": a note on the edition
    capitalised = [w for w in words if w[:1].isupper() and w.lower() not in lexicon.FUNCTION_WORDS]
    return title if len(capitalised) >= 2 and not any(w[:1].islower() and len(w) >= 4 for w in words) else None
