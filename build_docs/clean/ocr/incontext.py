"""Correction in context (rule ``context``): a misread word the word list alone cannot settle,
read by its neighbours.

Why: the word-by-word rules (:mod:`.words`) leave a word with several readings of about the
same cost (``thel``: the, then, they) and never touch a word that is itself a word (``tho``,
``arc``). A noisy channel settles both where the neighbours are clear: each candidate ``c`` for
the observed ``o`` between ``p`` and ``n`` scores

    log P(c | p) + log P(n | c) + log P(o | c)

with the pair model of :mod:`.language` and an error model from the kind of edit (the
confusion search's costs, :mod:`.confusions`; any other one-letter edit costs :data:`EDIT`,
a letter lost at a line end less). The best must beat every other reading by a margin that
the text's quality sets (:mod:`.quality`), and must be a pair English or the corpus uses with
one of its neighbours; a known word must beat itself by a larger margin, more so a common
word. What the other rules protect stays protected (:meth:`_Context.repairable`): names,
acronyms, numbers, the corpus's words, old spellings, foreign passages.

Linear: each word's candidates are bounded by its length, and each is scored by a few
dictionary lookups.
"""

from __future__ import annotations

import string

from build_docs.clean.ocr.confusions import _ACCENTS
from build_docs.clean.ocr.context import _Context, _Policy
from build_docs.clean.ocr.corrections import _Edit
from build_docs.clean.ocr.english import _fold
from build_docs.clean.ocr.joins import _LINE_HYPHEN
from build_docs.clean.ocr.language import attested, log_probability
from build_docs.clean.ocr.lexicon import _SUFFIXES, Lexicon
from build_docs.clean.ocr.quality import Gate
from build_docs.clean.ocr.words import NAME_FREQUENCY, _plausible, _with_case

EDIT = 1.0  # an arbitrary one-letter edit: insertion, deletion, substitution, transposition
CHOPPED = 0.6  # a letter lost at the end of a line (``sulphu`` / ``r``)
ERROR = 2.0  # natural-log penalty per unit of edit cost: an arbitrary edit makes a reading e**2 = 7.4 times less likely
MAX_CANDIDATES = 40  # readings of one word kept for scoring, cheapest first
NAME_SCALE = 1.5  # a capitalised word must win by this many times the margin
NEIGHBOUR_FREQUENCY = 10**6  # a rarer neighbour settles nothing: it is often a misreading itself (bis, whoso)
SHORT_BUDGET = 1.2  # the confusion damage a word of four letters or fewer may carry here: two confusions (tbo: b for h, o for e)
RULE = "context"

_LETTERS = string.ascii_lowercase
_DIGIT_LIKE = "lIoO"  # letters OCR reads for 1 and 0


def _in_context(context: _Context, policy: _Policy, gate: Gate, spelled: list[str], fixed: set[int], hopeless: list[bool]) -> list[_Edit]:
    """Context corrections of the words no other rule changed (``fixed`` are the changed ones).

    ``spelled`` is every word as repaired so far; the words corrected here are written into it
    (the ``phrase`` rule reads it next).
    """
    if not gate.on or not policy.modern or "context" not in policy.rules:
        return []
    edits: list[_Edit] = []
    for i, match in enumerate(context.words):
        word = match.group()
        stray = word[:1].islower() and sum(c.isupper() for c in word) == 1  # "aDd", "baTe": a capital inside a word is a misreading
        if i in fixed or len(word) < 2 or not word.isalpha() or not (word.islower() or word.istitle() or stray) or _broken(context, i):
            continue
        if not word.strip(_DIGIT_LIKE):
            continue  # "ll", "loo": more likely a number (11, 100) than a word
        if not policy.noisy_accents and any(c in _ACCENTS for c in word):
            continue
        before, after = _neighbour(context, i, -1), _neighbour(context, i, 1)
        if before is None and after is None:
            continue
        if stray and context.known[i]:  # "baTe" may be "bate" or "have": read as a real word, on its larger margin
            best = _real_word(word.lower(), before, after, context.lexicon, gate, policy) if gate.real_words else None
        elif stray:
            best = _unknown_word(word.lower(), before, after, context, i, gate, policy) if not context.foreign(i, hopeless) else None
        elif word.istitle():
            best = _capitalised(word, before, after, context, i, gate, policy) if not context.foreign(i, hopeless) else None
        elif context.known[i]:
            best = _real_word(word, before, after, context.lexicon, gate, policy) if gate.real_words else None
        elif context.repairable(i, policy) and not context.foreign(i, hopeless):
            best = _unknown_word(word, before, after, context, i, gate, policy)
        else:
            best = None
        if best is None:
            continue
        start = context.sentence_start(i)
        misread_capital = word.istitle() and not start and best[0] != _fold(word[0])  # "and Irom the": the capital was the misreading
        spelled[i] = best if misread_capital else _with_case(best, word, start, context.lexicon)
        shown = " ".join(w for w in (before, word, after) if w)
        reading = " ".join(w for w in (before, spelled[i], after) if w)
        edits.append((match.start(), match.end(), spelled[i], f"{RULE}:'{shown}' \u2192 '{reading}'"))
    return edits


