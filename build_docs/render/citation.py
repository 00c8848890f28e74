"""How an article is named in citations and headers (one place, used by every page)."""

from __future__ import annotations

import datetime as dt

UNKNOWN_DATE = "date not stated in the source"


def display_date(iso: str | None) -> str:
    """``2014-11-21`` → ``21 November 2014``; ``2014-11`` → ``November 2014``."""
    if not iso:
        return UNKNOWN_DATE
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {dt.date(*parts):%B %Y}"
    if len(parts) == 2:
        return f"{dt.date(parts[0], parts[1], 1):%B %Y}"
    return str(parts[0])


def author_list(authors: tuple[str, ...]) -> str:
    if not authors:
        return ""
    if len(authors) == 1:
        return authors[0]
    return ", ".join(authors[:-1]) + " and " + authors[-1]
