"""How an article is named in citations and headers (one place, used by every page)."""

from __future__ import annotations

import datetime as dt

from build_docs.extract.dating import DateEstimate
from build_docs.render.markdown import Md, attr_value, escape

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


def estimated_date(estimate: DateEstimate) -> Md:
    """The Date row of an undated article: not stated, the estimate, and each piece of evidence linked to its paragraph."""
    cited = "; ".join(f'{escape(e.note)} ([¶{e.quote.anchor[1:]}](#{e.quote.anchor}){{ title="{attr_value(e.quote.quote)}" }})' for e in estimate.evidence)
    return Md(f"not stated in the source; estimated *{escape(estimate.display)}* from the text: {cited}")
