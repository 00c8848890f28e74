"""Editorial headings that divide a long stretch of an article into sections its search can index.

Why: search (Material's, and Zensical's) indexes a page as sections, one per heading, and a section's
text is one field. Zensical 0.0.73 packs each position in its index into 32 bits: the item (section)
takes ``ceil(log2(items))`` bits, the field two, and a field may be at most ``2^30 / 2^ceil(log2(items))``
long -- counted in tokens with its default separator, in UTF-8 bytes with a custom one such as this
site's (``mkdocs.yml``). Past that it refuses to build ("exceeds the search index limit"). A UN
speech has no headings, so its whole text was one field: 37,746 bytes where 22,872 items allow 32,768.

So a stretch of an article between two headings whose text would come to more than
:data:`SECTION_BYTES` is divided, between paragraphs, into the fewest sections of about equal size,
each opened by a heading of the site's: "Paragraphs 41–80" (class ``editorial-heading``, shown as
editorial, and said to be the site's in the article's Source box). Nothing is invented: the heading
names the paragraph numbers it covers. Its anchor, ``#from-p41``, is made from its first paragraph, and
where the divisions fall depends on the article's own text and this module alone, never on the rest
of the corpus. Paragraph anchors (``#pN``) are untouched. Shorter articles are as before, byte for byte.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from build_docs.clean.article import Article
from build_docs.render.markdown import Md

#: The most text (UTF-8 bytes, as search indexes it) a stretch holds before it is divided: Zensical
#: 0.0.73 takes 32,768 bytes a field while a site has at most 32,768 search items (about 9,000
#: speeches once quote lists are out of the index); the rest is room for the page's header (byline,
#: citation), which shares the first section, and for what :func:`search_bytes` does not see.
SECTION_BYTES = 28_000
#: What search adds around a paragraph's text: ``<p>``, ``</p>``, a space, its number.
PARAGRAPH_MARKUP = 16
#: Around a list item's: each is a list of its own (``<ul> <li> <p>`` … ``</p> </li> </ul>``), and its number.
ITEM_MARKUP = 40

_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)(?:\{[^}]*\})?")  # [text](href){ attributes } → text
_TAG = re.compile(r"<[^>]*>")  # tags the build writes (a source's own < is &lt;)
_ESCAPED = re.compile(r"\\(.)")


@dataclass(frozen=True)
class Division:
    """A heading of the site's before a section of paragraphs ``first`` to ``last`` (anchors)."""

    level: int
    first: str
    last: str

    @property
    def anchor(self) -> str:
        return f"from-{self.first}"

    @property
    def label(self) -> str:
        if self.first == self.last:
            return f"Paragraph {self.first[1:]}"
        return f"Paragraphs {self.first[1:]}\u2013{self.last[1:]}"

    def markdown(self) -> Md:
        return Md(f"{'#' * self.level} {self.label} {{ #{self.anchor} .editorial-heading }}")


def visible_bytes(markdown: str) -> int:
    """About the UTF-8 bytes search indexes of a line of the build's Markdown: link text without its
    address and attributes, no tags, no backslash escapes. Never less than what is shown."""
    text = _ESCAPED.sub(r"\1", _TAG.sub("", _LINK.sub(r"\1", markdown)))
    return len(text.encode("utf-8"))


def search_bytes(article: Article, texts: Mapping[str, str], derived: Mapping[str, str], unnumbered: Mapping[int, str]) -> list[int]:
    """Each block's share of its section's search text: its text, its "From this paragraph" line and markup."""
    sizes = []
    for i, block in enumerate(article.blocks):
        if block.kind == "heading":
            sizes.append(0)  # a heading is its section's title, not its text
            continue
        shown = texts.get(block.anchor, "") if block.anchor else unnumbered.get(i, block.text)
        size = visible_bytes(shown or block.text) + (ITEM_MARKUP if block.kind == "item" else PARAGRAPH_MARKUP)
        if block.anchor in derived:
            size += visible_bytes(derived[block.anchor]) + PARAGRAPH_MARKUP
        sizes.append(size)
    return sizes


def divisions(
    article: Article, sizes: Sequence[int], start: int, stop: int, opens: Mapping[int, int], bound: int = SECTION_BYTES
) -> dict[int, Division]:
    """Block index → the heading to write before it, for the blocks ``start:stop`` of one page.

    ``opens``: block index → the level of a heading the page writes just before that block (the
    article's own headings, "Notes"); a stretch runs from one to the next, and its divisions are a
    level below it (level 2 under the title). A stretch within ``bound`` is left whole; a longer one
    is cut into ``ceil(total / bound)`` sections of about equal size, each under ``bound`` unless one
    paragraph alone is longer (a paragraph is never cut). A section with no numbered paragraph
    gets no heading of its own."""
    found: dict[int, Division] = {}
    level, first = 1, start
    for i in [*range(start, stop), stop]:
        if i == stop or i in opens:
            found |= _divide(article, sizes, range(first, i), min(level + 1, 6), bound)
            if i < stop:
                level = opens[i]
                first = i + 1 if article.blocks[i].kind == "heading" else i
    return found


def _divide(article: Article, sizes: Sequence[int], stretch: range, level: int, bound: int) -> dict[int, Division]:
    total = sum(sizes[i] for i in stretch)
    if total <= bound:
        return {}
    share = total / math.ceil(total / bound)
    starts, size = [stretch.start], 0
    for i in stretch:
        if i > starts[-1] and (size >= share or size + sizes[i] > bound):
            starts.append(i)
            size = 0
        size += sizes[i]
    found = {}
    for begin, end in zip(starts, [*starts[1:], stretch.stop], strict=True):
        anchors = [b.anchor for b in article.blocks[begin:end] if b.anchor]
        if anchors:
            found[begin] = Division(level, anchors[0], anchors[-1])
    return found
