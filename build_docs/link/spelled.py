"""Acronyms the sources spell out in lower-case words: "GDP" where they write "gross domestic product".

Pass 1 of linking (:mod:`.knowledge`) gives no entity page to a capitalised find such as "GDP"
or "MDGs" when the sources write its words in lower case: it is a term, not a name. Looking each
acronym up in the whole corpus would cost the corpus's length once per acronym, and reading the
whole corpus again at each build would cost a rebuild what a cold build pays. So each article is
read once, on its own, into its :class:`Runs` (kept with the article's evidence,
:mod:`.evidence`): the runs of lower-case words that could spell an acronym and their initials.
:func:`spelled_out` then finds every wanted acronym in every article's initials with one
Aho–Corasick automaton (pyahocorasick).

A spelling is a run of lower-case words of two letters or more, none a function word, one per
letter of the acronym; between two of them may stand one connector ("of", "and", "for", "the",
"on", "in", "to"). Punctuation may open the run or close it, never stand inside it; a word
joined to another by a hyphen or written with a capital or a digit breaks it. An acronym is
spelled out when one such run occurs twice or more ("gross domestic product" twice), so that
"urgent need" does not spell "UN" once by chance; only acronyms of three letters or more count.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import ahocorasick

from build_docs.extract.discover import lexicon

MIN_LETTERS = 3
CONNECTORS = frozenset({"of", "and", "for", "the", "on", "in", "to"})
_WORD = re.compile(r"([^\w\s-]*)([a-z]{2,})([^\w\s-]*)")  # a lower-case word, with punctuation before or after it
_BREAK = "|"


@dataclass(frozen=True)
class Runs:
    """An article's runs of :data:`MIN_LETTERS` or more lower-case words that may spell an acronym.

    ``initials`` holds each run's initials, runs separated by :data:`_BREAK`; ``words`` holds each
    run as its text reads (words and the connectors between them, one space apart)."""

    initials: str = ""
    words: tuple[str, ...] = ()


def lowercase_runs(texts: Iterable[str]) -> Runs:
    """The :class:`Runs` of ``texts`` (an article's paragraphs): no run goes on from one text to the next."""
    initials: list[str] = []
    words: list[str] = []
    for text in texts:
        for run in _runs(text):
            if len(run) >= MIN_LETTERS:
                initials.append("".join(word[0] for word, _ in run))
                words.append(" ".join(f"{word} {connector}" if connector else word for word, connector in run))
    return Runs(_BREAK.join(initials), tuple(words))


def spelled_out(runs: Iterable[Runs], wanted: Collection[str]) -> frozenset[str]:
    """The acronyms of ``wanted`` (capitals, :data:`MIN_LETTERS` or more) that the articles whose ``runs`` these are
    spell out twice or more in the same words."""
    wanted = {w for w in wanted if len(w) >= MIN_LETTERS and w.isalpha() and w.isupper()}
    if not wanted:
        return frozenset()
    automaton = ahocorasick.Automaton()
    for acronym in wanted:
        automaton.add_word(acronym.lower(), acronym)
    automaton.make_automaton()
    phrases: dict[str, Counter[str]] = defaultdict(Counter)
    for article in runs:
        breaks: list[int] | None = None  # where each run ends in the initials, found at the article's first match
        for end, acronym in automaton.iter(article.initials):
            if breaks is None:
                breaks = [at for at, letter in enumerate(article.initials) if letter == _BREAK]
            which = bisect.bisect_left(breaks, end)
            first = breaks[which - 1] + 1 if which else 0
            phrases[acronym][_spelling(article.words[which], end - first - len(acronym) + 1, len(acronym))] += 1
    return frozenset(acronym for acronym, counted in phrases.items() if max(counted.values()) >= 2)


def _spelling(run: str, first: int, count: int) -> str:
    """The ``count`` words of ``run`` from its ``first``, with the connectors between them."""
    tokens = run.split(" ")
    words = [at for at, token in enumerate(tokens) if token not in CONNECTORS]
    return " ".join(tokens[words[first] : words[first + count - 1] + 1])


def _runs(text: str) -> list[list[tuple[str, str]]]:
    """The runs of ``text`` that may spell an acronym: each its words, with the connector after a word when one stands
    between it and the next."""
    runs: list[list[tuple[str, str]]] = [[]]

    def stop() -> None:
        if runs[-1]:
            runs.append([])

    connector = ""  # the connector after the last word of the run
    for token in re.finditer(r"\S+", text):
        shape = _WORD.fullmatch(token.group())
        before, word, after = shape.groups() if shape else ("", "", "")
        if word in CONNECTORS and not before and not after and not connector and runs[-1]:
            connector = word
            continue
        if not word or word in CONNECTORS or word in lexicon.FUNCTION_WORDS:
            connector = ""
            stop()
            continue
        if before:
            connector = ""
            stop()  # punctuation may open a run, not stand inside one
        if connector:
            last_word, _ = runs[-1][-1]
            runs[-1][-1] = (last_word, connector)
            connector = ""
        runs[-1].append((word, ""))
        if after:
            stop()
    return [run for run in runs if run]
