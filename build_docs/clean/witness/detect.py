"""Detection: which documents of a corpus are witnesses of one article, not merely of one topic.

:func:`find_witnesses` groups them, :func:`witness_pairs` gives each pair's
:class:`WitnessPair` score, :func:`containment` scores two texts; the threshold
is :data:`WITNESS_THRESHOLD`.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial
from itertools import combinations

from build_docs.clean.witness.words import _bigrams, _chain, _keys, _positions
from build_docs.results import NOTHING_KEPT, Kept

#: a pair is the same article when at least this share of the shorter text lies in runs it shares with the longer one
WITNESS_THRESHOLD = 0.6
_RUN_GAP = 12  # words: matches this close in both texts belong to one shared run
_SAMPLE = 4  # the index keeps one word pair in _SAMPLE (by hash), so it stays small on big corpora
_MAX_DOCS = 16  # a word pair found in more documents is boilerplate, not evidence
_CANDIDATES = 4  # each document is compared in full with at most this many others
#: share of sampled word pairs two documents must have in common to be compared in full (the costly
#: part of cleaning a large corpus). Each scan of the OCR pairs scores at least 0.13 against its own
#: ground truth (character error rates up to 0.58; both halves); unrelated UN speeches score at most
#: 0.10, mostly 0.02-0.05 (benchmarks/witness_candidates.py). At 0.08 no true pair is lost, and 1,000
#: speeches have 2 pairs to compare instead of 549 at the earlier 0.02.
_MIN_SHARED = 0.08
_MIN_WORDS = 25  # words a pair must share: a title and a phrase do not make two texts one article


@dataclass(frozen=True)
class WitnessPair:
    """Two documents judged to be the same article (``first`` < ``second``).

    ``containment`` is the share of the shorter document's ``words`` that lie
    in runs of word pairs it shares, in the same order, with the longer one (a
    run is two or more matches, each at most ``_RUN_GAP`` words from the next
    in both texts).

    Measured on real OCR against its ground truth (248 Overproof and ICDAR
    2017 documents): up to a character error rate of 0.2 every document
    scores 0.77–1.0, and its middle third alone 0.67–1.0; from 0.2 to 0.3, 9
    of 11 documents reach the threshold, above 0.3 one of 4. The seeds' pair
    scores 0.89. Texts on the same topic: the other seed pairs score at most
    0.07, China's and Russia's speeches of one year, or one country's in
    consecutive years (230 pairs, 1946–2024), at most 0.12; the highest pair
    among 3,000 UN speeches, one country's speeches two years apart that
    reuse whole paragraphs, 0.54.
    """

    first: str
    second: str
    containment: float
    words: int

    def __repr__(self) -> str:
        return f"WitnessPair({self.first!r}, {self.second!r}, containment={self.containment:.3f})"


def containment(a: str, b: str) -> float:
    """:attr:`WitnessPair.containment` of two texts (symmetric)."""
    ga, gb = _bigrams(_keys(a)), _bigrams(_keys(b))
    short, long = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    return _containment(short, _positions(long))


def _containment(short: Sequence[int], long: Mapping[int, Sequence[int]]) -> float:
    """Share of the words of the text with word pairs ``short`` in runs shared with the text whose pair positions are ``long``."""
    return _covered(short, long) / (len(short) + 1) if short else 0.0


def _covered(short: Sequence[int], long: Mapping[int, Sequence[int]]) -> int:
    """How many words of the text with word pairs ``short`` lie in runs shared with the text whose pair positions are ``long``."""
    chain = _chain(short, long)
    covered = 0
    run_start = 0
    for k in range(1, len(chain) + 1):
        if k == len(chain) or chain[k][0] - chain[k - 1][0] > _RUN_GAP or chain[k][1] - chain[k - 1][1] > _RUN_GAP:
            if k - run_start >= 2:
                covered += chain[k - 1][0] - chain[run_start][0] + 2
            run_start = k
    return covered


def witness_pairs(docs: Sequence[tuple[str, str]], threshold: float = WITNESS_THRESHOLD, kept: Kept = NOTHING_KEPT) -> list[WitnessPair]:
    """Every pair of ``(name, text)`` documents whose containment reaches ``threshold``, sorted by names.

    The pair must also share runs of at least ``_MIN_WORDS`` words, so two
    short notes with the same title are not one article.

    Only pairs that share enough sampled word pairs in an inverted index are
    compared in full, each document with its few best candidates, and each
    document's positions are built once, so the time grows linearly with the
    corpus. Names must be unique. With ``kept``, each text's fingerprint (:func:`_print`), its
    word pairs and each pair's comparison are read back when an earlier build made them from
    the same texts; a text's word pairs are read only for a comparison that is not kept.
    """
    keys = [kept.key("witness-words", text) for _, text in docs] if kept.on else []
    made: dict[int, array[int]] = {}  # word pairs made for a fingerprint, kept for a comparison in this build

    def fingerprint(i: int) -> tuple[int, tuple[int, ...]]:
        made[i] = _grams(docs[i][1])
        return _print(made[i])

    prints = [kept.one("witness-print", keys[i], partial(fingerprint, i)) if keys else fingerprint(i) for i in range(len(docs))]
    by_longer: dict[int, list[int]] = defaultdict(list)
    for a, b in _candidates([sampled for _, sampled in prints]):
        short, long = (a, b) if (prints[a][0], a) < (prints[b][0], b) else (b, a)
        by_longer[long].append(short)

    @cache
    def grams(i: int) -> array[int]:  # read or made only when a comparison is not kept
        make = partial(made.pop, i) if i in made else partial(_grams, docs[i][1])
        return kept.one("witness-words", keys[i], make) if keys else make()

    found = []
    for long in sorted(by_longer):
        where = cache(lambda long=long: _positions(grams(long)))
        for short in by_longer[long]:
            compare = partial(_covered_by, partial(grams, short), where)
            covered = kept.one("witness-pair", kept.key("witness-pair", keys[short], keys[long]), compare) if keys else compare()
            score = covered / (prints[short][0] + 1)
            if score >= threshold and covered >= _MIN_WORDS:
                first, second = sorted((docs[short][0], docs[long][0]))
                found.append(WitnessPair(first, second, round(score, 4), prints[short][0] + 1))
    return sorted(found, key=lambda p: (p.first, p.second))


def _grams(text: str) -> array[int]:
    return array("L", _bigrams(_keys(text)))  # 4 bytes a word


def _print(grams: Sequence[int]) -> tuple[int, tuple[int, ...]]:
    """What finding candidates reads of a text's word pairs: how many, and the sampled ones, sorted."""
    return len(grams), tuple(sorted({h for h in grams if h % _SAMPLE == 0}))


