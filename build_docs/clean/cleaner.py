"""Stage 2, :class:`SourceDoc` → :class:`Article` and its :class:`CleaningReport`.

Cleaning turns what was received into what the author wrote, and records every
change so a reader can check it:

1. header facts (title, deck, byline, date, section, author notes) are lifted out
   of the text (:mod:`build_docs.clean.header`);
2. page furniture is removed by general rules (:mod:`build_docs.clean.boilerplate`); from a
   scan only with evidence, since a guess there costs the reader real text (:mod:`.scan`);
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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import PurePosixPath
from types import MappingProxyType

from build_docs.clean.article import Article, Cleaned, CleaningReport, Fix, SourceReport
from build_docs.clean.boilerplate import Removal, furniture, shared_short_lines, short_lines
from build_docs.clean.header import Header, read_header
from build_docs.clean.metadata import facts_of
from build_docs.clean.ocr import Lexicon
from build_docs.clean.ocr.lines import repair_lines
from build_docs.clean.pages import join_broken_words, page_edges, page_range, paged
from build_docs.clean.parts import blocks_of, removed_by_reader, title_part
from build_docs.clean.structure import Block, ends_mid_sentence, number, segment
from build_docs.clean.titles import corpus_casing, title_from_file_name, words_to_case
from build_docs.clean.witness import find_witnesses, merge, order_by_continuation, order_by_witness, overlap_cer
from build_docs.diagnostics import Diagnostic, warning
from build_docs.jobs import IN_PROCESS, Runner
from build_docs.results import NOTHING_KEPT, Kept, digest
from build_docs.slug import slugify
from build_docs.sources.catalog import CatalogEntry
from build_docs.sources.read import SourceDoc
from build_docs.sources.reading import Part

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
    parts: tuple[Part, ...] | None = None  # a structured source's body, as its format states it
    kept: tuple[Removal, ...] = ()  # lines shaped like a title that stay in the body, and why

    @property
    def words(self) -> int:
        return sum(len(t.split()) for _, t in self.lines)


def clean_all(sources: Sequence[SourceDoc], extra_words: Sequence[str] = (), runner: Runner = IN_PROCESS, kept: Kept = NOTHING_KEPT) -> Cleaned:
    """Clean every source; witnesses of one article come out as one article.

    What needs the whole corpus (the lexicons, witnesses, lines shared by many sources, the
    casing of file names) is worked out here; drafting each source and finishing each article
    go through ``runner``, which may run them in other processes (:mod:`build_docs.jobs`).
    Drafts and finished articles are read back from ``kept`` when a build has made them from
    the same input: each is keyed by its source and by the part of each corpus-wide input it
    reads (the shared lines it holds, the lexicon only for a scan or witnesses)."""
    extra_words = tuple(extra_words)
    base = Lexicon(extra_words)
    texts = {doc.name: doc.plain for doc in sources}  # a structured source's joins its parts: made once

    def each_source() -> tuple[dict[str, tuple[str | None, bool]], dict[str, tuple[str, ...]]]:
        return _kinds(kept, sources, base, extra_words), {doc.name: _short_lines(kept, doc) for doc in sources if doc.parts is None}

    # Witnesses are looked for across the corpus in a forked process while this one reads each source (with two cores).
    groups, (kinds, short) = kept.alongside(runner, lambda: find_witnesses(list(texts.items()), kept=kept), each_source)
    clean_texts = [texts[doc.name] for doc in sources if kinds[doc.name][0] != "ocr"]
    shared = shared_short_lines(short.items(), groups)
    items = [(doc, *kinds[doc.name], tuple(sorted(shared.intersection(short.get(doc.name, ()))))) for doc in sources]
    drafts = _Drafts(kept, items, runner)
    grouped = {name for group in groups for name in group}
    units = [list(group) for group in groups] + [[d.name] for d in sources if d.name not in grouped]
    units.sort(key=lambda u: u[0])
    untitled = words_to_case(unit[0] for unit in units if not any(drafts.titled[name] for name in unit))
    casing = corpus_casing(untitled, clean_texts)
    reads_lexicon = [len(unit) > 1 or kinds[unit[0]][0] == "ocr" for unit in units]  # a scan is repaired with it, witnesses merged with it
    lexical = [unit for unit, reads in zip(units, reads_lexicon, strict=True) if reads]
    others = [unit for unit, reads in zip(units, reads_lexicon, strict=True) if not reads]
    finished = dict(zip((u[0] for u in others), _finish_units(kept, runner, others, drafts, extra_words, base, casing, lambda: None), strict=True))
    if lexical:
        lexicon_key = kept.key("lexicon", extra_words, *map(digest, clean_texts)) if kept.on else ""
        make = lambda: Lexicon([*extra_words, *(w for text in clean_texts for w in _TOKEN.findall(text))])  # noqa: E731
        finished |= zip((u[0] for u in lexical), _finish_units(kept, runner, lexical, drafts, extra_words, base, casing, make, lexicon_key), strict=True)
    done = [finished[unit[0]] for unit in units]
    articles = [article for (article, _, _), _ in done]
    problems = [problem for (_, _, found), _ in done for problem in found]
    problems += _titles_from_file_names(articles, {d.name: d for d in sources})
    made_from = tuple(key for _, key in done) if kept.on else ()
    return Cleaned(tuple(articles), tuple(report for (_, report, _), _ in done), tuple(problems), made_from)


def _kinds(kept: Kept, sources: Sequence[SourceDoc], base: Lexicon, extra_words: tuple[str, ...]) -> dict[str, tuple[str | None, bool]]:
    """:func:`_kind` of every source by name, kept by its text, catalog entry and the extra words the lexicon holds."""
    if not kept.on:
        return {doc.name: _kind(doc, base) for doc in sources}
    words = digest(extra_words)
    keys = {doc.name: kept.key("kind", words, doc.text, doc.catalog, doc.format, doc.parts is None) for doc in sources}
    return {doc.name: kept.one("kind", keys[doc.name], partial(_kind, doc, base)) for doc in sources}


class _Drafts:
    """Each source's :class:`Draft`, by name, made (through ``runner``) or read back only when asked for.

    Whether each draft found a title (all the corpus reads of them before finishing) is kept on
    its own, so a build that reads back every finished article reads no draft at all."""

    def __init__(self, kept: Kept, items: Sequence[tuple[SourceDoc, str | None, bool, tuple[str, ...]]], runner: Runner) -> None:
        self._kept = kept
        self._items = {item[0].name: item for item in items}
        self.keys = {item[0].name: kept.key("draft", item) for item in items} if kept.on else {}
        found = {name: kept.get("titled", key) for name, key in self.keys.items()}
        missing = [item for item in items if found.get(item[0].name) is None]
        made = kept.map_with("draft", _draft_one, lambda: None, missing, [self.keys[i[0].name] for i in missing] if kept.on else None, runner, "sources")
        self._made: dict[str, Draft] = {draft.doc.name: draft for draft in made}
        self.titled = {name: bool(hit[0]) for name, hit in found.items() if hit is not None}
        for name in self.titled:
            kept.hold("draft", self.keys[name])  # read only if its article must be finished again
        for name, draft in self._made.items():
            self.titled[name] = "title" in draft.meta
            if kept.on:
                kept.put("titled", self.keys[name], self.titled[name])

    def __getitem__(self, name: str) -> Draft:
        if name not in self._made:
            key = self.keys[name]
            self._made[name] = self._kept.one("draft", key, partial(_draft_one, None, self._items[name]))
        return self._made[name]


@dataclass(frozen=True)
class _Finishing:
    """What finishing any article needs from the whole corpus (``lexicon`` only for scans and witnesses)."""

    lexicon: Lexicon | None
    base: Lexicon
    casing: Mapping[str, str]


def _short_lines(kept: Kept, doc: SourceDoc) -> tuple[str, ...]:
    """:func:`~build_docs.clean.boilerplate.short_lines` of a plain-text source, kept by its text. Those
    it shares with other sources are all its furniture rules read of the corpus (the item a draft is keyed by)."""
    make = partial(short_lines, (text for _, text in _lines(doc)))
    return kept.one("short-lines", kept.key("short-lines", doc.text, doc.first_line), make) if kept.on else make()


def _finish_units(
    kept: Kept,
    runner: Runner,
    units: list[list[str]],
    drafts: _Drafts,
    extra_words: tuple[str, ...],
    base: Lexicon,
    casing: Mapping[str, str],
    lexicon: Callable[[], Lexicon | None],
    lexicon_key: str = "",
) -> list[tuple[tuple[Article, CleaningReport, list[Diagnostic]], str]]:
    """Each unit (the names of its sources) finished, with the key it is kept under ("" when nothing is kept).
    A unit's drafts are read only when its finished article is not kept."""
    keys = None
    if kept.on:
        keys = [kept.key("finish", extra_words, lexicon_key, *(drafts.keys[name] for name in unit), _casing_for(unit, casing)) for unit in units]
    made = kept.map_with("finish", _finish, lambda: _Finishing(lexicon(), base, casing), _Units(units, drafts), keys, runner)
    return list(zip(made, keys or [""] * len(made), strict=True))


