"""Every alias of every key found in a text at once, in time linear in the text.

A :class:`Matcher` is built once from ``(alias, key)`` pairs -- an entity's or a
term's names -- and then finds them in any number of texts with Aho-Corasick
automata (pyahocorasick), so the cost of :meth:`Matcher.find` grows with the length
of the text and the number of candidate matches, not with the number of aliases.

The rules:

* **Case.** An alias is matched case-sensitively iff it is a single word containing
  an uppercase letter (:func:`case_sensitive`): "SCO", "Xi", "Putin", "GLONASS" --
  so "xi" never matches "Xi" and "sco" never matches "SCO". Every other alias (a
  multi-word name, a lowercase term) matches in any case: "Shanghai Cooperation
  Organization" also finds "shanghai cooperation organization", "multilateralism"
  also finds "Multilateralism". Where an exact-case alias and a case-insensitive one
  match the same characters, the exact-case one wins ("SCO" over "sco").
* **Never inside a word.** The characters just before and just after a match must
  not be letters or digits (``str.isalnum``), so "xi" is not in "taxis" nor "Xi" in
  "Xinhua", while "Putin’s" contains Putin and "China-Russia" contains China and
  Russia. A side of the alias that is CJK (Han, Hiragana, Katakana, Hangul) needs no
  boundary, since those scripts are written without spaces: 习近平主席 contains 习近平.
  A CJK neighbour is a boundary for any alias too: 在SCO峰会 contains SCO.
* **Whitespace.** Aliases are normalised with ``" ".join(alias.split())``; a run of
  any whitespace in the text (line breaks included) matches one space of an alias.
* **Plurals.** :func:`variants` gives the forms an alias is matched in: itself, plus
  ``alias + "s"`` for an acronym not ending in S ("MDGs", but not "BRICSs"), or the
  inflect plural of a phrase whose last word starts lowercase ("joint statements",
  "partnerships of coordination", "crises"). A proper name ("Putin", "Vladimir
  Putin") has no plural. A hit reports the alias as registered, not the variant.
* **Ambiguity.** An alias registered for two different keys is dropped and listed in
  :attr:`Matcher.ambiguous` (alias -> sorted keys). So is a matched form claimed by
  two keys once cases are folded ("Belt and Road" and "belt and road"), or by two
  plurals; a registered alias beats another alias's plural ("crises" registered as
  such wins over the plural of "crisis"). Forms a rule gives to one of several keys
  (that one, and an exact-case form over an any-case one) are listed in
  :attr:`Matcher.contested`.
* **Overlaps.** Of overlapping matches the leftmost wins, then the longest: "Xi
  Jinping" beats "Xi" in "Xi Jinping said".

Offsets always index the original text: ``hit.surface == text[hit.start:hit.end]``.
Matching runs on a copy of the text in which whitespace runs are single spaces
(with a map back to the original offsets), lowercased character by character so that
lowercasing never shifts an offset ("İ" becomes two characters under ``str.lower``,
so a text containing it is lowered one character at a time, keeping "İ").

Building is linear in the total length of the aliases (plus one inflect call per
lowercase alias); the result is the same for the same input.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import ahocorasick

from build_docs import inflection

# Han (with extensions and compatibility ideographs), Hiragana, Katakana, Hangul.
_CJK = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]"
)
# Whitespace that must be rewritten: any run of two or more, or a single non-space.
_SPACES = re.compile(r"\s{2,}|[^\S ]")


@dataclass(frozen=True)
class Hit:
    """``alias`` (of ``key``) found as ``surface``, which is ``text[start:end]``."""

    start: int
    end: int
    key: str
    alias: str
    surface: str


def normalise(alias: str) -> str:
    """The alias with every whitespace run a single space, stripped."""
    return " ".join(alias.split())


def case_sensitive(alias: str) -> bool:
    """Whether ``alias`` is matched with its exact case: one word, with an uppercase letter."""
    alias = normalise(alias)
    return bool(alias) and " " not in alias and any(c.isupper() for c in alias)


def is_acronym(alias: str) -> bool:
    """One word of two or more letters, all of them capitals: "SCO", "MDG", "BRICS"."""
    letters = [c for c in alias if c.isalpha()]
    return " " not in alias and len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=65536)
def variants(alias: str) -> tuple[str, ...]:
    """The normalised alias and its plural, if it has one; ``()`` for a blank alias."""
    alias = normalise(alias)
    if not alias:
        return ()
    plural = None
    if is_acronym(alias):
        if alias[-1].isalpha() and alias[-1] != "S":
            plural = alias + "s"
    elif alias.split(" ")[-1][0].islower():
        plural = inflection.engine().plural_noun(alias)
        # inflect pluralises words that already are plural by adding "s": "sanctionss".
        if not plural or (alias.endswith("s") and plural == alias + "s"):
            plural = None
    return (alias,) if plural in (None, alias) else (alias, plural)


def fold(text: str) -> str:
    """``text`` lowercased, one character for one character (offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(map(_fold_char, text))
    if "ς" in lowered:  # str.lower writes a final sigma only at the end of a word
        lowered = lowered.replace("ς", "σ")
    return lowered


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def _joins(char: str) -> bool:
    """Whether ``char`` next to a match would put the match inside a word."""
    return char.isalnum() and not _CJK.match(char)


def _compact(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` with each whitespace run one space, and the map back to ``text``.

    A position ``p`` of the compact text is ``p + shifts[i]`` in ``text``, where ``i``
    is the last index with ``starts[i] <= p`` (0 if there is none).
    """
    pieces: list[str] = []
    starts: list[int] = []
    shifts: list[int] = []
    previous = removed = 0
    for match in _SPACES.finditer(text):
        begin, end = match.span()
        pieces.append(text[previous:begin])
        pieces.append(" ")
        previous = end
        if end - begin > 1:
            removed += end - begin - 1
            starts.append(end - removed)
            shifts.append(removed)
    if not pieces:
        return text, starts, shifts
    pieces.append(text[previous:])
    return "".join(pieces), starts, shifts


def _original(position: int, starts: list[int], shifts: list[int]) -> int:
    at = bisect_right(starts, position) - 1
    return position if at < 0 else position + shifts[at]


class Matcher:
    """Finds the aliases of many keys in texts; build once, call :meth:`find` often."""

    def __init__(self, aliases: Iterable[tuple[str, str]]) -> None:
        keys_by_alias: dict[str, set[str]] = {}
        for alias, key in aliases:
            if normalised := normalise(alias):
                keys_by_alias.setdefault(normalised, set()).add(key)
        ambiguous = {alias: tuple(sorted(keys)) for alias, keys in keys_by_alias.items() if len(keys) > 1}
        # (exact case?, matched form) -> claimants (is a plural?, key, alias, form), in input order.
        claims: dict[tuple[bool, str], list[tuple[bool, str, str, str]]] = {}
        for alias, keys in keys_by_alias.items():
            if alias in ambiguous:
                continue
            [key] = keys
            exact = case_sensitive(alias)
            for rank, form in enumerate(variants(alias)):
                claims.setdefault((exact, form if exact else fold(form)), []).append((rank > 0, key, alias, form))
        self._exact = ahocorasick.Automaton()
        self._folded = ahocorasick.Automaton()
        contested: dict[str, set[str]] = {}
        for (exact, target), claimants in claims.items():
            plural = min(claimant[0] for claimant in claimants)
            chosen = [claimant for claimant in claimants if claimant[0] == plural]
            keys = {claimant[1] for claimant in chosen}
            if len(keys) > 1:
                for *_, form in chosen:
                    ambiguous[form] = tuple(sorted(keys.union(ambiguous.get(form, ()))))
                continue
            _, key, alias, _ = chosen[0]
            if len(all_keys := {claimant[1] for claimant in claimants}) > 1:  # a registered alias beat another's plural
                contested.setdefault(target, set()).update(all_keys)
            if exact and len(both := {key, *(claimant[1] for claimant in claims.get((False, fold(target)), ()))}) > 1:
                contested.setdefault(target, set()).update(both)  # an exact-case form wins where an any-case one matches too
            value = (len(target), key, alias, not _CJK.match(target[0]), not _CJK.match(target[-1]))
            (self._exact if exact else self._folded).add_word(target, value)
        self._automata = [automaton for automaton in (self._exact, self._folded) if len(automaton)]
        for automaton in self._automata:
            automaton.make_automaton()
        self.ambiguous: Mapping[str, tuple[str, ...]] = MappingProxyType(dict(sorted(ambiguous.items())))
        #: Forms that more than one key claims where a rule picks one: the registered alias over another's plural,
        #: the exact-case form over an any-case one (form -> every claimant's key). Leaving the winner out hands
        #: the form to another key: linking must know (:func:`~build_docs.link.mentions.link_all`).
        self.contested: Mapping[str, tuple[str, ...]] = MappingProxyType({form: tuple(sorted(keys)) for form, keys in sorted(contested.items())})

    def __repr__(self) -> str:
        return f"Matcher({len(self._exact)} exact-case forms, {len(self._folded)} any-case forms, {len(self.ambiguous)} ambiguous)"

    def find(self, text: str) -> list[Hit]:
        """Non-overlapping hits, leftmost then longest first, in text order."""
        return self.nested(text)[0]

    def nested(self, text: str) -> tuple[list[Hit], list[Hit]]:
        """:meth:`find`'s hits, and the matches each of them holds inside it ("Paris" in "University of Paris"), in text
        order; a match that only overlaps a hit is neither."""
        compact, starts, shifts = _compact(text)
        found: dict[tuple[int, int], tuple[str, str]] = {}
        for automaton in self._automata:  # exact case first: it wins a tie
            haystack = compact if automaton is self._exact else fold(compact)
            _candidates(automaton, haystack, compact, found)
        hits: list[Hit] = []
        inner: list[Hit] = []
        reached = 0
        # Candidates arrive in order of their end; sorting that nearly sorted list is near-linear.
        for (start, end), (key, alias) in sorted(found.items(), key=lambda item: (item[0][0], -item[0][1])):
            if start < reached and end > reached:
                continue
            begin, stop = _original(start, starts, shifts), _original(end - 1, starts, shifts) + 1
            if start < reached:
                inner.append(Hit(begin, stop, key, alias, text[begin:stop]))
                continue
            reached = end
            hits.append(Hit(begin, stop, key, alias, text[begin:stop]))
        return hits, inner


def _candidates(automaton: ahocorasick.Automaton, haystack: str, compact: str, found: dict[tuple[int, int], tuple[str, str]]) -> None:
    """Add every match of ``automaton`` in ``haystack`` that stands on word boundaries."""
    size = len(compact)
    for last, (length, key, alias, left, right) in automaton.iter(haystack):
        start, end = last - length + 1, last + 1
        if (left and start > 0 and _joins(compact[start - 1])) or (right and end < size and _joins(compact[end])):
            continue
        found.setdefault((start, end), (key, alias))
