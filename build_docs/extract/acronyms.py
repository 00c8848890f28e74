"""Acronym definitions found in text, after Schwartz & Hearst (2003).

"A simple algorithm for identifying abbreviation definitions in biomedical text":
a short form in parentheses after its long form — "Shanghai Cooperation Organization
(SCO)" — or, the other way round, a long form in parentheses after a short form —
"SCO (Shanghai Cooperation Organization)". The long form is the shortest run of
words before the parenthesis whose letters contain the short form's letters in order,
the first letter of the short form starting a word. Linear in the length of the text.

Not yet wired into the build (issue 4 will add terms and the glossary).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PAREN = re.compile(r"\(([^()]{1,120})\)")
_WORD = re.compile(r"\S+")


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
    start = max(candidate.rfind(space, 0, at + 1) for space in " \n\t") + 1
    return candidate[start:].strip()


def find_definitions(text: str) -> list[Definition]:
    found: list[Definition] = []
    for match in _PAREN.finditer(text):
        inside = match.group(1).strip()
        before = text[: match.start()].rstrip()
        if is_short_form(inside):
            found.extend(_long_before(inside, before, match.end()))
        else:
            found.extend(_short_before(inside, before, match))
    return found


def _long_before(short: str, before: str, end: int) -> list[Definition]:
    words = list(_WORD.finditer(before))
    limit = min(len(short) + 5, len(short) * 2)
    window = words[-limit:]
    if not window:
        return []
    candidate = before[window[0].start() :]
    candidate = re.split(r"[.;:!?]\s", candidate)[-1]  # stay inside the sentence
    long = best_long_form(short, candidate)
    if not long or len(long.split()) < 2 and len(long) <= len(short) or short.lower() in long.lower().split():
        return []
    start = before.rfind(long)
    return [Definition(short, " ".join(long.strip(" ,").split()), start, end)]


def _short_before(inside: str, before: str, match: re.Match[str]) -> list[Definition]:
    """ "SCO (Shanghai Cooperation Organization)": the short form is the word before."""
    last = list(_WORD.finditer(before))[-1:]
    if not last:
        return []
    short = last[0].group().strip(",;:")
    if not is_short_form(short) or len(inside.split()) > len(short) * 2 + 2:
        return []
    long = best_long_form(short, inside)
    if not long or long != inside:
        return []
    return [Definition(short, " ".join(long.split()), last[0].start(), match.end())]
