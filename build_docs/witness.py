"""Witnesses: two copies of one article, found, put in order and combined.

A *witness* is one received copy of an article: a clean web text, a magazine
page, an OCR scan. Two witnesses of the same article tell more together than
apart: the clean text fixes the scan's misread words, the scan may hold an
opening the web copy lost, and either can put the other's lines back in reading
order. This module owns that comparison; it is pure (strings in, frozen
dataclasses out, no I/O except reading the English word-pair list that ships
with symspellpy, once, when :func:`order_by_continuation` first needs it).

- :func:`find_witnesses` groups the documents of a corpus that are the same
  article, not merely the same topic (:func:`witness_pairs` gives the scores).
- :func:`order_by_witness` puts an OCR scan's lines into a witness's reading order;
  :func:`order_by_continuation` repairs line-interleaved columns without one.
- :func:`merge` combines the better witness's blocks with the other's text.
- :func:`overlap_cer` measures the character error rate where two texts overlap.

Everything compares *keys*: words case-folded, stripped of punctuation and with
the letters OCR confuses (``1 l i j``, ``0 o``, ``rn m``, ``vv w``) folded
together, so ``"ln"`` matches ``"In"`` and ``"ioint"`` matches ``"joint"``. Every
function is deterministic and runs in time roughly linear in its input.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

# --------------------------------------------------------------------------- keys

_WORD = re.compile(r"[^\s\u2010-\u2015]+")  # split on white space and dashes, not on the hyphen-minus
_FOLD = str.maketrans({"1": "i", "l": "i", "j": "i", "0": "o"})
_FOLD_PAIRS = (("rn", "m"), ("vv", "w"))


@lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    """The form of a word that comparisons use: ``"Beiiing's"`` and ``"Beijing's"`` both give ``"beiiings"``."""
    text = unicodedata.normalize("NFKD", word.casefold())
    text = "".join(c for c in text if c.isalnum())
    for pair, single in _FOLD_PAIRS:
        text = text.replace(pair, single)
    return text.translate(_FOLD)


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int
    key: str


def _words(text: str) -> list[_Word]:
    """The words of ``text`` with their character spans; words with no letter or digit are left out."""
    found = (_Word(m.group(), m.start(), m.end(), _key(m.group())) for m in _WORD.finditer(text))
    return [w for w in found if w.key]


def _keys(text: str) -> list[str]:
    return [k for k in map(_key, _WORD.findall(text)) if k]


def _bigrams(keys: Sequence[str]) -> list[int]:
    """Stable hashes of the word pairs of ``keys``: CRC-32 of ``"a b"`` (``hash()`` of a str changes between runs)."""
    return [zlib.crc32(f"{a} {b}".encode()) for a, b in pairwise(keys)]


# --------------------------------------------------------------------------- ordered matches


def _positions(items: Iterable[int]) -> dict[int, list[int]]:
    where: dict[int, list[int]] = defaultdict(list)
    for j, item in enumerate(items):
        where[item].append(j)
    return where


def _chain(a: Sequence[int], b: Mapping[int, Sequence[int]], max_occurrences: int = 4) -> list[tuple[int, int]]:
    """The longest chain of matches ``(i, j)``, ``a[i] == b[j]``, increasing in both ``i`` and ``j``.

    ``b`` is given by its :func:`_positions`. Items that occur more than
    ``max_occurrences`` times in ``b`` are ignored: they are the common phrases
    every text shares and would only add noise and cost. Time O(m log m) in the
    number of matches m (Hunt–Szymanski).
    """
    matches = [(i, j) for i, item in enumerate(a) if len(b.get(item, ())) <= max_occurrences for j in reversed(b.get(item, ()))]
    tails: list[int] = []  # tails[k]: smallest j ending a chain of length k + 1
    ends: list[int] = []  # index in matches of that chain's last match
    before: list[int] = [-1] * len(matches)
    for m, (_, j) in enumerate(matches):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            ends.append(m)
        else:
            tails[k] = j
            ends[k] = m
        before[m] = ends[k - 1] if k else -1
    chain = []
    m = ends[-1] if ends else -1
    while m >= 0:
        chain.append(matches[m])
        m = before[m]
    return chain[::-1]


def _increasing(values: Iterable[int]) -> int:
    """Length of the longest strictly increasing subsequence."""
    tails: list[int] = []
    for v in values:
        k = bisect_left(tails, v)
        tails[k : k + 1] = [v]
    return len(tails)


# --------------------------------------------------------------------------- detection

#: a pair is the same article when at least this share of the shorter text lies in runs it shares with the longer one
WITNESS_THRESHOLD = 0.6
_RUN_GAP = 12  # words: matches this close in both texts belong to one shared run
_SAMPLE = 4  # the index keeps one word pair in _SAMPLE (by hash), so it stays small on big corpora
_MAX_DOCS = 16  # a word pair found in more documents is boilerplate, not evidence
_CANDIDATES = 4  # each document is compared in full with at most this many others
_MIN_SHARED = 0.02  # share of sampled word pairs two documents must have in common to be compared
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


def witness_pairs(docs: Sequence[tuple[str, str]], threshold: float = WITNESS_THRESHOLD) -> list[WitnessPair]:
    """Every pair of ``(name, text)`` documents whose containment reaches ``threshold``, sorted by names.

    The pair must also share runs of at least ``_MIN_WORDS`` words, so two
    short notes with the same title are not one article.

    Only pairs that share enough sampled word pairs in an inverted index are
    compared in full, each document with its few best candidates, and each
    document's positions are built once, so the time grows linearly with the
    corpus. Names must be unique.
    """
    grams = [array("L", _bigrams(_keys(text))) for _, text in docs]  # 4 bytes a word
    by_longer: dict[int, list[int]] = defaultdict(list)
    for a, b in _candidates(grams):
        short, long = (a, b) if (len(grams[a]), a) < (len(grams[b]), b) else (b, a)
        by_longer[long].append(short)
    found = []
    for long in sorted(by_longer):
        where = _positions(grams[long])
        for short in by_longer[long]:
            covered = _covered(grams[short], where)
            score = covered / (len(grams[short]) + 1)
            if score >= threshold and covered >= _MIN_WORDS:
                first, second = sorted((docs[short][0], docs[long][0]))
                found.append(WitnessPair(first, second, round(score, 4), len(grams[short]) + 1))
    return sorted(found, key=lambda p: (p.first, p.second))


def find_witnesses(docs: Sequence[tuple[str, str]], threshold: float = WITNESS_THRESHOLD) -> list[tuple[str, ...]]:
    """Groups of documents that are the same article: sorted tuples of two or more names, in a sorted list.

    A group is a connected set of :func:`witness_pairs`; a document is in at most one group.
    """
    parent = {name: name for name, _ in docs}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for pair in witness_pairs(docs, threshold):
        a, b = sorted((root(pair.first), root(pair.second)))
        parent[b] = a
    groups: dict[str, list[str]] = defaultdict(list)
    for name in parent:
        groups[root(name)].append(name)
    return sorted(tuple(sorted(g)) for g in groups.values() if len(g) > 1)


def _candidates(grams: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Pairs of document indices worth comparing in full, from an inverted index of sampled word pairs."""
    sampled = [{h for h in g if h % _SAMPLE == 0} for g in grams]
    postings: dict[int, list[int]] = defaultdict(list)
    for doc, grams in enumerate(sampled):
        for gram in grams:
            postings[gram].append(doc)
    shared: Counter[tuple[int, int]] = Counter()
    for found in postings.values():
        if 1 < len(found) <= _MAX_DOCS:
            shared.update((a, b) for i, a in enumerate(found) for b in found[i + 1 :])
    best: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (a, b), count in shared.items():
        score = count / max(1, min(len(sampled[a]), len(sampled[b])))
        if count >= 2 and score >= _MIN_SHARED:
            best[a].append((-score, b))
            best[b].append((-score, a))
    pairs = {(min(a, b), max(a, b)) for a, ranked in best.items() for _, b in sorted(ranked)[:_CANDIDATES]}
    return sorted(pairs)


