"""`mkdocs serve` rebuilds the site when a maintainer edits a seed."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import REPO

WAIT = 90  # seconds; bounded polling, not a timing assertion


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str) -> bool:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return True
        time.sleep(0.5)
    return False


def test_editing_a_seed_updates_the_served_site(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(REPO, project, ignore=shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", "tests", "benchmarks"))
    seed = project / "seeds" / "zz-served.txt"
    seed.write_text("A Served Article About Rivers\n\nThe first version of this paragraph.\n", encoding="utf-8")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/articles/a-served-article-about-rivers/"
    try:
        assert wait_for(url, "The first version of this paragraph."), "served page never appeared"
        seed.write_text("A Served Article About Rivers\n\nThe second, edited version.\n", encoding="utf-8")
        assert wait_for(url, "The second, edited version."), "editing the seed did not update the served page"
        assert "first version" not in (project / "docs" / "articles" / "a-served-article-about-rivers.md").read_text(encoding="utf-8")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
