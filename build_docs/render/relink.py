"""Links to a paragraph of a split article, sent to the part that holds it; a part's own links, moved with it.

Why one pass over the rendered Markdown instead of a parameter in every page family: the entity,
mention, glossary, timeline and report pages, and the article page itself (its paragraph numbers,
notes and dating evidence), all link a paragraph as ``articles/<id>.md#pN``. Splitting a long
article (:mod:`.article_parts`) moves some of those paragraphs to ``articles/<id>/<k>.md``;
resolving every such link here, once, keeps the page families unaware of parts and makes a new
family right without change. A part page is rendered as if it were the article's page and then
placed one folder lower, so its relative links are rebased here too.

Only links the build wrote are touched: every ``[``, ``]``, ``(`` and ``)`` that comes from a
source is backslash-escaped (:func:`~build_docs.render.markdown.escape`), so ``](`` after an even
number of backslashes opens a link target the build wrote. Links with a scheme or from the root
are left alone, and so is every other link's text, byte for byte. A part's link is rebased only
when it leads to a file the build writes, so text shown as code on a part stays as the source has it.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Mapping, Sequence

from build_docs.clean.article import Article
from build_docs.render.article_parts import PAGES_FILE, Part, pages_map, part_path, placement
from build_docs.render.jsondata import dump_bytes
from build_docs.render.kept_pages import kept_pages
from build_docs.render.templating import RenderedPage
from build_docs.results import NOTHING_KEPT, Kept, digest

#: A link target the build wrote: ``](target)`` after an even number of backslashes.
_TARGET = re.compile(r"(?<!\\)((?:\\\\)*\]\()([^()\s]+)\)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def relinked(
    page: RenderedPage, moved: Mapping[tuple[str, str], str], written_as: str | None = None, known: Collection[str] = ()
) -> RenderedPage:
    """``page`` with every link to a moved paragraph sent to its part.

    ``moved``: (page under ``docs/`` as it was, anchor) → the page that now holds that anchor.
    ``written_as``: where the page's links were written from, when it is placed elsewhere
    (``page.path``); then every relative link to one of the ``known`` files is rebased from there."""
    origin = written_as or page.path
    if origin == page.path and not moved:
        return page
    text = page.content.decode("utf-8")

    def resolve(match: re.Match[str]) -> str:
        target = match.group(2)
        if _SCHEME.match(target) or target.startswith("/"):
            return match.group(0)
        path, _, fragment = target.partition("#")
        absolute = posixpath.normpath(posixpath.join(posixpath.dirname(origin), path)) if path else origin
        holder = moved.get((absolute, fragment), absolute) if fragment else absolute
        if holder == absolute and (origin == page.path or absolute not in known):
            return match.group(0)
        return f"{match.group(1)}{_relative(holder, fragment, page.path)})"

    return RenderedPage(page.path, _TARGET.sub(resolve, text).encode("utf-8"))


def _relative(path: str, fragment: str, at: str) -> str:
    """``path#fragment`` as a link from the page ``at`` (both under ``docs/``): ``#fragment`` on the page itself."""
    tail = f"#{fragment}" if fragment else ""
    if path == at and fragment:
        return tail
    return posixpath.relpath(path, posixpath.dirname(at) or ".") + tail


def with_parts(
    pages: Sequence[RenderedPage], articles: Sequence[Article], parts: Mapping[str, Sequence[Part]], kept: Kept = NOTHING_KEPT
) -> list[RenderedPage]:
    """Every page with its links to a split article's paragraphs sent to their parts, the parts' own
    links rebased, and :data:`~.article_parts.PAGES_FILE` added; ``pages`` as they are when nothing is split.

    A page that links none of the split articles is left as it is: a kept page by the names it is kept with
    (:meth:`~.templating.RenderedPage.recorded_links`, so it is not read), another by a search of its bytes. A page
    relinked is kept (``kept``), by its own digest and the parts' placement, so that the next build reads it back."""
    if not parts:
        return list(pages)
    placed = {a.id: placement(a, parts[a.id]) for a in articles if a.id in parts}
    moved = {(part_path(i, 1), anchor): part_path(i, n) for i, anchors in placed.items() for anchor, n in anchors.items() if n > 1}
    written_as = {part_path(i, p.number): part_path(i, 1) for i, split in parts.items() for p in split}
    known = frozenset(p.path for p in pages)
    split = frozenset(parts)
    names = b"|".join(re.escape(i.encode("utf-8")) for i in sorted(parts))
    mentions = re.compile(rb"(?:" + names + rb")\.md#")
    placement_key = digest(sorted(moved.items())) if kept.on else ""

    def links_split(page: RenderedPage) -> bool:
        recorded = page.recorded_links()
        return mentions.search(page.content) is not None if recorded is None else not split.isdisjoint(recorded)

    def relink(page: RenderedPage) -> RenderedPage:
        if page.path in written_as:  # a part: rebased against every file the build writes
            return relinked(page, moved, written_as[page.path], known)
        [made] = kept_pages(kept, "relinked", (page.path, page.digest, placement_key), lambda: [relinked(page, moved)])
        return made

    return [*(relink(p) if p.path in written_as or links_split(p) else p for p in pages), RenderedPage(PAGES_FILE, dump_bytes(pages_map(placed)))]
