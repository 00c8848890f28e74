"""Parallel per-article work (``--jobs``) and progress: the output of a parallel build is the serial one's, byte for byte.

Speed is measured by ``benchmarks/bench.py --jobs``, never asserted here.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import MappingProxyType

import pytest

from build_docs.jobs import PARALLEL_FROM, Jobs, Runner, cores
from build_docs.pipeline import BuildConfig, build
from build_docs.progress import Progress
from build_docs.publish.write import MANIFEST
from tests.conftest import FIXTURE, REPO, run_cli, tree

GOLDEN = REPO / "tests" / "golden" / "docs"
FIXTURE_SEEDS = FIXTURE.relative_to(REPO).as_posix()  # as the golden tree was built: paths in pages are relative


def _square(x: int) -> int:
    return x * x


def _scaled(factor: int, x: int) -> int:
    return factor * x


def _fail_on_seven(x: int) -> int:
    if x == 7:
        raise ValueError("seven")
    return x


def _pid(_: int) -> int:
    return os.getpid()


def test_fixture_corpus_with_two_jobs_is_the_golden_tree(tmp_path: Path):
    """Serial and parallel builds from cold (an empty cache of derived tables, which both workers then fill) equal the golden tree."""
    env = {**os.environ, "BUILD_DOCS_CACHE": str(tmp_path / "cache")}
    for jobs in ("2", "1", "2"):  # the second parallel build reads the cache the first one wrote
        docs = tmp_path / f"docs-{jobs}"
        shutil.rmtree(docs, ignore_errors=True)
        done = subprocess.run(
            [sys.executable, "-m", "build_docs", "build", "--jobs", jobs, "--seeds", FIXTURE_SEEDS, "--docs", docs],
            cwd=REPO, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert tree(docs) == tree(GOLDEN), f"--jobs {jobs} differs from tests/golden/"


def test_seeds_with_witnesses_build_the_same_with_one_and_two_jobs(tmp_path: Path):
    """The repository's seeds: an OCR scan and its witness merged into one article, registries, every page family."""
    seeds = shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    one, two = tmp_path / "one", tmp_path / "two"
    assert run_cli("build", "--jobs", "1", "--seeds", "seeds", "--docs", one, cwd=tmp_path).returncode == 0
    done = run_cli("build", "--jobs", "2", "--seeds", "seeds", "--docs", two, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert any(len(a["sources"]) > 1 for a in json.loads((two / "data" / "articles.json").read_text())), "no witnesses merged"
    assert tree(one) == tree(two)
    assert seeds.is_dir()


def test_another_executor_can_be_dropped_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Any concurrent.futures.Executor (Dask's ``Client.get_executor``, say): here threads, with the context sent per chunk."""
    monkeypatch.chdir(REPO)
    result = build(BuildConfig(FIXTURE.relative_to(REPO), tmp_path / "docs", jobs=Jobs(executor=lambda: ThreadPoolExecutor(2))))
    assert result.articles == 3
    assert tree(tmp_path / "docs") == tree(GOLDEN)


def test_runner_keeps_the_order_of_the_items_across_processes():
    items = list(range(103))
    two = Runner(Jobs(workers=2))
    assert two.map(_square, items) == [x * x for x in items]
    assert two.map_with(_scaled, 3, items) == [3 * x for x in items]
    assert os.getpid() not in two.map(_pid, items)  # other processes did the work
    assert set(Runner(Jobs(workers=1)).map(_pid, items)) == {os.getpid()}


def _call_held(context: Callable[[int], int], x: int) -> int:
    return context(x)


def test_inherited_context_need_not_pickle_and_stays_here_for_another_executor():
    """map_inherited forks its workers: a closure (which pickle refuses) reaches them as it stands here."""
    offset = 1000
    closure = lambda x: (x + offset, os.getpid())  # noqa: E731
    items = list(range(37))
    made = Runner(Jobs(workers=2)).map_inherited(_call_held, closure, items)
    assert [value for value, _ in made] == [x + 1000 for x in items]
    assert os.getpid() not in {pid for _, pid in made}
    with pytest.raises((pickle.PicklingError, AttributeError)):
        pickle.dumps(closure)
    threads = Runner(Jobs(executor=lambda: ThreadPoolExecutor(2))).map_inherited(_call_held, closure, items)
    assert {pid for _, pid in threads} == {os.getpid()}  # another executor could not take the closure: run here


def test_alongside_runs_one_part_in_a_forked_process_while_the_other_runs_here():
    """Two parts of one step at once: the first, a closure (which pickle refuses), in a forked process, the second
    here; one after the other, both here, with one process or another executor. Its exception reaches the caller."""
    offset = 7
    there = lambda: (offset + 1, os.getpid())  # noqa: E731
    here = lambda: (offset + 2, os.getpid())  # noqa: E731
    (one, elsewhere), (two, mine) = Runner(Jobs(workers=2)).alongside(there, here)
    assert (one, two) == (8, 9) and mine == os.getpid() != elsewhere
    for serial in (Jobs(workers=1), Jobs(executor=lambda: ThreadPoolExecutor(2))):
        (_, first), (_, second) = Runner(serial).alongside(there, here)
        assert first == second == os.getpid()
    with pytest.raises(ValueError, match="seven"):
        Runner(Jobs(workers=2)).alongside(lambda: _fail_on_seven(7), here)


def test_a_workers_exception_reaches_the_caller():
    with pytest.raises(ValueError, match="seven"):
        Runner(Jobs(workers=2)).map(_fail_on_seven, list(range(20)))


def test_progress_hears_every_item():
    heard: list[tuple[int, int, str]] = []
    Runner(Jobs(workers=2), lambda done, total, what: heard.append((done, total, what))).map(_square, list(range(40)), "sources")
    assert heard[0] == (0, 40, "sources") and heard[-1] == (40, 40, "sources")
    assert [done for done, _, _ in heard] == sorted(done for done, _, _ in heard)


def test_read_only_mappings_cross_the_process_boundary():
    proxy = MappingProxyType({"b": 1, "a": MappingProxyType({"x": 2})})
    back = pickle.loads(pickle.dumps(proxy))
    assert isinstance(back, MappingProxyType) and isinstance(back["a"], MappingProxyType)
    assert back == proxy and list(back) == ["b", "a"]


def test_automatic_workers_stay_in_process_for_small_steps():
    assert Jobs().workers_for(PARALLEL_FROM - 1) == 1
    assert Jobs().workers_for(PARALLEL_FROM) == cores()
    assert Jobs(workers=3).workers_for(2) == 3


def test_progress_lines_and_timings():
    now = [0.0]
    shown: list[str] = []
    progress = Progress(show=shown.append, clock=lambda: now[0])
    with progress.stage("extract") as tick:
        tick(0, 400, "articles")  # at once after "extract: ...": not shown
        now[0] = 3.25
        tick(120, 400, "articles")
        tick(121, 400, "articles")  # within 0.1 s of the last line: not shown
        now[0] = 4.0
    with progress.stage("link"):
        now[0] = 5.5
    assert shown == [
        "extract: ...",
        "extract: 120/400 articles, 3.2 s",
        "extract: 121/400 articles, 4.0 s",
        "link: ...",
        "link: 1.5 s",
    ]
    assert progress.timings == {"extract": 4.0, "link": 1.5}


# --- the command line: the summary, and progress only on a terminal -------------------------

def summary(pages: int) -> re.Pattern[str]:
    return re.compile(
        rf"build_docs: 3 articles, {pages} pages \({pages} written, 0 unchanged\), 0 warnings; [\d.]+ s: "
        r"read [\d.]+ s, clean [\d.]+ s, extract [\d.]+ s, link [\d.]+ s, timeline [\d.]+ s, render [\d.]+ s, publish [\d.]+ s"
    )


def test_summary_then_the_last_line_as_before(fixture_seeds: Path, tmp_path: Path):
    docs = tmp_path / "docs"
    done = run_cli("build", "--jobs", "2", "--seeds", fixture_seeds, "--docs", docs, "--timings", tmp_path / "t.json")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    pages = sum(1 for p in docs.rglob("*") if p.is_file() and p.name != MANIFEST)  # every file the build wrote
    assert len(lines) == 2 and summary(pages).fullmatch(lines[0]), done.stdout
    assert lines[1] == f"build_docs: {pages} written, 0 deleted, 0 unchanged in {docs.as_posix()}/"
    assert done.stderr == ""  # not a terminal: no progress, and nothing else was wrong
    timings = json.loads((tmp_path / "t.json").read_text())
    assert (timings["jobs"], timings["articles"], timings["pages"], timings["warnings"]) == (2, 3, pages, 0)
    assert list(timings["seconds"]) == ["read", "clean", "extract", "link", "timeline", "render", "publish"]
    again = run_cli("check", "--seeds", fixture_seeds, "--docs", docs)
    assert again.returncode == 0 and f"build_docs: 3 articles, {pages} pages (0 stale, {pages} unchanged), 0 warnings; " in again.stdout


def test_stderr_holds_only_diagnostics_when_not_a_terminal(seeds: Path, tmp_path: Path):
    (seeds / "scan.txt").write_text("from the middle of a sentence, with no title line at the top of it.\n", encoding="utf-8")
    done = run_cli("build", "--seeds", seeds, "--docs", tmp_path / "docs")
    assert done.returncode == 0
    assert done.stderr.splitlines() == [f"{seeds.as_posix()}/scan.txt:1: warning: no title found in the text; {done.stderr.split('; ', 1)[1].strip()}"]
    assert "1 warning;" in done.stdout


def test_forced_progress_without_a_terminal(fixture_seeds: Path, tmp_path: Path):
    command = [sys.executable, "-m", "build_docs", "build", "--progress", "--jobs", "2", "--seeds", fixture_seeds, "--docs", tmp_path / "docs"]
    done = subprocess.run(command, capture_output=True, check=False)  # bytes: carriage returns as written
    assert done.returncode == 0
    assert b"\rextract: 3/3 articles, " in done.stderr and b"\rclean: 3/3 articles, " in done.stderr
    assert done.stderr.endswith(b"\r\x1b[K")  # the status line is cleared before the summary


def _on_a_terminal(*args: str | Path) -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal; its exit status, stdout and what the terminal showed."""
    import pty

    main, secondary = pty.openpty()
    try:
        child = subprocess.Popen([sys.executable, "-m", "build_docs", *map(str, args)], cwd=REPO, stdout=subprocess.PIPE, stderr=secondary, text=True)
    finally:
        os.close(secondary)
    shown = b""
    while True:
        try:
            data = os.read(main, 4096)
        except OSError:  # EIO: the child has gone and the terminal is closed
            break
        if not data:
            break
        shown += data
    os.close(main)
    stdout, _ = child.communicate()
    return child.returncode, stdout, shown.decode("utf-8", "replace")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminals as Linux has them")
def test_progress_on_a_terminal_and_quiet_with_q(fixture_seeds: Path, tmp_path: Path):
    status, stdout, shown = _on_a_terminal("build", "--seeds", fixture_seeds, "--docs", tmp_path / "docs")
    pages = sum(1 for p in (tmp_path / "docs").rglob("*") if p.is_file() and p.name != MANIFEST)
    assert status == 0 and summary(pages).fullmatch(stdout.splitlines()[0])
    assert "\rread: " in shown and "\rextract: 3/3 articles, " in shown and "\rpublish: " in shown
    status, stdout, shown = _on_a_terminal("build", "-q", "--seeds", fixture_seeds, "--docs", tmp_path / "quiet")
    assert status == 0 and shown == "" and summary(pages).fullmatch(stdout.splitlines()[0])