def _broken(context: _Context, i: int) -> bool:
    """Whether word ``i`` is a half of a word hyphenated at a line end (``informa-`` / ``tion``): no word."""
    text, words = context.text, context.words
    ahead = _LINE_HYPHEN.match(text, words[i].end())
    behind = i > 0 and _LINE_HYPHEN.match(text, words[i - 1].end())
    return bool(ahead and "\n" in ahead.group()) or bool(behind and "\n" in behind.group() and behind.end() == words[i].start())


def _neighbour(context: _Context, i: int, side: int) -> str | None:
    """The word beside word ``i`` (``side`` -1 before, +1 after), folded, if it is a known word as the
    scan has it, at least :data:`NEIGHBOUR_FREQUENCY` common, with only spaces or one line break
    between them: punctuation breaks a pair, and a repaired neighbour is itself a guess, so it
    settles nothing."""
    j = i + side
    if not 0 <= j < len(context.words) or not context.known[j]:
        return None
    a, b = sorted((i, j))
    gap = context.text[context.words[a].end() : context.words[b].start()]
    word = context.words[j].group()
    if context.lexicon.frequency(word) < NEIGHBOUR_FREQUENCY:
        return None
    if not gap or not gap.isspace() or gap.count("\n") > 1 or not word.replace("'", "").isalpha():
        return None
    return _fold(word)


def _unknown_word(word: str, before: str | None, after: str | None, context: _Context, i: int, gate: Gate, policy: _Policy) -> str | None:
    """The clearly best reading of an unknown word, or None.

    A word of two letters needs both neighbours; a suffix on its own (``ing``, ``es``) is
    a fragment of a broken word, never read.
    """
    if (len(word) < 3 and (before is None or after is None)) or _fold(word) in _SUFFIXES:
        return None
    lexicon = context.lexicon
    chopped = context.text.startswith("\n", context.words[i].end()) or context.words[i].end() == len(context.text)
    picked = _pick(_scored(_readings(word, lexicon, policy, chopped), before, after, lexicon), lexicon, len(word), gate.margin)
    return picked[1] if picked is not None and _supported(picked[1], before, after, lexicon) else None


def _capitalised(word: str, before: str | None, after: str | None, context: _Context, i: int, gate: Gate, policy: _Policy) -> str | None:
    """A capitalised unknown word read as a common word (``The Tustees of`` → ``Trustees``), or None.

    Likely a name, so more is asked: two neighbours, a reading that makes a known pair with
    both, at least :data:`~.words.NAME_FREQUENCY` common, winning by :data:`NAME_SCALE` times
    the margin; and never a word the text repeats (:meth:`_Context.repairable`) nor one in a
    foreign or garbled passage.
    """
    if context.known[i] or before is None or after is None or len(word) < 4:
        return None
    if not context.repairable(i, policy):
        return None
    lexicon = context.lexicon
    readings = _readings(word, lexicon, policy, False)
    readings = {w: c for w, c in readings.items() if " " not in w}
    picked = _pick(_scored(readings, before, after, lexicon), lexicon, len(word), NAME_SCALE * gate.margin)
    if picked is None or lexicon.frequency(picked[1]) < NAME_FREQUENCY:
        return None
    return picked[1] if attested(before, picked[1], lexicon) and attested(picked[1], after, lexicon) else None


