"""Golden test: the whole generated tree for the fixture corpus, reviewed like code.

Update after an intended change with ``make golden``, then read the diff of
``tests/golden/`` before committing it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from build_docs.pipeline import BuildConfig, build
from tests.conftest import FIXTURE, REPO, tree

GOLDEN = REPO / "tests" / "golden" / "docs"


def test_fixture_corpus_matches_golden_tree(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(REPO)  # paths in messages and markers are relative to the repository
    result = build(BuildConfig(FIXTURE.relative_to(REPO), tmp_path / "docs"))
    assert result.diagnostics == ()
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(tmp_path / "docs", GOLDEN)
    expected, actual = tree(GOLDEN), tree(tmp_path / "docs")
    assert sorted(actual) == sorted(expected), "files differ; run 'make golden' if the change is intended"
    for path in expected:
        assert actual[path].decode() == expected[path].decode(), f"{path} differs; run 'make golden' if intended"