# --------------------------------------------------------------------------- reading order


@dataclass(frozen=True)
class Ordering:
    """A reading order for the lines of a text, with how it was found.

    ``order`` is a permutation of the input line indices: ``order[k]`` is the
    line to read k-th (:meth:`apply` gives the lines in that order). ``anchored``
    counts the lines placed on evidence (by a witness: matched to a place in
    it; by continuation: inside a repaired region), ``confidence`` is their mean
    confidence in 0–1, ``moved`` the fewest lines that must move to turn the
    input order into ``order`` (0: unchanged). ``positions`` (by a witness) is
    each line's place in the reference, in words, or ``None`` for a line that
    follows its neighbour; ``regions`` (by continuation) the half-open line
    ranges that were reordered.
    """

    order: tuple[int, ...]
    anchored: int
    moved: int
    confidence: float
    positions: tuple[int | None, ...] = ()
    regions: tuple[tuple[int, int], ...] = ()

    def apply(self, lines: Sequence[str]) -> list[str]:
        return [lines[i] for i in self.order]

    @property
    def figures(self) -> dict[str, int | float]:
        """The figures for a report: lines, anchored, moved, confidence."""
        return {"lines": len(self.order), "anchored": self.anchored, "moved": self.moved, "confidence": self.confidence}

    def __repr__(self) -> str:
        return f"Ordering({len(self.order)} lines, anchored={self.anchored}, moved={self.moved}, confidence={self.confidence:.2f})"


def _ordering(order: Sequence[int], confidences: Sequence[float], **extra: tuple) -> Ordering:
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return Ordering(tuple(order), len(confidences), len(order) - _increasing(order), round(mean, 4), **extra)


_MAX_HITS = 8  # a word pair found more often than this in the reference does not place a line
_SURE_VOTES = 1.5  # weighted votes that can place a line on their own (one word pair found once: 1)
_SURE_SHARE = 0.75  # ... if at least this share of its word pairs agree, or at least _SURE_PAIRS of them
_SURE_PAIRS = 3
_NEAR = 60  # words: how far from its neighbours' places a weakly placed line may go
_CONTEXT = 4  # lines: how far to look for placed neighbours
_FUZZY = 75  # rapidfuzz ratio from which an OCR word reads as a reference word


def order_by_witness(lines: Sequence[str], reference: str) -> Ordering:
    """The order that puts ``lines`` (an OCR text, possibly with columns mixed) into ``reference``'s reading order.

    Each line is placed where its word pairs are found in the reference. A
    line is placed on its own evidence only when enough of its pairs agree on
    one place; a line with weaker or ambiguous evidence only near the places
    of its neighbours, where its words are also matched loosely (so short OCR
    fragments such as ``"has"`` find their place); a line whose words recur
    in the reference goes to the occurrence nearest its neighbours. Lines
    that cannot be placed (blank lines, debris, text the reference lacks)
    follow the line before them, and those before the first placed line
    stay in front (an opening the reference lacks). Lines are then stably
    sorted by place, so a text in the reference's order comes back
    unchanged unless its lines recur (measured on 248 OCR documents whose
    8,150 lines follow their ground truth: 21 lines moved, in lists and
    notices that repeat lines, and one that the scan itself misplaced). Time
    linear in the sizes of both texts.
    """
    ref = _keys(reference)
    grams = _positions(_bigrams(ref))
    keys = [_keys(line) for line in lines]
    votes = [_votes(k, grams) for k in keys]
    places: list[int | None] = [None] * len(lines)
    confidence: dict[int, float] = {}
    for i, ranked in enumerate(votes):
        if ranked and _sure(ranked, len(keys[i]) - 1):
            places[i], confidence[i] = ranked[0][1], _share(ranked[0][2], len(keys[i]))
    sure = list(places)
    for i, ranked in enumerate(votes):  # weaker or ambiguous evidence, where it agrees with the sure neighbours
        near = _near(sure, keys, i)
        close = sorted((-score, _distance(place, near), place, agreeing) for score, place, agreeing in ranked if near != (None, None))
        close = [c for c in close if c[1] <= _NEAR]
        if places[i] is None and close:
            places[i], confidence[i] = close[0][2], _share(close[0][3], len(keys[i]))
    for i in range(len(lines)):  # fragments, matched word by word near every placed neighbour
        near = _near(places, keys, i)
        fuzzy = _fuzzy_place(keys[i], ref, near) if places[i] is None and near != (None, None) else None
        if fuzzy is not None:
            places[i], confidence[i] = fuzzy
    order = sorted(range(len(lines)), key=_sort_keys(places).__getitem__)
    return _ordering(order, [confidence[i] for i in sorted(confidence)], positions=tuple(places))


