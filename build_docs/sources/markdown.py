"""The Markdown reader (``.md``, ``.markdown``): front matter and a real CommonMark parse.

The front matter's facts are read by :mod:`.frontmatter`; a Jekyll post's file name
gives the date when the front matter does not (``2022-06-22-title.md``). The body
is parsed by :mod:`.commonmark` into parts (headings, paragraphs, list items,
quotes, images, tables, notes) whose inline formatting and checked links the
article page keeps; relative links resolve against the post's ``url`` when it has one.
Line numbers stay those of the file.
"""

from __future__ import annotations

from types import MappingProxyType

from build_docs.diagnostics import Diagnostic, warning
from build_docs.sources.commonmark import parse_all
from build_docs.sources.frontmatter import JEKYLL_NAME, split_front_matter
from build_docs.sources.limits import MAX_MARKDOWN_NESTING
from build_docs.sources.links import is_web_address
from build_docs.sources.reading import Reading
from build_docs.sources.text import text_of


def read_markdown(raw: bytes, shown: str) -> tuple[Reading | None, list[Diagnostic]]:
    """A Markdown article: its parts, and the facts its front matter (or its file name) states."""
    text, encoding, problems = text_of(raw, shown)
    if text is None:
        return None, problems
    meta, body, first_line, found = split_front_matter(text, shown)
    facts, origins = dict(meta), {}
    stem = shown.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if "date" not in facts and (jekyll := JEKYLL_NAME.match(stem)):
        facts["date"], origins["date"] = jekyll["date"], "file name"
    url = str(facts.get("url", ""))
    parts, removed, unread = parse_all(body, first_line, url if is_web_address(url) else "")
    if unread:
        where = ", ".join(map(str, unread[:5])) + (" …" if len(unread) > 5 else "")
        what = f"quotes or lists nested more than {MAX_MARKDOWN_NESTING} levels deep (lines {where}), deeper than the Markdown parser reads"
        found.append(warning(shown, unread[0], f"{what}: their text is kept as plain paragraphs; simplify the nesting"))
    reading = Reading(body, encoding, "markdown", first_line, MappingProxyType(facts), parts, tuple(removed), MappingProxyType(origins))
    return reading, [*problems, *found]
