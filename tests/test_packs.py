"""Packs: a build folds each stage's kept results into one file, and a rebuild reads them back from it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from build_docs import packs, pipeline, results
from build_docs.packs import PACK, Pack
from build_docs.pipeline import BuildConfig, build
from build_docs.results import Kept, folder_for
from tests.conftest import FIXTURE, edit_closing, tree


def run(seeds: Path, docs: Path, kept: Path | None) -> dict[str, bytes]:
    build(BuildConfig(seeds=seeds, docs=docs, results=kept))
    return tree(docs)


def index(folder: Path) -> list[str]:
    """The keys in ``folder``'s pack, in the order they are kept."""
    pack = Pack.open(str(folder / PACK))
    assert pack is not None
    pack.close()
    return list(pack.index)


def test_a_build_folds_its_results_and_a_rebuild_reads_them_from_the_packs(tmp_path: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(packs, "FOLD_AT", 1)  # the fixture's three articles make too few results to fold otherwise
    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    cache = folder_for(seeds)
    cold = run(seeds, tmp_path / "cold", None)
    assert run(seeds, tmp_path / "first", cache) == cold
    assert not list(cache.rglob("*.pickle")) and len(index(cache / "extract")) == 3  # every result folded
    pages = set(index(cache / "pages"))
    blobs = list(cache.rglob("*.blobs"))
    assert blobs and {p.stem for p in blobs} <= pages  # a page's bytes stay in a file of their own, beside the pack
    opened: list[str] = []

    def counting(path: str, *args: object):  # type: ignore[no-untyped-def]
        opened.append(path)
        return open(path, *args)  # noqa: SIM115

    monkeypatch.setattr(results, "open", counting, raising=False)  # Kept reads a loose result with open()
    counted.clear()
    assert run(seeds, tmp_path / "again", cache) == cold and counted == []
    assert [p for p in opened if p.endswith(".pickle")] == []  # every result read from a pack (the pages' bytes from their files)
    edit_closing(seeds)
    before = index(cache / "extract")
    cached = run(seeds, tmp_path / "edited", cache)
    assert counted == ["a-markdown-article-with-front-matter"]
    assert cached == run(seeds, tmp_path / "edited-cold", None)
    after = index(cache / "extract")
    assert len(after) == 3 and len(set(before) - set(after)) == 1  # folded again: the edited article's old result gone


def test_an_unreadable_pack_is_results_not_kept(tmp_path: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(packs, "FOLD_AT", 1)
    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    cache = folder_for(seeds)
    cold = run(seeds, tmp_path / "cold", cache)
    (cache / "extract" / PACK).write_bytes(b"not a pack")
    counted.clear()
    assert run(seeds, tmp_path / "again", cache) == cold and len(counted) == 3
    assert len(index(cache / "extract")) == 3  # made again, and folded again


def test_a_stage_is_folded_once_enough_of_its_results_are_loose_or_stale(tmp_path: Path):
    kept = Kept(tmp_path)
    for i in range(packs.FOLD_AT - 1):
        kept.put("stage", f"k{i}", i)
    kept.sweep()
    assert not (tmp_path / "stage" / PACK).exists()  # too few to fold
    kept = Kept(tmp_path)
    order = [f"k{i}" for i in reversed(range(packs.FOLD_AT - 1))]
    assert [kept.get("stage", key) for key in order] == [(int(key[1:]),) for key in order]
    kept.put("stage", "new", "one more")
    kept.sweep()
    assert index(tmp_path / "stage") == [*order, "new"]  # in the order this build used them
    assert list((tmp_path / "stage").glob("*.pickle")) == []
    kept = Kept(tmp_path)
    assert kept.get("stage", "new") == ("one more",) and kept.get("stage", "k0") == (0,)
    kept.put("stage", "newer", "another")
    kept.sweep()  # two stale, one loose: the pack stays as it is
    assert len(index(tmp_path / "stage")) == packs.FOLD_AT and [p.name for p in (tmp_path / "stage").glob("*.pickle")] == ["newer.pickle"]
    kept = Kept(tmp_path)
    assert kept.get("stage", "newer") == ("another",) and kept.get("stage", "k0") == (0,)
    assert kept.get("stage", "k1") == (1,)  # stale, but still in the pack until it is folded: what its key names


def test_a_packed_result_that_cannot_be_read_is_made_again_and_then_read_from_its_own_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(packs, "FOLD_AT", 1)
    kept = Kept(tmp_path)
    kept.put("stage", "a", "first result " * 10)
    kept.put("stage", "b", "second result " * 10)
    kept.sweep()
    path = tmp_path / "stage" / PACK
    data = path.read_bytes()
    path.write_bytes(data[:5] + b"\0" * 20 + data[25:])  # the first result's pickle broken, its length unchanged
    kept = Kept(tmp_path)
    assert kept.get("stage", "a") is None and kept.get("stage", "b") == ("second result " * 10,)
    kept.put("stage", "a", "first result " * 10)
    assert kept.get("stage", "a") == ("first result " * 10,)  # its own file, not the broken entry


def test_a_build_that_fails_keeps_what_it_made_for_the_next(tmp_path: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch):
    from build_docs.diagnostics import BuildError, error

    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    cache = folder_for(seeds)
    assemble = pipeline.assemble

    def failing(*args: object, **kwargs: object) -> None:
        raise BuildError((error("registry.yml", 1, "a mistake the editor then fixes"),))

    monkeypatch.setattr(pipeline, "assemble", failing)
    with pytest.raises(BuildError):
        run(seeds, tmp_path / "failed", cache)
    assert len(counted) == 3 and not list(cache.rglob(".pending-*"))  # what it made: files of their own
    monkeypatch.setattr(pipeline, "assemble", assemble)
    counted.clear()
    fixed = run(seeds, tmp_path / "fixed", cache)
    assert counted == [] and not list(cache.rglob(".pending-*"))
    assert fixed == run(seeds, tmp_path / "cold", None)


def test_the_file_of_a_killed_build_is_removed_and_a_running_one_s_left(tmp_path: Path):
    import subprocess
    import sys

    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    cache = folder_for(seeds)
    run(seeds, tmp_path / "first", cache)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])  # noqa: S603
    dead.wait()  # ended and reaped: its id names no process
    killed = cache / "extract" / f"{packs.PENDING}{dead.pid}{packs.PACKED}"
    running = cache / "extract" / f"{packs.PENDING}{os.getppid()}{packs.PACKED}"  # another build, still running
    killed.write_bytes(b"results of a build killed before it could keep them")
    running.write_bytes(b"results of a build still running")
    run(seeds, tmp_path / "second", cache)
    assert not killed.exists() and running.exists()