def _sure(ranked: Sequence[tuple[float, int, int]], pairs: int) -> bool:
    """Enough word pairs agree on the best place, and no other place far from it has half as many votes."""
    score, place, agreeing = ranked[0]
    rival = max((s for s, p, _ in ranked[1:] if abs(p - place) > _NEAR), default=0.0)
    return score >= _SURE_VOTES and (agreeing >= _SURE_PAIRS or agreeing >= _SURE_SHARE * pairs) and rival < score / 2


def _share(agreeing: int, words: int) -> float:
    return round(min(1.0, agreeing / max(1, words - 1)), 4)


def _votes(keys: Sequence[str], grams: Mapping[int, Sequence[int]]) -> list[tuple[float, int, int]]:
    """Candidate places of a line, best first: (weighted votes, start in reference words, agreeing word pairs).

    A word pair found at reference position p, at offset o in the line, votes
    for the start p - o with weight 1/(times found); votes one word apart are
    pooled, since OCR splits and joins words.
    """
    starts: dict[int, float] = defaultdict(float)
    counts: Counter[int] = Counter()
    for offset, gram in enumerate(_bigrams(keys)):
        found = grams.get(gram, ())
        if len(found) <= _MAX_HITS:
            for p in found:
                starts[p - offset] += 1 / len(found)
                counts[p - offset] += 1
    pooled = {s: (sum(starts.get(s + d, 0.0) for d in (-1, 0, 1)), sum(counts.get(s + d, 0) for d in (-1, 0, 1))) for s in starts}
    return sorted(((score, max(0, s), agreeing) for s, (score, agreeing) in pooled.items()), key=lambda c: (-c[0], c[1]))


def _near(places: Sequence[int | None], keys: Sequence[Sequence[str]], i: int) -> tuple[int | None, int | None]:
    """Where line ``i`` would start if it continued the placed line before it, and if it led into the placed line after it."""
    before = after = None
    for j in range(i - 1, max(-1, i - 1 - _CONTEXT), -1):
        if places[j] is not None:
            before = places[j] + len(keys[j])
            break
    for j in range(i + 1, min(len(places), i + 1 + _CONTEXT)):
        if places[j] is not None:
            after = max(0, places[j] - len(keys[i]))
            break
    return before, after


def _distance(place: int, near: tuple[int | None, int | None]) -> int:
    """How far ``place`` is from where the neighbours put the line (0 anywhere between two neighbours in order)."""
    before, after = near
    if before is None or after is None or before > after:  # one neighbour, or two out of order: near either
        return min(abs(place - n) for n in near if n is not None)
    return max(0, before - place, place - after)


def _fuzzy_place(keys: Sequence[str], ref: Sequence[str], near: tuple[int | None, int | None]) -> tuple[int, float] | None:
    """The best loose match of a short line's words in windows around ``near``: (start, mean similarity)."""
    from rapidfuzz.fuzz import ratio

    if not any(len(k) > 1 for k in keys):
        return None
    starts = sorted({s for n in near if n is not None for s in range(max(0, n - _NEAR), min(len(ref), n + _NEAR))})
    best: tuple[float, int, int] | None = None
    for start in starts:
        scores = [ratio(k, ref[start + o]) if start + o < len(ref) else 0.0 for o, k in enumerate(keys)]
        score = sum(scores) / len(scores)
        distance = _distance(start, near)
        if score >= _FUZZY and (best is None or (score, -distance) > (best[0], -best[2])):
            best = (score, start, distance)
    return None if best is None else (best[1], round(best[0] / 100, 4))


def _sort_keys(places: Sequence[int | None]) -> list[tuple[int, int]]:
    """Sort keys: a placed line sorts by its place, an unplaced one right after the line before it (first if none is)."""
    keys: list[tuple[int, int]] = []
    for i, place in enumerate(places):
        keys.append((place, i) if place is not None else (keys[-1][0] if keys else -1, i))
    return keys


_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)\]]*$")
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_LAST_WORD = re.compile(r"([^\W\d_]+)[^\w]*$")


@dataclass(frozen=True)
class English:
    """Word and word-pair counts: the symspellpy frequency lists (Google Books), as log2 counts.

    ``pairs`` holds only the 242,342 most frequent pairs (count ≥ 2**22), so a
    missing pair of two common words is evidence against it, and a missing pair
    of rare words is no evidence at all.
    """

    words: Mapping[str, int]
    pairs: Mapping[str, int]
    total: float  # log2 of the sum of all word counts
    pair_floor: int  # log2 of the smallest listed pair count


