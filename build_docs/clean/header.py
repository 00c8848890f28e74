"""Bibliographic facts found in an article's own text: title, deck, byline,
date, affiliation and publication lines at its head and foot.

Each rule is general (a byline is "By Name", a labelled row "作者: Name", a bio
line "Name is ..."); the lines a rule uses are reported so the cleaner can take
them out of the body. Nothing here knows any particular source.

A line is a deck only if it reads as one: not the first line of a sentence that goes on
into the body, not a dateline (:func:`~build_docs.clean.titles.not_a_title` says why). For
an OCR scan (``scan=True``) nothing above the title is thrown away: a headline printed over
several lines ("SHIPPING." / "ARRIVALS FROM THE NORTH") is kept whole as the title, and only a
line with no letter at all is left out as the page's (:mod:`.scan`).

A date line ("Monday, May 18, 2015") is the article's date, never its title. A news page sets its
headline in sentence case, which no title-case rule sees, with the date under it: the headline right
above a date line is the title, not a line above the title. What reads as a sentence above the title
("P.S. The parcel is on the way.") is the text's own and stays in the body.

A headline in sentence case or of two words ("Ada Quill", "Building cheap lamps from old bulbs") is
no title by shape, so a title-case line below it (a caption, a heading of the text, an author line)
would win and the headline go as a line "above the title". Shape cannot tell it from a site's name or
other page furniture; the text can: a headline's words are the text's subject and recur in it, a
site's name does not. A headline-shaped line above the title most of whose words (and two at least)
recur below is the title; the lines between it and the title-shaped line stay in the text (only a
repeat of the title goes), and none of them is taken for a deck. An author line right under the title
(two names or more with their initials: "N S Andres and R T Ponce") gives the authors, and the line
under it their affiliation.

A letter's address lines are no title: a form of address and a name alone ("Miss Ada Quill"), with a
greeting below it ("Dear Ada:", "Mum,") before the text begins, is the addressee; the letter has no
title in its text, and its address lines stay in it.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field

from build_docs import data
from build_docs.clean.scan import MONTHS, is_dateline, is_headline, is_scan_furniture
from build_docs.clean.titles import WORD, is_greeting, not_a_title
from build_docs.sources.dates import find_date

DECK_WIDTH = 0.7  # in a scan, a deck is set short; a line this share of the column's width or more is body
HEAD_LINES = 15  # how many non-empty lines may hold the header
FOOT_LINES = 4  # how many non-empty lines may hold bio and source lines
TITLE_LINES = 3  # the title is among the first few lines
BODY_WORDS = 15  # a line this long starts the body

_NAME = r"[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){1,3}"
_BYLINE = re.compile(r"(?:^|\s)[Bb]y\s+(?P<names>" + _NAME + r"(?:\s*(?:,|and|&)\s*" + _NAME + r")*)\s*$")
_BULLET_NAME = re.compile(r"^[\u2022\u00b7*]\s*(?P<names>" + _NAME + r")\s*$")
_INITIALS_NAME = r"(?:[A-Z][a-z]+\s+)?(?:[A-Z]\.?\s+){1,3}[A-Z][\w'\u2019-]+"  # "N S Andres", "Ada B. Quill"
#: an author line: two names or more with their initials, nothing else ("N S Andres and R T Ponce")
_AUTHOR_LINE = re.compile(r"^" + _INITIALS_NAME + r"(?:\s*(?:,|,?\s+and|&)\s+" + _INITIALS_NAME + r")+$")
_BIO = re.compile(r"^(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\s+(?:is|was)\s+(?:an?|the)?\s*[A-Z]")
_AUTHOR_IS = re.compile(r"^The authors? (?:is|are)\b")
_SOURCE = re.compile(r"^(?:Source|来源)\s*[:：]\s*(?P<pub>[^,.]+)")
_LABEL = re.compile(r"^\s*(?P<label>[^:：|]{1,20}?)\s*[:：]\s*(?P<value>.*)$")
ADDRESSEE_TITLES = data.words("clean/addressee-titles.txt")
FUNCTION_WORDS = data.words("discover/function-words.txt")
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


def read_header(lines: list[tuple[int, str]], scan: bool = False) -> Header:
    """Find header facts in ``(line number, text)`` pairs of one source (``scan``: an OCR scan's)."""
    filled = [(no, text.strip()) for no, text in lines if text.strip()]
    width = statistics.median(len(text) for _, text in filled) if scan and filled else 0.0
    head = _head_zone(filled, width)
    found: dict[str, object] = {}
    used: dict[int, str] = {}
    title_at, rejected = _find_title(filled, len(head[:TITLE_LINES]))
    promoted = False
    if title_at is not None and not scan and (headline := _headline_above_title(filled, title_at)) is not None:
        for no, text in head[headline + 1 : title_at + 1]:  # the text's own lines (a caption, a heading), kept
            if text == head[headline][1]:
                used[no] = "title repeated"
        title_at, promoted = headline, True
    if title_at is not None:
        found["title"] = head[title_at][1]
        used[head[title_at][0]] = "title"
        if scan:
            _scan_headline(head[: title_at + 1], found, used)
        # Lines above the title are the page's: a section label right above it, furniture before.
        for index, (no, text) in enumerate(head[:title_at]):
            if no in used:
                continue
            if index == title_at - 1 and _is_section(text):
                found["section"] = text
                used[no] = "section label"
            elif _is_date_line(text) and "date" not in found:  # "7 November 1990" over the title
                found["date"] = find_date(text)
                used[no] = "date"
            elif _is_sentence(text):  # the text's own ("P.S. The parcel is on the way."), never the page's
                rejected[no] = "a sentence above the title"
            else:
                used[no] = "above the title"
        if scan:
            title_at = _scan_headline_below(head, title_at, found, used)
    after_name = False
    for index, (no, text) in enumerate(head):
        if no in used:
            continue
        if after_name and "affiliation" not in found and len(text.split()) <= 12 and not text.endswith("."):
            found["affiliation"] = text
            used[no] = "affiliation"
        elif title_at is not None and index == title_at + 1 and "authors" not in found and _AUTHOR_LINE.match(text):
            found["authors"] = _split_names(text)
            used[no] = "author line"
        elif what := _read_head_line(text, found, scan):
            used[no] = what
        elif not promoted and title_at is not None and index == title_at + 1 and "subtitle" not in found and _is_deck(filled, index, width):
            found["subtitle"] = text
            used[no] = "deck"
        after_name = bool(_BULLET_NAME.match(text)) or used.get(no) == "author line"
    for no, text in [] if scan else filled[-FOOT_LINES:]:  # a scan's last lines are its text's ("Mr. Hill was the ...")
        if no not in used and (what := _read_foot_line(text, found)):
            used[no] = what
    found.setdefault("authors", ())
    bios = found.pop("bios", ())
    if bios and "affiliation" not in found:
        found["affiliation"] = " ".join(bios)  # type: ignore[arg-type]
    return Header(used=dict(sorted(used.items())), rejected=dict(sorted(rejected.items())), **found)  # type: ignore[arg-type]


def _is_sentence(text: str) -> bool:
    """A line that reads as a sentence: four words or more, some in lower case, closed by a full stop,
    a question or an exclamation mark ("We will hear the first case this morning.")."""
    words = text.split()
    return len(words) >= 4 and text.rstrip("\"'\u201d\u2019)").endswith((".", "?", "!")) and any(w.isalpha() and w.islower() for w in words)


def _is_section(text: str) -> bool:
    """ "Foreign Policy" above a title: a short label in title case, not a sentence."""
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words if len(w) > 3) and text[-1:].isalpha()