def _real_word(word: str, before: str | None, after: str | None, lexicon: Lexicon, gate: Gate, policy: _Policy) -> str | None:
    """A known word that is a misreading of another (``tho`` → ``the``), or None: only through OCR
    confusions, only where the word makes no known pair with either neighbour and the other
    reading does, and by :attr:`Gate.real_margin` (more for a common word) over the word itself."""
    if lexicon.spelling(word) is not None or lexicon.joined(word) is not None:
        return None  # a word of the corpus's clean sources
    folded = _fold(word)
    if (before is not None and attested(before, folded, lexicon)) or (after is not None and attested(folded, after, lexicon)):
        return None
    readings = {w: c for w, c in lexicon.candidates(word, 0, False, policy.modern).items() if w != folded and " " not in w and len(w) > 1}
    picked = _pick(_scored(readings, before, after, lexicon), lexicon, len(word), gate.margin)
    if picked is None or not _supported(picked[1], before, after, lexicon):
        return None
    itself = log_probability((folded,), before, after, lexicon)
    return picked[1] if picked[0] - itself >= gate.real_margin(lexicon.frequency(word)) else None


def _readings(word: str, lexicon: Lexicon, policy: _Policy, chopped: bool) -> dict[str, float]:
    """Listed words ``word`` may be a misreading of, with their edit cost: the confusion search (with
    one arbitrary substitution and a lost space in longer words, up to :data:`SHORT_BUDGET` in
    short ones), and every word one edit away;
    never a word of one letter (``ra`` → ``a`` deletes half the word)."""
    letters = len(word)
    split = letters >= 6 and "joined-words" in policy.rules and not lexicon.compound(word)  # helpmeet: a compound the list lacks
    found = dict(lexicon.candidates(word, 1 if letters >= 4 else 0, split, policy.modern))
    if letters <= 4:  # a short word alone cannot carry two confusions; in a clear context it may
        found = {**lexicon.candidates(word, 0, False, policy.modern, SHORT_BUDGET), **found}
    folded = _fold(word)
    for candidate, cost in _one_edit(folded, chopped):
        if cost < found.get(candidate, EDIT + 1) and lexicon.frequency(candidate):
            found[candidate] = cost
    words = {w: c for w, c in found.items() if w != folded and min(map(len, w.split(" "))) > 1}
    return dict(sorted(words.items(), key=lambda wc: (wc[1], -lexicon.frequency(wc[0].split(" ")[0]), wc[0]))[:MAX_CANDIDATES])


def _one_edit(word: str, chopped: bool) -> list[tuple[str, float]]:
    """Every string one deletion, transposition, substitution or insertion away (as symspellpy's
    lookup at distance 1 finds them); a letter added at the end of a line costs :data:`CHOPPED`."""
    out = []
    for k in range(len(word) + 1):
        head, tail = word[:k], word[k:]
        if tail:
            out.append((head + tail[1:], EDIT))
            out += [(head + c + tail[1:], EDIT) for c in _LETTERS if c != tail[0]]
        if len(tail) > 1:
            out.append((head + tail[1] + tail[0] + tail[2:], EDIT))
        cost = CHOPPED if chopped and not tail else EDIT
        out += [(head + c + tail, cost) for c in _LETTERS]
    return out


def _scored(readings: dict[str, float], before: str | None, after: str | None, lexicon: Lexicon) -> list[tuple[float, str, float]]:
    """Each reading's score, best first: log P(reading in context) - :data:`ERROR` x edit cost; and its cost."""
    scored = [(log_probability(tuple(w.split(" ")), before, after, lexicon) - ERROR * cost, w, cost) for w, cost in readings.items()]
    return sorted(scored, key=lambda swc: (-swc[0], swc[1]))


def _pick(scored: list[tuple[float, str, float]], lexicon: Lexicon, letters: int, margin: float) -> tuple[float, str] | None:
    """The best reading common enough to be chosen (:func:`_plausible`), if it beats every other reading by ``margin``.

    Every reading competes, but only a plausible one may win: ``ho`` is not read ``to``
    where ``he`` is as likely, though ``he`` alone is too rare for two letters to be chosen.
    """
    chosen = next((k for k, (_, w, c) in enumerate(scored) if _plausible(w, c, lexicon, letters)), None)
    if chosen is None:
        return None
    best = scored[chosen]
    if any(other[0] > best[0] - margin for k, other in enumerate(scored) if k != chosen):
        return None
    return best[0], best[1]


def _supported(reading: str, before: str | None, after: str | None, lexicon: Lexicon) -> bool:
    """Whether the context speaks for ``reading``: it makes a pair English or the corpus uses with a neighbour."""
    words = reading.split(" ")
    return (before is not None and attested(before, words[0], lexicon)) or (after is not None and attested(words[-1], after, lexicon))
