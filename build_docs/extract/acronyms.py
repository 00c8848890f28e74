"""Acronym definitions found in text, after Schwartz & Hearst (2003).

"A simple algorithm for identifying abbreviation definitions in biomedical text":
a short form in parentheses after its long form — "Shanghai Cooperation Organization
(SCO)" — or, the other way round, a long form in parentheses after a short form —
"SCO (Shanghai Cooperation Organization)". The long form is the shortest run of
words before the parenthesis whose letters contain the short form's letters in order,
the first letter of the short form starting a word. Linear in the length of the text: each
parenthesis looks back at most ``LOOK_BACK`` characters (a long form is at most 15 words, and no
long form in the seeds or in the corpora measured is longer than 70 characters), so a paragraph
with many parentheses costs no more per parenthesis than a short one.

Not yet wired into the build (issue 4 will add terms and the glossary).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PAREN = re.compile(r"\(([^()]{1,120})\)")
_WORD = re.compile(r"\S+")
LOOK_BACK = 400  # characters before a parenthesis that can hold its long form or short form


@dataclass(frozen=True)
class Definition:
    """``short`` is defined as ``long``; ``start``/``end`` span both in the text."""

    short: str
    long: str
    start: int
    end: int


def is_short_form(text: str) -> bool:
    """2–10 characters, one or two words, a letter, starting with a letter or digit, with a capital."""
    return 2 <= len(text) <= 10 and len(text.split()) <= 2 and text[0].isalnum() and any(c.isalpha() for c in text) and any(c.isupper() for c in text)


def best_long_form(short: str, candidate: str) -> str | None:
    """The shortest end of ``candidate`` that spells ``short`` (S&H's findBestLongForm)."""
    s, at = len(short) - 1, len(candidate) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        # The short form's first character must start a word of the long form.
        while at >= 0 and (candidate[at].lower() != c or (s == 0 and at > 0 and candidate[at - 1].isalnum())):
            at -= 1
        if at < 0:
            return None
        at -= 1
        s -= 1
    start = max(candidate.rfind(space, 0, at + 1) for space in " \n\t/") + 1  # "OSCE/Office for ... (ODIHR)": a slash ends a word too
    return candidate[start:].strip()


def find_definitions(text: str) -> list[Definition]:
    found: list[Definition] = []
    for match in _PAREN.finditer(text):
        inside = match.group(1).strip()
        before = _before(text, match.start())
        if is_short_form(inside):
            found.extend(_long_before(inside, before, match.end()))
        else:
            found.extend(_short_before(inside, before, match))
    return found


@dataclass(frozen=True)
class _Before:
    """The text before a parenthesis, trailing whitespace left out, as far back as the look-back reaches.

    ``text`` is ``whole_text[offset:stop]``: all of it when ``offset`` is 0. ``cut`` when its first
    word goes on further back (the character before ``offset`` is no whitespace).
    """

    text: str
    offset: int
    cut: bool


def _before(text: str, at: int) -> _Before:
    """What ``text[:at].rstrip()`` ends with: its last ``LOOK_BACK`` characters, and where they start."""
    stop = at
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    offset = max(0, stop - LOOK_BACK)
    return _Before(text[offset:stop], offset, offset > 0 and not text[offset - 1].isspace())


def _long_before(short: str, before: _Before, end: int) -> list[Definition]:
    words = list(_WORD.finditer(before.text))
    limit = min(len(short) + 5, len(short) * 2)
    window = words[-limit:]
    if not window:
        return []
    candidate = before.text[window[0].start() :]
    candidate = re.split(r"[.;:!?]\s", candidate)[-1]  # stay inside the sentence
    long = best_long_form(short, candidate)
    if not long or len(long.split()) < 2 and len(long) <= len(short) or short.lower() in long.lower().split():
        return []
    start = len(before.text) - len(long)  # ``long`` ends the text before the parenthesis
    if before.offset and len(words) <= limit and start <= window[0].start():
        # Words averaging over LOOK_BACK / limit characters (no text measured has them): the window of
        # ``limit`` words reaches further back than the look-back, and so might the long form.
        return []
    return [Definition(short, " ".join(long.strip(" ,").split()), before.offset + start, end)]


def _short_before(inside: str, before: _Before, match: re.Match[str]) -> list[Definition]:
    """ "SCO (Shanghai Cooperation Organization)": the short form is the word before."""
    last = list(_WORD.finditer(before.text))[-1:]
    if not last or last[0].start() == 0 and before.cut:
        return []  # no word, or one longer than the look-back: no short form
    short = last[0].group().strip(",;:")
    if not is_short_form(short) or len(inside.split()) > len(short) * 2 + 2:
        return []
    long = best_long_form(short, inside)
    if not long or long != inside:
        return []
    return [Definition(short, " ".join(long.split()), before.offset + last[0].start(), match.end())]