@lru_cache(maxsize=1)
def english() -> English:
    """The lists shipped inside the installed symspellpy package, read once."""
    import math
    from importlib.resources import files

    folder = files("symspellpy")

    def counts(name: str) -> dict[str, float]:
        rows = (line.rsplit(" ", 1) for line in (folder / name).read_text(encoding="utf-8").splitlines() if line)
        return {text: float(count) for text, count in rows}

    words = counts("frequency_dictionary_en_82_765.txt")
    pairs = counts("frequency_bigramdictionary_en_243_342.txt")
    total = math.log2(sum(words.values()))
    return English(
        {w: round(math.log2(c)) for w, c in words.items()},
        {p: round(math.log2(c)) for p, c in pairs.items()},
        total,
        round(math.log2(min(pairs.values()))),
    )


def continuation(before: str, after: str, lang: English | None = None) -> float:
    """How plausibly the line ``after`` continues the line ``before``: about −2 (no) to +2.5 (surely).

    Evidence, in order: a word hyphenated across the break (the joined word
    is known: +2.5; a compound such as ``Secretary-`` ``General``: +0.5); a
    sentence end before a capital (+1) or before a lowercase word (−2); a
    comma before a lowercase word (+0.5); otherwise how much more often the
    two words meet than chance (pointwise mutual information from the
    word-pair list: a common pair scores up to +2, two common words that
    never meet score down to −2). Anything else, OCR debris included, scores 0.
    """
    lang = lang or english()
    a, b = before.rstrip(), after.lstrip()
    if not a or not b:
        return 0.0
    lower, upper = b[0].islower(), b[0].isupper() or b[0].isdigit() or b[0] in "\"'\u2018\u201c"
    first = _FIRST_WORD.match(b)
    last = _LAST_WORD.search(a)
    if _HYPHENATED.search(a):
        joined = (last.group(1) if last else "") + (first.group() if first else "")
        return (2.5 if joined.lower() in lang.words else 0.5) if lower else 0.5
    if _SENTENCE_END.search(a):
        return 1.0 if upper else -2.0 if lower else 0.0
    if a[-1] in ",;:":
        return 0.5 if lower else 0.0
    if not (first and last) or not a[-1].isalpha():
        return 0.0
    return _pair_score(last.group(1).lower(), first.group().lower(), lang)


def _pair_score(x: str, y: str, lang: English) -> float:
    if x not in lang.words or y not in lang.words:
        return 0.0
    pmi_of = lang.total - lang.words[x] - lang.words[y]
    listed = lang.pairs.get(f"{x} {y}")
    if listed is not None:
        return max(-2.0, min(2.0, (listed + pmi_of - 3) / 2))
    bound = lang.pair_floor + pmi_of  # the pair's PMI is below this
    return max(-2.0, min(0.0, (bound - 3) / 2))


_GAIN = 4.0  # a region is de-interleaved only if the reading gains this much continuation score ...
_GAIN_PER_UNIT = 0.5  # ... plus this much per line (or block) in it
_MIN_REGION = 6  # lines (or blocks)


def order_by_continuation(lines: Sequence[str], lang: English | None = None) -> Ordering:
    """The order that de-interleaves regions where two columns were read line by line, judged by continuation alone.

    In such a region line i is continued by line i + 2, not i + 1 (``A1 B1 A2
    B2 …``); it is read as ``A1 A2 … B1 B2 …``. The same is then tried with
    blocks of lines between blank lines as the units (pieces of paragraphs
    from two columns). Candidate regions are the runs where skipping one unit continues
    better than the next unit (:func:`continuation`), by more than
    ``_GAIN_PER_UNIT`` on average; one is kept only if the whole reading,
    including where A's end meets B's start and the units around the region,
    scores at least ``_GAIN + _GAIN_PER_UNIT × units`` better than the input
    order. Blank lines follow the line before them. Time linear in the number
    of lines.

    Measured on UN speeches and the seeds: no change to 944 clean texts
    wrapped at 28–70 characters (434,000 lines); 280 of 579 pages of two
    columns read line by line restored exactly (88% of lines followed by the
    right line), 120 of 281 pages read in blocks of 2–5 lines. Pages whose
    columns are broken by blank lines, or mixed in blocks that are themselves
    out of order (as in the seed scan 001), are left as they are.
    """
    lang = lang or english()
    order, regions, confidence = _deinterleave(lines, [[i] for i, line in enumerate(lines) if line.strip()], lang)
    blocks = _blocks(order)
    if len(blocks) >= _MIN_REGION:
        order, more, confidence2 = _deinterleave(lines, blocks, lang)
        regions, confidence = regions + more, confidence + confidence2
    return _ordering(_with_blank_lines(order, len(lines)), confidence, regions=tuple(sorted(regions)))


def _blocks(order: Sequence[int]) -> list[list[int]]:
    """The non-blank lines ``order`` cut into blocks wherever a blank line (or a move) separates them."""
    blocks: list[list[int]] = []
    for i in order:
        if blocks and i == blocks[-1][-1] + 1:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    return blocks


def _deinterleave(lines: Sequence[str], units: Sequence[Sequence[int]], lang: English) -> tuple[list[int], list[tuple[int, int]], list[float]]:
    """De-interleave the runs of ``units`` (lists of line indices, read in order) where unit i continues into i + 2."""
    memo: dict[tuple[int, int], float] = {}

    def score(a: int, b: int) -> float:
        if (a, b) not in memo:
            memo[a, b] = continuation(lines[units[a][-1]], lines[units[b][0]], lang)
        return memo[a, b]

    n = len(units)
    unit_order = list(range(n))
    regions: list[tuple[int, int]] = []
    confidence: list[float] = []
    taken = 0
    for found in _candidate_regions(n, score):
        options = _refined(found, n, taken)
        if not options:
            continue
        best = max(options, key=lambda r: (_gain(r, score, n), -r[0], r[1]))
        start, end = best
        gain = _gain(best, score, n)
        if gain >= _GAIN + _GAIN_PER_UNIT * (end - start):
            unit_order[start:end] = [*range(start, end, 2), *range(start + 1, end, 2)]
            regions.append((min(units[start]), max(units[end - 1]) + 1))
            lines_in = sum(len(units[k]) for k in range(start, end))
            confidence += [min(1.0, round(gain / (2 * (end - start)), 4))] * lines_in
            taken = end
    return [i for k in unit_order for i in units[k]], regions, confidence


