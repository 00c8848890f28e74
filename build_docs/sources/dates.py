"""Publication dates written in the ways article headers write them."""

from __future__ import annotations

import re

from build_docs import data

MONTHS = {name: number for number, names in enumerate(data.lines("sources/months.txt"), start=1) for name in names.split()}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b")
_MDY = re.compile(_MONTH + r"\s+(?P<day>[0-3]?\d)\s*,\s*(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_DMY = re.compile(r"\b(?P<day>[0-3]?\d)\s+" + _MONTH + r"\s*,?\s*(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)


def find_date(text: str) -> str | None:
    """The first full date in ``text`` as ``YYYY-MM-DD``, or ``None``."""
    found = []
    for pattern in (_ISO, _MDY, _DMY):
        match = pattern.search(text)
        if match:
            month = match["month"]
            number = int(month) if month.isdigit() else MONTHS[month.lower()]
            day = int(match["day"])
            if 1 <= day <= 31:
                found.append((match.start(), f"{match['year']}-{number:02d}-{day:02d}"))
    return min(found)[1] if found else None
