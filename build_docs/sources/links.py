"""Which link targets from a source may become links on the site.

Only ``http``, ``https`` and ``mailto`` targets are kept. A relative target is
kept resolved against the address of the original (a post's ``url`` or a page's
canonical address), since on this site it would point nowhere; without one it
is dropped. Anything else (``javascript:``, ``data:``, ``vbscript:``, ``file:``,
an in-page ``#anchor`` of the original) is dropped: the link text stays as text.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urljoin, urlsplit

SCHEMES = ("http", "https", "mailto")
#: Control characters browsers ignore inside a URL ("java\nscript:"); spaces at either end are ignored too.
_IGNORED = re.compile(r"[\x00-\x1f\x7f]+")
#: What may stand in a link as it is; everything else is percent-encoded (parentheses, quotes, spaces).
_SAFE = "/:?#[]@!$&'*+,;=%~-._"


def safe_target(target: str, base: str = "") -> str | None:
    """The URL to link to, percent-encoded for a Markdown link, or ``None`` when the link must become text."""
    target = _IGNORED.sub("", target).strip(" ")
    if not target or target.startswith("#"):
        return None
    scheme = urlsplit(target).scheme.lower()
    if not scheme:
        if not base or urlsplit(base).scheme.lower() not in ("http", "https"):
            return None
        target = urljoin(base, target)
        scheme = urlsplit(target).scheme.lower()
    if scheme not in SCHEMES:
        return None
    return quote(target, safe=_SAFE).replace("'", "%27")


def is_web_address(text: str) -> bool:
    """``text`` is an http(s) address (a post's ``url:``), usable as the base of relative links."""
    return urlsplit(text.strip()).scheme.lower() in ("http", "https") and bool(urlsplit(text.strip()).netloc)
