"""The infobox that opens every entity page and heads every glossary entry, on the site MkDocs builds.

Expectations come from the site's own data files (``data/entities.json``, ``data/timeline.json``,
``data/glossary.json``, ``data/articles.json``); a corpus written here, with a registry of
hostile names, checks that nothing in an infobox runs and that a row with nothing to say is left out.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest

from build_docs.pipeline import BuildConfig, build
from build_docs.render.infobox import script_of
from build_docs.results import folder_for
from tests.conftest import REPO, mkdocs_build, mkdocs_config, tree
from tests.hostile import LiveMarkup

DOCS = REPO / "docs"
_INFOBOX = re.compile(r'<dl class="infobox">(.*?)</dl>', re.S)
_ROW = re.compile(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", re.S)


def data(docs: Path, name: str) -> list[dict]:
    return json.loads((docs / "data" / name).read_text(encoding="utf-8"))


def text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def infobox(page: str) -> dict[str, str]:
    """The rows of the first infobox on a page: label → the value's HTML."""
    found = _INFOBOX.search(page)
    assert found, "no infobox"
    return {text(label): value for label, value in _ROW.findall(found.group(1))}


def links(fragment: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', fragment)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("infobox_site")
    done = mkdocs_build(mkdocs_config(tmp, DOCS))
    assert done.returncode == 0, done.stderr
    return tmp / "site"


def test_every_entity_page_opens_with_its_infobox(site: Path):
    entities = data(DOCS, "entities.json")
    assert entities
    for entity in entities:
        page = (site / "entities" / entity["id"] / "index.html").read_text(encoding="utf-8")
        h1 = page.index("<h1")
        assert page.index('<dl class="infobox">', h1) < page.index("<h2", h1), entity["id"]
        rows = infobox(page)
        articles = {m["article"] for m in entity["mentions"]}
        count = len(entity["mentions"])
        assert text(rows["Mentioned"]) == f"{count} time{'s' if count != 1 else ''} in {len(articles)} article{'s' if len(articles) != 1 else ''}"
        assert ("Also called" in rows) == bool(entity["aliases"])
        assert ("Described as" in rows) == bool(entity["description"])


def test_the_infobox_says_who_it_is_what_it_is_called_and_when_the_sources_date_it(site: Path):
    [xi] = [e for e in data(DOCS, "entities.json") if e["id"] == "xi-jinping"]
    rows = infobox((site / "entities" / "xi-jinping" / "index.html").read_text(encoding="utf-8"))
    assert text(rows["Kind"]) == "Person"
    source = xi["description_source"]
    assert text(rows["Described as"]).startswith(f"\u201c{xi['description']}\u201d")
    assert links(rows["Described as"]) == [f"../../articles/{source['article']}/#{source['anchor']}"]
    assert f'title="{html.escape(source["quote"], quote=True)}"' in rows["Described as"].replace("&#x27;", "'")
    shown = [text(li) for li in re.findall(r"<li>(.*?)</li>", rows["Also called"], re.S)]
    assert shown == [f"{alias} ({script_of(alias)[0]})" for alias in xi["aliases"]], "one alias a line, with its script"
    assert {"习近平 (Chinese characters)", "Си Цзиньпин (Cyrillic script)"} <= set(shown)
    assert links(rows["Wikidata"]) == [f"https://www.wikidata.org/wiki/{xi['wikidata']}"]
    dated = sorted((e for e in data(DOCS, "timeline.json") if "xi-jinping" in e["entities"]), key=lambda e: (e["date"].split("/")[0], e["date"], e["id"]))
    first, last = dated[0], dated[-1]
    assert [href.rsplit("#", 1)[1] for href in links(rows["Dated mentions"])[:2]] == [first["id"], last["id"]]
    assert text(rows["Dated mentions"]).startswith(f"first {first['display']}")
    for href in links(rows["Dated mentions"])[:2]:
        held, anchor = href.split("#")
        assert f'id="{anchor}"' in (site / "entities" / "xi-jinping" / held / "index.html").resolve().read_text(encoding="utf-8")


def test_the_most_related_are_the_first_of_the_related_section(site: Path):
    page = (site / "entities" / "xi-jinping" / "index.html").read_text(encoding="utf-8")
    rows = infobox(page)
    related = page[page.index('id="related"') :]
    listed = re.findall(r'<li><a href="([^"]+)"', related)
    boxed = [href for href in links(rows["Most related"]) if href != "#related"]
    assert 0 < len(boxed) <= 5 and boxed == listed[: len(boxed)]


def test_each_glossary_entry_heads_with_expansion_first_use_and_where_used(site: Path):
    page = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    dates = {a["id"]: a["date"] for a in data(DOCS, "articles.json") if a["date"]}
    checked = 0
    for term in data(DOCS, "glossary.json"):
        entry = page[page.index(f'id="{term["id"]}"') :]
        rows = infobox(entry)
        if term["expansion"]:
            assert text(rows["Expansion"]).startswith(term["expansion"])
        uses = term["occurrences"]
        if not uses:
            assert text(rows["Used"]) == "not in the articles" and "First use" not in rows
            continue
        earliest = min(range(len(uses)), key=lambda i: (uses[i]["article"] not in dates, dates.get(uses[i]["article"], ""), uses[i]["article"], i))
        first = uses[earliest]
        assert links(rows["First use"]) == [f"../articles/{first['article']}/#{first['anchor']}"], term["term"]
        assert text(rows["Used"]).startswith(f"{len(uses)} time{'s' if len(uses) != 1 else ''} in {len({u['article'] for u in uses})} article")
        checked += 1
    assert checked >= 5


REGISTRY = """entities:
  kim-sun:
    name: Kim Sun
    kind: person
    aliases: ["김선", "<img src=x onerror=alert(1)>", "[Kim](javascript:alert(1))", "Ким | *Сун*"]
  harbour-board:
    name: Harbour Board of Nordvik
    kind: organization
"""
ARTICLE = """Winter Convoys Resume

By Test Author

Kim Sun, chair of the Harbour Board of Nordvik, said the convoys would resume.

The Harbour Board of Nordvik met again and Kim Sun spoke.
"""


def test_an_infobox_escapes_every_name_and_leaves_out_what_it_does_not_know(seeds: Path, tmp_path: Path):
    (seeds / "entities.yml").write_text(REGISTRY, encoding="utf-8")
    (seeds / "convoys.txt").write_text(ARTICLE, encoding="utf-8")
    docs = tmp_path / "docs"
    build(BuildConfig(seeds=seeds, docs=docs))
    done = mkdocs_build(mkdocs_config(tmp_path, docs))
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "site" / "entities" / "kim-sun" / "index.html").read_text(encoding="utf-8")
    parser = LiveMarkup()
    parser.feed(page)
    assert parser.found == []
    rows = infobox(page)
    shown = [text(li) for li in re.findall(r"<li>(.*?)</li>", rows["Also called"], re.S)]
    hostile = ["<img src=x onerror=alert(1)> (Latin script)", "[Kim](javascript:alert(1)) (Latin script)"]
    assert shown == ["김선 (Korean)", *hostile, "Ким | *Сун* (Cyrillic script)"]
    assert '<span lang="ko">김선</span>' in rows["Also called"]
    assert not {"Dated mention", "Dated mentions", "Wikidata"} & rows.keys(), "no dates and no Wikidata item: no rows for them"
    board = infobox((tmp_path / "site" / "entities" / "harbour-board" / "index.html").read_text(encoding="utf-8"))
    assert "Also called" not in board and links(board["Most related"]) == ["../kim-sun/"]


