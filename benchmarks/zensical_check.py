"""Build the committed ``docs/`` with MkDocs and with Zensical and check that readers get the same site.

Zensical (Material for MkDocs' successor) reads ``mkdocs.yml`` and ignores ``hooks:``, so it
renders the ``docs/`` that ``python -m build_docs check`` keeps current. This script builds
that folder twice from one copy of it -- ``mkdocs build`` on the repository's ``mkdocs.yml``
without its hook, and ``zensical build`` on the same settings -- and compares what a reader,
a link and a reference manager depend on:

* **files**: every file MkDocs publishes from ``docs/`` (pages, data, citation files) exists
  in Zensical's site (theme assets, the search index and the sitemap are each renderer's own);
* **anchors**: every ``id`` inside a page's ``<article>`` (paragraph anchors ``#pN``, entity
  anchors ``#e-...``, headings) exists in Zensical's page;
* **content**: the text and the link targets inside ``<article>`` are the same;
* **head**: the ``citation_*`` meta tags and the JSON-LD that the theme override
  ``overrides/main.html`` writes from the front matter are the same (values compared as a
  browser reads them: ``&#x2f;`` and ``/`` are one character).

Every difference is printed as ``page: what differs``; the exit status is 1 when there is any,
2 when Zensical is not installed (``make zensical`` installs it). A different ``<title>`` (the
browser tab and bookmarks, not the page) is printed as a ``note:`` and does not fail. Usage::

    .venv/bin/python benchmarks/zensical_check.py [--docs DIR] [--keep site-zensical]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from build_docs.publish.mkdocs_copy import site_config, write_site_config  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
# Files each renderer makes for itself, not from docs/: theme assets, search index, sitemap.
OWN_FILES = ("assets/javascripts/", "assets/stylesheets/", "assets/images/", "search/", "search.json", "sitemap.xml")


# --- building -------------------------------------------------------------------------------


def zensical_command() -> list[str] | None:
    """``zensical`` beside this interpreter (the virtualenv's), else on ``PATH``; ``None`` when not installed."""
    beside = Path(sys.executable).parent / "zensical"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("zensical")
    return [found] if found else None


def write_zensical_config(repo: Path, docs: Path, site: Path, path: Path) -> Path:
    """The repository's ``mkdocs.yml`` (hook and ``watch:`` dropped) for Zensical.

    Zensical requires ``docs_dir`` and ``site_dir`` inside the configuration file's folder,
    so ``path`` must be in a folder that holds both; ``docs_dir`` is written relative to it
    (Zensical 0.0.73 panics on an absolute ``docs_dir``: "invariant: Id(Format(Path(RootDir)))").
    """
    config = site_config(repo, docs, site)
    config["docs_dir"] = docs.relative_to(path.parent).as_posix()
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Built:
    mkdocs: Path
    zensical: Path
    mkdocs_s: float
    zensical_s: float


def run(command: list[str], cwd: Path) -> float:
    """Run ``command``; its wall time. Its output is shown only when it fails."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"zensical_check: {' '.join(command)} failed with exit status {done.returncode}\n{done.stdout}{done.stderr}")
    return seconds


def build_both(docs: Path, root: Path, zensical: list[str]) -> Built:
    """Copy ``docs`` into ``root`` and build it with MkDocs and with Zensical."""
    shutil.copytree(docs, root / "docs")
    mkdocs_config = write_site_config(REPO, root / "docs", root / "site-mkdocs", root / "mkdocs.yml")
    zensical_config = write_zensical_config(REPO, root / "docs", root / "site-zensical", root / "zensical.yml")
    mkdocs_s = run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(mkdocs_config)], root)
    zensical_s = run([*zensical, "build", "--clean", "-f", str(zensical_config)], root)
    return Built(root / "site-mkdocs", root / "site-zensical", mkdocs_s, zensical_s)


# --- reading a page -------------------------------------------------------------------------


@dataclass
class Page:
    """What the comparison reads from one HTML page."""

    title: str = ""
    meta: list[tuple[str, str]] = field(default_factory=list)  # citation_* tags in order
    jsonld: list[Any] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)  # inside <article>
    links: list[str] = field(default_factory=list)  # href inside <article>, as written
    text: str = ""  # inside <article>, whitespace collapsed


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._article = 0
        self._in: str | None = None  # "title" or "jsonld" while inside one
        self._buffer: list[str] = []
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "article":
            self._article += 1
        if tag == "meta" and values.get("name", "").startswith("citation_"):
            self.page.meta.append((values["name"], values.get("content", "")))
        elif tag == "title" and not self._article:
            self._in, self._buffer = "title", []
        elif tag == "script" and values.get("type") == "application/ld+json":
            self._in, self._buffer = "jsonld", []
        if self._article:
            if "id" in values:
                self.page.ids.add(values["id"])
            if tag == "a" and "href" in values:
                self.page.links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._article:
            self._article -= 1
        elif tag == "title" and self._in == "title":
            self.page.title, self._in = "".join(self._buffer).strip(), None
        elif tag == "script" and self._in == "jsonld":
            self.page.jsonld.append(json.loads("".join(self._buffer)))
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._buffer.append(data)
        elif self._article:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = " ".join("".join(self._text).split())


def read_page(path: Path) -> Page:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


# --- comparing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    differences: tuple[str, ...]
    notes: tuple[str, ...]
    files: int  # files from docs/ MkDocs published
    pages: int
    anchors: int
    citation_pages: int
    citation_tags: int


def published(site: Path) -> list[str]:
    """Files under ``site`` made from ``docs/`` (not the renderer's own), as sorted relative paths."""
    names = (path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    return sorted(name for name in names if not name.startswith(OWN_FILES))


def title_note(name: str, mkdocs: Page, zensical: Page) -> str | None:
    if mkdocs.title == zensical.title:
        return None
    return f"{name}: <title> is {zensical.title!r} in Zensical, {mkdocs.title!r} in MkDocs"


def compare_page(name: str, mkdocs: Page, zensical: Page) -> Iterator[str]:
    missing = sorted(mkdocs.ids - zensical.ids)
    if missing:
        yield f"{name}: {len(missing)} anchor(s) missing in Zensical: {', '.join('#' + i for i in missing[:10])}"
    if mkdocs.meta != zensical.meta:
        lost = [tag for tag in mkdocs.meta if tag not in zensical.meta]
        added = [tag for tag in zensical.meta if tag not in mkdocs.meta]
        detail = "; ".join([*(f"missing {n}={v!r}" for n, v in lost), *(f"extra {n}={v!r}" for n, v in added)]) or "same tags in another order"
        yield f"{name}: citation meta tags differ: {detail}"
    if mkdocs.jsonld != zensical.jsonld:
        yield f"{name}: JSON-LD differs: {len(zensical.jsonld)} block(s) in Zensical, {len(mkdocs.jsonld)} in MkDocs"
    base = f"https://site.invalid/{name}"  # resolve relative links: '../x/' and '../x/index.html' style differences are not differences
    links_m = [urljoin(base, href) for href in mkdocs.links]
    links_z = [urljoin(base, href) for href in zensical.links]
    if links_m != links_z:
        changed = [f"{a} -> {b}" for a, b in zip(links_m, links_z, strict=False) if a != b][:3]
        yield f"{name}: links in the article differ ({len(links_z)} in Zensical, {len(links_m)} in MkDocs) {'; '.join(changed)}".rstrip()
    if mkdocs.text != zensical.text:
        at = next((i for i, (a, b) in enumerate(zip(mkdocs.text, zensical.text, strict=False)) if a != b), min(len(mkdocs.text), len(zensical.text)))
        yield f"{name}: article text differs at character {at}: Zensical {zensical.text[at : at + 60]!r}, MkDocs {mkdocs.text[at : at + 60]!r}"


def compare(mkdocs_site: Path, zensical_site: Path) -> Comparison:
    files = published(mkdocs_site)
    theirs = set(published(zensical_site))
    differences = [f"{name}: missing in Zensical's site" for name in files if name not in theirs]
    differences += [f"{name}: only in Zensical's site" for name in sorted(theirs - set(files))]
    notes: list[str] = []
    pages = anchors = citation_pages = citation_tags = 0
    for name in files:
        if not name.endswith(".html") or name not in theirs:
            continue
        mine = read_page(mkdocs_site / name)
        pages += 1
        anchors += len(mine.ids)
        citation_pages += bool(mine.meta)
        citation_tags += len(mine.meta)
        other = read_page(zensical_site / name)
        differences += compare_page(name, mine, other)
        notes += filter(None, [title_note(name, mine, other)])
    return Comparison(tuple(differences), tuple(notes), len(files), pages, anchors, citation_pages, citation_tags)


# --- command line ---------------------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(description="Build docs/ with MkDocs and Zensical and compare the pages, anchors and citation tags.")
    top.add_argument("--docs", type=Path, default=REPO / "docs", metavar="DIR", help="the docs folder to build (default: the committed docs/)")
    top.add_argument("--keep", type=Path, metavar="DIR", help="copy Zensical's site to DIR (replacing it) to look at")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    zensical = zensical_command()
    if zensical is None:
        print("zensical_check: Zensical is not installed; `make zensical` installs it (pip install -e '.[zensical]')", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="build_docs-zensical-") as tmp:
        built = build_both(args.docs.resolve(), Path(tmp), zensical)
        result = compare(built.mkdocs, built.zensical)
        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(built.zensical, args.keep)
    for line in result.differences:
        print(line)
    for line in result.notes:
        print(f"note: {line}")
    print(
        f"zensical_check: {result.files} files from docs/, {result.pages} pages, {result.anchors} anchors, "
        f"{result.citation_tags} citation tags on {result.citation_pages} pages: {len(result.differences)} difference(s), {len(result.notes)} note(s); "
        f"mkdocs build {built.mkdocs_s:.2f} s, zensical build {built.zensical_s:.2f} s"
    )
    return 1 if result.differences else 0


if __name__ == "__main__":
    sys.exit(main())
