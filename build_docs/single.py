"""One file on its own: ``python -m build_docs clean FILE`` and ``extract FILE``."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from build_docs.clean.cleaner import clean
from build_docs.diagnostics import Diagnostic
from build_docs.extract.acronyms import find_definitions
from build_docs.extract.discover import find_all, is_common
from build_docs.extract.timex import find_timexes
from build_docs.link.knowledge import assemble
from build_docs.link.matcher import Matcher
from build_docs.link.mentions import names
from build_docs.link.registry import empty, load_registry
from build_docs.render.jsondata import dumps
from build_docs.sources.read import read_source


def clean_file_report(path: Path, shown: str, kind: str | None, as_json: bool) -> tuple[str, list[Diagnostic]]:
    """The cleaned text (blocks separated by blank lines), or everything as JSON."""
    doc, problems = read_source(path.read_bytes(), path.name, shown)
    if doc is None:
        return "", problems
    article, report, found = clean(doc, kind)
    problems += found
    text = "\n\n".join(block.text for block in article.blocks) + "\n"
    if not as_json:
        return text, problems
    [source] = report.sources
    data = {
        "file": shown,
        "metadata": {
            "id": article.id,
            "title": article.title,
            "subtitle": article.subtitle,
            "section": article.section,
            "authors": list(article.authors),
            "affiliation": article.affiliation,
            "publication": article.publication,
            "date": article.date,
            "kind": article.kind,
            "ends_mid_sentence": article.ends_mid_sentence,
            "origin": dict(article.origin),
        },
        "blocks": [asdict(block) for block in article.blocks],
        "removed": [asdict(removal) for removal in source.removed],
        "corrections": [asdict(fix) for fix in source.fixes],
        "unknown": [{"word": word, "count": count} for word, count in report.unknown],
        "text": text,
    }
    return dumps(data), problems


def extract_file_report(path: Path, shown: str, seeds: Path | None, date: str | None, as_json: bool) -> tuple[str, list[Diagnostic]]:
    """What one file yields: terms it defines, entities it names, every mention and every date, with character offsets.

    Offsets index the file's text as Python reads it (decoded, ``\\n`` line ends); for a structured
    format (Markdown, HTML) they index its text without markup, the blocks its reader found joined
    by blank lines, so ``text[start:end]`` is the mention. The registries in
    ``seeds`` (when given and present) are used as the build uses them.
    """
    doc, problems = read_source(path.read_bytes(), path.name, shown)
    if doc is None:
        return "", problems
    registry = empty()
    if seeds is not None:
        registry, found = load_registry(seeds, seeds.as_posix())
        problems += found
    text, name = doc.plain, "file"
    definitions = [(name, "text", d) for d in find_definitions(text)]
    knowledge, found = assemble(registry, [(name, "text", text)], definitions, [(name, "text", f) for f in find_all(text)], is_common)
    problems += [p for p in found if "names no paragraph" not in p.message]  # registry quotes point into the site, not this file
    matcher = Matcher(names(knowledge))
    hits = matcher.find(text)
    used = {h.key.partition(":")[2] for h in hits if h.key.startswith("entity:")}
    data = {
        "file": shown,
        "date": date,
        "terms": [{"term": d.short, "expansion": d.long, "start": d.start, "end": d.end, "text": text[d.start : d.end]} for _, _, d in definitions],
        "entities": [
            {"id": e.id, "name": e.name, "kind": e.kind, "origin": e.origin, "aliases": list(e.aliases), "description": e.description or None}
            for e in knowledge.entities.values()
            if e.id in used
        ],
        "mentions": [{"key": h.key, "start": h.start, "end": h.end, "text": h.surface} for h in hits],
        "candidates": [{"name": c.name, "kind": c.kind, "count": c.count, "reason": c.reason} for c in knowledge.candidates],
        "dates": [
            {"text": t.text, "start": t.start, "end": t.end, "value": t.value, "type": t.type, "precision": t.precision, "certainty": t.certainty}
            | ({"end_value": t.end_value} if t.end_value else {})
            | ({"mod": t.mod} if t.mod else {})
            for t in find_timexes(text, anchor=date)
        ],
    }
    if as_json:
        return dumps(data), problems
    return _extract_text(data), problems


def _extract_text(data: dict[str, Any]) -> str:
    lines = [f"{data['file']}: {len(data['terms'])} terms defined, {len(data['entities'])} entities, {len(data['mentions'])} mentions"]
    lines += ["", "Terms defined:"] + [f"  {t['term']} = {t['expansion']}  [{t['start']}:{t['end']}]" for t in data["terms"]]
    lines += ["", "Entities:"] + [f"  {e['kind']:<12} {e['name']}  ({e['id']}, {e['origin']})" for e in data["entities"]]
    lines += ["", "Mentions:"] + [f"  [{m['start']}:{m['end']}] {m['text']} -> {m['key']}" for m in data["mentions"]]
    lines += ["", "Dates:"] + [f"  [{d['start']}:{d['end']}] {d['text']} = {d['value']} ({d['type'].lower()}, {d['certainty']})" for d in data["dates"]]
    lines += ["", "Candidates (not linked):"] + [f"  {c['kind']:<12} {c['name']} ({c['count']}): {c['reason']}" for c in data["candidates"]]
    return "\n".join(lines) + "\n"
