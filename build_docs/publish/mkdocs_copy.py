"""The repository's ``mkdocs.yml``, pointed at another ``docs/`` and ``site/`` (for the tests and benchmarks).

MkDocs resolves ``theme.custom_dir`` against the configuration file's folder and
``pymdownx.snippets`` resolves ``base_path`` against the working folder, so both are
made absolute; the hook (which would rebuild from the repository's own seeds) and
``watch:`` are dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def site_config(repo: Path, docs: Path, site: Path) -> dict[str, Any]:
    config = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks", None)
    config.pop("watch", None)
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str(repo / theme["custom_dir"])
    for extension in config.get("markdown_extensions", []):
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:  # the abbreviation list, read from docs/
            extension["pymdownx.snippets"]["base_path"] = [str(docs)]
    return config


def write_site_config(repo: Path, docs: Path, site: Path, path: Path) -> Path:
    path.write_text(yaml.safe_dump(site_config(repo, docs, site), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
