"""Which rules can match a text at all: the words every match of a rule contains, looked up before its pattern runs.

Most rules need a word that most paragraphs lack (a month's name, a weekday, "quarter", a digit), and
a rule's pattern costs far more to run over a paragraph than a substring search for those words. So
each rule may say what every one of its matches contains (:class:`Needs`), and the tagger runs its
pattern only over a text that holds one of them: the same matches, found only where there can be any.

Needs are necessary, never sufficient: a word may stand in a longer word or in another sense, which
only means the pattern runs. They must never be missing from a match, so a word the pattern reads in
any case is looked up in the text folded as the ``re`` module folds case (:func:`fold`), not just
lowercased. Each word of the whole table is looked up once per text (:class:`Prefilter`): a substring
search per word, linear in the text's length.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# Characters outside ASCII that a case-insensitive pattern matches with an ASCII letter; ``str.lower`` does not
# make them that letter ("İ" becomes two characters). tests/test_timex.py checks this table against ``re``.
_REGEX_FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLD_TABLE = str.maketrans(_REGEX_FOLDS)


def fold(text: str) -> str:
    """``text`` lowercased so that an ASCII word a case-insensitive pattern finds in it is in it, lowercased.

    Every character that a pattern's ASCII letter matches becomes that letter in lowercase and stays one character,
    so a match's characters stay together; what other characters become does not matter."""
    if not text.isascii() and any(c in text for c in _REGEX_FOLDS):
        text = text.translate(_FOLD_TABLE)
    return text.lower()


def _minimal(words: frozenset[str]) -> tuple[str, ...]:
    """The words that contain no other word of the set (a text holding "September" holds "Sep"), sorted."""
    return tuple(sorted(w for w in words if not any(v != w and v in w for v in words)))


@dataclass(frozen=True)
class Needs:
    """Every match of a rule contains one of ``cased`` as written or one of ``anycase`` in any case (lowercase,
    ASCII); and, with ``also``, one of its words too (a digit and "a.m.": "3 a.m.")."""

    cased: tuple[str, ...] = ()
    anycase: tuple[str, ...] = ()
    also: Needs | None = None

    def words(self) -> Iterator[tuple[bool, str]]:
        """(cased, word) for every word these needs name, ``also`` included."""
        yield from ((True, word) for word in self.cased)
        yield from ((False, word) for word in self.anycase)
        if self.also:
            yield from self.also.words()

    def met(self, cased: set[str], anycase: set[str]) -> bool:
        """Whether a text holding these words (as written, and folded) may hold a match."""
        if cased.isdisjoint(self.cased) and anycase.isdisjoint(self.anycase):
            return False
        return self.also is None or self.also.met(cased, anycase)


def needs(cased: tuple[str, ...] | list[str] = (), anycase: tuple[str, ...] | list[str] = (), also: Needs | None = None) -> Needs:
    """A rule's :class:`Needs`, each set cut to the words that contain no other."""
    if any(not w or not w.isascii() or any(c.isspace() for c in w) for w in (*cased, *anycase)):
        raise ValueError(f"needed words are ASCII without spaces: {cased!r} {anycase!r}")
    return Needs(_minimal(frozenset(cased)), _minimal(frozenset(w.lower() for w in anycase)), also)


class Prefilter:
    """For a table of rules, which of them may match a text: every word any rule needs, searched for once per text.

    One substring search per word (about a hundred), then a set intersection or two per rule: far cheaper than
    one pattern, and linear in the length of the text."""

    def __init__(self, table: Iterable[Needs | None]) -> None:
        self._needs = tuple(table)
        words = {word for needed in self._needs if needed for word in needed.words()}
        self._cased = _shortest_first(word for cased, word in words if cased)
        self._anycase = _shortest_first(word for cased, word in words if not cased)

    def allowed(self, text: str) -> list[bool]:
        """Per rule, in table order: whether the text holds the words it needs (always, for a rule that states none)."""
        cased = _held(self._cased, text)
        anycase = _held(self._anycase, fold(text))
        return [needed is None or needed.met(cased, anycase) for needed in self._needs]


def _shortest_first(words: Iterable[str]) -> tuple[tuple[str, str | None], ...]:
    """Each word with the longest other word inside it (if any), shortest words first: "years" after "year"."""
    ordered = sorted(set(words), key=lambda w: (len(w), w))
    return tuple((w, max((v for v in ordered if v != w and v in w), key=len, default=None)) for w in ordered)


def _held(words: tuple[tuple[str, str | None], ...], text: str) -> set[str]:
    """The words in ``text``. A word holding another that is not there is not searched for ("years" without "year")."""
    found: set[str] = set()
    for word, inside in words:
        if (inside is None or inside in found) and word in text:
            found.add(word)
    return found
