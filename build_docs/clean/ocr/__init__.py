"""OCR repair: misread words, split numbers and words, broken hyphenation, joined words, dropped capitals.

In: the text of a scan (newlines kept) and a :class:`Lexicon` (symspellpy's English word list
plus extra words, such as the vocabulary of the corpus's clean sources and registry names).
Out: :func:`repair` returns a :class:`Repair`, the repaired text with every change recorded as a
:class:`Correction` (offsets into the input, and the name of its rule, one of :data:`RULES`), so
a reader can check each one. It touches nothing else: no file, no global state but the English
word list read once per process (:func:`_english`, cached); the result depends on nothing but
the text and the lexicon, and the work is linear in the length of the text: every word is
searched within a budget bounded by its length.

It is conservative by contract:

* a word the :class:`Lexicon` knows is never changed, nor an acronym (a word in
  capitals), a number, or anything that is not a word (amounts, ordinals, URLs);
* an unknown word becomes a known word or nothing (no word is invented): the candidates
  are reached through OCR confusions (:data:`CONFUSIONS`: ``rn``→``m``, ``l``→``i``,
  ``r,``→``n``, …) and, in long lower-case words, one arbitrary substitution; the best
  must beat every other candidate by :data:`MARGIN` once its rarity is charged;
* a capitalised word (likely a name) is read as a common word only, through confusions
  only, and never when the text repeats it inside sentences;
* an unknown word is left alone where it cannot be read safely: a fragment of a broken
  word, an abbreviation, part of an address, a compound the word list lacks, a foreign or
  garbled passage, an old spelling in early modern print, an accent where accents are not
  noise (``Cancún``);
* a word the rules above leave (several readings of about the same cost, ``thel``; or a
  word that is itself a word, ``tho``) is read by its neighbours (rule ``context``,
  :mod:`.incontext`): a noisy channel over word pairs, English and the corpus's own, that
  must win by a margin the scan's quality sets (:mod:`.quality`); never in clean text;
* the case pattern of a word and the punctuation around it are kept.

The modules, one per part of the work: :mod:`.text` (:func:`repair`: the order the rules run
in), :mod:`.words` (a misread word), :mod:`.joins` (hyphenation, split words, dropped
capitals), :mod:`.numbers`, :mod:`.phrases` (names from the extra words), :mod:`.incontext` (a word
read by its neighbours) with :mod:`.language` (the word-pair model) and :mod:`.quality` (how
boldly a scan is corrected), :mod:`.context` (what
a word's place in the text says), :mod:`.confusions` (the confusions and the search along
them), :mod:`.lexicon` and :mod:`.english` (the word lists), :mod:`.corrections` (what is
recorded), and :mod:`.lines` (:func:`~.lines.repair_lines`, what the cleaner calls: repair
over numbered lines, every correction kept with its source line). Their tables (confusions and costs, word lists, rule names) are in
``build_docs/data/ocr/``.

How much this removes, and that it makes no document worse, is measured on real scans
with human ground truth by ``benchmarks/ocr_eval.py``.
"""

from __future__ import annotations

from build_docs.clean.ocr.confusions import ACCENT, CONFUSIONS, EDIT, SPLIT
from build_docs.clean.ocr.context import COMMON_FREQUENCY, EARLY_MODERN_SHARE, EARLY_MODERN_WORDS, FOREIGN, NOISY_ACCENTS, WINDOW
from build_docs.clean.ocr.corrections import RULES, Correction, Repair
from build_docs.clean.ocr.english import SUPPLEMENT
from build_docs.clean.ocr.english import _english as _english  # re-exported: clearing its cache makes the next Lexicon read the list again
from build_docs.clean.ocr.lexicon import EXTRA_FREQUENCY, Lexicon
from build_docs.clean.ocr.text import MAX_WORD, repair
from build_docs.clean.ocr.words import (
    EDIT_LETTERS,
    FUNCTION_FREQUENCY,
    MARGIN,
    NAME_FREQUENCY,
    NAME_IN_NAME_FREQUENCY,
    NAME_PENALTY,
    RARITY,
    SHORT_FREQUENCY,
)

__all__ = [
    "RULES",
    "Correction",
    "Lexicon",
    "Repair",
    "repair",
    # the tuning constants, as the module had them before it became a package
    "ACCENT",
    "COMMON_FREQUENCY",
    "CONFUSIONS",
    "EARLY_MODERN_SHARE",
    "EARLY_MODERN_WORDS",
    "EDIT",
    "EDIT_LETTERS",
    "EXTRA_FREQUENCY",
    "FOREIGN",
    "FUNCTION_FREQUENCY",
    "MARGIN",
    "MAX_WORD",
    "NAME_FREQUENCY",
    "NAME_IN_NAME_FREQUENCY",
    "NAME_PENALTY",
    "NOISY_ACCENTS",
    "RARITY",
    "SHORT_FREQUENCY",
    "SPLIT",
    "SUPPLEMENT",
    "WINDOW",
]