def _candidate_regions(n: int, score: Callable[[int, int], float]) -> list[tuple[int, int]]:
    """Half-open unit ranges where skipping a unit continues better than the next one, by more than the margin on average.

    A running sum of ``score(i, i+2) - score(i, i+1) - _GAIN_PER_UNIT`` is
    restarted whenever it drops to zero; each run that reaches its peak gives
    the range from its first unit to two units past the peak (inclusive).
    """
    found: list[tuple[int, int]] = []
    total, start, peak, peak_at = 0.0, 0, 0.0, -1
    for i in range(n - 1):
        step = (score(i, i + 2) if i + 2 < n else 0.0) - score(i, i + 1) - _GAIN_PER_UNIT
        if total + step <= 0:
            if peak_at >= 0 and peak_at + 3 - start >= _MIN_REGION:
                found.append((start, min(n, peak_at + 3)))
            total, start, peak, peak_at = 0.0, i + 1, 0.0, -1
            continue
        total += step
        if total > peak:
            peak, peak_at = total, i
    if peak_at >= 0 and peak_at + 3 - start >= _MIN_REGION:
        found.append((start, min(n, peak_at + 3)))
    return found


def _refined(region: tuple[int, int], n: int, taken: int) -> list[tuple[int, int]]:
    """``region`` and its neighbours with either end moved by up to three units (the running sum blurs the ends)."""
    start, end = region
    return [(a, b) for a in range(max(taken, start - 3), start + 4) for b in range(end - 3, min(n, end + 3) + 1) if b - a >= _MIN_REGION]


def _gain(region: tuple[int, int], score: Callable[[int, int], float], n: int) -> float:
    """How much better the units of ``region`` continue read as A then B than in input order."""
    start, end = region
    around, after = ([start - 1] if start else []), ([end] if end < n else [])
    split = [*range(start, end, 2), *range(start + 1, end, 2)]
    return _path_score(around + split + after, score) - _path_score([*around, *range(start, end), *after], score)


def _path_score(path: Sequence[int], score: Callable[[int, int], float]) -> float:
    return sum(score(a, b) for a, b in pairwise(path))


def _with_blank_lines(order: Sequence[int], total: int) -> list[int]:
    """``order`` of the non-blank lines, each followed by the blank lines after it in the input (leading ones first)."""
    placed = set(order)
    following: dict[int, list[int]] = defaultdict(list)
    last = -1
    for i in range(total):
        if i in placed:
            last = i
        else:
            following[last].append(i)
    result = list(following[-1])
    for i in order:
        result += [i, *following[i]]
    return result


# --------------------------------------------------------------------------- merge

_MIN_NEW_WORDS = 4  # secondary-only text shorter than this is debris
_MIN_KNOWN = 0.6  # ... and so is text with a smaller share of known words
_REPEAT_PAIRS = 4  # ... or this many word pairs in a row that the primary has elsewhere
_SIMILAR = 0.6  # normalised Levenshtein similarity from which two words are readings of one word
_SAME_GAP = 0.6  # two unmatched stretches this similar (normalised Levenshtein, as text) are aligned word by word
_PLAIN_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")  # letters and digits, maybe with one apostrophe
_SENTENCE_END_TEXT = re.compile(r"[.!?\u2026][\"'\u2019\u201d)\]]*$")
_CUT_WORD = re.compile(r"[^\W\d_]-$")


@dataclass(frozen=True)
class Reading:
    """A word of primary block ``block`` replaced by the secondary's reading of it."""

    block: int
    primary: str
    secondary: str


@dataclass(frozen=True)
class MergedBlock:
    """A block of the merged text: a primary block (``primary_index``), or text only the secondary has (``None``)."""

    text: str
    primary_index: int | None
    readings: tuple[Reading, ...] = ()

    def __repr__(self) -> str:
        return f"MergedBlock({self.primary_index}, {self.text[:40]!r}, readings={len(self.readings)})"


@dataclass(frozen=True)
class MergeFigures:
    """Word counts of a merge; words are runs of non-space characters with a letter or digit.

    ``aligned``: primary words matched to a secondary word (the same word or an
    OCR variant of it); ``primary_only``: primary words the secondary lacks;
    ``secondary_kept`` / ``secondary_dropped``: words only the secondary has,
    kept as text, or dropped as debris, as a repeat of primary text or as a
    different reading of a stretch the primary has;
    ``readings``: primary words replaced by the secondary's reading;
    ``ends_mid_sentence``: the merged text's last block does (see
    :func:`ends_mid_sentence`); ``cut_blocks``: merged blocks that end inside
    a hyphenated word (``"a more pow-"``), where text was lost.
    """

    aligned: int
    primary_only: int
    secondary_kept: int
    secondary_dropped: int
    readings: int
    ends_mid_sentence: bool
    cut_blocks: tuple[int, ...] = ()


@dataclass(frozen=True)
class Merge:
    """The merged blocks in reading order, the figures, and the secondary-only text that was dropped."""

    blocks: tuple[MergedBlock, ...]
    figures: MergeFigures
    dropped: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


