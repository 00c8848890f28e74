"""The one home of identity: page names for articles (and later entities)."""

from __future__ import annotations

import re
import unicodedata

MAX_WORDS = 12


def slugify(text: str) -> str:
    """``"What to Make of Deepening China-Russia Relations?"`` → ``"what-to-make-of-deepening-china-russia-relations"``.

    Letters are folded to ASCII; text with no Latin letters gives ``""`` and the
    caller falls back to another name. Long titles keep their first words.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", folded.lower().replace("'", "").replace("\u2019", ""))
    return "-".join(words[:MAX_WORDS])
