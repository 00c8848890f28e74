"""Bibliographic facts found in an article's own text: title, deck, byline,
date, affiliation and publication lines at its head and foot.

Each rule is general (a byline is "By Name", a labelled row "作者: Name", a bio
line "Name is ..."); the lines a rule uses are reported so the cleaner can take
them out of the body. Nothing here knows any particular source.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from build_docs.clean.titles import not_a_title
from build_docs.sources.dates import find_date

HEAD_LINES = 15  # how many non-empty lines may hold the header
FOOT_LINES = 4  # how many non-empty lines may hold bio and source lines
TITLE_LINES = 3  # the title is among the first few lines
BODY_WORDS = 15  # a line this long starts the body

_NAME = r"[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){1,3}"
_BYLINE = re.compile(r"(?:^|\s)[Bb]y\s+(?P<names>" + _NAME + r"(?:\s*(?:,|and|&)\s*" + _NAME + r")*)\s*$")
_BULLET_NAME = re.compile(r"^[\u2022\u00b7*]\s*(?P<names>" + _NAME + r")\s*$")
_BIO = re.compile(r"^(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\s+(?:is|was)\s+(?:an?|the)?\s*[A-Z]")
_AUTHOR_IS = re.compile(r"^The authors? (?:is|are)\b")
_SOURCE = re.compile(r"^(?:Source|来源)\s*[:：]\s*(?P<pub>[^,.]+)")
_LABEL = re.compile(r"^\s*(?P<label>[^:：|]{1,20}?)\s*[:：]\s*(?P<value>.*)$")
AUTHOR_LABELS = ("作者", "author", "authors", "by")
DATE_LABELS = ("时间", "日期", "date", "published")


@dataclass(frozen=True)
class Header:
    """Facts found in the text; ``used`` holds the line numbers they came from."""

    title: str | None = None
    subtitle: str | None = None
    section: str | None = None
    authors: tuple[str, ...] = ()
    affiliation: str | None = None
    date: str | None = None
    publication: str | None = None
    used: Mapping[int, str] = field(default_factory=dict)  # line number -> what it gave
    #: lines shaped like a title that are not one, and why ("a salutation"); they stay in the body
    rejected: Mapping[int, str] = field(default_factory=dict)


def read_header(lines: list[tuple[int, str]]) -> Header:
    """Find header facts in ``(line number, text)`` pairs of one source."""
    filled = [(no, text.strip()) for no, text in lines if text.strip()]
    head = _head_zone(filled)
    found: dict[str, object] = {}
    used: dict[int, str] = {}
    title_at, rejected = _find_title(filled, len(head[:TITLE_LINES]))
    if title_at is not None:
        found["title"] = head[title_at][1]
        used[head[title_at][0]] = "title"
        # Lines above the title are the page's: a section label right above it, furniture before.
        for index, (no, text) in enumerate(head[:title_at]):
            if index == title_at - 1 and _is_section(text):
                found["section"] = text
                used[no] = "section label"
            else:
                used[no] = "above the title"
    after_name = False
    for index, (no, text) in enumerate(head):
        if no in used:
            continue
        if after_name and "affiliation" not in found and len(text.split()) <= 12 and not text.endswith("."):
            found["affiliation"] = text
            used[no] = "affiliation"
        elif what := _read_head_line(text, found):
            used[no] = what
        elif title_at is not None and index == title_at + 1 and "subtitle" not in found and _looks_like_deck(text):
            found["subtitle"] = text
            used[no] = "deck"
        after_name = bool(_BULLET_NAME.match(text))
    for no, text in filled[-FOOT_LINES:]:
        if no not in used and (what := _read_foot_line(text, found)):
            used[no] = what
    found.setdefault("authors", ())
    bios = found.pop("bios", ())
    if bios and "affiliation" not in found:
        found["affiliation"] = " ".join(bios)  # type: ignore[arg-type]
    return Header(used=dict(sorted(used.items())), rejected=rejected, **found)  # type: ignore[arg-type]


def _is_section(text: str) -> bool:
    """ "Foreign Policy" above a title: a short label in title case, not a sentence."""
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words if len(w) > 3) and text[-1:].isalpha()


def _head_zone(filled: list[tuple[int, str]]) -> list[tuple[int, str]]:
    for index, (_, text) in enumerate(filled[:HEAD_LINES]):
        if len(text.split()) >= BODY_WORDS and not _BYLINE.search(text) and not _AUTHOR_IS.match(text):
            return filled[:index]
    return filled[:HEAD_LINES]


def _find_title(filled: list[tuple[int, str]], candidates: int) -> tuple[int | None, dict[int, str]]:
    """The first of the first ``candidates`` lines shaped like a title that is one; and the lines
    rejected on the way (shaped like a title but not one, or a salutation or dateline), with why."""
    rejected: dict[int, str] = {}
    for index in range(candidates):
        no, text = filled[index]
        why = not_a_title(filled, index)
        if why and (_is_title(text) or why.startswith(("a salutation", "the opening", "a dateline"))):
            rejected[no] = why
        elif not why and _is_title(text):
            return index, rejected
    return None, rejected


def _is_title(text: str) -> bool:
    """A title is a short line in title case: every word of four letters or more capitalised."""
    words = text.split()
    if _BYLINE.match(text) or _BULLET_NAME.match(text):
        return False
    if not 3 <= len(words) <= 20 or text.endswith((".", ",", ";")) or _LABEL.match(text) and " : " in text:
        return False
    long_words = [w.strip("\"'\u201c\u201d()[]") for w in words if len(w) >= 4]
    return bool(long_words) and all(w[:1].isupper() or w[:1].isdigit() for w in long_words)


def _looks_like_deck(text: str) -> bool:
    return len(text.split()) < 30 and not text.endswith(".") and find_date(text) is None


def _read_head_line(text: str, found: dict[str, object]) -> str:
    """Take facts from one header line; say what it gave when the line held nothing else."""
    if "|" in text and _read_label_row(text, found):
        return "byline row"
    byline = _BYLINE.search(text) or _BULLET_NAME.match(text)
    if byline and "authors" not in found:
        found["authors"] = _split_names(byline["names"])
        rest = text[: byline.start()].strip() if byline.re is _BYLINE else ""
        if rest:
            found.setdefault("subtitle", rest)
        return "byline"
    if _AUTHOR_IS.match(text):
        found.setdefault("affiliation", text)
        return "author note"
    date = find_date(text)
    if date and len(text.split()) <= 6 and "date" not in found:
        found["date"] = date
        return "date"
    return ""


def _read_label_row(text: str, found: dict[str, object]) -> bool:
    """``:Peace and Development | 作者: Zhao Mingwen | 时间: 2018-06-07``."""
    cells = [c.strip() for c in text.split("|") if c.strip()]
    if len(cells) < 2:
        return False
    for position, cell in enumerate(cells):
        label = _LABEL.match(cell)
        key = label["label"].strip().lower() if label else ""
        value = label["value"].strip() if label else cell
        if key in AUTHOR_LABELS:
            found.setdefault("authors", _split_names(value))
        elif key in DATE_LABELS and find_date(value):
            found.setdefault("date", find_date(value))
        elif position == 0 and (not key or cell.startswith((":", "："))):
            found.setdefault("publication", cell.lstrip(":： ").strip())
    return True


def _read_foot_line(text: str, found: dict[str, object]) -> str:
    source = _SOURCE.match(text)
    if source:
        found.setdefault("publication", source["pub"].strip())
        return "source line"
    bio = _BIO.match(text)
    if bio and len(text.split()) <= 45:
        known = found.get("authors", ())
        authors: tuple[str, ...] = tuple(known) if isinstance(known, tuple) else ()
        if bio["name"] not in authors:
            found["authors"] = (*authors, bio["name"])
        found["bios"] = (*found.get("bios", ()), text)  # type: ignore[misc]
        return "author note"
    return ""


def _split_names(names: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in re.split(r"\s*(?:,|;|\band\b|&)\s*", names) if n.strip())