def ends_mid_sentence(text: str) -> bool:
    """True if ``text`` stops without a sentence end (``. ! ? …``, maybe before a quote or bracket) or inside a hyphenated word."""
    text = text.rstrip()
    return not text or bool(_CUT_WORD.search(text)) or not _SENTENCE_END_TEXT.search(text)


def merge(primary: Sequence[str], secondary: str, known: Callable[[str], bool]) -> Merge:
    """Combine the blocks of the better witness (``primary``, in reading order) with the other witness's text.

    The two word streams are aligned on word pairs found once in each, then
    word by word in between, tolerating OCR variants. The result keeps every
    primary block and its text; where a primary word is unknown to ``known``
    and the secondary's reading of it is known, the secondary's reading is
    taken (one whole word for another, see :func:`_better`). Text only the
    secondary has is kept as new blocks (before the first block, after the
    last, or after the block where it falls) if it adds to the primary rather
    than reads a stretch of it differently (:func:`_insertion`) and looks like
    real text (at least ``_MIN_NEW_WORDS`` words, a share ``_MIN_KNOWN``
    known, not a repeat of primary text); the rest is dropped and listed in
    :attr:`Merge.dropped`. A lead-in is joined to the first block when that
    block starts mid-sentence with a lowercase word and the lead-in does not
    end a sentence (an OCR hyphen at the seam becomes a dash). ``secondary``
    is plain text in reading order; words hyphenated across its line breaks
    are joined first. Time linear in the two texts plus the squared size of
    their largest unmatched stretch (bit-parallel, in rapidfuzz).

    Measured: merging 000's paragraphs with 001 (put in order by
    :func:`order_by_witness`) gains 001's 22-word opening, drops 52 words of
    debris and repeats, and aligns 701 of 000's 1,033 words. With an OCR text
    as the primary and its ground truth as the secondary (159 Overproof
    articles), the readings taken cut the character error rate from 0.082 to
    0.068.
    """
    flat = _flatten(secondary, known)
    ours = [(b, w) for b, text in enumerate(primary) for w in _words(text)]
    theirs = _words(flat)
    pairs = _align([w.key for _, w in ours], [w.key for w in theirs])
    readings: dict[int, list[tuple[_Word, _Word]]] = defaultdict(list)
    for i, j in pairs:
        block, word = ours[i]
        if _better(word.text, theirs[j].text, known):
            readings[block].append((word, theirs[j]))
    blocks = [_with_readings(b, text, readings[b]) for b, text in enumerate(primary)]
    after, kept, dropped = _secondary_only(flat, theirs, pairs, ours, known)
    merged = _assemble(blocks, after)
    figures = MergeFigures(
        aligned=len(pairs),
        primary_only=len(ours) - len(pairs),
        secondary_kept=kept,
        secondary_dropped=sum(len(_words(t)) for t in dropped),
        readings=sum(len(r) for r in readings.values()),
        ends_mid_sentence=ends_mid_sentence(merged[-1].text) if merged else False,
        cut_blocks=tuple(k for k, b in enumerate(merged) if _CUT_WORD.search(b.text.rstrip())),
    )
    return Merge(tuple(merged), figures, tuple(dropped))


def _secondary_only(
    flat: str, theirs: Sequence[_Word], pairs: Sequence[tuple[int, int]], ours: Sequence[tuple[int, _Word]], known: Callable[[str], bool]
) -> tuple[dict[int, list[str]], int, list[str]]:
    """The secondary's unaligned text: new texts by the primary block they follow (-1: before all), words kept, texts dropped."""
    primary_grams = set(_bigrams([w.key for _, w in ours]))
    after: dict[int, list[str]] = defaultdict(list)
    kept, dropped = 0, []
    for run in _runs(len(theirs), {j for _, j in pairs}):
        insertion = _insertion(run[0], pairs, ours)
        for first, words, repeated in _pieces(run[0], theirs[run[0] : run[-1] + 1], primary_grams):
            text = " ".join(flat[words[0].start : words[-1].end].split())
            if insertion and not repeated and _real_text(words, known):
                after[_block_before(first, pairs, ours)].append(text)
                kept += len(words)
            else:
                dropped.append(text)
    return after, kept, dropped


def _flatten(text: str, known: Callable[[str], bool]) -> str:
    """``text`` with words hyphenated across line breaks joined (``"en-\nergy"`` → ``"energy"``).

    A hyphen is kept (the break becomes a space) when both parts are known
    words and the joined word is not: ``"stages-\nfrom"`` is a dash.
    """

    def join(m: re.Match[str]) -> str:
        head, tail = m.group(1), m.group(2)
        keep = _known(head, known) and _known(tail, known) and not _known(head + tail, known)
        return f"{head}- {tail}" if keep else head + tail

    return re.sub(r"([^\W\d_]+)-[ \t]*\n[ \t]*([a-z]+)", join, text)


_DEPTH = 3  # how many times a stretch between anchors is searched again for anchors of its own