class _Units(Sequence[list[Draft]]):
    """The units' drafts, each read when its unit is asked for."""

    def __init__(self, units: list[list[str]], drafts: _Drafts) -> None:
        self._units, self._drafts = units, drafts

    def __len__(self) -> int:
        return len(self._units)

    def __getitem__(self, i: int) -> list[Draft]:  # type: ignore[override]
        return [self._drafts[name] for name in self._units[i]]


def _casing_for(unit: list[str], casing: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The corpus casing of the words of ``unit``'s file names: all a title made from a file name reads of it."""
    return tuple((w, casing[w]) for w in sorted(words_to_case(unit)) if w in casing)


def _draft_one(_: None, source: tuple[SourceDoc, str | None, bool, tuple[str, ...]]) -> Draft:
    doc, kind, detected, shared = source
    return _draft(doc, _lines(doc), kind, detected, frozenset(shared))


def _finish(corpus: _Finishing, unit: list[Draft]) -> tuple[Article, CleaningReport, list[Diagnostic]]:
    if len(unit) == 1 and unit[0].kind != "ocr":
        return _finish_one(unit[0], None, corpus.base, corpus.casing)
    assert corpus.lexicon is not None, "a scan or witnesses are finished with the corpus lexicon"
    if len(unit) == 1:
        return _finish_one(unit[0], corpus.lexicon, corpus.base, corpus.casing)
    return _finish_group(unit, corpus.lexicon, corpus.base, corpus.casing)


def clean(doc: SourceDoc, kind: str | None = None) -> tuple[Article, CleaningReport, list[Diagnostic]]:
    """Clean one file on its own (``python -m build_docs clean``)."""
    if kind is not None:
        doc = replace(doc, catalog=replace(doc.catalog or CatalogEntry(file=doc.name, line=0), kind=kind))
    cleaned = clean_all([doc])
    return cleaned.articles[0], cleaned.reports[0], list(cleaned.problems)


def _titles_from_file_names(articles: list[Article], docs: Mapping[str, SourceDoc]) -> list[Diagnostic]:
    """One warning for the build, not one per file: these articles have titles made from their file names."""
    untitled = [a for a in articles if a.origin.get("title") == "file name"]
    named = [docs[a.sources[0]] for a in untitled]
    if not named:
        return []
    folder = named[0].shown.rpartition("/")[0] or "."
    if len(named) == 1:
        doc = named[0]
        how = f"no title found in the text; the title is made from the file name ({untitled[0].title!r})"
        return [warning(doc.shown, doc.first_line, f"{how}; add 'title:' for this file in {folder}/catalog.yml")]
    listed = ", ".join(d.name for d in named[:3]) + (f" and {len(named) - 3} more" if len(named) > 3 else "")
    how = f"no title found in the text of {len(named)} articles; their titles are made from their file names ({listed})"
    return [warning(f"{folder}/catalog.yml", 0, f"{how}; give them titles ('title:') in {folder}/catalog.yml")]


def _kind(doc: SourceDoc, lexicon: Lexicon) -> tuple[str | None, bool]:
    """The catalog's kind, or "ocr" when the text reads like a scan (many unknown words)."""
    if doc.catalog and doc.catalog.kind:
        return doc.catalog.kind, False
    if doc.parts is not None:  # Markdown and HTML are born digital; a saved page is a web page
        return ("web", True) if doc.format == "html" else (None, False)
    lower = [w for w in _TOKEN.findall(doc.text) if w.islower()]
    unknown = sum(not lexicon.known(w) for w in lower)
    return ("ocr", True) if lower and unknown / len(lower) > OCR_UNKNOWN_SHARE else (None, False)


def _lines(doc: SourceDoc) -> list[tuple[int, str]]:
    if doc.parts is not None:
        return [(part.line, part.text) for part in doc.parts]
    return [(doc.first_line + i, line) for i, line in enumerate(doc.text.split("\n"))]


def _draft(doc: SourceDoc, lines: list[tuple[int, str]], kind: str | None, detected: bool, shared: frozenset[str]) -> Draft:
    if doc.parts is not None:
        return _structured_draft(doc, kind, detected)
    edges = {r.line: r for r in page_edges(lines, doc.pages)}  # a paginated source's running heads and page numbers
    scan = kind == "ocr"
    header = read_header([line for line in lines if line[0] not in edges] if edges else lines, scan)
    body = [(no, text) for no, text in lines if no not in header.used]
    removed = furniture(body, shared, scan)
    removed += [edges[no] for no in sorted(edges.keys() - {r.line for r in removed})]
    gone = {r.line for r in removed}
    meta, origin = facts_of(doc, header, kind)
    header_lines = [Removal(no, _line_text(lines, no), f"metadata: {what}") for no, what in header.used.items()]
    kept = tuple(Removal(no, _line_text(lines, no), f"not the title: {why}") for no, why in header.rejected.items())
    return Draft(
        doc=doc,
        kind=kind,
        kind_detected=detected,
        meta=meta,
        origin=origin,
        lines=tuple((no, text) for no, text in body if no not in gone),
        removed=tuple(sorted([*header_lines, *removed], key=lambda r: r.line)),
        kept=kept,
    )


def _structured_draft(doc: SourceDoc, kind: str | None, detected: bool) -> Draft:
    """A Markdown or HTML source: its facts come from its metadata (and an opening title heading), not from guessing."""
    parts = tuple(doc.parts or ())
    header, removed = Header(), removed_by_reader(doc.removed)
    opening = title_part(parts)
    stated = (doc.catalog and doc.catalog.title) or doc.front_matter.get("title")
    if opening is not None and (not stated or " ".join(str(stated).split()).casefold() == opening.text.casefold()):
        header = Header(title=opening.text, used={opening.line: "title"})
        removed.append(Removal(opening.line, opening.text, "metadata: title"))
        parts = parts[1:]
    meta, origin = facts_of(doc, header, kind, "page metadata" if doc.format == "html" else "front matter")
    return Draft(
        doc=doc,
        kind=kind,
        kind_detected=detected,
        meta=meta,
        origin=origin,
        lines=tuple((part.line, part.text) for part in parts),
        removed=tuple(sorted(removed, key=lambda r: r.line)),
        parts=parts,
    )


def _line_text(lines: list[tuple[int, str]], no: int) -> str:
    return lines[no - lines[0][0]][1].strip()


def _finish_one(draft: Draft, lexicon: Lexicon | None, base: Lexicon, casing: Mapping[str, str]) -> tuple[Article, CleaningReport, list[Diagnostic]]:
    lines, fixes = list(draft.lines), list[Fix]()
    if draft.kind == "ocr":
        assert lexicon is not None
        lines = [lines[i] for i in order_by_continuation([t for _, t in lines]).order]
        lines, fixes = repair_lines(lines, lexicon)
    elif draft.doc.pages:
        lines, fixes = join_broken_words(lines, base)
    blocks = paged(number(blocks_of(draft.parts) if draft.parts is not None else segment(lines, scan=draft.kind == "ocr")), draft.doc.pages)
    fixes = _anchor_fixes(fixes, blocks)
    return _article(draft, blocks, (draft,), {draft.doc.name: fixes}, base, {}, casing)


def _finish_group(drafts: list[Draft], lexicon: Lexicon, base: Lexicon, casing: Mapping[str, str]) -> tuple[Article, CleaningReport, list[Diagnostic]]:
    """Witnesses of one article: the cleanest is the primary, the others fill it in."""
    primary = min(drafts, key=lambda d: (d.kind == "ocr", -d.words, d.doc.name))
    lines, fixes = list(primary.lines), {}
    if primary.kind == "ocr":
        lines, fixes[primary.doc.name] = repair_lines(lines, lexicon)
    blocks = blocks_of(primary.parts) if primary.parts is not None else segment(lines)
    figures: dict[str, dict[str, dict[str, object]]] = {}
    for other in sorted((d for d in drafts if d is not primary), key=lambda d: d.doc.name):
        reference = "\n".join(b.text for b in blocks)
        ordering = order_by_witness([t for _, t in other.lines], reference)
        ordered = [other.lines[i] for i in ordering.order]
        repaired, fixes[other.doc.name] = repair_lines(ordered, lexicon) if other.kind == "ocr" else (ordered, [])
        cleaned_text = "\n".join(t for _, t in repaired)
        merged = merge([b.text for b in blocks], cleaned_text, lexicon.known)
        blocks = [_merged_block(blocks[m.primary_index], m.text) if m.primary_index is not None else Block("paragraph", m.text, 0) for m in merged.blocks]
        error_rate: dict[str, object] = {
            "before": overlap_cer(other.doc.text, reference).cer,
            "after": overlap_cer(cleaned_text, reference).cer,
        }
        figures[other.doc.name] = {"ordering": _figures(ordering), "merge": _figures(merged), "character error rate": error_rate}
    numbered = paged(number(blocks), primary.doc.pages)
    if primary.doc.name in fixes:
        fixes[primary.doc.name] = _anchor_fixes(fixes[primary.doc.name], numbered)
    return _article(primary, numbered, tuple(sorted(drafts, key=lambda d: d.doc.name)), fixes, base, figures, casing)


def _merged_block(block: Block, text: str) -> Block:
    """A block with the merged reading of its text; formatting stays only where the text did not change."""
    return block if text == block.text else replace(block, text=text, spans=())


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
    casing: Mapping[str, str],
) -> tuple[Article, CleaningReport, list[Diagnostic]]:
    doc = primary.doc
    meta, origin = dict(primary.meta), dict(primary.origin)
    for other in drafts:  # a witness may know what the primary does not
        for name, value in other.meta.items():
            if name not in meta and name != "kind":
                meta[name], origin[name] = value, other.origin[name]
    problems: list[Diagnostic] = []
    stem = slugify(PurePosixPath(doc.name).stem) or "article"
    title_slug = slugify(str(meta.get("title", "")))
    if doc.catalog and doc.catalog.id:
        article_id, origin["id"] = doc.catalog.id, "catalog"
    else:  # the index (extract/index.py) makes a page name taken twice unique, unless both were given
        article_id, origin["id"] = (title_slug, "title") if title_slug else (stem, "file name")
    if "title" not in meta:  # the text has none: what the file name says (clean_all warns once for all of them)
        meta["title"], origin["title"] = title_from_file_name(doc.name, casing), "file name"
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
    return SourceReport(doc.name, draft.kind, draft.kind_detected, doc.encoding, doc.text, doc.first_line, draft.removed, fixes, draft.kept)


def _unknown(blocks: tuple[Block, ...], lexicon: Lexicon) -> tuple[tuple[str, int], ...]:
    words = Counter(w for b in blocks for w in _WORD.findall(b.text) if len(w) > 2)  # not "U" of "U.S." nor "nd" of "22nd"
    counts = {w: n for w, n in words.items() if not lexicon.known(w)}  # each word looked up once
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
