"""Appositives: what the words after a name's comma say it is ("Glazyev, advisor to the Russian president, said").

People and places share the pattern; only the head nouns differ (titles for people, "city",
"province" ... for places). The appositive ends at the clause's end: a comma, bracket, dash,
quote, or a full stop that does not follow an initial.
"""

from __future__ import annotations

import re

from build_docs.extract.discover import lexicon
from build_docs.extract.discover.place_names import is_place_name
from build_docs.extract.discover.tokens import TOKEN

# Where an appositive ends: a comma, bracket, dash, quote, or a full stop that does not follow an initial ("U.S.").
_CLAUSE_END = re.compile(r"[,;:()\[\]\u2014\u2013\"\u201c\u201d]|(?<!\b[A-Z])\.(?=\s|$)|\n[ \t]*\n|\s-\s")


def appositive(text: str, pos: int, nouns: frozenset[str], lowercase: bool = False) -> tuple[int, int] | None:
    """The appositive after the comma at ``pos``, when its head noun is in ``nouns``: its span.

    The head comes first, or after an article and up to 3 modifiers, or after a nationality, a country's possessive or a
    known modifier ("former"); with ``lowercase`` it must be in lowercase ("a city", not "the Republic of ...").
    """
    words = TOKEN.finditer(text, pos + 1, pos + 160)
    first = next(words, None)
    if first is None or text[pos + 1 : first.start()].strip():
        return None
    word, prev_end = first.group(), first.end()
    article = word.lower() in ("a", "an", "the")
    if article:
        following = next(words, None)
        if following is None or text[prev_end : following.start()].strip():
            return None
        word, prev_end = following.group(), following.end()
    for _ in range(4):
        plain = word.replace("\u2019", "'")
        lower = plain.lower()
        possessive = lower.endswith("'s")
        if lower in nouns and not (lowercase and not plain.islower()):
            stop = _appositive_end(text, prev_end, lowercase)
            return None if stop is None else (first.start(), stop)
        name = plain[:-2] if possessive else plain
        modifier = lower in lexicon.APPOSITIVE_MODIFIERS or name in lexicon.DEMONYMS or name in lexicon.TITLE_MODIFIERS or is_place_name(name)
        if not (modifier or article and plain.islower() and lower not in lexicon.FUNCTION_WORDS):
            return None
        following = next(words, None)
        if following is None or text[prev_end : following.start()].strip():
            return None
        word, prev_end = following.group(), following.end()
    return None


def _appositive_end(text: str, pos: int, lowercase: bool) -> int | None:
    """Where an appositive whose head noun ends at ``pos`` ends; None when what follows the head is a clause, a list or a name."""
    end = _CLAUSE_END.search(text, pos, pos + 120)
    if end is None and len(text) > pos + 120:
        return None
    stop = _back_over_space(text, end.start()) if end else len(text.rstrip())
    rest = TOKEN.findall(text, pos, stop)
    if len(rest) > 12 or any(w.lower() in lexicon.VERBS for w in rest):
        return None  # a clause, not an appositive: "Fifthly, the Special Envoy for Syria must play ..."
    if lowercase and rest[:1] in (["and"], ["or"]):
        return None  # a list: "Turkey, the region and the international community"
    if rest and rest[0][0].isupper():
        return None  # another name: "António Guterres, President Philemon Yang, ..."
    return stop


def _back_over_space(text: str, end: int) -> int:
    """``end`` moved back over whitespace."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
