"""What a title is not, and the title a file name gives when the text has none.

A line at the head of a text is taken for its title by its shape (:func:`header._is_title`:
short, in title case). Shape is not enough: the opening of a speech ("Mr. President,
Excellencies,"), a news dateline ("BEIJING, June 5 (Xinhua) --") and the first line of a
hard-wrapped paragraph ("Saint Vincent and the Grenadines" / "welcomes, Sir, your ...")
have it too. :func:`not_a_title` says why such a line is no title; the line then stays in
the body. All rules are general: word lists live in ``data/clean/``.

:func:`title_from_file_name` is the fallback: what the file name says, nothing more
(``ARG_72_2017.txt`` → "ARG 72 2017"; a Jekyll date is left out). Words the file name writes
in lower case take the capitals the corpus itself gives them ("russia" → "Russia").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

from build_docs import data

DANGLING = data.words("clean/dangling-words.txt")
SALUTATIONS = data.lines("clean/salutations.txt")
_PHRASE = "|".join(r"\s+".join(re.escape(w) for w in s.split()) for s in sorted(SALUTATIONS, key=len, reverse=True))
#: one or more forms of address, joined by commas or "and": "Mr. President, Excellencies, Ladies and Gentlemen"
_SALUTATION = re.compile(r"(?:(?:and\s+)?(?:" + _PHRASE + r")(?=[\s,;:!.]|$)[\s,;:!.]*)+", re.IGNORECASE)
#: "BEIJING, June 5 (Xinhua) --", "MOSCOW (Reuters) -": a place in capitals, a date or an agency, a dash
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\u2019-]*(?:\s+[A-Z][A-Z.'\u2019-]*)*)\s*"
    r"(?:,\s*(?P<when>[^()\u2013\u2014]{0,40}?)\s*)?(?:\((?P<agency>[^)]{1,40})\)\s*)?(?:--|[-\u2013\u2014])(?:\s|$)"
)
_FRAGMENT_END = (",", ":", ";", "-", "\u2013", "\u2014", "\u2026", "...")
#: a word: letters, with an apostrophe or a hyphen inside ("O'Brien", "Guinea-Bissau")
WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_JEKYLL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}[-_ ]+")
_SEPARATORS = re.compile(r"[\s_.+-]+")


GREETING_WORDS = 4  # a letter's greeting ("Dear Ada:", "My dear friend,") is this short


def is_greeting(text: str) -> bool:
    """A letter's greeting: "Dear Ada:", "Mum,", "My dear friend," (capitalised, at most :data:`GREETING_WORDS` words,
    ending with a comma or a colon)."""
    return len(text.split()) <= GREETING_WORDS and text.endswith((",", ":")) and text[:1].isupper()


def not_a_title(filled: list[tuple[int, str]], index: int) -> str:
    """Why the line ``filled[index]`` (non-empty ``(line number, text)`` pairs) is no title, or ``""``."""
    no, text = filled[index]
    salutation = _SALUTATION.match(text)
    if salutation and (salutation.end() == len(text) or text[: salutation.end()].rstrip().endswith(",")):
        return "a salutation" if salutation.end() == len(text) else "the opening of a speech (a salutation)"
    dateline = _DATELINE.match(text)
    if dateline and (dateline["agency"] or re.search(r"\d", dateline["when"] or "")):
        return "a dateline"
    words = text.split()
    if text.endswith(_FRAGMENT_END):
        return "a sentence fragment (it ends with a comma, colon or dash)"
    if words[-1] in DANGLING:
        return f"a sentence fragment (it ends with '{words[-1]}')"
    first = words[0].lstrip("\"'\u201c\u2018([")
    if first[:1].isalpha() and first.islower():
        return "a sentence fragment (it starts in lower case)"
    if index + 1 < len(filled) and filled[index + 1][0] == no + 1 and _continues(filled[index + 1][1]):
        return "the first line of a sentence that goes on"
    if index > 0 and filled[index - 1][0] == no - 1 and _goes_on(filled[index - 1][1]):
        return "the rest of the sentence above it"
    return ""


def _continues(text: str) -> bool:
    """The line below carries on a sentence: it starts in lower case ("welcomes, Sir, ..."), or its
    first word closes a clause ("Nations. I commend ..."; not an abbreviation such as "Mr.")."""
    first = text.split()[0].lstrip("\"'\u201c\u2018([")
    if first[:1].isalpha() and first[:1].islower():
        return True
    letters = first.rstrip(".,;:")
    return first.endswith((",", ";", ":")) or (first.endswith(".") and "." not in letters and len(letters) >= 4)


def _goes_on(text: str) -> bool:
    """The line above stops where a sentence cannot: after a comma or a word such as "of"."""
    return text.endswith(",") or text.split()[-1] in DANGLING


def title_from_file_name(name: str, casing: Mapping[str, str] | None = None) -> str:
    """``ARG_72_2017.txt`` → "ARG 72 2017"; ``2022-06-22-china-russia-ties.md`` → "China Russia ties"."""
    casing = casing or {}
    stem = PurePosixPath(name).stem
    words = [w for w in _SEPARATORS.split(_JEKYLL_DATE.sub("", stem) or stem) if w] or [stem]
    words = [casing.get(w, w) if w.islower() else w for w in words]
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


def words_to_case(names: Iterable[str]) -> set[str]:
    """The lower-case words of these file names' titles, whose capitals the corpus may know."""
    return {w for name in names for w in _SEPARATORS.split(PurePosixPath(name).stem) if w.isalpha() and w.islower()}


def corpus_casing(words: set[str], texts: Iterable[str]) -> dict[str, str]:
    """For each word, the form the texts write it in most often ("russia" → "Russia"); lower case on a tie."""
    if not words:
        return {}
    forms: Counter[str] = Counter()
    for text in texts:
        forms.update(w for w in WORD.findall(text) if w.lower() in words)
    best: dict[str, tuple[int, bool, str]] = {}
    for form, count in forms.items():
        key = (count, form.islower(), form)
        if form.lower() not in best or key > best[form.lower()]:
            best[form.lower()] = key
    return {word: key[2] for word, key in best.items()}
