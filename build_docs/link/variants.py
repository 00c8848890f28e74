"""Which entity a name's other form names: a person's shorter name, or another spelling of any name.

Pass 1 of linking (:mod:`.knowledge`) makes one page per entity. A corpus names one person or body in several ways,
and each way found with enough evidence would otherwise be a page of its own. Two are joined here, both only where
they point at one entity:

* **a shorter form** (:class:`LongerNames`): the last words of a longer name ("Lobo Sosa" of "Porfirio Lobo Sosa",
  "Aung San Suu Kyi" of "Daw Aung San Suu Kyi"), or its first and last words with some of the middle ones in order
  ("Omer Al-Bashir", "Omer Hassan Al-Bashir" of "Omer Hassan Ahmat Al-Bashir"). Where several longer names fit, the
  shorter one is theirs only if each of them is a shorter form of the next (a chain: it joins the longest); else it
  stands alone ("Castro Ruz" for Fidel and Raúl Castro Ruz). A name with a middle initial is no shorter form of one
  with another initial besides ("George W. Bush" of "George H. W. Bush"), so "George Bush" stands alone beside both.
  A name whose last word is the first part of a longer name's hyphened last word is its shorter form too ("Félix
  Houphouët" of "Félix Houphouët-Boigny", "Ban Ki" of "Ban Ki-moon").
* **another spelling** (:func:`spellings`): two names of one kind and as many words, alike but for one word, where
  the two spellings of that word are one letter apart (one added, dropped, changed, or two swapped), at least six
  letters long (for a person, nine for the surname of a name of two words: "John Spence" is no "John Spencer"), and not
  both given names of some tradition ("Ali Abdulssalam Treki" and "Ali Abdussalam Treki", "Rafael Correa" and "Rafeal
  Correa", "Dalia Grybanskaite" and "Dalia Grybauskaite", "... Coordination Center" and "... Coordination Centre";
  not "Christian Smith" and "Christina Smith"). The spelling with more finds names the page. A name of one word is
  never joined so ("Monterey" and "Monterrey" are two cities).

Names are compared by their keys (:func:`~build_docs.link.knowledge._key`: case, diacritics and hyphens aside), given
as tuples of words. Both are linear in the number of names: each name is filed and looked up under a few keys made of
its own words, and compared only with the names filed under the same key.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from itertools import combinations

from rapidfuzz.distance import OSA

from build_docs.extract.discover import lexicon
from build_docs.extract.discover.person_shapes import given_name

MIN_SPELLING = 6  # the fewest letters a word spelled two ways must have ("Rafael"; not "Jon" and "Jan")
MAX_MIDDLE = 6  # middle words of a name whose shorter forms :func:`shorter_forms` tries (2**6 at most)
MIN_SURNAME_SPELLING = 9  # the same for the surname of a name of two words ("Grybauskaite"; not "Spence" and "Spencer")

Words = tuple[str, ...]  # a name's words, each as its key


class LongerNames:
    """The longer names a person's name may be a shorter form of, added as their pages are made."""

    def __init__(self) -> None:
        self._tails: dict[Words, set[str]] = defaultdict(set)  # the last two or more words, less the first -> ids
        self._ends: dict[tuple[str, str], set[str]] = defaultdict(set)  # first and last word of three or more -> ids
        self._cut: dict[Words, set[str]] = defaultdict(set)  # the name with its last word's hyphened part left off -> ids
        self._words: dict[str, Words] = {}

    def add(self, entity_id: str, words: Words) -> None:
        self._words[entity_id] = words
        for k in range(1, len(words) - 1):
            self._tails[words[k:]].add(entity_id)
        if len(words) > 2:
            self._ends[(words[0], words[-1])].add(entity_id)
        if (cut := _cut(words)) is not None:
            self._cut[cut].add(entity_id)

    def owner(self, words: Words) -> str | None:
        """The one page whose name ``words`` is a shorter form of (the longest of a chain), or None."""
        if len(words) < 2:
            return None
        longer = set(self._tails.get(words, ()))  # a tail is filed only under names longer than it
        longer |= {i for i in self._ends.get((words[0], words[-1]), ()) if _shorter_form(words, self._words[i])}
        longer |= self._cut.get(words, set())
        if not longer:
            return None
        ordered = sorted(longer, key=lambda i: (len(self._words[i]), i))
        if all(_shorter_form(a, b) for a, b in zip((self._words[i] for i in ordered), (self._words[i] for i in ordered[1:]), strict=False)):
            return ordered[-1]
        return None


