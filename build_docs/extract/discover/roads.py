"""Roads named by their numbers (rule ``road``, a place, strong): "I-44", "US-412", "US 169", "Interstate 35",
"Route 66", "Hwy 51", and, where the paragraph speaks of roads, "the A64", "the M1", "(A1237)".

A number names a road only with a prefix that says so (:data:`TABLE`, ``build_docs/data/discover/roads.yaml``): a
capitalised run cannot find one ("I-244, I-44, US 169" made no name, and the tagger read "US" as the country). The
ways of writing one road make one page: the find's ``canonical`` name is the table's ("Interstate 44" and "I-44" are
"I-44"). British and European numbers, a letter and digits, are also paper sizes, vitamins and models ("A4", "B12"),
so they count only after "the" or inside parentheses, in a paragraph that says a road's word ("northbound",
"junction"). One regular-expression scan of the text: linear.
"""

from __future__ import annotations

import re
from functools import cache

from build_docs.extract.discover.found import Found

TABLE = "discover/roads.yaml"
_DIGIT = re.compile(r"\d")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """The table's patterns, built on first use: a prefixed number, a lettered number, a road's word, and the prefixes."""
    from build_docs.data import table

    roads = table(TABLE)
    prefixes: dict[str, str] = roads["numbered"]
    written = "|".join(re.escape(p) + ("" if p.endswith("-") else r"[ \t]+") for p in sorted(prefixes, key=len, reverse=True))
    amount = "|".join(re.escape(w) + (r"\b" if w[-1].isalpha() else "") for w in roads["after_number"])
    number = rf"(\d{{1,4}}[A-Z]?)(?![\w\-.,]\d|[\w\-]|[ \t]*(?:{amount}))"
    first = "".join(sorted({re.escape(p[0]) for p in prefixes}))
    numbered = re.compile(rf"(?=[{first}])(?<![\w\-.$])({written})" + number)  # the lookahead fails fast at most characters
    letters = "".join(roads["lettered"])
    lettered = re.compile(rf"(?:(?<=\bthe[ \t])|(?<=\())([{letters}]\d{{1,4}}(?:\(M\)|M)?)(?![\w\-])")
    said = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in roads["road_words"]) + r")\b", re.IGNORECASE)
    return numbered, lettered, said, prefixes


def roads_in(text: str) -> list[Found]:
    """The roads ``text`` names by their numbers, by position."""
    if _DIGIT.search(text) is None:
        return []
    numbered, lettered, said, prefixes = _patterns()
    found = []
    for match in numbered.finditer(text):
        prefix = " ".join(match.group(1).split())
        start, end = match.span()
        found.append(Found("place", " ".join(text[start:end].split()), start, end, "road", strong=True, canonical=prefixes[prefix] + match.group(2)))
    letters = list(lettered.finditer(text))
    if letters and said.search(text):  # the road's words only where a lettered number stands
        for match in letters:
            start, end = match.span(1)
            found.append(Found("place", text[start:end], start, end, "road", strong=True, canonical=text[start:end]))
    return sorted(found, key=lambda f: (f.start, f.end))
