"""Where a rule's pattern can start: the characters a match can begin with, for a lookahead put before the pattern.

Most of the rules open with optional words ("the", "last", "this past") and assertions, so the regular expression
engine tries each of them at every position of a paragraph, and fails at almost all. A lookahead that admits only
the characters a match can begin with turns those attempts into one class test, and changes no match: it holds
wherever the pattern can match. The characters are read off the pattern's own parse (``re._parser``), so they
follow the pattern as it changes; where they cannot be (a pattern that can match the empty string, or open with
any character, or a parser this module cannot read), the pattern is left as it is. tests/test_timex_rules.py checks
that every rule gets its class and that no match changes.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]  # private, as re's parser is: present since Python 3.11
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


class _Unknown(Exception):
    """The pattern can begin with a character no class here describes."""


def first_class(pattern: str, flags: int) -> str | None:
    """The class of characters the matches of ``pattern`` begin with (``"[Tt]"``), or None when that is not known.

    The class is meant to be compiled with the same ``flags``: with ``re.IGNORECASE``, a letter of a
    case-sensitive part of the pattern admits both cases, which only admits more."""
    try:
        chars, nullable = _first(_parser.parse(pattern, flags).data, flags)
    except _Unknown:
        return None
    except Exception:  # noqa: BLE001  # a later Python's parser, read otherwise: the pattern runs as it is, only slower
        return None
    if nullable or not chars:
        return None
    return f"[{''.join(sorted(set(chars)))}]"


def _first(items: Any, flags: int) -> tuple[list[str], bool]:
    """The class items a sequence of parsed items can begin with, and whether it can match the empty string."""
    chars: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            return chars + [re.escape(chr(av))], False
        if op is sre.IN:
            return chars + _class(av), False
        if op is sre.SUBPATTERN:
            _, add, _, sub = av
            if add & re.IGNORECASE and not flags & re.IGNORECASE:
                raise _Unknown  # a case-insensitive part in a case-sensitive pattern: its letters need both cases
            found, nullable = _first(sub.data, flags)
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            found, nullable = _first(av.data, flags)
        elif op is sre.BRANCH:
            firsts = [_first(branch.data, flags) for branch in av[1]]
            found, nullable = [c for f, _ in firsts for c in f], any(n for _, n in firsts)
        elif op in _REPEATS:
            low, _, sub = av
            found, nullable = _first(sub.data, flags)
            nullable = nullable or low == 0
        else:
            raise _Unknown  # any character, a back reference, a conditional group
        chars += found
        if not nullable:
            return chars, False
    return chars, True


def _class(items: Any) -> list[str]:
    """The items of a character class, as they are written inside ``[...]``."""
    written = []
    for op, av in items:
        if op is sre.LITERAL:
            written.append(re.escape(chr(av)))
        elif op is sre.RANGE:
            written.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            written.append(_CATEGORIES[av])
        else:
            raise _Unknown  # a negated class
    return written