def test_a_cached_build_shows_the_infobox_a_cold_build_shows_after_an_edit(tmp_path: Path):
    """Each entity page is kept between builds by what it shows: a new article dating an entity later moves its
    last dated mention and its counts, and the cached build must show that exactly as a cold one does."""
    seeds = Path(shutil.copytree(REPO / "seeds", tmp_path / "seeds"))
    cache = folder_for(seeds)
    build(BuildConfig(seeds=seeds, docs=tmp_path / "first", results=cache))
    (seeds / "later.txt").write_text(
        "A Later Visit\n\nBy Test Author\n\nIn March 2031, Chinese President Xi Jinping visited Harbin with Russian President Vladimir Putin.\n",
        encoding="utf-8",
    )
    build(BuildConfig(seeds=seeds, docs=tmp_path / "cached", results=cache))
    build(BuildConfig(seeds=seeds, docs=tmp_path / "cold", results=None))
    assert tree(tmp_path / "cached") == tree(tmp_path / "cold")
    before = (tmp_path / "first" / "entities" / "xi-jinping.md").read_text(encoding="utf-8")
    after = (tmp_path / "cached" / "entities" / "xi-jinping.md").read_text(encoding="utf-8")
    assert "March 2031" not in before and re.search(r"last \[March 2031\]", after)
