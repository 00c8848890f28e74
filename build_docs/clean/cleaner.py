"""Stage 2, :class:`SourceDoc` → :class:`Article` and its :class:`CleaningReport`.

Cleaning turns what was received into what the author wrote, and records every
change so a reader can check it:

1. header facts (title, deck, byline, date, section, author notes) are lifted out
   of the text (:mod:`build_docs.clean.header`);
2. page furniture is removed by general rules (:mod:`build_docs.clean.boilerplate`);
3. OCR scans are repaired: columns put back in order and misread words corrected
   (:mod:`build_docs.clean.ocr`), never touching a word that is already right;
4. witnesses — two sources of one article — become one article that takes the
   better reading at each point and keeps what only one of them has
   (:mod:`build_docs.clean.witness`);
5. the text is divided into headings, paragraphs, items and captions, and the
   citable blocks are numbered (:mod:`build_docs.clean.structure`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from types import MappingProxyType

from build_docs.clean.article import Article, Cleaned, CleaningReport, Fix, SourceReport
from build_docs.clean.boilerplate import Removal, furniture, shared_lines
from build_docs.clean.header import Header, read_header
from build_docs.clean.ocr import Lexicon
from build_docs.clean.ocr.lines import repair_lines
from build_docs.clean.pages import join_broken_words, page_edges, page_range, paged
from build_docs.clean.structure import Block, ends_mid_sentence, number, segment
from build_docs.clean.witness import find_witnesses, merge, order_by_continuation, order_by_witness, overlap_cer
from build_docs.diagnostics import Diagnostic, warning
from build_docs.slug import slugify
from build_docs.sources.catalog import CatalogEntry
from build_docs.sources.read import SourceDoc

METADATA = ("title", "subtitle", "section", "authors", "affiliation", "publication", "date", "url", "kind")
OCR_UNKNOWN_SHARE = 0.06  # a text with more unknown lower-case words than this reads as an OCR scan
_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_WORD = re.compile(r"\b[^\W\d_]+(?:['\u2019-][^\W\d_]+)*\b")
UNKNOWN_LISTED = 100


@dataclass(frozen=True)
class Draft:
    """One source after header and furniture removal, before repair and structure."""

    doc: SourceDoc
    kind: str | None
    kind_detected: bool
    meta: Mapping[str, object]
    origin: Mapping[str, str]
    lines: tuple[tuple[int, str], ...]
    removed: tuple[Removal, ...]

    @property
    def words(self) -> int:
        return sum(len(t.split()) for _, t in self.lines)


def clean_all(sources: Sequence[SourceDoc], extra_words: Sequence[str] = ()) -> Cleaned:
    """Clean every source; witnesses of one article come out as one article."""
    base = Lexicon(extra_words)
    kinds = {doc.name: _kind(doc, base) for doc in sources}
    clean_text = [doc.text for doc in sources if kinds[doc.name][0] != "ocr"]
    lexicon = Lexicon([*extra_words, *(w for text in clean_text for w in _TOKEN.findall(text))])
    groups = find_witnesses([(doc.name, doc.text) for doc in sources])
    lines = {doc.name: _lines(doc) for doc in sources}
    shared = shared_lines(((doc.name, [t for _, t in lines[doc.name]]) for doc in sources), groups)
    drafts = {doc.name: _draft(doc, lines[doc.name], *kinds[doc.name], shared) for doc in sources}
    grouped = {name for group in groups for name in group}
    articles: list[Article] = []
    reports: dict[str, CleaningReport] = {}
    problems: list[Diagnostic] = []
    units = [[drafts[name] for name in group] for group in groups] + [[drafts[d.name]] for d in sources if d.name not in grouped]
    for unit in sorted(units, key=lambda u: u[0].doc.name):
        article, report, found = _finish_one(unit[0], lexicon, base) if len(unit) == 1 else _finish_group(unit, lexicon, base)
        articles.append(article)
        reports[article.id] = report
        problems += found
    return Cleaned(tuple(articles), MappingProxyType(reports), tuple(problems))


def clean(doc: SourceDoc, kind: str | None = None) -> tuple[Article, CleaningReport, list[Diagnostic]]:
    """Clean one file on its own (``python -m build_docs clean``)."""
    if kind is not None:
        doc = replace(doc, catalog=replace(doc.catalog or CatalogEntry(file=doc.name, line=0), kind=kind))
    cleaned = clean_all([doc])
    article = cleaned.articles[0]
    return article, cleaned.reports[article.id], list(cleaned.problems)


def _kind(doc: SourceDoc, lexicon: Lexicon) -> tuple[str | None, bool]:
    """The catalog's kind, or "ocr" when the text reads like a scan (many unknown words)."""
    if doc.catalog and doc.catalog.kind:
        return doc.catalog.kind, False
    lower = [w for w in _TOKEN.findall(doc.text) if w.islower()]
    unknown = sum(not lexicon.known(w) for w in lower)
    return ("ocr", True) if lower and unknown / len(lower) > OCR_UNKNOWN_SHARE else (None, False)


