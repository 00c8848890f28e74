"""Acronyms the sources spell out in lower-case words: "GDP" where they write "gross domestic product".

Pass 1 of linking (:mod:`.knowledge`) gives no entity page to a capitalised find such as "GDP"
or "MDGs" when the sources write its words in lower case: it is a term, not a name. Looking each
acronym up in the whole corpus would cost the corpus's length once per acronym, so
:func:`spelled_out` reads the corpus once for all of them: each paragraph becomes a string of
the initials of its lower-case words, and one Aho–Corasick automaton (pyahocorasick) finds every
acronym in those strings.

A spelling is a run of lower-case words of two letters or more, none a function word, one per
letter of the acronym; between two of them may stand one connector ("of", "and", "for", "the",
"on", "in", "to"). Punctuation may open the run or close it, never stand inside it; a word
joined to another by a hyphen or written with a capital or a digit breaks it. An acronym is
spelled out when one such run occurs twice or more ("gross domestic product" twice), so that
"urgent need" does not spell "UN" once by chance; only acronyms of three letters or more count.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable

import ahocorasick

from build_docs.extract.discover import lexicon

MIN_LETTERS = 3
CONNECTORS = frozenset({"of", "and", "for", "the", "on", "in", "to"})
_WORD = re.compile(r"([^\w\s-]*)([a-z]{2,})([^\w\s-]*)")  # a lower-case word, with punctuation before or after it
_BREAK = "|"


def spelled_out(texts: Iterable[str], wanted: Collection[str]) -> frozenset[str]:
    """The acronyms of ``wanted`` (capitals, :data:`MIN_LETTERS` or more) that ``texts`` spell out twice or more in the same words."""
    wanted = {w for w in wanted if len(w) >= MIN_LETTERS and w.isalpha() and w.isupper()}
    if not wanted:
        return frozenset()
    automaton = ahocorasick.Automaton()
    for acronym in wanted:
        automaton.add_word(acronym.lower(), acronym)
    automaton.make_automaton()
    phrases: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        initials, spans = _initials(text)
        for end, acronym in automaton.iter(initials):
            first, last = spans[end - len(acronym) + 1], spans[end]
            phrases[acronym][" ".join(text[first[0] : last[1]].split())] += 1  # its words, connectors included
    return frozenset(acronym for acronym, counted in phrases.items() if max(counted.values()) >= 2)


def _initials(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The initials of the words of ``text`` that may spell an acronym, with :data:`_BREAK` where a run cannot go
    on; and, for each character of that string, the span of its word in ``text`` (none for a break)."""
    initials: list[str] = []
    spans: list[tuple[int, int]] = []

    def stop() -> None:
        if initials and initials[-1] != _BREAK:
            initials.append(_BREAK)
            spans.append((-1, -1))

    connector = False  # a connector stands after the last word of the run
    for token in re.finditer(r"\S+", text):
        shape = _WORD.fullmatch(token.group())
        before, word, after = shape.groups() if shape else ("", "", "")
        if word in CONNECTORS and not before and not after and not connector and initials and initials[-1] != _BREAK:
            connector = True
            continue
        connector = False
        if not word or word in CONNECTORS or word in lexicon.FUNCTION_WORDS:
            stop()
            continue
        if before:
            stop()  # punctuation may open a run, not stand inside one
        start = token.start() + len(before)
        initials.append(word[0])
        spans.append((start, start + len(word)))
        if after:
            stop()
    return "".join(initials), spans