def _head_zone(filled: list[tuple[int, str]], width: float = 0.0) -> list[tuple[int, str]]:
    """The lines before the first body line: a long one, or in a scan (``width``: its lines' median length)
    the first as wide as the column after the first line (which may be a long headline), since a scan's
    head is set short and its body lines are never long."""
    for index, (_, text) in enumerate(filled[:HEAD_LINES]):
        if width and index and len(text) >= DECK_WIDTH * width:
            return filled[:index]
        if len(text.split()) >= BODY_WORDS and not _BYLINE.search(text) and not _AUTHOR_IS.match(text):
            return filled[:index]
    return filled[:HEAD_LINES]


def _find_title(filled: list[tuple[int, str]], candidates: int) -> tuple[int | None, dict[int, str]]:
    """The first of the first ``candidates`` lines shaped like a title that is one; and the lines
    rejected on the way (shaped like a title but not one, or a salutation or dateline), with why.
    A date line is never the title: the headline right above it is, if there is one."""
    rejected: dict[int, str] = {}
    for index in range(candidates):
        no, text = filled[index]
        if _is_addressee(text) and _greeting_below(filled, index):
            rejected[no] = "a letter's addressee (a greeting follows its address lines)"
            return None, rejected  # the lines down to the greeting are its address, none a title
        why = not_a_title(filled, index)
        if why and (_is_title(text) or why.startswith(("a salutation", "the opening", "a dateline"))):
            rejected[no] = why
        elif not why and _is_title(text):
            if not _is_date_line(text):
                return index, rejected
            headline = _headline_above_date(filled, index)
            if headline is not None:
                return headline, rejected
            # a date on its own is the article's date (read with the other header lines), never its title
    return None, rejected


