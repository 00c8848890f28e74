"""Titles before a name: which tokens are title words, where a title phrase ends, and where the role it belongs to starts.

A title phrase is a run of title words ending in a head ("Deputy Foreign Minister"), extended by
"of <portfolio>" ("Secretary of State") or "to <country>" ("Ambassador to China"). The role is the
title with what may precede it: a nationality, a country, an acronym or "former"
("the Russian Ambassador to China", "United States President", "former President").
"""

from __future__ import annotations

from functools import cache

from build_docs.extract.discover import lexicon
from build_docs.extract.discover.place_names import is_place_name, place_at
from build_docs.extract.discover.tokens import Tok, run_key


@cache
def _all_titles() -> frozenset[str]:
    return lexicon.HEAD_TITLES | lexicon.TITLE_MODIFIERS | lexicon.LOWER_TITLES


def title_word(tok: Tok) -> str:
    """The title a token is (period and a "then-"/"ex-" prefix dropped; set in capitals, as a transcript sets its
    speakers, its capitalised form), or ""."""
    word = tok.bare
    if len(word) > 1 and word.isupper() and word.capitalize() in lexicon.HEAD_TITLES:
        return word.capitalize()  # a transcript's speaker "MR. JONES:", "JUSTICE GINSBURG:"
    if word not in _all_titles():
        if "-" not in word:
            return ""
        compound = lexicon.compound_title(word)
        if compound:
            return compound  # "Major-General", "Vice-Admiral": the title of its last part
        prefix, _, word = word.partition("-")
        if prefix.lower() not in ("then", "ex", "former"):
            return ""
    if word[0].isupper() and (word in lexicon.HEAD_TITLES or word in lexicon.TITLE_MODIFIERS):
        return word
    return word if word in lexicon.LOWER_TITLES else ""


def plural_title(tok: Tok) -> str:
    """The title a plural of one is ("Senators" -> "Senator", "Presidents" -> "President"), or "": a title for several
    people, no word of a name."""
    word = tok.bare
    return word[:-1] if word.endswith("s") and word[:-1] in lexicon.HEAD_TITLES else ""


def title_phrase(tokens: list[Tok], i: int) -> tuple[int, str]:
    """Consume the title starting at token ``i``: the index after it, and its head word ("" when it has none)."""
    n, j, head = len(tokens), i, ""
    while j < n and (j == i or tokens[j].joined):
        word = title_word(tokens[j])
        if not word:
            break
        head = word if word in lexicon.HEAD_TITLES or word in lexicon.LOWER_TITLES else ""
        j += 1
        if tokens[j - 1].possessive:
            return j, ""  # "the President's": no name follows
        if head in lexicon.OF_TITLES and j + 1 < n and tokens[j].word == "of" and tokens[j].joined:
            k = j + 1 + (tokens[j + 1].word == "the")
            m = k
            while m < n and tokens[m].joined and tokens[m].cap and tokens[m].bare in lexicon.TITLE_MODIFIERS and not tokens[m - 1].possessive:
                m += 1
            j = m if m > k else j  # "Secretary of State", "Minister of Foreign Affairs"
        if head in lexicon.TO_TITLES and j + 1 < n and tokens[j].word == "to" and tokens[j].joined:
            after = place_at(tokens, j + 1 + (tokens[j + 1].word == "the"))
            if after:
                return after, head  # "Ambassador to China"
    return j, head


def role_prefix(tokens: list[Tok], i: int) -> int:
    """Where the role starts: back over a nationality, country, acronym or "former" before the title (three words at most)."""
    k = i
    while k > 0 and i - k < 3 and tokens[k].joined:
        place = _place_ending(tokens, k)
        if place is not None and i - place <= 3:
            k = place  # "United States President"
            continue
        prev = tokens[k - 1]
        w = prev.bare
        acronym = prev.cap and w.replace(".", "").isupper() and 2 <= len(w.replace(".", "")) <= 5
        korean = w in ("North", "South") and k < i and tokens[k].bare in lexicon.DEMONYMS  # "South Korean"
        if not (w in lexicon.DEMONYMS or w in lexicon.ROLE_PREFIXES or acronym or is_place_name(prev.word) or korean):
            break
        k -= 1
    return k


def _place_ending(tokens: list[Tok], k: int) -> int | None:
    """Start of a country or region name of 2-3 words that ends right before token ``k``."""
    for length in (3, 2):
        a = k - length
        if a >= 0 and all(t.joined for t in tokens[a + 1 : k]) and is_place_name(run_key(tokens[a:k])):
            return a
    return None
