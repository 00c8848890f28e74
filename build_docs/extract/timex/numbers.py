"""Numbers as the text writes them: "24", "twenty-four", "a dozen", "2 1/2", "several", "the sixties".

The number words come from ``build_docs/data/timex/number-words.txt`` and the ordinals from
``ordinals.txt``; this module makes the patterns that match a count (``_NUM``) and reads what they
matched (``_number``).
"""

from __future__ import annotations

import re

from build_docs.data import lines
from build_docs.extract.timex.lexicon import _phrases

_WORD_VALUES = {word: int(value) for word, value in (line.split() for line in lines("timex/number-words.txt"))}
_ONES = [word for word, value in _WORD_VALUES.items() if value < 10]
_TEENS = [word for word, value in _WORD_VALUES.items() if 10 <= value < 20]
_TENS = [word for word, value in _WORD_VALUES.items() if value >= 20]
_DECADE_WORDS = {word[:-1] + "ies": value // 10 for word, value in _WORD_VALUES.items() if word in _TENS}  # "sixties": 6
_ORDINAL_WORDS = lines("timex/ordinals.txt")  # "first" .. "twentieth"
# "the twenty-first century"; "the last quarter", "the final quarter": the fourth.
_ORDINALS = {word: value for value, word in enumerate(_ORDINAL_WORDS, 1)} | {"twenty-first": 21, "last": 4, "final": 4}

_DECADE_WORD = "|".join(_DECADE_WORDS)  # "twenties|thirties|...|nineties"
_ORDINAL = "|".join(_ORDINAL_WORDS)  # "first|second|...|twentieth"
_WORDNUM = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_ONES)}))?|{'|'.join(_TEENS)}|{'|'.join(_ONES)})\b"
_VAGUE = _phrases("timex/vague-amounts.txt")
_NUM = rf"(?P<num>\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2)?|(?:{_WORDNUM}|a|an)\s+(?:hundred|thousand)|{_WORDNUM}|{_VAGUE}|an?\b)"


def _number(text: str) -> float | None:
    """ "twenty four" -> 24, "3" -> 3, "a" -> 1, "2 1/2" -> 2.5; None for a vague amount ("several")."""
    text = text.lower().replace(",", "").strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if re.fullmatch(r"\d+\s+1/2", text):
        return float(text.split()[0]) + 0.5
    fixed = {"a": 1, "an": 1, "a dozen": 12}
    if text in fixed or text.startswith("a couple"):
        return fixed.get(text, 2)
    words = re.split(r"[\s-]+", text)
    if words[-1] in ("hundred", "thousand"):
        head = 1 if words[0] in ("a", "an") else _WORD_VALUES.get(words[0])
        return head * (100 if words[-1] == "hundred" else 1000) if head else None
    if all(w in _WORD_VALUES for w in words):
        return float(sum(_WORD_VALUES[w] for w in words))
    return None


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"