def _lines(doc: SourceDoc) -> list[tuple[int, str]]:
    return [(doc.first_line + i, line) for i, line in enumerate(doc.text.split("\n"))]


def _draft(doc: SourceDoc, lines: list[tuple[int, str]], kind: str | None, detected: bool, shared: frozenset[str]) -> Draft:
    edges = {r.line: r for r in page_edges(lines, doc.pages)}  # a paginated source's running heads and page numbers
    header = read_header([line for line in lines if line[0] not in edges] if edges else lines)
    body = [(no, text) for no, text in lines if no not in header.used]
    removed = furniture(body, shared)
    removed += [edges[no] for no in sorted(edges.keys() - {r.line for r in removed})]
    gone = {r.line for r in removed}
    meta, origin = merge_metadata(doc.catalog, doc.front_matter, header)
    for name, value in doc.document_info.items():  # a PDF's document information: only where the text is silent
        if name not in meta and value:
            meta[name], origin[name] = value, "document info"
    if kind and "kind" not in meta:
        meta["kind"], origin["kind"] = kind, "text"
    header_lines = [Removal(no, _line_text(lines, no), f"metadata: {what}") for no, what in header.used.items()]
    return Draft(
        doc=doc,
        kind=kind,
        kind_detected=detected,
        meta=MappingProxyType(meta),
        origin=MappingProxyType(origin),
        lines=tuple((no, text) for no, text in body if no not in gone),
        removed=tuple(sorted([*header_lines, *removed], key=lambda r: r.line)),
    )


def _line_text(lines: list[tuple[int, str]], no: int) -> str:
    return lines[no - lines[0][0]][1].strip()


def _finish_one(draft: Draft, lexicon: Lexicon, base: Lexicon) -> tuple[Article, CleaningReport, list[Diagnostic]]:
    lines, fixes = list(draft.lines), list[Fix]()
    if draft.kind == "ocr":
        lines = [lines[i] for i in order_by_continuation([t for _, t in lines]).order]
        lines, fixes = repair_lines(lines, lexicon)
    elif draft.doc.pages:
        lines, fixes = join_broken_words(lines, base)
    blocks = paged(number(segment(lines, markdown=draft.doc.format == "markdown")), draft.doc.pages)
    fixes = _anchor_fixes(fixes, blocks)
    return _article(draft, blocks, (draft,), {draft.doc.name: fixes}, base, {})


def _finish_group(drafts: list[Draft], lexicon: Lexicon, base: Lexicon) -> tuple[Article, CleaningReport, list[Diagnostic]]:
    """Witnesses of one article: the cleanest is the primary, the others fill it in."""
    primary = min(drafts, key=lambda d: (d.kind == "ocr", -d.words, d.doc.name))
    lines, fixes = list(primary.lines), {}
    if primary.kind == "ocr":
        lines, fixes[primary.doc.name] = repair_lines(lines, lexicon)
    blocks = segment(lines, markdown=primary.doc.format == "markdown")
    figures: dict[str, dict[str, dict[str, object]]] = {}
    for other in sorted((d for d in drafts if d is not primary), key=lambda d: d.doc.name):
        reference = "\n".join(b.text for b in blocks)
        ordering = order_by_witness([t for _, t in other.lines], reference)
        ordered = [other.lines[i] for i in ordering.order]
        repaired, fixes[other.doc.name] = repair_lines(ordered, lexicon) if other.kind == "ocr" else (ordered, [])
        cleaned_text = "\n".join(t for _, t in repaired)
        merged = merge([b.text for b in blocks], cleaned_text, lexicon.known)
        blocks = [replace(blocks[m.primary_index], text=m.text) if m.primary_index is not None else Block("paragraph", m.text, 0) for m in merged.blocks]
        error_rate: dict[str, object] = {
            "before": overlap_cer(other.doc.text, reference).cer,
            "after": overlap_cer(cleaned_text, reference).cer,
        }
        figures[other.doc.name] = {"ordering": _figures(ordering), "merge": _figures(merged), "character error rate": error_rate}
    numbered = paged(number(blocks), primary.doc.pages)
    if primary.doc.name in fixes:
        fixes[primary.doc.name] = _anchor_fixes(fixes[primary.doc.name], numbered)
    return _article(primary, numbered, tuple(sorted(drafts, key=lambda d: d.doc.name)), fixes, base, figures)


