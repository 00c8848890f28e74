"""What the head of an entity page and of a glossary entry shows, before the quotes: the infobox.

An entity's infobox (``templates/entity.md.j2``) gives its kind, how a source describes it (quoted,
with its paragraph) or the editors' description (marked so), its other names one per line with
their script, its Wikidata item, its first and last dated mention on the timeline, how many
articles and mentions name it, and the entities named most often in the same paragraphs. A
glossary entry's head (``templates/glossary.md.j2``) gives the expansion, the first use and where
the term is used. Every value is taken from what the page already has: nothing is added that a
source or an editor did not say, and a row with nothing to say is left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import regex

from build_docs import data
from build_docs.link.mentions import Mention
from build_docs.timeline.events import Event

SCRIPTS = "render/scripts.yaml"
RELATED_SHOWN = 5  # entities in an infobox; the page's Related section lists more


@dataclass(frozen=True)
class Alias:
    """Another name of an entity, with what the page says of its script and, where the script tells it, its language."""

    text: str
    label: str  # "Chinese characters", "Cyrillic script", "Korean"; "" for a script the table does not list
    lang: str = ""  # a BCP 47 tag, only where the script is written for one language


def aliases(names: Sequence[str]) -> tuple[Alias, ...]:
    return tuple(Alias(name, *script_of(name)) for name in names)


def script_of(text: str) -> tuple[str, str]:
    """``(label, lang)`` of the scripts ``text``'s letters are written in (``data/render/scripts.yaml``).

    A script that names a language (kana, Hangul) decides for the whole name, so a Japanese name
    in kanji and kana is "Japanese"; otherwise every script is named, in the order first met."""
    pattern, table = _scripts()
    found = dict.fromkeys(m.lastgroup for m in pattern.finditer(text) if m.lastgroup)
    langs = [table[s] for s in found if table[s].get("lang")]
    if langs:
        return str(langs[0]["label"]), str(langs[0]["lang"])
    labels = dict.fromkeys(str(table[s]["label"]) for s in found)
    return " and ".join(labels), ""


def dated_span(dated: Sequence[Event]) -> tuple[Event, Event] | None:
    """The earliest and the latest of an entity's timeline entries (by date, then id), or ``None``."""
    if not dated:
        return None
    ordered = sorted(dated, key=lambda e: (e.start, e.date, e.id))
    return ordered[0], ordered[-1]


def first_use(mentions: Sequence[Mention], dates: Mapping[str, str]) -> Mention | None:
    """The first mention in the earliest-published article that has one (undated articles after
    dated ones, then by id); in that article, the first in reading order."""
    if not mentions:
        return None
    return min(enumerate(mentions), key=lambda im: (not dates.get(im[1].article), dates.get(im[1].article, ""), im[1].article, im[0]))[1]


@cache
def _scripts() -> tuple[regex.Pattern[str], Mapping[str, Mapping[str, str]]]:
    table: Mapping[str, Mapping[str, str]] = data.table(SCRIPTS)
    return regex.compile("|".join(rf"(?P<{name}>\p{{Script={name}}}+)" for name in table)), table
