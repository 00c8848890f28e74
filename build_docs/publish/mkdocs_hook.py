"""MkDocs hook: run ``python -m build_docs build`` before MkDocs reads ``docs/``.

It runs the build in a fresh interpreter, so edits to ``build_docs/`` itself
take effect under ``mkdocs serve`` without a restart. The build's messages go to
MkDocs' log as warnings (so ``mkdocs build --strict`` fails on them); a failed
build aborts this MkDocs build and leaves ``docs/`` as it was.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.build_docs")


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).resolve().parent
    command = [sys.executable, "-m", "build_docs", "build", "--seeds", str(root / "seeds"), "--docs", config.docs_dir]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    for line in done.stderr.splitlines():
        if line.startswith("build_docs: failed"):
            continue
        log.warning(line)
    if done.returncode != 0:
        raise PluginError("build_docs failed (see the messages above); docs/ was left unchanged")
    log.info(done.stdout.strip())
