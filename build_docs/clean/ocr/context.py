"""What a word's place in the text says about it (:class:`_Context`): its neighbours, line and
sentence, and the kind of print (early modern, accents as noise); and the per-word and per-text
settings the repair rules take (:class:`_Place`, :class:`_Policy`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from build_docs.clean.ocr.confusions import _ACCENTS
from build_docs.clean.ocr.english import _fold
from build_docs.clean.ocr.lexicon import Lexicon

WINDOW = 6  # words on each side that make a word's neighbourhood
COLUMN = 160  # no printed line is longer: a longer line is lines the scan's text joined (a page or paragraph on one line)
FOREIGN = 0.5  # a word is not repaired where more than this share of its neighbours are unknown beyond repair
NOISY_ACCENTS = 2  # a text with this many of the commonest words misread with an accent ...
COMMON_FREQUENCY = 10**8  # ... (words at least this common) reads accents as noise
EARLY_MODERN_WORDS = 4  # a text with this many old spellings ...
EARLY_MODERN_SHARE = 0.02  # ... making this share of its words is early modern print

_ABBREVIATED = re.compile(r"\.[ \t]*[a-z\d]")  # "impl. 4to", "vols. ii": a full stop that ends no sentence
_ABBREVIATION = re.compile(r"(?:^|[\s(])[A-Z][a-z]{0,3}\.$")  # an initial or a title: "B.", "Mr.", "Rev."
_OPENERS = "\"'\u201c\u2018([{*\u00ab"
_LOOK_BACK = 80  # characters looked at before a word to see whether it opens a sentence or continues a line


@dataclass(frozen=True)
class _Place:
    """Where a word stands: opening a sentence, next to another capitalised word (in a name), or
    in a line longer than any printed line (:data:`COLUMN`), whose line ends the text has lost."""

    sentence_start: bool = False
    in_name: bool = False
    joined_lines: bool = False


@dataclass(frozen=True)
class _Policy:
    """How one text is repaired: the rules on, and whether it is modern print (see :meth:`_Context.early_modern`)."""

    rules: frozenset[str]
    modern: bool = True
    noisy_accents: bool = False


class _Context:
    """What a word's place in the text says about it: neighbours, line, sentence, kind of print."""

    def __init__(self, text: str, words: list[re.Match[str]], lexicon: Lexicon) -> None:
        self.text = text
        self.words = words
        self.lexicon = lexicon
        self.known = [lexicon.known(w.group()) for w in words]
        self.wordlike = [len(w.group()) > 1 and w.group().isalpha() for w in words]
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.chunks = [m.span() for m in re.finditer(r"\S+", text)]
        self.names = Counter(w.group() for w, known in zip(words, self.known, strict=True) if not known and w.group().istitle())

    def early_modern(self) -> bool:
        """Whether the text is early modern print: at least :data:`EARLY_MODERN_WORDS` unknown words,
        and :data:`EARLY_MODERN_SHARE` of its words, are old spellings of known words
        (:meth:`Lexicon.old_spelling`). Modern text, even badly scanned, has almost none.
        """
        long = [w.group() for w in self.words if len(w.group()) >= 3 and w.group().isalpha()]
        old = sum(self.lexicon.old_spelling(w) for w in long)
        return old >= EARLY_MODERN_WORDS and old >= EARLY_MODERN_SHARE * len(long)

    def noisy_accents(self) -> bool:
        """Whether accents in the text are specks read as accents: at least :data:`NOISY_ACCENTS` words
        are among the commonest English words but for an accent (``thé``, ``hâve``), as no
        English or foreign spelling has them. Elsewhere a word keeps its accents (``Cancún``)."""
        plain = str.maketrans(_ACCENTS)
        common = sum(self.lexicon.frequency(_fold(w.group()).translate(plain)) >= COMMON_FREQUENCY for w in self.words if any(c in _ACCENTS for c in w.group()))
        return common >= NOISY_ACCENTS

    def repairable(self, i: int, policy: _Policy) -> bool:
        """Whether word ``i`` is unknown and may be read as another word: not an old spelling in early
        modern print, an abbreviation, part of an address, mixed-case noise, the tail or a half
        of a broken word, or a name the text repeats."""
        if self.known[i]:
            return False
        word = self.words[i].group()
        if not policy.modern and self.lexicon.old_spelling(word):
            return False
        if _ABBREVIATED.match(self.text, self.words[i].end()) or self._in_address(i):
            return False
        if word[0].islower() and sum(c.isupper() for c in word) > 1:
            return False  # "tODB": case this mixed is noise, not a word
        if word[0].islower() and self._continues_line(i):
            return False
        if word.istitle() and self.names[word] > 1 and not self.sentence_start(i):
            return False  # a capitalised word the text repeats inside sentences is a name (San Marino)
        return not self._halves(i, i - 1) and not self._halves(i, i + 1)

    def foreign(self, i: int, hopeless: list[bool]) -> bool:
        """Whether more than :data:`FOREIGN` of the words around word ``i`` are unknown beyond repair:
        a passage in another language (``unde erde stadt``) or garbage, where no English reading is safe.
        """
        around = [j for j in range(max(0, i - WINDOW), min(len(self.words), i + WINDOW + 1)) if j != i and self.wordlike[j]]
        return len(around) > 2 and sum(hopeless[j] for j in around) > FOREIGN * len(around)

    def place(self, i: int) -> _Place:
        capitalised = [0 <= j < len(self.words) and self.words[j].group()[:1].isupper() for j in (i - 1, i + 1)]
        in_name = (capitalised[0] and not self.sentence_start(i)) or (capitalised[1] and not self.sentence_start(i + 1))
        return _Place(self.sentence_start(i), in_name, self._line_length(i) > COLUMN)

    def sentence_start(self, i: int) -> bool:
        """Whether word ``i`` opens the text, a paragraph or a sentence (an initial or ``Mr.`` ends none)."""
        at = self.words[i].start()
        before = self.text[max(0, at - _LOOK_BACK) : at].rstrip(_OPENERS + " \t")
        stripped = before.rstrip()
        if not stripped or before[len(stripped) :].count("\n") > 1:
            return True
        return stripped[-1] in "!?" or (stripped[-1] == "." and _ABBREVIATION.search(stripped) is None)

    def _line_length(self, i: int) -> int:
        """The length of the line word ``i`` stands in."""
        at = self.words[i].start()
        line = bisect.bisect_left(self.newlines, at)
        start = self.newlines[line - 1] + 1 if line > 0 else 0
        end = self.newlines[line] if line < len(self.newlines) else len(self.text)
        return end - start

    def _in_address(self, i: int) -> bool:
        """Whether word ``i`` is part of a web or mail address or a path (``http//www.bjreview.com``)."""
        k = bisect.bisect_right(self.chunks, (self.words[i].start(), len(self.text))) - 1
        chunk = self.text[slice(*self.chunks[k])].lower()
        return "/" in chunk or "@" in chunk or "www." in chunk

    def _continues_line(self, i: int) -> bool:
        """Whether word ``i`` opens a line that goes on from a previous line ending in garbage or an
        unknown word, without punctuation: the tail of a word broken without its hyphen."""
        start = self.words[i].start()
        line = bisect.bisect_left(self.newlines, start) - 1
        if line < 0 or self.text[self.newlines[line] + 1 : start].strip(" \t,.;:'\"\u00ab\u00bb"):
            return False
        end = self.newlines[line]
        window = self.text[max(0, end - _LOOK_BACK) : end]
        previous = window.rstrip()
        if not previous or previous[-1] in ".!?:;,)\"'-":
            return False
        last_word_ends_line = i > 0 and self.words[i - 1].end() == end - (len(window) - len(previous))
        return not previous[-1].isalpha() or not last_word_ends_line or not self.known[i - 1]

    def _halves(self, i: int, j: int) -> bool:
        """Whether word ``i`` and its neighbour ``j`` are halves of one word split by a space or a line end."""
        if not 0 <= j < len(self.words):
            return False
        a, b = sorted((self.words[i], self.words[j]), key=lambda m: m.start())
        gap = self.text[a.end() : b.start()]
        if not gap.isspace():
            return False
        if gap.count("\n") == 1 and not self.known[i] and not self.known[j] and b.group()[:1].islower():
            return True  # unknown at a line end, unknown at the next line's start: broken without its hyphen
        return self.lexicon.known(a.group() + b.group())
