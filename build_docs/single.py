"""One file through the cleaning stage, for ``python -m build_docs clean FILE``."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from build_docs.clean import clean
from build_docs.diagnostics import Diagnostic
from build_docs.read import read_source


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
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n", problems
