"""Sentence boundaries in running text, by rule, in one pass over the text.

A sentence ends at ``.``, ``!`` or ``?`` -- optionally followed by closing quotes or
brackets (”’"')]) -- followed by whitespace and then an uppercase letter, a digit or
an opening quote or bracket. A blank line (a line break, blank space, another line
break) always ends a sentence, whatever follows. A period does not end a sentence
after:

* a common abbreviation: Mr, Mrs, Ms, Dr, Prof, St, No, Nos, the months, Gen, Col,
  Lt, Sen, Rep, Gov, Inc, Ltd, Co, Corp, vs, etc, e.g, i.e, cf, al, fig, vol, p, pp
  (in any case, except "No" and "Nos", which need their capital: "no." often ends a
  sentence);
* a single capital initial: "J. Smith";
* a dotted all-caps abbreviation: "U.S.", "U.K.", "U.N.". Such a period never ends a
  sentence -- "the U.S. President" stays whole, at the price of "pressure from the
  U.S. The next day" staying whole too.

Any run of whitespace, line breaks included, is whitespace. Text without terminal
punctuation is one sentence. Linear in the length of the text: one ``finditer``,
and each candidate boundary looks at most a few characters back.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from build_docs import data

_ABBREVIATIONS = data.words("sentences/abbreviations.txt")
_CASED_ABBREVIATIONS = frozenset({"No", "Nos"})
_OPENERS = frozenset("\"'“‘«„‚([{")
# Either a blank line, or terminal punctuation (not starting inside a run of it) with
# closers, then whitespace followed by something. The lookahead first admits only the
# characters either can begin with, so that the engine enters the pattern only there.
_BREAK = re.compile(r"""(?=[\n.!?])(?:(?P<blank>\n[^\S\n]*+\n\s*+)|(?<![.!?])(?P<stop>[.!?]++[”’"')\]]*+)(?P<space>\s++)(?=\S))""")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_DOTTED_CAPITALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_LOOK_BACK = 24  # longer than any abbreviation
#: Characters: a sentence longer than this is quoted around what is cited. Twice the longest sentence of the
#: corpora measured (1,879 characters, in 84,762 sentences of UN speeches, OCR scans and GUM documents).
LONGEST = 4_000
_CUT = 100  # characters a quote's edge moves to fall between words, at most


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence in order, without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _BREAK.finditer(text):
        if match.group("blank") is not None:
            end = match.start()
        elif _BLANK_LINE.search(match.group("space")) or _ends_sentence(text, match):
            end = match.end("stop")
        else:
            continue
        _add(text, begin, end, spans)
        begin = match.end()
    _add(text, begin, len(text), spans)
    return spans


def sentence_around(text: str, start: int, end: int, spans: list[tuple[int, int]] | None = None) -> tuple[int, int]:
    """The sentence holding ``text[start:end]``, or the run of sentences it overlaps.

    ``spans`` are :func:`sentence_spans` of ``text``, if already known. A range
    touching no sentence (it lies in whitespace between two) gives the next sentence,
    or the last one at the end of the text; a text with no sentences gives
    ``(start, end)``. A sentence longer than :data:`LONGEST` characters (text without
    full stops) gives the part of it around ``text[start:end]``, at most that long.
    """
    if spans is None:
        spans = sentence_spans(text)
    if not spans:
        return start, end
    first = bisect_right(spans, start, key=lambda span: span[1])  # first sentence ending after start
    last = bisect_left(spans, max(end, start + 1), key=lambda span: span[0]) - 1  # last starting before end
    if first > last:
        return _within(text, *spans[min(first, len(spans) - 1)], start, end)
    return _within(text, spans[first][0], spans[last][1], start, end)


def _within(text: str, begin: int, stop: int, start: int, end: int) -> tuple[int, int]:
    """``(begin, stop)``; for a longer sentence than :data:`LONGEST`, the ``LONGEST`` characters of it centred on
    ``text[start:end]``, cut between words (so every quote of a text without full stops is bounded, and a
    paragraph of one sentence quoted at each of its names costs in proportion to its length)."""
    if stop - begin <= LONGEST or end - start >= LONGEST:
        return begin, stop
    side = (LONGEST - (end - start)) // 2
    low, high = max(begin, start - side), min(stop, end + side)
    return _word_start(text, low, min(start, low + _CUT)), _word_end(text, high, max(end, high - _CUT))


def _word_start(text: str, at: int, limit: int) -> int:
    """``at``, or the start of the next word when ``at`` is inside a word or on a space; never past ``limit``."""
    if at > 0 and not text[at - 1].isspace():
        while at < limit and not text[at].isspace():
            at += 1
    while at < limit and text[at].isspace():
        at += 1
    return at


def _word_end(text: str, at: int, limit: int) -> int:
    """``at``, or the end of the word before when ``at`` is inside a word or after a space; never before ``limit``."""
    if at < len(text) and not text[at].isspace():
        while at > limit and not text[at - 1].isspace():
            at -= 1
    while at > limit and text[at - 1].isspace():
        at -= 1
    return at


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    following = text[match.end()]
    if not (following.isupper() or following.isdigit() or following in _OPENERS):
        return False
    if match.group("stop")[0] != "." or len(match.group("stop").rstrip("”’\"')]")) > 1:
        return True  # "!", "?", or an ellipsis
    stop = match.start("stop")
    before = text[max(0, stop - _LOOK_BACK) : stop]
    words = before.split()
    word = "" if not words or before[-1].isspace() else words[-1].lstrip("\"'“‘«„‚([{")
    if not word:
        return True
    if word.lower() in _ABBREVIATIONS or word in _CASED_ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():  # an initial
        return False
    return not (_DOTTED_CAPITALS.fullmatch(word) and word.isupper())


def _add(text: str, begin: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append ``text[begin:end]`` without its surrounding whitespace, if anything is left."""
    piece = text[begin:end]
    stripped = piece.strip()
    if stripped:
        begin += len(piece) - len(piece.lstrip())
        spans.append((begin, begin + len(stripped)))
