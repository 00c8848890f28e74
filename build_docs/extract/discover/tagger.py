"""Names found by a statistical tagger (rule ``model``): a CRF trained in the repository, shipped with the package.

The model (``data/discover/names.crfsuite``, CRFsuite's format, read with python-crfsuite) labels
every word of a paragraph ``B-``/``I-``/``O`` with a type: person, organisation, place or other (a
work, an event, a group of people). It was trained by ``make train-names``
(``benchmarks/train_names.py``) on the tune half of GUM's named entities; its features are
:mod:`.tagger_features`. Nothing is trained or downloaded at build time.

A run of words labelled with one type is one find. An "other" find names no entity: it is returned
so that :func:`~build_docs.extract.discover.find_all` keeps the rule ``name-run`` from making an
organisation of it. Like ``name-run``, a find is strong (a page on its own) only for a person of two
words or more; anything else needs to recur in the corpus, and the registries override it as they
override every find.
"""

from __future__ import annotations

import bisect
import re
import struct
from functools import cache
from pathlib import Path
from typing import Any

from build_docs.extract.discover import lexicon
from build_docs.extract.discover.found import Found, span
from build_docs.extract.discover.lexicon import is_common
from build_docs.extract.discover.names import (
    adjective_compound,
    broken_word,
    caption_label,
    document_part,
    fragment,
    members_of,
    name_shape,
    nationality,
    no_name_word,
    own_word,
    participle_before,
    person_then,
    plan_of_action,
    plural_group,
    rare_name,
    title_word,
)
from build_docs.extract.discover.person_shapes import given_name, surname
from build_docs.extract.discover.place_names import gazetteer, is_place_name, local_place
from build_docs.extract.discover.tagger_features import Encoder, words_of
from build_docs.extract.discover.tokens import is_entity_word, particle_prefixed

MODEL = Path(__file__).resolve().parent.parent.parent / "data" / "discover" / "names.crfsuite"
CONFIDENT = 0.6  # the least marginal probability of a find's labels for it to be strong (chosen by training on part of the tune half and scoring the rest)
_ENDS = frozenset(".!?")
_TRAILING_WORDS = frozenset({"The", "In", "A", "An", "This", "That", "It", "He", "She", "They", "We", "I"})
KINDS = {"PER": "person", "ORG": "organization", "LOC": "place", "OTH": "other"}


@cache
def _loaded() -> tuple[Any, Encoder] | None:
    """The loaded model, one per process, and the encoder of its input (None when the package was installed without it)."""
    if not MODEL.is_file():
        return None
    import pycrfsuite  # here: most commands never tag

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger, Encoder(model_attributes(MODEL.read_bytes()))


def model_attributes(data: bytes) -> frozenset[str] | None:
    """The attributes a CRFsuite model file (its bytes) has weights for, read from its attribute table (the ``crf1dm``
    and ``cqdb`` formats of CRFsuite's ``crf1d_model.c`` and ``cqdb.c``); None when the bytes cannot be read so."""
    try:
        magic, _, kind, _, _, _, count, _, _, at, _, _ = struct.unpack_from("<4sI4sIIIIIIIII", data)
        chunk, size, _, _, _, backward = struct.unpack_from("<4sIIIII", data, at)
        if magic != b"lCRF" or kind != b"FOMC" or chunk != b"CQDB" or at + size > len(data) or (size - backward) // 4 < count:
            return None
        names = []
        for k in range(count):  # the backward array: each attribute's record (id, size, name and a NUL), by id
            (offset,) = struct.unpack_from("<I", data, at + backward + 4 * k)
            _, length = struct.unpack_from("<iI", data, at + offset)
            names.append(data[at + offset + 8 : at + offset + 7 + length].decode("utf-8"))
    except (struct.error, UnicodeDecodeError):
        return None
    return frozenset(names)


TYPED = 0.5  # the least mean probability of a type over a span's words for :func:`Tagging.kind_of` to give it
SURE = 0.9  # the least for the model to overrule a person's name's shape ("Marie Galante" in a travel guide is an island)


