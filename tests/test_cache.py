"""The on-disk cache of derived tables: a hit gives what a fresh build gives, and nothing stale or broken is ever read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from build_docs import cache
from build_docs.extract.discover import place_names


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BUILD_DOCS_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def counting(table: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return table

    return calls, build


def test_second_call_reads_the_cache(folder: Path):
    calls, build = counting({"a": [1, "x", True]})
    assert cache.cached_json("t", ["pyyaml"], build) == {"a": [1, "x", True]}
    assert cache.cached_json("t", ["pyyaml"], build) == {"a": [1, "x", True]}
    assert len(calls) == 1
    assert len(list(folder.glob("t-*.json"))) == 1


def test_corrupt_file_is_rebuilt(folder: Path):
    calls, build = counting({"b": 2})
    cache.cached_json("t", [], build)
    [path] = folder.glob("t-*.json")
    path.write_text('{"b": ', encoding="utf-8")
    assert cache.cached_json("t", [], build) == {"b": 2}
    assert len(calls) == 2
    assert json.loads(path.read_text(encoding="utf-8")) == {"b": 2}


def test_key_changes_with_what_the_table_derives_from(folder: Path, monkeypatch: pytest.MonkeyPatch):
    first = cache.key("t", ["pyyaml"])
    assert cache.key("t", ["pyyaml"]) == first
    assert cache.key("t", ["pyyaml", "jinja2"]) != first
    monkeypatch.setattr(cache, "_version", lambda package: "0.0-other")
    assert cache.key("t", ["pyyaml"]) != first
    monkeypatch.undo()
    monkeypatch.setattr(cache, "package_digest", lambda: "another state of the code")
    assert cache.key("t", ["pyyaml"]) != first


def test_only_the_newest_versions_are_kept(folder: Path, monkeypatch: pytest.MonkeyPatch):
    import os

    for version in range(cache.KEPT + 2):
        monkeypatch.setattr(cache, "package_digest", lambda version=version: f"state {version}")
        cache.cached_json("t", [], lambda version=version: version)
        [newest] = [p for p in folder.glob("t-*.json") if p.name == cache.key("t", [])]
        os.utime(newest, (1_000_000 + version, 1_000_000 + version))  # mtimes one second apart, in order
    kept = sorted(json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("t-*.json"))
    assert kept == list(range(2, cache.KEPT + 2))  # the oldest two are gone


def test_unwritable_folder_and_off_still_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BUILD_DOCS_CACHE", str(blocker / "cache"))
    assert cache.cached_json("t", [], lambda: [1, 2]) == [1, 2]
    monkeypatch.setenv("BUILD_DOCS_CACHE", "off")
    assert cache.folder() is None
    calls, build = counting([3])
    cache.cached_json("t", [], build)
    cache.cached_json("t", [], build)
    assert len(calls) == 2


def test_cached_gazetteer_equals_a_fresh_one(folder: Path):
    fresh = place_names._gazetteer_rows()
    place_names.gazetteer.cache_clear()
    try:
        written = place_names.gazetteer()  # builds and writes the file
        place_names.gazetteer.cache_clear()
        read = place_names.gazetteer()  # reads it back
    finally:
        place_names.gazetteer.cache_clear()
    assert list(folder.glob("gazetteer-*.json"))
    expected = {name: place_names.Place(*row) for name, row in fresh.items()}
    assert written == expected
    assert read == expected
    assert read["Beijing"].kind == "capital" and read["China"].kind == "country"
