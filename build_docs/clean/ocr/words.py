"""One misread word read as a known word (rules ``confusion`` and, for a token two words ran
into, ``joined-words``): the candidates the confusion search finds, which of them are plausible,
the clearly best one, and its case.
"""

from __future__ import annotations

import math
import re

from build_docs.clean.ocr.confusions import _ACCENTS, SPLIT, _budget
from build_docs.clean.ocr.context import _Place, _Policy
from build_docs.clean.ocr.english import _bigrams
from build_docs.clean.ocr.lexicon import Lexicon

RARITY = 0.1  # cost per order of magnitude a candidate is rarer than the commonest words
MARGIN = 0.3  # the best candidate must be cheaper than the runner-up by this much
NAME_PENALTY = 0.5  # a capitalised word inside a sentence (likely a name) may carry this much less damage
EDIT_LETTERS = 6  # a word needs this many letters to be repaired by an arbitrary edit
#: A candidate of 2 to 6 letters must be at least this common: short rare words are accidental hits.
SHORT_FREQUENCY = {2: 10**9, 3: 10**8, 4: 10**6, 5: 10**6, 6: 10**5}
NAME_FREQUENCY = 10**5  # a capitalised word is only read as a word at least this common ...
NAME_IN_NAME_FREQUENCY = 10**7  # ... and next to another capitalised word (``John Britton``), this common
FUNCTION_FREQUENCY = 5 * 10**8  # words this common (the, was, his, of) run into another make no compound

_TOP_FREQUENCY = 10**10  # the commonest words, from which rarity is counted
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|s|d|[ap]m)", re.IGNORECASE)


def _fix_plain(word: str, lexicon: Lexicon, place: _Place, policy: _Policy, split: bool = True) -> tuple[str, str] | None:
    """Repair one word without hyphens by the confusion search, or by splitting it in two."""
    letters = sum(c.isalpha() for c in word)
    if "confusion" not in policy.rules or letters < 2 or sum(c.isdigit() for c in word) > 1 or _ORDINAL.fullmatch(word):
        return None
    if word.isalpha() and word.isupper():
        return None  # an acronym
    name_like = word[0].isupper() or (not word[0].isalpha() and word[1:2].isupper())
    if not policy.noisy_accents and any(c in _ACCENTS for c in word):
        return None  # Cancún, façade: where accents are not noise, a word keeps them
    edits = 0 if name_like or letters < EDIT_LETTERS or not policy.modern else 2 if letters >= 10 else 1
    split = split and "joined-words" in policy.rules and policy.modern and not name_like and letters >= 6
    if lexicon.compound(word):
        return None  # two listed words of four letters or more run together: a compound the list lacks (wellbeing, grapeshot)
    candidates = lexicon.candidates(word, edits, split, policy.modern)
    if name_like:
        candidates = _as_name(candidates, lexicon, place, _budget(letters))
    best = _choose(candidates, lexicon, letters)
    if best is None:
        return None
    return _with_case(best, word, place.sentence_start, lexicon), "joined-words" if " " in best else "confusion"


def _as_name(candidates: dict[str, float], lexicon: Lexicon, place: _Place, budget: float) -> dict[str, float]:
    """The candidates a capitalised word may be: common words, little damaged inside a sentence."""
    mid = not place.sentence_start
    least = NAME_IN_NAME_FREQUENCY if place.in_name and mid else NAME_FREQUENCY
    limit = budget - NAME_PENALTY if mid else budget
    return {w: c for w, c in candidates.items() if " " in w or (lexicon.frequency(w) >= least and (c <= limit or (lexicon.spelling(w) or "a")[0].isupper()))}


def _choose(candidates: dict[str, float], lexicon: Lexicon, letters: int) -> str | None:
    """The clearly best plausible candidate: cheapest once rarity is charged, by :data:`MARGIN`."""
    scored = sorted((cost + _rarity(word, lexicon), word) for word, cost in candidates.items() if _plausible(word, cost, lexicon, letters))
    if not scored or (len(scored) > 1 and scored[1][0] - scored[0][0] < MARGIN):
        return None
    return scored[0][1]


def _plausible(candidate: str, cost: float, lexicon: Lexicon, letters: int) -> bool:
    """A word common enough for its length (:data:`SHORT_FREQUENCY`); or two words the scan ran together.

    Two words must be a known bigram, with one of them a function word (``kingwas``) unless
    the token also has a misread glyph; or two words of six letters or more from the extra
    (corpus) words in a token with a misread glyph (``lnternalimpetus``). A clean token of
    two content words may be a compound the list lacks (``roadmap``).
    """
    if " " not in candidate:
        return lexicon.frequency(candidate) >= max(SHORT_FREQUENCY.get(letters, 0), SHORT_FREQUENCY.get(len(candidate), 0))
    first, second = candidate.split(" ")
    if min(len(first), len(second)) < 2:
        return False
    if candidate in _bigrams():
        return cost > SPLIT or max(lexicon.frequency(first), lexicon.frequency(second)) >= FUNCTION_FREQUENCY
    return min(len(first), len(second)) >= 6 and cost > SPLIT and lexicon.spelling(first) is not None and lexicon.spelling(second) is not None


def _rarity(candidate: str, lexicon: Lexicon) -> float:
    frequency = min(lexicon.frequency(w) for w in candidate.split(" "))
    return RARITY * math.log10(_TOP_FREQUENCY / max(frequency, 1))


def _with_case(candidate: str, like: str, sentence_start: bool, lexicon: Lexicon) -> str:
    """The lower-case ``candidate`` in the case pattern of ``like``, or an extra word's spelling.

    Mostly capitals give capitals; a capital first letter (or an ``l`` read for ``I`` that
    opens a sentence) gives a capital first letter.
    """
    letters = [c for c in like if c.isalpha()]
    if len(letters) > 1 and 3 * sum(c.isupper() for c in letters) >= 2 * len(letters):
        return candidate.upper()
    words = [lexicon.spelling(w) or w for w in candidate.split(" ")]
    if like[0].isupper() or (like[0] in "l1|!" and candidate[0] == "i" and sentence_start):
        words[0] = words[0][0].upper() + words[0][1:]
    return " ".join(words)
