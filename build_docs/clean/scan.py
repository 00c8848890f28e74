"""What the lines of an OCR scan are, read by their shape: furniture, headlines and datelines.

A scan has no markup: a headline, a dateline and the first line of a paragraph are all
just lines. The rules for web pages and print (a short line after the last sentence is a
footer; the line under a title is its deck) guess, and on a scan a wrong guess throws away
what the reader came for: the second article on a page, the first line of the body, half a
headline. So a scan's line is removed only with positive evidence that it is furniture
(:func:`is_scan_furniture`: no letter at all, or a bare page number; repeated running heads
are found by :mod:`.boilerplate` for every kind), and what only looks like a header stays
text: a dateline (:func:`is_dateline`) starts the body, and a headline
(:func:`is_headline`) becomes a heading over the paragraphs that follow it.

The rules are general: letters, case and punctuation; the month names are in
``data/clean/months.txt``.
"""

from __future__ import annotations

import re

from build_docs import data

MONTHS = data.words("clean/months.txt")
HEADLINE_WORDS = 10  # a headline line is at most this long
_LETTER = re.compile(r"[^\W\d_]")
_PAGE_NUMBER = re.compile(r"^[\s\-\u2013\u2014\[\](){}|.]*\d{1,4}[\s\-\u2013\u2014\[\](){}|.]*$")
_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
#: "DANVILLE, Pa., June 21.—", "LONDON, Monday.", "PARIS, 3rd June.": a place in capitals, then
#: within a few words a month or a weekday and a day, then a full stop or a dash.
_DATELINE = re.compile(
    r"^[A-Z][A-Z'\u2019.-]{2,}(?:[\s,]+[A-Z][\w'\u2019.-]*){0,3}[\s,.]+"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\.?\s+)?(?:" + _MONTH + r")\b(?:\.?\s*\d{1,2}(?:st|nd|rd|th)?)?"
    r"\s*(?:[.,:;]\s*[-\u2013\u2014]?|[-\u2013\u2014])"
)


def is_scan_furniture(text: str) -> str:
    """Why a line of a scan is the page's and not the text's, or ``""``: only with evidence.

    No letter at all and no figure (rules, rows of symbols, scanner specks), or a bare page
    number. A line of figures ("£4370 3s. 6d.", "1859:") or initials ("J. P.") is text."""
    if not text.strip() or _LETTER.search(text):
        return ""
    if not re.search(r"\d", text):
        return "no words (symbols only)"
    return "page number" if _PAGE_NUMBER.match(text) else ""


def is_dateline(text: str) -> bool:
    """A newspaper dateline opening the body: "DANVILLE, Pa., June 21.—Sparrow hawks …"."""
    return bool(_DATELINE.match(text.strip()))


def is_headline(text: str, closed: bool = True) -> bool:
    """A short line set in capitals ("TOWN LOTS.", "THE GOLD FIELDS"): a headline or a crosshead,
    with or without its full stop; not a sentence, which never fits in so few capital words.
    ``closed``: not ending in a comma, semicolon or hyphen, which carry it on into the next line
    (a line under a headline may: the headline goes on)."""
    words = text.split()
    letters = _LETTER.findall(text)
    if not 1 <= len(words) <= HEADLINE_WORDS or len(letters) < 3 or closed and text.rstrip().endswith((",", ";", "-")):
        return False
    return sum(c.isupper() for c in letters) >= 0.8 * len(letters)
