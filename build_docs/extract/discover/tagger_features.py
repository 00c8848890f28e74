"""The words a statistical name tagger reads, and what it knows about each: shared by training and tagging.

A text is split into every word and punctuation mark (:func:`words_of`; a possessive "'s" is a word of
its own, so "Putin's" gives "Putin"). Each word gets CRFsuite attributes (:func:`features`):

* its shape ("Xx", "XX", "x.", "d" ...), length, capitalisation, hyphen, and its last two and three letters;
* how common it is in English (symspellpy's frequency list: top 1,000, 5,000, 20,000, or rarer) and,
  only when it is among the 20,000 most frequent words or is punctuation, the word itself. A rare
  word -- most names -- is never an attribute of its own, so the model cannot learn the training
  text's names: it learns what names look like and what stands around them;
* membership of the build's lists and gazetteers: GeoNames and pycountry places (by kind), Faker's
  given names and surnames, Chinese, Korean and Vietnamese family names, titles, organisation and
  place head words, nationalities, months, verbs of saying, prepositions of place, name particles.
  The word lists are read as they were when the model was trained (:data:`LISTS_FILE` beside the model,
  written by ``benchmarks/train_names.py --lists-now``), not as the rules' lists stand now: a title or a head word an
  editor adds changes what the rules find, never the model's weights' meaning, so a list can be edited
  without training the model again (and without a corpus), and a rule's change is measured without the
  model's decisions shifting under it (training again on lists one word apart flipped the kind of about
  30 of 1,660 pages of 300 UN speeches);
* whether the same word is written in lower case elsewhere in the paragraph, and whether it opens a sentence;
* a few of the same facts about the two words on either side.

The attributes of a word depend only on the word (and, for the last two, its paragraph), so they are
made once per distinct word (a bounded cache): tagging costs a dictionary look-up per word plus
CRFsuite's Viterbi pass, linear in the text. Training reads :func:`features` (strings); tagging reads
the same attributes through :class:`Encoder`: as bytes (pycrfsuite copies them without encoding),
without those the model has no weight for (CRFsuite would skip them: the scores are the same), each
word's own attributes and what it gives each neighbour made once per distinct word and joined per text.
Profiled on 300 UN speeches, this and importing inflect without typeguard's instrumentation
(:func:`build_docs.inflection.engine`) took the names stage from about 9 s to 6 s, the output byte for byte the same.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path

from build_docs.extract.discover import lexicon
from build_docs.extract.discover.lexicon import is_common
from build_docs.extract.discover.person_shapes import family_surname, given_name, surname
from build_docs.extract.discover.place_names import gazetteer

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+|['\u2019](?![sS]\b)[^\W_]+)*|['\u2019][sS]\b|[^\w\s]")
_SENTENCE_END = frozenset(".!?:;\"\u201c\u201d\u2022")
_REPEATS = re.compile(r"(.)\1+")
_WINDOW = (-2, -1, 1, 2)


def words_of(text: str) -> list[tuple[int, int]]:
    """The spans of every word and punctuation mark in ``text``."""
    return [m.span() for m in WORD.finditer(text)]


def shape(word: str) -> str:
    """ "Xx", "XX", "x", "Xx-Xx", "d": letters by case, digits, other characters as they are, repeats folded."""
    out = []
    for c in word:
        if c.isupper():
            out.append("X")
        elif c.islower():
            out.append("x")
        elif c.isdigit():
            out.append("d")
        else:
            out.append(c)
    return _REPEATS.sub(r"\1", "".join(out))


def _rank(word: str) -> str:
    if is_common(word, lexicon.VERY_COMMON_RANK):
        return "1k"
    if is_common(word, 5_000):
        return "5k"
    return "20k" if is_common(word) else "rare"


def _attributes(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The attributes of ``word`` itself, and those it contributes as a neighbour (its shape, the word when common, and
    its list memberships)."""
    rank = _rank(word) if word[0].isalnum() else "punct"
    head = (f"shape={shape(word)}", f"rank={rank}")
    common = (f"w={word.lower()}",) if rank != "rare" else ()
    facts = tuple(_facts(word.rstrip(".")))
    own = (*head, f"len={min(len(word), 8)}", f"suf2={word[-2:].lower()}", f"suf3={word[-3:].lower()}", *common, *facts)
    return own, (*head, *common, *facts)


@lru_cache(maxsize=200_000)
def _own(word: str) -> tuple[str, ...]:
    """The attributes of ``word`` itself."""
    return _attributes(word)[0]


