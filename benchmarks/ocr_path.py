"""The full cleaning path of a scan, as a reader meets it: what ``benchmarks/ocr_eval.py`` scores first.

:func:`~build_docs.clean.ocr.repair` alone is not what a reader sees. A user's scan is read
like any ``.txt`` seed (:func:`build_docs.sources.read.read_source`), given kind ``ocr`` as
the catalog would (or left to be detected), and cleaned by
:func:`build_docs.clean.cleaner.clean_all`: header facts lifted out, furniture removed, columns
ordered, words repaired, blocks made. A rule that drops a real line or a headline costs the
reader more than a repaired word gains, and only this path shows it.

:func:`page_text` is what the article page shows of the scan: the header facts the cleaner lifted
from its text and the page shows as printed (section label, title, deck, authors, affiliation;
in the order a newspaper prints them, section label first), then the text of every block in
order. A title made from the file name is left out: it is not the scan's text (a real catalog
would give one). The date is left out too: the page shows it in its own form (``10 June 1954``),
not as printed, and the dateline it came from stays in the body.

:func:`normalise` is applied to the page, the ground truth and the raw OCR (for the "before"
figure), so layout the page cannot show is not counted as error:

* a line without a letter or a digit (a rule ``--``, an asterism ``* * *``, specks) is
  removed: a page shows paragraphs and headings, not the rows of symbols between them, which
  the cleaner removes as furniture;
* on the ground truth and the raw OCR, which keep the printed lines, line-end hyphenation is
  joined: a hyphen between letters, then the line break (``Thorns-`` / ``hope`` →
  ``Thornshope``); in a text whose lines were joined into one (ICDAR's), where a space stands
  for the line break, a hyphen between letters followed by whitespace (``pro‐ ceed``). The
  hyphen may be ``-``, the Unicode hyphen ``‐`` (U+2010, which ICDAR's periodical ground
  truths print) or ``¬``, the three the repair reads as line-end hyphens. A hyphen and a space
  within a line of a text that keeps its lines (``regu- i 't``) is the scan's, and stays;
* the page (``page=True``) has no line ends: a hyphen and a space on it (``Thorns- hope``) is
  what a reader sees, and stays. A compound broken at a line end that the page closes up with
  its hyphen (``Thorns-hope``) so costs one character; one it joins (``north-`` / ``east`` →
  ``northeast``) costs none, since the line end hides whether the hyphen was the word's;
* every run of whitespace (line breaks, paragraph breaks, spaces) becomes one space, and the
  ends are stripped: a page has paragraphs, not the scan's lines.

:func:`half` splits the documents in two by a hash of their id, for ever the same way: rules
are tuned on ``tune``; ``held`` is the half the README reports, never looked at while tuning.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Literal

from build_docs.clean.article import Article, author_list
from build_docs.clean.cleaner import clean_all
from build_docs.sources.catalog import CatalogEntry
from build_docs.sources.read import read_source

Half = Literal["tune", "held"]
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u2010\u00ac][ \t]*\n\s*(?=[^\W\d_])")
_JOINED_LINE_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u2010\u00ac]\s+(?=[^\W\d_])")
_SPACE = re.compile(r"\s+")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def normalise(text: str, page: bool = False) -> str:
    """Rows of symbols removed, line-end hyphenation joined (not on a ``page``) and whitespace folded: see the module docstring."""
    lines = "\n".join(line for line in text.split("\n") if _LETTER_OR_DIGIT.search(line))
    if not page:
        lines = (_LINE_END_HYPHEN if "\n" in lines else _JOINED_LINE_HYPHEN).sub("", lines)
    return _SPACE.sub(" ", lines).strip()


def half(doc: str) -> Half:
    """``tune`` or ``held``, by the first byte of the SHA-256 of the document id (about half each)."""
    return "tune" if hashlib.sha256(doc.encode("utf-8")).digest()[0] % 2 == 0 else "held"


def cleaned(path: Path, kind: str | None = "ocr") -> Article:
    """The article the build makes of the scan at ``path`` (``kind`` as a catalog gives it; ``None``: detected)."""
    entry = CatalogEntry(file=path.name, line=0, kind=kind) if kind else None
    doc, problems = read_source(path.read_bytes(), path.name, f"seeds/{path.name}", entry)
    if doc is None:
        raise SystemExit(f"ocr_eval: {path}: not readable: {problems}")
    return clean_all([doc]).articles[0]


def page_text(article: Article) -> str:
    """The scan's text as the article page shows it: section label, title, deck, authors and affiliation, then every block's text, one per line."""
    head = [article.section] if article.section else []
    head += [article.title] if article.origin.get("title") != "file name" else []
    head += [article.subtitle] if article.subtitle else []
    head += [author_list(article.authors)] if article.authors else []
    head += [article.affiliation] if article.affiliation else []
    return "\n".join([*head, *(block.text for block in article.blocks)])