def shorter_forms(words: Words) -> Iterator[Words]:
    """Every shorter form of ``words`` that :class:`LongerNames` would join to it: its last two words or more, its first
    and last with some of its middle words in order (no initial dropped where another is kept; at most the first
    :data:`MAX_MIDDLE` middle words are tried), and, for a hyphened last word, the name with its first part alone."""
    for k in range(1, len(words) - 1):
        yield words[k:]
    middle = words[1:-1][:MAX_MIDDLE]
    for size in range(len(middle)):
        for kept in combinations(middle, size):
            form = (words[0], *kept, words[-1])
            if len(words) > 2 and _shorter_form(form, words):
                yield form
    if (cut := _cut(words)) is not None:
        yield cut


def _cut(words: Words) -> Words | None:
    """``words`` with its hyphened last word cut to its first part ("Félix Houphouët" of "Félix Houphouët-Boigny"), or
    None: no hyphen (keys write one as a space), or a first part that is a particle ("Al" of "Al-Bashir")."""
    first = words[-1].split()[0] if len(words) > 1 and " " in words[-1] else None
    return None if first is None or first in lexicon.PARTICLES else (*words[:-1], first)


def _shorter_form(short: Words, long: Words) -> bool:
    """``short`` is ``long``'s last words, or its first and last with some of its middle words in order, no initial dropped."""
    if len(short) >= len(long):
        return False
    if long[len(long) - len(short) :] == short:
        return True
    if short[0] != long[0] or short[-1] != long[-1]:
        return False
    middle, rest = short[1:-1], iter(long[1:-1])
    if not all(any(word == other for other in rest) for word in middle):
        return False
    dropped = [w for w in long[1:-1] if w not in middle]
    return not (any(_initial(w) for w in middle) and any(_initial(w) for w in dropped))  # "George W. Bush", "George H. W. Bush"


def _initial(word: str) -> bool:
    """ "h.", "w", "j.r.r.": an initial or a run of them."""
    letters = word.replace(".", "")
    return len(letters) <= 1 or "." in word and all(len(part) <= 1 for part in word.split("."))


def spellings(names: Sequence[Words], count: Callable[[int], int], people: bool = True) -> dict[int, int]:
    """For each name of ``names`` (by index) that is another spelling of a name there, the index of the spelling it joins:
    of its other spellings, the one with the most finds (``count``; the first on a tie), if that one has more than it and
    than each of its own other spellings (a spelling two letters from another joins it only through such a one).

    Candidates are found as SymSpell finds a word's misspellings: each name is filed under its other words and each
    spelling of the word that may differ with one letter deleted (or none), so two spellings a letter apart share a
    key; only names under one key are compared."""
    buckets: dict[tuple[int, Words, str], list[int]] = defaultdict(list)
    for n, words in enumerate(names):
        for k in range(len(words) if len(words) > 1 else 0):  # one word alone is never joined
            word, rest = words[k], words[:k] + words[k + 1 :]
            surname = people and k == len(words) - 1 and len(words) < 3
            if len(word) >= (MIN_SURNAME_SPELLING if surname else MIN_SPELLING):
                for variant in dict.fromkeys([word, *(word[:i] + word[i + 1 :] for i in range(len(word)))]):  # in order
                    buckets[(k, rest, variant)].append(n)
    partners: dict[int, set[int]] = defaultdict(set)
    for (k, _, _), members in buckets.items():
        for a in members:
            for b in members:
                if a < b and _one_letter_apart(names[a][k], names[b][k]):  # same key: as many words, all but word k alike
                    partners[a].add(b)
                    partners[b].add(a)

    def rank(n: int) -> tuple[int, int]:
        return count(n), -n

    joined = {}
    for n, others in partners.items():
        best = max(others, key=rank)
        if rank(best) > rank(n) and all(rank(o) < rank(best) for o in partners[best]):
            joined[n] = best  # the spelling most finds use among its own: "Abdussalam" for "Abdulssalam" and "Abdussalem"
    return joined


def _one_letter_apart(a: str, b: str) -> bool:
    """Two spellings of one word: a letter apart, long enough to tell, and not two given names ("Christian", "Christina")."""
    if a == b or min(len(a), len(b)) < MIN_SPELLING or OSA.distance(a, b, score_cutoff=1) > 1:
        return False
    return not (given_name(a.capitalize()) and given_name(b.capitalize()))