class Tagging:
    """The model's reading of one text: its finds, and how it types any span of the text's words.

    :meth:`kind_of` reads the CRF's marginals of the last text tagged in this process, so it must be called before
    another text is tagged (:func:`~build_docs.extract.discover.find_all` does)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = words_of(text)
        self._starts = [a for a, _ in self.spans]
        loaded = _loaded()
        self._tagger = loaded[0] if loaded else None
        self.found: list[Found] = []
        if loaded is not None and self.spans:
            tagger, encoder = loaded
            labels = tagger.tag(encoder.encode(text, self.spans))
            self.found = _finds(tagger, text, self.spans, labels)

    def kind_of(self, start: int, end: int, least: float = 0.0) -> str | None:
        """The type the model gives the capitalised words between ``start`` and ``end``: the one whose probability
        (``B-`` plus ``I-``), averaged over those words, is highest and at least :data:`TYPED` (or ``least``); else None."""
        if self._tagger is None or not self.spans:
            return None
        first, last = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        words = [k for k in range(first, last) if self.text[self.spans[k][0]].isupper()]
        if not words:
            return None
        marginal = self._tagger.marginal
        mean = {kind: sum(marginal(f"B-{label}", k) + marginal(f"I-{label}", k) for k in words) / len(words) for label, kind in KINDS.items()}
        best = max(mean, key=lambda kind: (mean[kind], kind))
        return best if mean[best] >= max(TYPED, least) else None


def tagged(text: str) -> list[Found]:
    """The names the model finds in ``text``, by position; kind ``other`` for a name that is no entity."""
    return Tagging(text).found


def _finds(tagger: Any, text: str, spans: list[tuple[int, int]], labels: list[str]) -> list[Found]:
    found: list[Found] = []
    i, n = 0, len(labels)
    while i < n:
        if labels[i] == "O":
            i += 1
            continue
        label = labels[i][2:]
        end = i + 1
        while end < n and labels[end] == f"I-{label}" and not _sentence_break(text, spans, end) and not _bracket(text, spans, end):
            end += 1
        first, last = _trimmed(text, spans, i, end)
        if first < last:
            confidence = min(tagger.marginal(labels[k], k) for k in range(i, end))
            opens = first == 0 or text[spans[first - 1][0]] in _ENDS or "\n\n" in text[spans[first - 1][1] : spans[first][0]]
            f = _find(text, spans[first:last], KINDS[label], confidence, opens)
            if f is not None:
                found.append(f)
        i = end
    return found


_BRACKETS = frozenset("()[]{}")


def _bracket(text: str, spans: list[tuple[int, int]], k: int) -> bool:
    """Word ``k`` is a bracket: a name ends before it, and another may start after it ("GPS (Global Positioning System)"
    is no name "GPS (Global Positioning System": an acronym and its expansion are two names, the glossary's to join)."""
    a, b = spans[k]
    return b - a == 1 and text[a] in _BRACKETS


def _sentence_break(text: str, spans: list[tuple[int, int]], k: int) -> bool:
    """Word ``k`` follows a sentence's end: a full stop after a word of two letters or more, or a blank line; not the
    period of an abbreviation that goes before a name ("St. Louis Cardinals", "Dr. Watson"; ``abbreviations.txt``, less
    a name's or a company's suffix, which may end a sentence: "... Jr.", "... Inc.")."""
    a, b = spans[k - 1]
    if "\n\n" in text[b : spans[k][0]]:
        return True
    if text[a:b] not in _ENDS or k < 2 or spans[k - 2][1] - spans[k - 2][0] <= 1 or spans[k - 2][1] != a:
        return False
    word = text[spans[k - 2][0] : a]
    return word not in lexicon.ABBREVIATIONS or word in lexicon.NAME_SUFFIXES or word in lexicon.COMPANY_SUFFIXES


def _trimmed(text: str, spans: list[tuple[int, int]], i: int, end: int) -> tuple[int, int]:
    """The words of a find without lowercase words or punctuation at either end ("Kwong Chun-yu of the" -> "Kwong Chun-yu")."""
    while i < end and not text[spans[i][0]].isupper():
        i += 1
    while end > i and not (text[spans[end - 1][0]].isupper() or _abbreviation_stop(text, spans, end - 1, i)):
        end -= 1
    while end > i and text[spans[end - 1][0] : spans[end - 1][1]] in _TRAILING_WORDS:
        end -= 1
    return i, end


def _abbreviation_stop(text: str, spans: list[tuple[int, int]], k: int, first: int) -> bool:
    """Word ``k`` is the full stop of an initial or a short abbreviation inside a name ("D.C.", "Jr.")."""
    a, b = spans[k]
    return text[a:b] == "." and k > first and spans[k - 1][1] == a and spans[k - 1][1] - spans[k - 1][0] <= 2


def _find(text: str, words: list[tuple[int, int]], kind: str, confidence: float, opens: bool = False) -> Found | None:
    """A find, with the same word-level evidence the rule ``name-run`` asks for (:func:`_no_name`)."""
    names = [text[a:b] for a, b in words]
    if len(names) > 2 and document_part(names[:2]):
        words, names = words[2:], names[2:]  # "Chapter VII the Council"
    while len(names) > 1 and (is_entity_word(names[0].rstrip(".")) or _function_word(names[0]) or _lowercase_word(names[0])):
        words, names = words[1:], names[1:]  # "Prophet Muhammad", "French President X"; "And you're Nick Roberts"
    if participle_before(names):  # "Anglicizing London"
        words, names = words[1:], names[1:]
    while len(names) > 1 and _function_word(names[-1]):  # "Excellency Mr."
        words, names = words[:-1], names[:-1]
    if len(names) > 1 and caption_label(text, names[-1], words[-1][1]):
        words, names = words[:-1], names[:-1]  # "Captain America Image: Nick Moreau.": a caption's credit
    if kind == "person":
        cut = person_then(names)
        words, names = words[:cut], names[:cut]  # "Nick Rhodes of Duran Duran": a person, then who they work for
    start, stop = words[0][0], words[-1][1]
    name = span(text, start, stop)
    capitalised = [w for w in names if w[0].isupper() and len(w) > 1]
    if _no_name(name, capitalised) or broken_word(text, start, stop) or document_part(names) or adjective_compound(names[-1]):
        return None  # "Declara:on", "Saint Ki-" cut by a stray character; "Chapter VI"; "United Nations-sanctioned"
    if "and" in names and all(w.isupper() for w in capitalised):
        return None  # "the EU and NATO", "UNICEF and UNESCO": acronyms in a list, each the glossary's
    alone = capitalised[0] if len(capitalised) == 1 else ""
    if alone and (not _lone_name(text, start, alone, kind) or title_word(text, alone, start, stop)) or fragment(text, start, stop):
        return None  # "the Charter", "Republics", "Chairmanship", "Leste" of "Timor- Leste": no name alone, nor a piece of one
    head = "other" if plan_of_action(names) else _head_kind(capitalised)
    if head and kind != head:
        kind = head  # "Non-Proliferation Treaty", "Kyoto Protocol": a treaty is no person or place; "... Bank" an organisation
    if kind == "person" and any(a == "of" and b == "the" for a, b in zip(names, names[1:], strict=False)):
        return None  # "Floor of the House of Representatives": a person's name has no "of the"
    if kind == "person" and any(is_entity_word(w) or w.isupper() and len(w) > 1 for w in capitalised):
        return None  # "UN Secretary-General", "High Commissioner for Refugees": an office, or a heading run into a name
    if kind == "person" and all(is_common(p) and not given_name(p) and not surname(p) for w in capitalised for p in w.split("-") if p):
        return None  # "Non-Proliferation": common words that are no one's given name or surname
    if kind != "person" and (plural_group(capitalised) or members_of(names)):
        return None  # "Member States", "All States", "Co-Chairs", "Members of Congress": a group, not an entity
    parts = [part for w in capitalised for part in w.split("-")]
    if len(parts) >= 2 and name not in gazetteer() and all(p in gazetteer() or p in lexicon.DEMONYMS for p in parts):
        return None  # "Niger Congo", "Russia-China", "Sino-Russian": places side by side, a relation, not one name
    common = len(capitalised) == 1 and is_common(capitalised[0], 5_000)  # "Congress", "Hall": a page only if it recurs
    one = len(capitalised) == 1  # one word opening a sentence: its capital proves nothing, so it must recur
    if one and " " not in name and (opens or kind != "person" and "-" not in name and not name.isupper()) and _english_word(name):
        return None  # "Freedom, peace and democracy", "Likewise,": an English word opening a sentence; "Disarmament", "Malaria": a body's or a place's nowhere
    if kind == "person":  # "China-Russia Strategy": a person's name has no place or nationality in it
        own = not any(is_place_name(p) or p in lexicon.DEMONYMS for w in capitalised for p in w.split("-"))
    else:  # "China Threat", "Research Fellow": no word only a name would have, nor a city's or a province's ("Leeds")
        own = any(own_word(w) or local_place(w) or rare_name(w) for w in capitalised)
    opening_name = not opens or _own_name(capitalised[0]) and not _LABEL.match(text, stop)  # "Ubisoft had ...", not "Markdown: ..."
    strong = confidence >= CONFIDENT and own and (not one or kind != "person" and not common and opening_name)
    return Found(kind, name, start, stop, "model", strong=strong)


def _english_word(word: str) -> bool:
    """A word of the English dictionary (:func:`~.lexicon.is_dictionary_word`, inflected too: "Thirdly") that is no given
    name, surname or place ("Freedom", "Likewise"; not "Paris", "Holly"). The model's find of one such word is no name
    at a sentence's start, nor anywhere unless a person's ("Disarmament", "Malaria", "Consulate", "Wonderland": out of
    fold on GUM's tune half four pages fewer, one of them right, for one entity lost, "Croft" typed an organisation; on
    300 UN speeches six pages fewer, all words)."""
    return lexicon.is_dictionary_word(word) and no_name_word(word)


def _own_name(word: str) -> bool:
    """One word, opening a sentence, that is a name however it stands: no English word of the frequency list, place,
    nationality or title (:func:`~.names.own_word`: "Ubisoft", "Baie-Mahault"), and no acronym ("OK": the glossary's).
    Not before a colon: a label opening a line ("Markdown: ...") names what follows, not an entity."""
    return own_word(word) and not word.isupper()


_LABEL = re.compile(r"[ \t]*:")


def _lone_name(text: str, start: int, word: str, kind: str) -> bool:
    """One word that may be a name alone: shaped as one (:func:`~.names.name_shape`), and no common English word after a
    determiner ("the Charter", "this very Hall", "our Summit": a common noun written with a capital for the thing the
    text is about; "the Kremlin" is lost with them)."""
    if not name_shape(word, kind == "person"):
        return False
    return not (is_common(word.rstrip(".")) and _DETERMINED.search(text, max(0, start - 40), start))


_DETERMINED = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Oo]ur|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Yy]our|[Mm]y)\s+(?:[a-z]+\s+)?$")


