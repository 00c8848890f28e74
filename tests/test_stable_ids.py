"""Identifiers readers cite do not move when unrelated content changes (issue 6).

Adding a seed must leave every existing page path and every paragraph anchor of the
other articles where it was, and keep the ids of entities, terms and timeline entries.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from build_docs.pipeline import BuildConfig, build
from tests.conftest import REPO

NEW_SEED = """A Newly Received Article

By Someone Else

The Arctic Council (AC) met again in 2019. Foreign Minister Ingrid Vallhaugen of Norway opened the session.

China and Russia, the United States and the Shanghai Cooperation Organization were all discussed in 2019.
"""


def snapshot(docs: Path) -> dict[str, object]:
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    anchors = {p: re.findall(r"^\{: #(p\d+)[ }]", (docs / p).read_text(encoding="utf-8"), flags=re.M) for p in pages if p.startswith("articles/")}
    texts = {p: (docs / p).read_text(encoding="utf-8") for p in pages if p.startswith("articles/") and p != "articles/index.md"}
    data = {name: json.loads((docs / "data" / name).read_text(encoding="utf-8")) for name in ("entities.json", "glossary.json", "timeline.json")}
    return {"pages": pages, "anchors": anchors, "texts": texts, "data": data}


def test_adding_a_seed_moves_nothing_that_exists(tmp_path: Path):
    seeds = Path(shutil.copytree(REPO / "seeds", tmp_path / "seeds"))
    before_docs, after_docs = tmp_path / "before", tmp_path / "after"
    build(BuildConfig(seeds=seeds, docs=before_docs))
    before = snapshot(before_docs)
    (seeds / "zz_new.txt").write_text(NEW_SEED, encoding="utf-8")
    build(BuildConfig(seeds=seeds, docs=after_docs))
    after = snapshot(after_docs)

    assert set(before["pages"]) <= set(after["pages"]), set(before["pages"]) - set(after["pages"])
    assert "articles/a-newly-received-article.md" in after["pages"]
    for page, anchors in before["anchors"].items():
        assert after["anchors"][page] == anchors, page
    ids = {name: {r.get("id") or r.get("term") for r in records} for name, records in before["data"].items()}
    ids_after = {name: {r.get("id") or r.get("term") for r in records} for name, records in after["data"].items()}
    for name in ids:
        assert ids[name] <= ids_after[name], (name, ids[name] - ids_after[name])
    terms_before = {t["term"]: t["id"] for t in before["data"]["glossary.json"]}
    terms_after = {t["term"]: t["id"] for t in after["data"]["glossary.json"]}
    assert all(terms_after[term] == tid for term, tid in terms_before.items())
    assert "AC" in terms_after and "ingrid-vallhaugen" in ids_after["entities.json"]