def _align(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs of words of ``a`` and ``b`` that are the same word, in increasing order of both.

    Patience-style: anchors are the word pairs found exactly once in each
    text, chained in order; each stretch between anchors loses its common
    first and last words and is searched again for pairs unique within it.
    What remains is aligned word by word only if the two stretches are alike
    (normalised Levenshtein similarity of their texts at least ``_SAME_GAP``),
    pairing substituted words similar enough to be readings of each other.
    """
    pairs: list[tuple[int, int]] = []
    _align_range(a, b, (0, len(a)), (0, len(b)), 0, pairs)
    return sorted(pairs)


def _align_range(a: Sequence[str], b: Sequence[str], ra: tuple[int, int], rb: tuple[int, int], depth: int, out: list[tuple[int, int]]) -> None:
    (a0, a1), (b0, b1) = ra, rb
    while a0 < a1 and b0 < b1 and a[a0] == b[b0]:
        out.append((a0, b0))
        a0, b0 = a0 + 1, b0 + 1
    while a0 < a1 and b0 < b1 and a[a1 - 1] == b[b1 - 1]:
        out.append((a1 - 1, b1 - 1))
        a1, b1 = a1 - 1, b1 - 1
    if a0 == a1 or b0 == b1:
        return
    anchors = _unique_anchors(a[a0:a1], b[b0:b1]) if depth < _DEPTH else []
    if not anchors:
        _align_words(a, b, (a0, a1), (b0, b1), out)
        return
    previous = (a0 - 1, b0 - 1)
    for i, j in [*((a0 + i, b0 + j) for i, j in anchors), (a1, b1)]:
        _align_range(a, b, (previous[0] + 1, i), (previous[1] + 1, j), depth + 1, out)
        if i < a1:
            out.append((i, j))
        previous = (i, j)


def _unique_anchors(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Word index pairs of the word pairs found once in ``a`` and once in ``b``, chained in order."""
    grams_a, grams_b = _bigrams(a), _bigrams(b)
    once_a = {g for g, c in Counter(grams_a).items() if c == 1}
    chain = _chain([g if g in once_a else -1 for g in grams_a], _positions(grams_b), max_occurrences=1)
    anchors: list[tuple[int, int]] = []
    for pair in sorted({p for i, j in chain for p in ((i, j), (i + 1, j + 1))}):
        if not anchors or (pair[0] > anchors[-1][0] and pair[1] > anchors[-1][1]):  # each word in one pair only
            anchors.append(pair)
    return anchors


def _align_words(a: Sequence[str], b: Sequence[str], ra: tuple[int, int], rb: tuple[int, int], out: list[tuple[int, int]]) -> None:
    """Word-by-word alignment of two stretches without anchors, if they are alike at all."""
    from rapidfuzz.distance import Levenshtein

    gap_a, gap_b = a[ra[0] : ra[1]], b[rb[0] : rb[1]]
    if not Levenshtein.normalized_similarity(" ".join(gap_a), " ".join(gap_b), score_cutoff=_SAME_GAP):
        return
    for op in Levenshtein.opcodes(gap_a, gap_b):
        if op.tag not in ("equal", "replace"):
            continue
        for k in range(min(op.src_end - op.src_start, op.dest_end - op.dest_start)):
            i, j = op.src_start + k, op.dest_start + k
            if op.tag == "equal" or Levenshtein.normalized_similarity(gap_a[i], gap_b[j]) >= _SIMILAR:
                out.append((ra[0] + i, rb[0] + j))


def _core(word: str) -> tuple[int, int]:
    """Span of ``word`` without the punctuation around it."""
    start = next((k for k, c in enumerate(word) if c.isalnum()), len(word))
    end = len(word) - next((k for k, c in enumerate(reversed(word)) if c.isalnum()), len(word))
    return start, max(start, end)


def _known(word: str, known: Callable[[str], bool]) -> bool:
    """``known`` for each hyphen-separated part of ``word``'s core; parts without letters count as known."""
    core = word[slice(*_core(word))]
    parts = [p for p in re.split(r"[-\u2010\u2011]", core) if p]
    return bool(parts) and all(not any(c.isalpha() for c in p) or known(p) or known(p.lower()) for p in parts)


def _better(ours: str, theirs: str, known: Callable[[str], bool]) -> bool:
    """Take the secondary's reading: the primary's word is unknown, the secondary's known, and they are one word.

    Not a reading: a word cut at a line end (``"examina-"``), a word run
    together with others (``"isnotsurprising"``) or a length that differs
    by more than a quarter.
    """
    a, b = ours[slice(*_core(ours))], theirs[slice(*_core(theirs))]
    if a == b or ours.endswith("-") or not _PLAIN_WORD.fullmatch(a) or abs(len(a) - len(b)) > max(1, len(a) // 4):
        return False
    return not _known(ours, known) and _known(theirs, known)


def _with_readings(block: int, text: str, readings: Sequence[tuple[_Word, _Word]]) -> MergedBlock:
    """Block ``block`` with each of its words in ``readings`` replaced by the secondary's core (its punctuation kept)."""
    taken = []
    for ours, theirs in sorted(readings, key=lambda r: -r[0].start):
        start, end = _core(ours.text)
        new = theirs.text[slice(*_core(theirs.text))]
        text = text[: ours.start + start] + new + text[ours.start + end :]
        taken.append(Reading(block, ours.text[start:end], new))
    return MergedBlock(text, block, tuple(reversed(taken)))


def _runs(n: int, matched: set[int]) -> list[list[int]]:
    """Maximal runs of consecutive indices below ``n`` that are not in ``matched``."""
    runs: list[list[int]] = []
    for j in range(n):
        if j in matched:
            continue
        if runs and runs[-1][-1] == j - 1:
            runs[-1].append(j)
        else:
            runs.append([j])
    return runs


def _real_text(words: Sequence[_Word], known: Callable[[str], bool]) -> bool:
    return len(words) >= _MIN_NEW_WORDS and sum(_known(w.text, known) for w in words) >= _MIN_KNOWN * len(words)


def _pieces(first: int, words: Sequence[_Word], primary_grams: set[int]) -> list[tuple[int, list[_Word], bool]]:
    """A run of secondary-only words cut into pieces that repeat primary text and pieces that do not.

    Repeats are text the alignment could not place, such as a column read out
    of order: the run is cut around every ``_REPEAT_PAIRS`` or more word pairs
    in a row that occur in the primary, and a remaining piece counts as a
    repeat too if half its word pairs do. Shorter shared bits (``"of the"``,
    a name) stay in the text around them. Returns (index of the piece's first
    word, its words, repeated?).
    """
    inside = [g in primary_grams for g in _bigrams([w.key for w in words])]
    repeated = [False] * len(words)
    k = 0
    while k < len(inside):
        end = k
        while end < len(inside) and inside[end]:
            end += 1
        if end - k >= _REPEAT_PAIRS:
            repeated[k : end + 1] = [True] * (end + 1 - k)
        k = end + 1
    pieces: list[tuple[int, list[_Word], bool]] = []
    for k, word in enumerate(words):
        if pieces and pieces[-1][2] == repeated[k]:
            pieces[-1][1].append(word)
        else:
            pieces.append((first + k, [word], repeated[k]))
    return [(start, piece, flag or _mostly_shared(piece, primary_grams)) for start, piece, flag in pieces]


def _mostly_shared(words: Sequence[_Word], primary_grams: set[int]) -> bool:
    grams = _bigrams([w.key for w in words])
    return bool(grams) and sum(g in primary_grams for g in grams) >= 0.5 * len(grams)


def _block_before(j: int, pairs: Sequence[tuple[int, int]], ours: Sequence[tuple[int, _Word]]) -> int:
    """The primary block holding the last primary word aligned before secondary word ``j`` (-1: none)."""
    k = bisect_left(pairs, j, key=lambda p: p[1]) - 1
    return ours[pairs[k][0]][0] if k >= 0 else -1


def _insertion(j: int, pairs: Sequence[tuple[int, int]], ours: Sequence[tuple[int, _Word]]) -> bool:
    """Whether secondary-only text at secondary word ``j`` adds to the primary rather than reads it differently.

    It adds before the first aligned word, after the last, and where the
    primary has nothing between the aligned words around it or only whole
    blocks (a caption one witness lacks); where the primary has other words
    in the same stretch of a block, the two witnesses disagree and the
    primary's reading stands.
    """
    k = bisect_left(pairs, j, key=lambda p: p[1])
    if k == 0 or k == len(pairs):
        return True
    before, after = pairs[k - 1][0], pairs[k][0]
    return after == before + 1 or (ours[before][0] != ours[before + 1][0] and ours[after - 1][0] != ours[after][0])


def _assemble(blocks: Sequence[MergedBlock], after: Mapping[int, Sequence[str]]) -> list[MergedBlock]:
    """Primary blocks with the new texts after the block they follow; a lead-in may join the first block."""
    merged = [MergedBlock(t, None) for t in after.get(-1, ())]
    first = list(blocks)
    if merged and first and _joins(merged[-1].text, first[0].text):
        lead = merged.pop().text
        seam = lead[:-1] + "\u2014" if _CUT_WORD.search(lead) else lead + " "
        first[0] = MergedBlock(seam + first[0].text.lstrip(), first[0].primary_index, first[0].readings)
    for index, block in enumerate(first):
        merged += [block, *(MergedBlock(t, None) for t in after.get(index, ()))]
    return merged


def _joins(lead: str, first: str) -> bool:
    """A lead-in joins a first block that starts mid-sentence (lowercase) if it does not itself end a sentence."""
    start = first.lstrip()[:1]
    return start.islower() and not _SENTENCE_END_TEXT.search(lead.rstrip())


# --------------------------------------------------------------------------- measure


@dataclass(frozen=True)
class OverlapCER:
    """Character error rate of an OCR text against a reference, on the stretch both cover.

    ``cer`` = ``distance`` / ``reference_chars``: the Levenshtein distance
    between the two overlapping stretches, runs of white space counted as one
    space, over the reference stretch's length. The spans are character
    offsets in the texts as given; ``coverage`` is the share of the
    reference's words inside its span, ``matched`` the share of those that
    the OCR text has (the same word or an OCR variant): a low value means the
    texts are not witnesses and the rate says little. Text in a different
    order counts as errors, so the rate also measures column mix-ups.
    """

    cer: float
    distance: int
    reference_chars: int
    ocr_chars: int
    coverage: float
    matched: float
    reference_span: tuple[int, int]
    ocr_span: tuple[int, int]

    def __repr__(self) -> str:
        return f"OverlapCER(cer={self.cer:.4f}, {self.distance}/{self.reference_chars} chars, coverage={self.coverage:.2f}, matched={self.matched:.2f})"


def overlap_cer(ocr: str, reference: str) -> OverlapCER:
    """The character error rate of ``ocr`` against ``reference`` where they overlap (see :class:`OverlapCER`).

    The overlap runs from the first to the last word the two texts share in
    order (a word counts only next to another shared word, so a stray match
    does not stretch it). Texts with nothing in common give ``cer`` 1.0 and
    empty spans. Time linear in the texts plus the Levenshtein distance,
    O(n·m/64) with rapidfuzz's bit-parallel algorithm.
    """
    from rapidfuzz.distance import Levenshtein

    ours, theirs = _words(ocr), _words(reference)
    pairs = _align([w.key for w in ours], [w.key for w in theirs])
    linked = set(pairs)
    solid = [(i, j) for i, j in pairs if (i + 1, j + 1) in linked or (i - 1, j - 1) in linked]
    if not solid:
        size = len(" ".join(reference.split()))
        return OverlapCER(1.0, size, size, 0, 0.0, 0.0, (0, 0), (0, 0))
    (i0, j0), (i1, j1) = solid[0], solid[-1]
    span_ocr, span_ref = (ours[i0].start, ours[i1].end), (theirs[j0].start, theirs[j1].end)
    a, b = " ".join(ocr[slice(*span_ocr)].split()), " ".join(reference[slice(*span_ref)].split())
    distance = Levenshtein.distance(a, b)
    inside = sum(1 for _, j in pairs if j0 <= j <= j1)
    coverage, matched = round((j1 - j0 + 1) / len(theirs), 4), round(inside / (j1 - j0 + 1), 4)
    return OverlapCER(round(distance / max(1, len(b)), 4), distance, len(b), len(a), coverage, matched, span_ref, span_ocr)
