"""Shared helpers: the repository's paths and running the real CLI and MkDocs."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from build_docs.publish.mkdocs_copy import site_config as copy_config

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "corpus"


def run_cli(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """``python -m build_docs ARGS`` in a fresh interpreter, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "build_docs", *map(str, args)], cwd=cwd, capture_output=True, text=True, check=False)


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