def _no_word_of_a_name(word: str) -> bool:
    """A title, an abbreviation, a nationality or a form of address ("Mr.", "Excellency"): no name alone."""
    bare = word.rstrip(".")
    return is_entity_word(bare) or bare in lexicon.ABBREVIATIONS or nationality(word) or _function_word(word)


def _lowercase_word(word: str) -> bool:
    """A lowercase word that is no name's particle ("you're", not "de" of "de Gaulle" or "al-Assad"): it opens no name."""
    return word[:1].islower() and word not in lexicon.PARTICLES and not particle_prefixed(word)


def _function_word(word: str) -> bool:
    """ "The", "Mr.", "Excellency", "Highness": a word that never begins or ends a name."""
    return word.rstrip(".").lower() in lexicon.FUNCTION_WORDS


def _head_kind(capitalised: list[str]) -> str | None:
    """The kind a name's head word gives it: "other" for a treaty's, a conference's or a plan's, last or first ("Kyoto
    Protocol", "Treaty of Peace and Friendship"), an organisation's for an organisation's head word last ("... Bank", not
    a weak one such as "Programme") or a word for a place's governing body ("the Marshall Islands Government",
    ``government-words.txt``); else None."""
    last = capitalised[-1] if capitalised else ""
    if last in lexicon.OTHER_NAME_HEADS or len(capitalised) > 1 and capitalised[0] in lexicon.OTHER_NAME_HEADS:
        return "other"  # "Kyoto Protocol", "Treaty of Peace and Friendship"
    if lexicon.body_head(last) or len(capitalised) > 1 and last in lexicon.GOVERNMENT_WORDS:
        return "organization"  # "... Bank"; "the Marshall Islands Government"
    return None


_CONTRACTION = re.compile(r"['\u2019](?:ll|m|ve|d|re|t)$")


def _no_name(name: str, capitalised: list[str]) -> bool:
    """No words of a name: a heading in capitals, titles and nationalities alone ("President", "Mr.", "Lebanese",
    "Secretary-General"), one of the 1,000 commonest English words ("State", "Day"), a word holding a digit ("COVID-19"),
    a contraction ("I'll", "Don't"; not "O'Neill", "D'Alesandro")."""
    if not capitalised or name.isupper() and len(capitalised) > 1 or any(c.isdigit() for c in name):
        return True
    if any(_CONTRACTION.search(w) for w in capitalised):
        return True  # "I'll", "We've", "Don't": a pronoun or a verb with its contracted word
    if nationality(name) or all(_no_word_of_a_name(w) for w in capitalised):
        return True
    return len(capitalised) == 1 and not capitalised[0].isupper() and all(is_common(part, lexicon.VERY_COMMON_RANK) for part in capitalised[0].split("-"))
