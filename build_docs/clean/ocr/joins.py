"""Words that layout broke or the scan split: a hyphen within a line (``en-ergy``) or at a line
end (``en-`` / ``ergy``), rule ``hyphenation``; a space inside a word (``ra tes``), rule
``split-word``; and a dropped capital, the first letter of a text set on a line of its own
(``A`` / ``n the`` → ``In the``), rule ``dropped-capital``.

The prefixes that make a hyphenated compound as written (``co-operate``) are listed in
``build_docs/data/ocr/``.
"""

from __future__ import annotations

import re

from build_docs.clean.ocr.context import _Context, _Place, _Policy
from build_docs.clean.ocr.corrections import _Edit
from build_docs.clean.ocr.english import _bigrams, _fold
from build_docs.clean.ocr.language import _pairs, pair_count
from build_docs.clean.ocr.lexicon import _PREFIXES, Lexicon
from build_docs.clean.ocr.words import _choose, _fix_plain, _with_case
from build_docs.data import lines

TAIL_SHARE = 0.01  # a word closing a split pair is joined only into a word at least this share as common
_HYPHEN_PREFIXES = frozenset((*_PREFIXES, *lines("ocr/hyphen_prefixes.txt")))
_LINE_HYPHEN = re.compile(r"[-\u2010\u00ac][ \t]*\n?[ \t]*(?=[a-z])")
_DROPPED = re.compile(r"\s*(?P<capital>[A-Z])[ \t]*\n[ \t]*(?P<rest>[a-z]+)\b(?:[ \t]+(?P<next>[A-Za-z']+))?")


def _fix_hyphenated(word: str, lexicon: Lexicon, place: _Place, policy: _Policy) -> tuple[str, str] | None:
    """``en-ergy`` → ``energy`` (a known word broken by layout), or one misread part of a compound.

    Within a line of a printed column the hyphen cannot be a line end: it is noise, and is
    joined. In a line longer than any printed line (the scan's lines joined before it came)
    it may be the print's own line-end hyphenation, which stays as printed (misread letters
    are repaired in place), unless one side is a single letter: no printer breaks a word there.
    """
    parts = word.split("-")
    joined = "".join(parts)
    if _compound_form(parts, lexicon, in_line=True):
        return None
    printed = place.joined_lines and min(map(len, parts)) > 1
    hyphenation = "hyphenation" in policy.rules and len(parts) == 2 and not printed
    if lexicon.known(joined):
        return (joined, "hyphenation") if hyphenation and not all(lexicon.known(p) for p in parts) else None
    fixed = _fix_plain(joined, lexicon, place, policy, split=False)
    if fixed is not None and len(fixed[0]) == len(joined):  # repaired letter for letter: the hyphen stays in place
        pieces = _cut(fixed[0], parts)
        return (fixed[0], "hyphenation") if hyphenation and not all(lexicon.known(p) for p in pieces) else ("-".join(pieces), "confusion")
    if sum(not lexicon.known(p) for p in parts) != 1 or min(map(len, parts)) < 4 or not word.islower():
        return None  # fragments of one word, or a name, not a compound with one misread part
    repaired = []
    for i, part in enumerate(parts):
        one = None if lexicon.known(part) else _fix_plain(part, lexicon, place if i == 0 else _Place(), policy, split=False)
        if not lexicon.known(part) and one is None:
            return None
        repaired.append(part if one is None else one[0])
    return "-".join(repaired), "confusion"


def _compound_form(parts: list[str], lexicon: Lexicon, in_line: bool) -> bool:
    """Whether hyphenated ``parts`` are a compound as written: an acronym in it (``UN-Women``), or a
    prefix before a known word (``co-operate``) or, within a line, before four letters or more (``pre-empt``)."""
    if any(len(p) > 1 and p.isupper() for p in parts):
        return True
    return _fold(parts[0]) in _HYPHEN_PREFIXES and (lexicon.known(parts[1]) or (in_line and len(parts[1]) >= 4))


def _cut(word: str, like: list[str]) -> list[str]:
    """``word`` cut into pieces as long as those of ``like``."""
    pieces, at = [], 0
    for part in like:
        pieces.append(word[at : at + len(part)])
        at += len(part)
    return pieces


