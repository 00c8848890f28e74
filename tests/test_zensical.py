"""The MkDocs/Zensical comparison (``benchmarks/zensical_check.py``): the comparison itself on
small hand-made sites, and -- when ``make zensical`` has installed Zensical -- both renderers on
the committed ``docs/``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from benchmarks import zensical_check
from benchmarks.zensical_check import compare, read_page

REPO = Path(__file__).resolve().parent.parent

HEAD = '<title>{title}</title><meta name="citation_title" content="A title"><meta name="citation_public_url" content="{url}">'
BODY = '<article><h1 id="a-title">A title</h1><p id="p1">Text with <a href="../../entities/x/#e-x">X</a>.</p></article>'


def page(title: str = "A title - Site", url: str = "articles/a/", body: str = BODY) -> str:
    return f"<html><head>{HEAD.format(title=title, url=url)}</head><body><nav id=__toc></nav>{body}</body></html>"


def make_site(root: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_same_pages_compare_equal_and_values_are_read_as_a_browser_reads_them(tmp_path):
    mkdocs = make_site(tmp_path / "m", {"articles/a/index.html": page(), "data/a.bib": "@article{}", "search/search_index.json": "{}"})
    # Zensical escapes '/' in attributes as '&#x2f;' and has its own search index file.
    zensical = make_site(tmp_path / "z", {"articles/a/index.html": page(url="articles&#x2f;a&#x2f;"), "data/a.bib": "@article{}", "search.json": "{}"})
    result = compare(mkdocs, zensical)
    assert result.differences == ()
    assert (result.files, result.pages, result.anchors, result.citation_pages, result.citation_tags) == (2, 1, 2, 1, 2)


def test_a_missing_page_anchor_or_citation_tag_is_reported_by_name(tmp_path):
    mkdocs = make_site(tmp_path / "m", {"articles/a/index.html": page(), "timeline/index.html": page(), "data/a.bib": "x"})
    lost_anchor = BODY.replace(' id="p1"', "")
    no_citation = page(body=lost_anchor).replace('<meta name="citation_title" content="A title">', "")
    zensical = make_site(tmp_path / "z", {"articles/a/index.html": no_citation, "data/a.bib": "x"})
    found = "\n".join(compare(mkdocs, zensical).differences)
    assert "timeline/index.html: missing in Zensical's site" in found
    assert "articles/a/index.html: 1 anchor(s) missing in Zensical: #p1" in found
    assert "articles/a/index.html: citation meta tags differ: missing citation_title='A title'" in found


def test_changed_text_or_link_is_a_difference_and_a_changed_title_only_a_note(tmp_path):
    mkdocs = make_site(tmp_path / "m", {"a/index.html": page()})
    other = page(title="Home - Site", body=BODY.replace("#e-x", "#e-y").replace("Text with", "Text without"))
    result = compare(mkdocs, make_site(tmp_path / "z", {"a/index.html": other}))
    assert [line.split(":")[1].strip().split(" ")[0] for line in result.differences] == ["links", "article"]
    assert result.notes == ("a/index.html: <title> is 'Home - Site' in Zensical, 'A title - Site' in MkDocs",)


def test_article_ids_are_read_only_inside_the_article(tmp_path):
    path = make_site(tmp_path, {"p.html": page()}) / "p.html"
    assert read_page(path).ids == {"a-title", "p1"}


def test_the_check_says_how_to_install_zensical_when_it_is_missing(monkeypatch, capsys):
    monkeypatch.setattr(zensical_check, "zensical_command", lambda: None)
    assert zensical_check.main([]) == 2
    assert "make zensical" in capsys.readouterr().err


# --- both renderers on the committed docs/ --------------------------------------------------

zensical_installed = pytest.mark.skipif(zensical_check.zensical_command() is None, reason="Zensical is not installed (make zensical)")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> zensical_check.Built:
    command = zensical_check.zensical_command()
    assert command is not None
    return zensical_check.build_both(REPO / "docs", tmp_path_factory.mktemp("zensical"), command)


@pytest.mark.zensical
@zensical_installed
def test_zensical_renders_the_committed_docs_with_the_same_pages_anchors_and_citation_tags(built):
    result = compare(built.mkdocs, built.zensical)
    assert result.differences == ()
    articles = len(list((REPO / "docs" / "articles").glob("*.md"))) - 1  # less the index
    assert result.citation_pages == articles > 0
    assert result.anchors > 100


@pytest.mark.zensical
@zensical_installed
def test_without_the_theme_override_the_check_names_every_article_without_citation_tags(built):
    root = built.zensical.parent
    config = yaml.safe_load((root / "zensical.yml").read_text(encoding="utf-8"))
    del config["theme"]["custom_dir"]
    config["site_dir"] = str(root / "site-plain")
    (root / "plain.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    subprocess.run([*(zensical_check.zensical_command() or []), "build", "-f", str(root / "plain.yml")], cwd=root, check=True, capture_output=True)
    tags = [line for line in compare(built.mkdocs, root / "site-plain").differences if "citation meta tags differ: missing citation_title=" in line]
    articles = sorted(p.stem for p in (REPO / "docs" / "articles").glob("*.md") if p.stem != "index")
    assert sorted(line.split("/")[1] for line in tags) == articles


def test_the_check_runs_as_a_script_from_anywhere():
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "zensical_check.py"), "--help"], cwd="/", capture_output=True, text=True)
    assert done.returncode == 0 and "--keep" in done.stdout
