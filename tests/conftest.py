"""Shared helpers: the repository's paths and running the real CLI and MkDocs."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, sync_playwright

from build_docs.publish.mkdocs_copy import site_config as copy_config
from tests.reader import new_context

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "corpus"


def run_cli(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """``python -m build_docs ARGS`` in a fresh interpreter, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "build_docs", *map(str, args)], cwd=cwd, capture_output=True, text=True, check=False)


def cli_articles(seeds: Path, docs: Path, files: dict[str, str]) -> dict[str, dict]:  # type: ignore[type-arg]
    """``files`` (name -> text) written to ``seeds`` and built into ``docs`` by the command, as a user runs it: each
    article's record of ``data/articles.json``, by its first source file."""
    for name, text in files.items():
        (seeds / name).write_text(text, encoding="utf-8")
    done = run_cli("build", "--seeds", seeds, "--docs", docs)
    assert done.returncode == 0, done.stderr
    return {a["sources"][0]: a for a in json.loads((docs / "data" / "articles.json").read_text(encoding="utf-8"))}


def site_config(docs: Path, site: Path) -> dict:  # type: ignore[type-arg]
    """The repository's mkdocs.yml for ``docs`` → ``site``, without the hook (the build already ran)."""
    return copy_config(REPO, docs, site)


def mkdocs_config(tmp: Path, docs: Path) -> Path:
    """:func:`site_config` written to ``tmp/mkdocs.yml``."""
    config = site_config(docs, tmp / "site")
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def mkdocs_build(config: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), *extra]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """An empty seeds folder to write test articles into."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    return folder


@pytest.fixture
def fixture_seeds(tmp_path: Path) -> Path:
    """A copy of the small fixture corpus, safe to modify."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))


CLOSING = "The closing paragraph ends here."  # the last paragraph of the fixture's gamma.md


def edit_closing(seeds: Path, new: str = "The closing paragraph ends here, edited.") -> None:
    """An edit to one seed of a copy of the fixture: gamma.md's closing paragraph made ``new``."""
    edited = seeds / "gamma.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace(CLOSING, new), encoding="utf-8")


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the articles extraction really ran on (serial jobs run in this process)."""
    from build_docs import pipeline
    from build_docs.extract.extractors import extract

    calls: list[str] = []

    def counting(article):  # type: ignore[no-untyped-def]
        calls.append(article.id)
        return extract(article)

    monkeypatch.setattr(pipeline, "extract", counting)
    return calls


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (dot-files included) by POSIX path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` served over HTTP on 127.0.0.1 (a free port) while the block runs: its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# --- The browser (Debian's Chromium, driven by Playwright) and the built seed site ---------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
MISSING_CHROMIUM = f"Chromium not found at {CHROMIUM}: install Debian's chromium: apt-get install chromium"


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium for the session; skipped without it, except under CI, where that is a failure."""
    if not CHROMIUM.exists():
        if _ci():
            pytest.fail(MISSING_CHROMIUM, pytrace=False)
        pytest.skip(MISSING_CHROMIUM)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def page(browser: Browser) -> Iterator[Page]:
    """One page of a fresh profile (tests/reader.py's new_context) for a module's browser tests."""
    ctx = new_context(browser)
    try:
        yield ctx.new_page()
    finally:
        ctx.close()


def build_site(config: dict, root: Path) -> Path:  # type: ignore[type-arg]
    """``mkdocs build --strict`` of ``config`` written to ``root/mkdocs.yml``; the site folder."""
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    done = mkdocs_build(path)
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}"
    return Path(config["site_dir"])


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed docs/ (the seed corpus) rendered by MkDocs with the repository's mkdocs.yml, once per session."""
    root = tmp_path_factory.mktemp("seed_site")
    return build_site(site_config(REPO / "docs", root / "site"), root)


@pytest.fixture(scope="session")
def seed_url(seed_site: Path) -> Iterator[str]:
    with served(seed_site) as url:
        yield url