def _split_word(context: _Context, i: int, policy: _Policy) -> _Edit | None:
    """``ra tes`` → ``rates``: a word the scan split with a space, at least one half unknown.

    The halves are joined when together they make a known word of four letters or more
    (a listed word, when one half is itself a word: a word merely derivable, ``to goe`` →
    ``togoe``, is weaker evidence than the word the scan shows; and, when the second half is a
    word, at least :data:`TAIL_SHARE` as common as it: ``goe the`` is a misread word and
    ``the``, not ``goethe``), or, both halves unknown, a word that confusions alone repair.
    """
    left, right = context.words[i], context.words[i + 1]
    a, b = left.group(), right.group()
    if context.text[left.end() : right.start()] != " " or not (a.isalpha() and b.isalpha()) or len(a) + len(b) < 4 or b[0].isupper():
        return None
    if _LINE_HYPHEN.match(context.text, right.end()):
        return None  # "an im-" / "mediate": the second word is the head of a word broken at the line end
    if len(a) > 1 and (a.isupper() or (a[0].isupper() and context.known[i + 1])):
        return None  # an acronym or a name, and a word: "UN member", "Un is"
    if context.known[i] and context.known[i + 1]:
        return None
    joined = a + b
    if context.lexicon.known(joined) and _better_joined(joined, a, b, context.known[i], context.known[i + 1], context.lexicon):
        return left.start(), right.end(), joined, "split-word"
    if context.known[i] or context.known[i + 1] or not policy.modern:
        return None
    best = _choose(context.lexicon.candidates(joined, 0, False), context.lexicon, len(joined))
    return None if best is None else (left.start(), right.end(), _with_case(best, joined, False, context.lexicon), "split-word")


def _better_joined(joined: str, a: str, b: str, a_known: bool, b_known: bool, lexicon: Lexicon) -> bool:
    """Whether known ``joined`` is better evidence than halves ``a`` and ``b``, one of which may be a word.

    A word opening the pair is often a prefix (``in structions``, ``to gether``); a word closing it
    is a word of its own unless the joined word is listed and not far rarer than it."""
    if not (a_known or b_known):
        return True
    frequency = lexicon.frequency(joined)
    return frequency > 0 and (not b_known or frequency >= TAIL_SHARE * lexicon.frequency(b))


def _line_hyphen(head: re.Match[str], tail: re.Match[str], lexicon: Lexicon, place: _Place, policy: _Policy) -> list[_Edit]:
    """A word broken at a line end (``en-`` / ``ergy``): join it, or repair it letter for letter and keep the break.

    Its halves are never repaired on their own: they are fragments, not words. Halves that are
    both words (``be-`` / ``tween``, ``re-`` / ``cord``) are one word when :func:`_one_word` says so;
    halves that are neither (``Narran-`` / ``dera``) are one word as they stand, since neither
    could stand in a compound. A head or tail that is itself hyphenated (``the-num-`` / ``ber``)
    is broken at its last part.
    """
    left, right = head.group().rpartition("-")[2], tail.group().partition("-")[0]
    start, end = head.end() - len(left), tail.start() + len(right)
    joined = left + right
    two_words = (lexicon.known(left) and lexicon.known(right)) or _compound_form([left, right], lexicon, in_line=False)
    if not (left and right) or two_words and not _one_word(left, right, lexicon):
        return []  # two words ("well-" / "known", "UN-" / "Women"): not one broken word
    fixed = joined
    if not lexicon.known(joined):
        repaired = _fix_plain(joined, lexicon, place, policy, split=False)
        fragments = not (lexicon.known(left) or lexicon.known(right)) and right.islower() and joined.isalpha()
        if (repaired is None or len(repaired[0]) != len(joined)) and not fragments:
            return []
        fixed = joined if repaired is None or len(repaired[0]) != len(joined) else repaired[0]
    if "hyphenation" in policy.rules:
        return [(start, end, fixed, "hyphenation")]
    edits = []
    if fixed[: len(left)] != left:
        edits.append((start, head.end(), fixed[: len(left)], "confusion"))
    if fixed[len(left) :] != right:
        edits.append((tail.start(), end, fixed[len(left) :], "confusion"))
    return edits


def _one_word(left: str, right: str, lexicon: Lexicon) -> bool:
    """Whether two words broken at a line end are one listed word: not an acronym's compound
    (``UN-`` / ``Women``), and the joined word commoner in English than the two as a pair
    (``between`` than ``be tween``, ``record`` than ``re cord``; not ``well known``, which no list joins)."""
    if any(len(p) > 1 and p.isupper() for p in (left, right)):
        return False
    return lexicon.frequency(left + right) > pair_count(_fold(left), _fold(right), lexicon) / _pairs().scale


def _dropped_capital(text: str, lexicon: Lexicon) -> list[_Edit]:
    """A first line that is one capital letter, the rest of its word opening the next line.

    The letter is chosen afresh, since OCR may have misread it too: of the capitals that
    make a known word with the rest, the one whose word most often precedes the next word
    in English bigrams (``n the`` → ``In the``).
    """
    match = _DROPPED.match(text)
    if match is None:
        return []
    rest, following = match.group("rest"), _fold(match.group("next") or "")
    if match.group("capital") in "AI" and len(rest) > 1 and lexicon.known(rest):
        return []  # "I" / "am here": a word of one letter, then the next line
    bigrams = _bigrams()
    scored = []
    for capital in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        word = capital + rest
        if lexicon.known(word):
            scored.append((bigrams.get(f"{_fold(word)} {following}", 0) if following else lexicon.frequency(word), word))
    best = max(scored, default=(0, ""))
    return [(match.start("capital"), match.end("rest"), best[1], "dropped-capital")] if best[0] > 0 else []