def _figures(result: object) -> dict[str, object]:
    figures = getattr(result, "figures", None)
    if figures is None:
        return {}
    if isinstance(figures, Mapping):
        return dict(figures)
    return {k: v for k, v in vars(figures).items() if isinstance(v, (int, float, str, bool))}


def _article(
    primary: Draft,
    blocks: tuple[Block, ...],
    drafts: tuple[Draft, ...],
    fixes: Mapping[str, list[Fix]],
    english: Lexicon,
    witness: Mapping[str, Mapping[str, Mapping[str, object]]],
) -> tuple[Article, CleaningReport, list[Diagnostic]]:
    doc = primary.doc
    meta, origin = dict(primary.meta), dict(primary.origin)
    for other in drafts:  # a witness may know what the primary does not
        for name, value in other.meta.items():
            if name not in meta and name != "kind":
                meta[name], origin[name] = value, other.origin[name]
    problems: list[Diagnostic] = []
    stem = slugify(PurePosixPath(doc.name).stem) or "article"
    article_id = (doc.catalog and doc.catalog.id) or slugify(str(meta.get("title", ""))) or stem
    if "title" not in meta:
        meta["title"] = f"Untitled ({doc.name})"
        problems.append(warning(doc.shown, doc.first_line, "no title found in the text; add 'title:' for this file in seeds/catalog.yml"))
    if not any(b.anchor for b in blocks):
        problems.append(warning(doc.shown, doc.first_line, "no paragraphs found: the file holds only header lines"))
    truncated = ends_mid_sentence(blocks)
    article = Article(
        id=article_id,
        sources=tuple(d.doc.name for d in drafts),
        blocks=blocks,
        ends_mid_sentence=truncated,
        origin=MappingProxyType(origin),
        pages=page_range(blocks, primary.lines, doc.pages),
        **meta,  # type: ignore[arg-type]
    )
    report = CleaningReport(
        article=article_id,
        sources=tuple(_source_report(d, tuple(fixes.get(d.doc.name, ()))) for d in drafts),
        unknown=_unknown(blocks, english),
        witness=MappingProxyType(dict(witness)),
        ends_mid_sentence=truncated,
    )
    return article, report, problems


def _source_report(draft: Draft, fixes: tuple[Fix, ...]) -> SourceReport:
    doc = draft.doc
    return SourceReport(doc.name, draft.kind, draft.kind_detected, doc.encoding, doc.text, doc.first_line, draft.removed, fixes)


def _unknown(blocks: tuple[Block, ...], lexicon: Lexicon) -> tuple[tuple[str, int], ...]:
    words = (w for b in blocks for w in _WORD.findall(b.text) if len(w) > 2)  # not "U" of "U.S." nor "nd" of "22nd"
    counts = Counter(w for w in words if not lexicon.known(w))
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:UNKNOWN_LISTED])


def _anchor_fixes(fixes: list[Fix], blocks: tuple[Block, ...]) -> list[Fix]:
    """Name the paragraph each correction landed in (the last block starting at or before its line)."""
    starts = [(b.line, b.anchor) for b in blocks if b.anchor]
    lines = [s[0] for s in starts]
    anchored = []
    for fix in fixes:
        i = bisect.bisect_right(lines, fix.line) - 1
        anchored.append(replace(fix, anchor=starts[i][1] if i >= 0 else ""))
    return anchored


def merge_metadata(entry: CatalogEntry | None, front: Mapping[str, object], header: Header) -> tuple[dict[str, object], dict[str, str]]:
    """Catalog over front matter over the text; empty values never win."""
    meta: dict[str, object] = {}
    origin: dict[str, str] = {}
    for name in METADATA:
        for where, value in (("catalog", getattr(entry, name, None)), ("front matter", front.get(name)), ("text", getattr(header, name, None))):
            if value:
                meta[name], origin[name] = value, where
                break
    return meta, origin
