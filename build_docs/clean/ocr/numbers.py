"""Numbers the scan damaged: split after a narrow ``1`` (``201 3`` → ``2013``), rule
``split-number``; or with letters read for digits (``l8`` → ``18``), rule ``number-confusion``.
"""

from __future__ import annotations

import re

from build_docs.clean.ocr.corrections import _Edit

_SPLIT_NUMBER = re.compile(r"(?<![\w.,/£$€-])(?P<left>\d{1,3}) (?P<right>\d{1,3})(?![\w/]|[.,]\d| \d)")
_NUMBER_LIKE = re.compile(r"[\dlIO]+")


def _split_numbers(text: str) -> list[_Edit]:
    """``201 3`` → ``2013``, ``1 992`` → ``1992``, ``1 8`` → ``18``: a number OCR split after a narrow ``1``.

    Only a group ending in ``1``, one space, and a group that together make a year
    (1500–2099, from ``1`` + 3 digits or 3 digits + 1) or, a lone ``1`` and a lone digit
    from 2 to 9, a number in the teens; never within a longer run of numbers. Two numbers
    side by side (``in 1996 2 countries``, ``1 000``) do not qualify, nor ``1 1`` or
    ``1 0`` (as likely ``I I`` or ``! O``).
    """
    edits = []
    for match in _SPLIT_NUMBER.finditer(text):
        left, right = match.group("left"), match.group("right")
        joined = left + right
        year = len(joined) == 4 and len(left) in (1, 3) and 1500 <= int(joined) <= 2099
        teen = left == "1" and len(right) == 1 and right not in "01"
        if left.endswith("1") and (year or teen):
            edits.append((match.start(), match.end(), joined, "split-number"))
    return edits


def _misread_number(word: str) -> str | None:
    """``l8`` → ``18``: a number with one letter read for a digit (``l``, ``I`` or ``O``), or None."""
    digits = sum(c.isdigit() for c in word)
    if _NUMBER_LIKE.fullmatch(word) and len(word) - 1 <= digits < len(word) and digits:
        return word.translate(str.maketrans("lIO", "110"))
    return None