def _is_addressee(text: str) -> bool:
    """ "Miss Ada Quill", "Mr. A. B. Smith": a form of address (``data/clean/addressee-titles.txt``) and
    a name of one to four capitalised words or initials, nothing else."""
    words = text.split()
    return words[0] in ADDRESSEE_TITLES and 2 <= len(words) <= 5 and all(w[:1].isupper() and w.rstrip(".").isalpha() for w in words[1:])


def _greeting_below(filled: list[tuple[int, str]], index: int) -> bool:
    """A letter's greeting ("Dear Ada:", "Mum,", "My dear friend,": four words at most, ending with a
    comma or colon) below ``filled[index]`` among the short lines of its head, before its text begins."""
    for _, text in filled[index + 1 : index + HEAD_LINES]:
        if is_greeting(text):
            return True
        if len(text.split()) >= BODY_WORDS or _is_sentence(text):
            return False
    return False


def _headline_above_title(filled: list[tuple[int, str]], title_at: int) -> int | None:
    """The index of a headline above the title-shaped line ``filled[title_at]``, which it then stands
    above as a caption or heading of the text (``None`` if there is none). A headline is a line of 2 to
    14 words that is no sentence, label, row of links, date, byline or fragment (not the section label
    right above the title); it is told from a site's name or other furniture by its words: most of
    its content words (not function words), two at least, recur in the text from the title down."""
    below: set[str] | None = None
    for index in range(title_at):
        text = filled[index][1]
        if index == title_at - 1 and _is_section(text):
            continue
        if not _open_short(text) or text.endswith("!") or ":" in text or "|" in text:
            continue
        if _is_date_line(text) or _BYLINE.search(text) or _BULLET_NAME.match(text) or not_a_title(filled[: index + 1], index):
            continue
        content = {w.casefold() for w in WORD.findall(text) if len(w) >= 3 and w.casefold() not in FUNCTION_WORDS}
        if len(content) < 2:
            continue
        if below is None:  # one pass over the text, for the few lines above the title
            below = {w.casefold() for _, line in filled[title_at:] for w in WORD.findall(line)}
        recurring = len(content & below)
        if recurring >= 2 and 2 * recurring >= len(content):
            return index
    return None


def _open_short(text: str) -> bool:
    """A headline's shape: 2 to 14 words, not closed as a sentence, a list or a label is (no full stop, comma,
    semicolon or colon at its end)."""
    return 2 <= len(text.split()) < BODY_WORDS and not text.endswith((".", ",", ";", ":"))