@lru_cache(maxsize=200_000)
def _context(word: str) -> tuple[str, ...]:
    """The attributes a neighbour contributes: its shape, the word when common, and its list memberships."""
    return _attributes(word)[1]


@lru_cache(maxsize=200_000)
def _around(word: str) -> tuple[tuple[str, ...], ...]:
    """``_context(word)`` prefixed for each place in the window: (-2, -1, +1, +2)."""
    ctx = _context(word)
    return tuple(tuple(f"{offset}:{a}" for a in ctx) for offset in _WINDOW)


# The word lists (:mod:`.lexicon`) a word's attributes say it is in, with the attribute each gives.
LISTS = (
    ("title", "HEAD_TITLES"),
    ("titlemod", "TITLE_MODIFIERS"),
    ("orghead", "ORG_HEADS"),
    ("placehead", "PLACE_HEADS"),
    ("demonym", "DEMONYMS"),
    ("date", "DATES"),
    ("saying", "SAYING_VERBS"),
    ("placeprep", "PLACE_PREPOSITIONS"),
    ("particle", "PARTICLES"),
    ("otherhead", "OTHER_NAME_HEADS"),
)


LISTS_FILE = Path(__file__).resolve().parent.parent.parent / "data" / "discover" / "names.lists.txt"  # the lists as trained on
_LISTS_HEADER = (
    "# The word lists the name tagger's attributes read, as they were when its model (names.crfsuite) was trained:\n"
    "# written by `benchmarks/train_names.py --lists-now` from the build's lists (tagger_features.py, LISTS).\n"
    "# Edit the lists themselves, not this file; train with --lists-now for the model to learn their new words.\n"
)


def lists_text() -> str:
    """The word lists of :data:`LISTS` as they stand now, in the format of :data:`LISTS_FILE`: a header, then one
    ``attribute word`` line per entry, sorted."""
    lines = sorted(f"{label} {word}" for label, name in LISTS for word in getattr(lexicon, name))
    return _LISTS_HEADER + "".join(f"{line}\n" for line in lines)


@cache
def _trained_lists() -> dict[str, frozenset[str]]:
    """Attribute -> the words of its list, read from :data:`LISTS_FILE`; the lists as they stand now when there is no
    such file (a package installed without its model, which then tags nothing)."""
    text = LISTS_FILE.read_text(encoding="utf-8") if LISTS_FILE.is_file() else lists_text()
    words: dict[str, set[str]] = {label: set() for label, _ in LISTS}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            label, word = line.split(" ", 1)
            words[label].add(word)
    return {label: frozenset(ws) for label, ws in words.items()}


def trained_list(label: str) -> frozenset[str]:
    """The words of one list as the model was trained on it (:data:`LISTS_FILE`; ``label`` as in :data:`LISTS`: "title",
    "demonym" ...): what its training labels read too, so that an edit to the build's lists leaves them alone."""
    return _trained_lists()[label]


def use_lists(path: Path) -> None:
    """Read the trained word lists from ``path`` from now on (training writes them there first; benchmarks train on
    other lists), forgetting every attribute made from the lists before."""
    global LISTS_FILE
    LISTS_FILE = path
    for made in (_trained_lists, _own, _context, _around):
        made.cache_clear()


def _facts(word: str) -> list[str]:
    """Which of the build's lists (as trained on: :data:`LISTS_FILE`) and gazetteers hold ``word``."""
    out = []
    place = gazetteer().get(word)
    if place is not None:
        out.append(f"gaz={place.kind}")
    if given_name(word):
        out.append("given")
    if surname(word):
        out.append("surname")
    if family_surname(word):
        out.append("family")
    lists = _trained_lists()
    for label, _ in LISTS:
        if word in lists[label]:
            out.append(label)
    return out


