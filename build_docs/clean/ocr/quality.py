"""How badly a text is scanned, and so how boldly correction in context may act (:class:`Gate`).

Why: a reading chosen by its neighbours is a guess, and in a well-scanned or clean text
nearly every odd word is right (a rare word, a term, a name in lower case), so a guess there
is more likely to do harm than good. Two signs measure the damage: the share of lower-case
words the :class:`Lexicon` does not know, and the share of characters that are symbol noise
(``|``, ``^``, ``~``, ``■``: glyphs no printed prose has). Below :data:`CLEAN_NOISE` the text
is left to the word-by-word rules; above it the margin a reading must win by shrinks as the
noise grows, to :data:`MARGIN` at :data:`NOISY`; real-word errors (``tho``) are read only at
:data:`REAL_WORD_NOISE` or more.

The thresholds, and the margins and costs of :mod:`.incontext`, were tuned on one half of the
documents of ``benchmarks/ocr_eval.py`` (by a hash of the document id) and checked on the other.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from build_docs.clean.ocr.lexicon import Lexicon

CLEAN_NOISE = 0.015  # below this noise a text gets no correction in context
REAL_WORD_NOISE = 0.02  # from this noise on, known words may be read as others
NOISY = 0.08  # at this noise or more, the margin is :data:`MARGIN`
MARGIN = 2.0  # natural log: the best reading must be e**2 = 7.4 times likelier than the next, in the noisiest text
MAX_SCALE = 2.0  # in the least noisy text corrected, margins are this many times larger
REAL_MARGIN = 3.0  # a known word must be e**3 = 20 times less likely than the reading (times the scale) ...
COMMON_MARGIN = 0.5  # ... plus this much per order of magnitude it is commoner than :data:`COMMON_FROM`
COMMON_FROM = 10**6

_SYMBOL = re.compile(r"[^\w\s.,;:!?'\"()\[\]\-\u2010-\u2015\u2018-\u201f&%$\u00a3/*#@+=\u00a7\u00b0]")
_LOWER = re.compile(r"\b[a-z]{2,}\b")


@dataclass(frozen=True)
class Gate:
    """How boldly one text is corrected in context: whether at all, and the margins."""

    noise: float

    @property
    def on(self) -> bool:
        return self.noise >= CLEAN_NOISE

    @property
    def real_words(self) -> bool:
        return self.noise >= REAL_WORD_NOISE

    @property
    def scale(self) -> float:
        return min(MAX_SCALE, max(1.0, NOISY / max(self.noise, 1e-9)))

    @property
    def margin(self) -> float:
        return MARGIN * self.scale

    def real_margin(self, frequency: int) -> float:
        common = max(0.0, math.log10(max(frequency, 1) / COMMON_FROM))
        return (REAL_MARGIN + COMMON_MARGIN * common) * self.scale


def gate(text: str, lexicon: Lexicon) -> Gate:
    """The text's noise: unknown lower-case words per lower-case word, plus symbol glyphs per visible character."""
    lower = _LOWER.findall(text)
    unknown = sum(not lexicon.known(w) for w in lower) / len(lower) if lower else 0.0
    visible = sum(not c.isspace() for c in text)
    symbols = len(_SYMBOL.findall(text)) / visible if visible else 0.0
    return Gate(unknown + symbols)