def _is_date_line(text: str) -> bool:
    """A line that is a date and nothing more: "Monday, May 18, 2015", "7 November 1990" (its words
    are figures, months and weekdays: ``data/clean/months.txt``)."""
    if find_date(text) is None:
        return False
    words = (w.strip(".,;:()") for w in text.split())
    return all(not w or w.isdigit() or w in MONTHS for w in words)


def _headline_above_date(filled: list[tuple[int, str]], index: int) -> int | None:
    """The index of the headline right above the date line ``filled[index]`` (a byline between them
    is passed over), or ``None``. A news page prints its headline in sentence case ("Ferry service
    resumes across the northern strait") with the date under it: the date is the article's date and
    the headline its title, not a line above the title. A headline is a short line that is not a
    sentence (no full stop, comma, colon or semicolon at its end), a byline, a date or a fragment."""
    for above in range(index - 1, -1, -1):
        text = filled[above][1]
        if _BYLINE.match(text) or _BULLET_NAME.match(text):
            continue
        if not _open_short(text) or _is_date_line(text):
            return None
        # the line below is the date (or a byline), which no sentence goes on into
        return None if not_a_title(filled[: above + 1], above) else above
    return None


def _is_title(text: str) -> bool:
    """A title is a short line in title case: every word of four letters or more capitalised."""
    words = text.split()
    if _BYLINE.match(text) or _BULLET_NAME.match(text):
        return False
    if not 3 <= len(words) <= 20 or text.endswith((".", ",", ";")) or _LABEL.match(text) and " : " in text:
        return False
    long_words = [w.strip("\"'\u201c\u201d()[]") for w in words if len(w) >= 4]
    return bool(long_words) and all(w[:1].isupper() or w[:1].isdigit() for w in long_words)


def _scan_headline(lines: list[tuple[int, str]], found: dict[str, object], used: dict[int, str]) -> None:
    """A scan's title with every line above it that has a letter: a headline over several lines, kept whole."""
    kept = [(no, text) for no, text in lines if not is_scan_furniture(text)]
    found["title"] = " ".join(text for _, text in kept)
    for no, text in lines:
        used[no] = "title" if (no, text) in kept else f"above the title: {is_scan_furniture(text)}"


def _scan_headline_below(head: list[tuple[int, str]], title_at: int, found: dict[str, object], used: dict[int, str]) -> int:
    """A scan's headline goes on below its title line while the lines are set in capitals like it
    ("CHOICE OF" / "TEAM FOR TEST"), never into a byline or a dateline; the index of its last line."""
    while title_at + 1 < len(head):
        no, text = head[title_at + 1]
        if not is_headline(text, closed=False) or _BYLINE.search(text) or is_dateline(text):
            break
        found["title"] = f"{found['title']} {text}"
        used[no] = "title"
        title_at += 1
    return title_at


def _is_deck(filled: list[tuple[int, str]], index: int, width: float = 0.0) -> bool:
    """The line under the title is its deck, unless it starts the body: a sentence that goes on
    into the next line, a dateline, a fragment (:func:`not_a_title`), or, in a scan whose lines
    are ``width`` long in the middle, a line as wide as the column (a deck is set short)."""
    text = filled[index][1]
    if len(text.split()) >= 30 or width and len(text) >= DECK_WIDTH * width or text.endswith(".") or find_date(text) is not None or is_dateline(text):
        return False
    return not not_a_title(filled, index)


def _read_head_line(text: str, found: dict[str, object], scan: bool = False) -> str:
    """Take facts from one header line; say what it gave when the line held nothing else. In a scan a
    byline is a line of its own ("By Our Correspondent"): "Taken in Tow by Rowing Boat." is a headline."""
    if "|" in text and _read_label_row(text, found):
        return "byline row"
    byline = _BYLINE.search(text) or _BULLET_NAME.match(text)
    if scan and byline and byline.start() > 0:
        byline = None
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
    labels = [(m["label"].strip().lower() if (m := _LABEL.match(c)) else "") for c in cells]
    if len(cells) < 2 or not any(key in AUTHOR_LABELS or key in DATE_LABELS for key in labels):
        return False  # a row needs a labelled author or date: a "|" alone is as often a misread "l" in a scan
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