def inputs_digest() -> str:
    """SHA-256 of what in this repository the attributes are made from: this module's source and the trained word lists
    (:data:`LISTS_FILE`). ``make train-names`` records it beside the model it writes (``names.inputs.sha256``), and a
    test compares, so that the attributes' code or the trained lists changed without training the model again fail the
    tests. The packages' data (GeoNames, Faker's names, the frequency list) is left out: a new release of one must not
    fail a build the repository did not change."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(LISTS_FILE.read_bytes() if LISTS_FILE.is_file() else lists_text().encode("utf-8"))
    return digest.hexdigest()


def positions(text: str, spans: list[tuple[int, int]]) -> tuple[list[str], list[bool], list[bool]]:
    """The words of ``text`` (``spans`` from :func:`words_of`), and for each whether it opens a sentence (``first``: the
    text's first word, or after a sentence's end or a blank line) and whether it is capitalised and written in lower case
    elsewhere in the text (``lowerseen``)."""
    words = [text[a:b] for a, b in spans]
    ends = _SENTENCE_END
    first = [True, *(w[0] in ends for w in words[:-1])] if words else []
    if "\n\n" in text:
        for i in range(1, len(words)):
            if not first[i] and "\n\n" in text[spans[i - 1][1] : spans[i][0]]:
                first[i] = True
    lower = {w for w in words if w[0].islower()}
    return words, first, [w[0].isupper() and w.lower() in lower for w in words]


EDGES = tuple(f"{offset}:edge" for offset in _WINDOW)  # the attribute each place of the window has past the text's ends


def features(text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    """CRFsuite attributes of each word of ``text`` (``spans`` from :func:`words_of`)."""
    words, first, lowerseen = positions(text, spans)
    n = len(words)
    out: list[list[str]] = []
    for i, word in enumerate(words):
        attrs = ["bias", *_own(word)]
        if first[i]:
            attrs.append("first")
        if lowerseen[i]:
            attrs.append("lowerseen")
        for slot, offset in enumerate(_WINDOW):
            k = i + offset
            if 0 <= k < n:
                attrs.extend(_around(words[k])[slot])
            else:
                attrs.append(EDGES[slot])
        out.append(attrs)
    return out


class Encoder:
    """:func:`features` as CRFsuite reads them fastest, for tagging: each attribute as UTF-8 bytes, only those the model
    has weights for (CRFsuite skips the others, so its scores are the same), one list per word joined from parts made
    once per distinct word: its own attributes, and what it gives the words at each place of the window.

    ``known`` is the model's attributes (None: keep every attribute). The parts of at most :data:`WORDS` words are kept."""

    WORDS = 200_000

    def __init__(self, known: frozenset[str] | None) -> None:
        self._known = known
        self._parts: dict[str, tuple[tuple[bytes, ...], tuple[tuple[bytes, ...], ...]]] = {}
        self._bytes: dict[str, bytes | None] = {}  # attribute -> its bytes, None when the model lacks it
        self._places: list[dict[str, bytes | None]] = [{} for _ in _WINDOW]  # the same for a neighbour's attribute, per place
        first, lowerseen = self._kept(["first"]), self._kept(["lowerseen"])
        self._flags = {(False, False): (), (True, False): first, (False, True): lowerseen, (True, True): first + lowerseen}
        self._edge = ((), tuple(self._kept([e]) for e in EDGES))  # a word past either end: at each place, the edge's attribute

    def _kept(self, attrs: list[str] | tuple[str, ...]) -> tuple[bytes, ...]:
        known = self._known
        return tuple(a.encode("utf-8") for a in attrs if known is None or a in known)

    def _attribute(self, attribute: str, place: int | None = None) -> bytes | None:
        name = attribute if place is None else f"{_WINDOW[place]}:{attribute}"
        out = name.encode("utf-8") if self._known is None or name in self._known else None
        (self._bytes if place is None else self._places[place])[attribute] = out
        return out

    def _new(self, word: str) -> tuple[tuple[bytes, ...], tuple[tuple[bytes, ...], ...]]:
        own, context = _attributes(word)
        mine, get = self._bytes, self._attribute
        kept = [mine[a] if a in mine else get(a) for a in ("bias", *own)]
        around = []
        for place, theirs in enumerate(self._places):
            around.append(tuple(b for b in (theirs[a] if a in theirs else get(a, place) for a in context) if b is not None))
        parts = self._parts[word] = (tuple(b for b in kept if b is not None), tuple(around))
        return parts

    def encode(self, text: str, spans: list[tuple[int, int]]) -> list[list[bytes]]:
        """The attributes of each word of ``text``, as :func:`features` gives them (less those the model lacks), in bytes."""
        words, first, lowerseen = positions(text, spans)
        if len(self._parts) + len(words) > self.WORDS:
            self._parts.clear()
        known, new = self._parts, self._new
        parts = [known.get(w) or new(w) for w in words]
        ctx = [self._edge, self._edge, *parts, self._edge, self._edge]  # ctx[i + 2] is word i's
        flags = self._flags
        return [
            [*p[0], *flags[a, b], *c[1][0], *d[1][1], *e[1][2], *g[1][3]]
            for p, a, b, c, d, e, g in zip(parts, first, lowerseen, ctx, islice(ctx, 1, None), islice(ctx, 3, None), islice(ctx, 4, None), strict=False)
        ]