def _covered_by(short: Callable[[], Sequence[int]], long: Callable[[], Mapping[int, Sequence[int]]]) -> int:
    return _covered(short(), long())


def find_witnesses(docs: Sequence[tuple[str, str]], threshold: float = WITNESS_THRESHOLD, kept: Kept = NOTHING_KEPT) -> list[tuple[str, ...]]:
    """Groups of documents that are the same article: sorted tuples of two or more names, in a sorted list.

    A group is a connected set of :func:`witness_pairs`; a document is in at most one group.
    """
    parent = {name: name for name, _ in docs}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for pair in witness_pairs(docs, threshold, kept):
        a, b = sorted((root(pair.first), root(pair.second)))
        parent[b] = a
    groups: dict[str, list[str]] = defaultdict(list)
    for name in parent:
        groups[root(name)].append(name)
    return sorted(tuple(sorted(g)) for g in groups.values() if len(g) > 1)


def _candidates(sampled: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Pairs of document indices worth comparing in full: each document's best :data:`_CANDIDATES` among
    those scoring at least :data:`_MIN_SHARED` (:func:`shared_scores`)."""
    best: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for a, b, score in shared_scores(sampled):
        if score >= _MIN_SHARED:
            best[a].append((-score, b))
            best[b].append((-score, a))
    pairs = {(min(a, b), max(a, b)) for a, ranked in best.items() for _, b in sorted(ranked)[:_CANDIDATES]}
    return sorted(pairs)


def shared_scores(sampled: Sequence[Sequence[int]]) -> Iterator[tuple[int, int, float]]:
    """``(a, b, score)`` for every pair of documents (``a < b``) sharing two or more sampled word pairs: the
    share of the smaller one's sampled pairs they have in common, from an inverted index.

    Each word pair's postings count every pair of documents in them once (a word pair in more than
    :data:`_MAX_DOCS` documents is left out), so the work is the number of sampled pairs times at most
    :data:`_MAX_DOCS`. A pair of documents is counted as one number, in C (``Counter.update``)."""
    postings: dict[int, list[int]] = defaultdict(list)
    for doc, kept in enumerate(sampled):
        for gram in kept:
            postings[gram].append(doc)
    size = len(sampled)
    shared: Counter[int] = Counter()
    for found in postings.values():
        if 1 < len(found) <= _MAX_DOCS:  # in document order, so a < b in each pair
            shared.update([a * size + b for a, b in combinations(found, 2)])
    for pair, count in shared.items():
        if count >= 2:
            a, b = divmod(pair, size)
            yield a, b, count / max(1, min(len(sampled[a]), len(sampled[b])))
