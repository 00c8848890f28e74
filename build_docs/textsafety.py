"""Invisible characters that change what text shows or how it matches, and which of them to keep.

A careless or hostile source can carry characters a reader never sees: bidirectional
controls that reverse or reorder what is displayed (U+202A–U+202E, U+2066–U+2069; the
"Trojan Source" trick), and zero-width characters that split a word without showing
(``Gen\\u200beva`` looks like "Geneva" but matches nothing). In a title, an author's name or a
name found in the text they make one thing look like another, so they are removed where the
text is read (:mod:`build_docs.sources.sanitise`), and the report says so.

Some of these characters are needed by the scripts that use them, and are kept there:

* the directional marks (U+200E, U+200F, U+061C) next to a right-to-left letter or digit
  (Arabic, Hebrew, Persian), where they place punctuation and numbers;
* the zero-width joiner and non-joiner (U+200D, U+200C) and the zero-width space (U+200B)
  between two letters, marks or symbols of a script that needs them: Persian "می‌خواهم",
  Devanagari conjuncts after a virama, emoji sequences (👩‍💻), Thai word breaks. Between Latin,
  Greek or Cyrillic letters, digits, spaces or punctuation they do nothing visible and are removed.

Everything here is one pass over the text: linear in its length.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

#: Control characters that never occur in text (tab, newline and form feed do), C0 and C1.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
#: Embeddings, overrides and isolates: they reorder what is shown, whatever the script.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Marks that only place neutral characters next to right-to-left text.
BIDI_MARKS = frozenset("\u200e\u200f\u061c")
#: Invisible everywhere: word joiner, zero-width no-break space (a byte-order mark inside text), invisible operators, Mongolian vowel separator.
ALWAYS_INVISIBLE = frozenset("\u2060\ufeff\u2061\u2062\u2063\u2064\u180e")
#: Zero-width characters some scripts need between their letters (space, non-joiner, joiner).
JOINERS = frozenset("\u200b\u200c\u200d")
#: Scripts whose words these joiners never change (first word of the Unicode name of a letter).
_PLAIN_SCRIPTS = frozenset(["LATIN", "GREEK", "CYRILLIC", "DIGIT", "FULLWIDTH"])
_NEAR = 3
_CANDIDATES = re.compile("[" + "".join(sorted(BIDI_CONTROLS | BIDI_MARKS | ALWAYS_INVISIBLE | JOINERS)) + "]")


def invisible(text: str, controls: bool = False) -> list[int]:
    """Offsets of the characters :func:`strip_invisible` removes, in order (and of :data:`CONTROL` characters with ``controls``)."""
    found = [m.start() for m in _CANDIDATES.finditer(text) if not _needed(text, m.start())]
    return sorted([*found, *(m.start() for m in CONTROL.finditer(text))]) if controls else found


def strip_invisible(text: str, controls: bool = False) -> tuple[str, Counter[str]]:
    """``text`` without the invisible characters it does not need (and control characters, with ``controls``),
    and how many of each were removed."""
    if not _CANDIDATES.search(text) and not (controls and CONTROL.search(text)):
        return text, Counter()
    gone = invisible(text, controls)
    return without(text, gone), Counter(text[i] for i in gone)


def without(text: str, gone: list[int]) -> str:
    """``text`` without the characters at the sorted offsets ``gone``."""
    pieces, at = [], 0
    for i in gone:
        pieces.append(text[at:i])
        at = i + 1
    pieces.append(text[at:])
    return "".join(pieces)


def describe(removed: Counter[str]) -> str:
    """"3 invisible characters (U+202E RIGHT-TO-LEFT OVERRIDE ×2, U+200B ZERO WIDTH SPACE)"."""
    total = sum(removed.values())
    kinds = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'CONTROL CHARACTER')}{f' ×{n}' if n > 1 else ''}" for c, n in sorted(removed.items()))
    return f"{total} invisible character{'s' if total > 1 else ''} ({kinds})"


def _needed(text: str, i: int) -> bool:
    char = text[i]
    if char in BIDI_MARKS:
        return _right_to_left(text, i - 1, -1) or _right_to_left(text, i + 1, 1)
    if char in JOINERS:
        return 0 < i < len(text) - 1 and _joins(text[i - 1]) and _joins(text[i + 1])
    return False


def _right_to_left(text: str, i: int, step: int) -> bool:
    """Whether the nearest character from ``i`` in direction ``step`` that is not a space or a mark, at most
    :data:`_NEAR` characters away, is right-to-left (a mark sits beside what it places; the bound keeps a long
    run of marks and spaces linear)."""
    for _ in range(_NEAR):
        if not 0 <= i < len(text) or text[i] != " " and text[i] not in BIDI_MARKS:
            break
        i += step
    return 0 <= i < len(text) and unicodedata.bidirectional(text[i]) in ("R", "AL", "AN")


def _joins(char: str) -> bool:
    """A letter, mark or symbol of a script that may need a zero-width joiner, non-joiner or space beside it."""
    if char.isascii() or "\ufff0" <= char <= "\uffff" or unicodedata.category(char)[0] not in "LMS":  # U+FFFD is no letter of a script
        return False
    return unicodedata.name(char, "").split(" ", 1)[0] not in _PLAIN_SCRIPTS
