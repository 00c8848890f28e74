"""A long article in parts (issue 13): every page under 200 KB, every paragraph on exactly one part.

The corpus is written here: a 45,000-word report of distinct paragraphs (bodies, people, places and
dates that the build finds and links, so entity pages and the timeline quote paragraphs on every
part), and a short article that must stay one page. The bound is the real one, not lowered for the
test: the pages are measured as MkDocs writes them. The browser test opens the old-style address
``articles/<id>/#pN`` of a paragraph on the last part and checks that it arrives there.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from benchmarks.zensical_check import write_zensical_config, zensical_command
from build_docs.clean.article import Article
from build_docs.clean.structure import Block
from build_docs.pipeline import BuildConfig, build
from build_docs.render import relink
from build_docs.render.article_parts import PART_BYTES, split
from build_docs.render.article_sections import SECTION_BYTES, divisions
from build_docs.render.relink import relinked, with_parts
from build_docs.render.templating import RenderedPage
from tests.conftest import mkdocs_build, mkdocs_config, served

REPO = Path(__file__).resolve().parent.parent
LONG = "convoy-reports-of-the-northern-route"
SHORT = "a-short-note-on-the-harbour-trust"
PARAGRAPHS = 480
LIMIT = 200_000  # bytes of HTML a page may have (issue 13)

BODIES = ("Arctic Shipping Council", "Barents Pilot Service", "Kola Harbour Trust", "Northern Grain Board")
PEOPLE = ("Olaf Hansen", "Marit Berg", "Ivan Petrov", "Anna Lind")
PLACES = ("Tromsø", "Murmansk", "Arkhangelsk", "Kirkenes", "Hammerfest", "Vardø", "Narvik", "Bodø")
MONTHS = ("January", "March", "May", "July", "September", "November")
GOODS = ("grain", "timber", "coal", "salt fish", "machine parts", "fuel oil", "cement")


def paragraph(n: int) -> str:
    """About 95 distinct words: every number and most names change with ``n``."""
    body, person = BODIES[n % len(BODIES)], PEOPLE[(n // 3) % len(PEOPLE)]
    place, other = PLACES[n % len(PLACES)], PLACES[(n * 5 + 3) % len(PLACES)]
    goods, more = GOODS[n % len(GOODS)], GOODS[(n + 3) % len(GOODS)]
    dated = f"On {n % 27 + 1} {MONTHS[n % len(MONTHS)]} {1980 + n % 40}, " if n % 12 == 0 else "That season "
    return (
        f"{dated}the {body} reviewed convoy schedule {n} at {place}, which carried {n * 37 % 900 + 100} tonnes of {goods} "
        f"and {n % 17 + 3} cargoes of {more} along the northern route. {person} said that schedule {n} had kept its "
        f"timetable despite ice in the crossing, and that the harbour master at {other} recorded {n % 11 + 2} vessels "
        f"waiting at the outer anchorage for {n % 5 + 1} days. The pilots asked for {n % 9 + 2} more icebreakers, "
        f"a second radio station north of {place} and a review of the tariffs set in year {n % 30 + 1} of the agreement, "
        f"which the members would take up again before schedule {n + 1} sailed."
    )


def long_article() -> str:
    body = "\n\n".join(paragraph(n) for n in range(1, PARAGRAPHS + 1))
    return f"Convoy Reports of the Northern Route\n\nBy Test Author\n\n{body}\n"


def short_article() -> str:
    return (
        "A Short Note on the Harbour Trust\n\nBy Test Author\n\n"
        "The Kola Harbour Trust met the Arctic Shipping Council in Tromsø on 3 March 1995 to settle the winter tariffs.\n\n"
        "Olaf Hansen said the tariffs would hold until the ice cleared from the outer anchorage.\n"
    )


class Page(HTMLParser):
    """The ids, links and link tooltips of a built page."""

    def __init__(self, path: Path):
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.titles: list[tuple[str, str]] = []  # (href, title) of every link with a tooltip
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))
            if found.get("title"):
                self.titles.append((str(found["href"]), str(found["title"])))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("parts")
    seeds = tmp / "seeds"
    seeds.mkdir()
    (seeds / "convoy-reports.txt").write_text(long_article(), encoding="utf-8")
    (seeds / "harbour-note.txt").write_text(short_article(), encoding="utf-8")
    result = build(BuildConfig(seeds=seeds, docs=tmp / "docs"))
    assert not [d for d in result.diagnostics if d.severity == "error"]
    done = mkdocs_build(mkdocs_config(tmp, tmp / "docs"))  # --strict: every link and anchor resolves
    assert done.returncode == 0, done.stderr
    return tmp


def part_pages(site: Path, article_id: str) -> list[Path]:
    """The article's own page, then its parts in order (``articles/<id>/2/`` ...)."""
    folder = site / "articles" / article_id
    later = sorted((p for p in folder.iterdir() if p.is_dir() and p.name.isdigit()), key=lambda p: int(p.name))
    return [folder / "index.html", *(p / "index.html" for p in later)]


def test_the_long_article_is_split_and_every_page_is_under_the_bound(built: Path):
    site = built / "site"
    assert len(part_pages(site, LONG)) >= 3, "45,000 words at about 10 bytes a word must take three parts"
    # The raw view (raw/<id>/, the file's lines as received) is not split: it is the file's own length.
    largest = max((p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "raw"), key=lambda p: p.stat().st_size)
    assert largest.stat().st_size < LIMIT, f"{largest.relative_to(site)} has {largest.stat().st_size} bytes"
    assert part_pages(site, SHORT) == [site / "articles" / SHORT / "index.html"]
    assert "in parts" not in (built / "docs" / "articles" / f"{SHORT}.md").read_text(encoding="utf-8")


def test_every_paragraph_is_on_exactly_one_part_in_order(built: Path):
    site = built / "site"
    anchors = [i for page in part_pages(site, LONG) for i in Page(page).ids if re.fullmatch(r"p\d+", i)]
    assert anchors == [f"p{n}" for n in range(1, PARAGRAPHS + 1)]
    record = next(r for r in json.loads((site / "data" / "articles.json").read_text(encoding="utf-8")) if r["id"] == LONG)
    assert [p["url"] for p in record["parts"]] == [f"articles/{LONG}/", *(f"articles/{LONG}/{k}/" for k in range(2, len(record["parts"]) + 1))]
    for part, page in zip(record["parts"], part_pages(site, LONG), strict=True):
        ids = [i for i in Page(page).ids if re.fullmatch(r"p\d+", i)]
        assert (ids[0], ids[-1]) == (part["first"], part["last"])
        assert f"Part {record['parts'].index(part) + 1} of {len(record['parts'])}" in page.read_text(encoding="utf-8")


def test_every_link_to_a_paragraph_reaches_the_part_that_holds_it(built: Path):
    site = built / "site"
    holder = {i: page for page in part_pages(site, LONG) for i in Page(page).ids}
    later = {i for page in part_pages(site, LONG)[1:] for i in Page(page).ids if re.fullmatch(r"p\d+", i)}
    reached_later = 0
    for path in site.rglob("*.html"):
        for href in Page(path).hrefs:
            target, _, anchor = href.partition("#")
            if not re.fullmatch(r"p\d+", anchor) or "://" in href:
                continue
            page = (path.parent / target).resolve() / "index.html" if target else path
            if page.parent.is_relative_to((site / "articles" / LONG).resolve()):
                assert holder[anchor] == page, f"{path.relative_to(site)} links {href}, which is on {holder[anchor].relative_to(site)}"
                reached_later += anchor in later and path.parent.parent.name != "articles"
    assert reached_later > 50, "entity and timeline pages quote paragraphs on the later parts"


def test_old_paragraph_addresses_lead_on_through_the_map(built: Path):
    site = built / "site"
    pages = json.loads((site / "data" / "article-parts.json").read_text(encoding="utf-8"))
    later = {i: f"{page.parent.name}/" for page in part_pages(site, LONG)[1:] for i in Page(page).ids if re.fullmatch(r"p\d+", i)}
    assert pages == {LONG: later}
    assert "article-parts.json" in (site / "articles" / LONG / "index.html").read_text(encoding="utf-8")


def test_each_page_gives_an_entity_its_tooltip_once_in_its_from_this_paragraph_lines(built: Path):
    for page in part_pages(built / "site", LONG):
        html = page.read_text(encoding="utf-8")
        lines = "".join(re.findall(r'<p class="derived">.*?</p>', html, flags=re.S))
        titled = re.findall(r'<a href="([^"]*entities/[^"]*)" title=', lines)
        assert titled and len(titled) == len(set(titled)), page
        assert set(titled) == set(re.findall(r'<a href="([^"]*entities/[^"]*)"', lines))


def test_a_part_cites_the_article_as_the_work(built: Path):
    second = (built / "site" / "articles" / LONG / "2" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="citation_public_url" content="articles/' + LONG + r'/">', second)
    assert re.search(r'<meta name="citation_title" content="Convoy Reports of the Northern Route">', second)


def _blocks(sizes: list[int]) -> tuple[Article, list[int]]:
    blocks = tuple(Block("paragraph", "x", n, anchor=f"p{n}") for n in range(1, len(sizes) + 1))
    article = Article(id="a", title="A", sources=("a.txt",), blocks=blocks)
    return article, sizes


def test_split_makes_the_fewest_parts_of_about_equal_size_and_leaves_short_articles_whole():
    article, sizes = _blocks([1000] * 100)
    assert len(split(article, sizes, 100_000)) == 1
    parts = split(article, sizes, 30_000)
    assert [p.stop - p.start for p in parts] == [25, 25, 25, 25]
    assert (parts[1].first, parts[1].last, parts[1].number, parts[1].count) == ("p26", "p50", 2, 4)
    huge = split(*_blocks([1000, PART_BYTES * 2, 1000]))
    assert [p.stop - p.start for p in huge] == [1, 1, 1]  # a paragraph is never cut; alone, it may pass the bound


def _headed(kinds: str, size: int = 10_000) -> tuple[Article, list[int]]:
    """An article of blocks: ``h`` a heading (level 2), ``p`` a paragraph of ``size`` bytes."""
    blocks, n = [], 0
    for kind in kinds:
        if kind == "h":
            blocks.append(Block("heading", "A heading", len(blocks), level=2))
        else:
            n += 1
            blocks.append(Block("paragraph", "x", len(blocks), anchor=f"p{n}"))
    article = Article(id="a", title="A", sources=("a.txt",), blocks=tuple(blocks))
    return article, [0 if b.kind == "heading" else size for b in article.blocks]


def test_divisions_cut_only_a_long_stretch_into_the_fewest_sections_of_about_equal_size():
    article, sizes = _headed("ppp")  # 30,000 bytes, one stretch: two sections
    found = divisions(article, sizes, 0, 3, {})
    assert [(i, d.label, d.anchor, d.level) for i, d in found.items()] == [(0, "Paragraphs 1–2", "from-p1", 2), (2, "Paragraph 3", "from-p3", 2)]
    assert found[0].markdown() == "## Paragraphs 1–2 { #from-p1 .editorial-heading }"
    assert divisions(*_headed("pp"), 0, 2, {}) == {}  # 20,000 bytes: as before
    article, sizes = _headed("pphppp")  # the article's own heading ends a stretch; below it, a level deeper
    found = divisions(article, sizes, 0, 6, {2: 2})
    assert [(i, d.label, d.level) for i, d in found.items()] == [(3, "Paragraphs 3–4", 3), (5, "Paragraph 5", 3)]
    assert divisions(article, sizes, 3, 5, {}) == {}  # one page's blocks only (a part): 20,000 bytes
    article, sizes = _headed("pp", size=SECTION_BYTES * 2)
    assert list(divisions(article, sizes, 0, 2, {})) == [0, 1]  # a paragraph is never cut; alone, it may pass the bound


def test_relinking_touches_only_links_the_build_wrote():
    text = r"[¶3](../articles/a.md#p3) \[not a link\](../articles/a.md#p3) [x](https://example.org/articles/a.md#p3)"
    page = RenderedPage("entities/e.md", text.encode("utf-8"))
    moved = {("articles/a.md", "p3"): "articles/a/2.md"}
    assert relinked(page, moved).content.decode("utf-8") == text.replace("(../articles/a.md#p3) \\", "(../articles/a/2.md#p3) \\", 1)
    assert with_parts([page], [], {}) == [page]


# --- In a browser -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base_url(built: Path) -> Iterator[str]:
    with served(built / "site") as url:
        yield url


@pytest.mark.browser
def test_the_article_address_of_a_paragraph_on_a_later_part_leads_there(built: Path, base_url: str, browser):  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    last = part_pages(built / "site", LONG)[-1].parent.name
    anchor = f"p{PARAGRAPHS - 2}"
    page = browser.new_page()  # the session's Chromium (conftest.py)
    try:
        page.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
        page.goto(f"{base_url}articles/{LONG}/#{anchor}")
        page.wait_for_url(f"{base_url}articles/{LONG}/{last}/#{anchor}", timeout=15_000)
        expect(page.locator(f"#{anchor}")).to_be_in_viewport()
        page.goto(f"{base_url}articles/{LONG}/#p2")  # a paragraph on part 1 stays there
        page.wait_for_timeout(500)
        assert page.url == f"{base_url}articles/{LONG}/#p2"
    finally:
        page.close()


def test_no_search_section_passes_zensicals_field_limit_and_raw_views_are_not_indexed(built: Path):
    """Zensical 0.0.73 refuses a site whose search field passes 2^30 / (its search items, rounded up to a
    power of two) bytes: 32,768 up to 32,768 items. Each part of the long article is divided into
    sections under SECTION_BYTES, each opened by an editorial heading, so no field comes near it."""
    index = json.loads((built / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert max(len(item["text"].encode("utf-8")) for item in index["docs"]) <= 32_768
    assert not [item for item in index["docs"] if item["location"].startswith("raw/")]
    sections = [item for item in index["docs"] if item["location"].startswith(f"articles/{LONG}/")]
    headed = [item for item in sections if "#from-p" in item["location"]]
    assert len(headed) >= 2 * len(part_pages(built / "site", LONG))
    assert all(len(item["text"].encode("utf-8")) <= SECTION_BYTES for item in headed)
    assert all(re.fullmatch(r"Paragraphs? \d+(–\d+)?", item["title"]) for item in headed)


def test_the_editorial_headings_name_the_paragraphs_they_cover_and_say_they_are_the_sites(built: Path):
    for page in part_pages(built / "site", LONG):
        html = page.read_text(encoding="utf-8")
        headings = re.findall(r'<h2 class="editorial-heading" id="from-(p\d+)">Paragraphs? (\d+)(?:–(\d+))?', html)
        assert headings, page
        numbers = [int(i[1:]) for i in Page(page).ids if re.fullmatch(r"p\d+", i)]
        covered = [n for _, first, last in headings for n in range(int(first), int(last or first) + 1)]
        assert covered == numbers  # every paragraph of the page under exactly one heading, in order
        assert all(anchor == f"p{first}" for anchor, first, _ in headings)
        assert "are the site's, not the source's" in html
    short = (built / "site" / "articles" / SHORT / "index.html").read_text(encoding="utf-8")
    assert "editorial-heading" not in short and "not the source's" not in short


@pytest.mark.zensical
@pytest.mark.skipif(zensical_command() is None, reason="Zensical is not installed (make zensical)")
def test_zensical_indexes_the_same_sections_each_under_the_bound(built: Path):
    config = write_zensical_config(REPO, built / "docs", built / "site-zensical", built / "zensical.yml")
    done = subprocess.run([*(zensical_command() or []), "build", "--clean", "-f", str(config)], cwd=built, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    items = json.loads((built / "site-zensical" / "search.json").read_text(encoding="utf-8"))["items"]
    mkdocs = json.loads((built / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    ours = [i["location"] for i in items if i["location"].startswith(f"articles/{LONG}/")]
    assert ours == [i["location"] for i in mkdocs if i["location"].startswith(f"articles/{LONG}/")]
    assert all(len(i["text"].encode("utf-8")) <= SECTION_BYTES for i in items if "#from-p" in i["location"])


def test_a_rebuild_reads_back_the_pages_it_relinked_and_writes_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "convoy-reports.txt").write_text(long_article(), encoding="utf-8")
    (seeds / "harbour-note.txt").write_text(short_article(), encoding="utf-8")
    cold = build(BuildConfig(seeds=seeds, docs=tmp_path / "cold"))
    relinking: list[str] = []

    def counted(page: RenderedPage, *rest: object) -> RenderedPage:
        relinking.append(page.path)
        return relinked(page, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(relink, "relinked", counted)
    config = BuildConfig(seeds=seeds, docs=tmp_path / "docs", results=tmp_path / "kept")
    first = build(config)
    assert first.plan.manifest == cold.plan.manifest  # the same bytes as a build that keeps nothing
    parts = {p for p in relinking if re.fullmatch(rf"articles/{LONG}(/\d+)?\.md", p)}
    others = set(relinking) - parts
    assert parts and len(others) > 5  # entity, timeline and glossary pages quote paragraphs on later parts
    relinking.clear()
    with (seeds / "harbour-note.txt").open("a", encoding="utf-8") as handle:
        handle.write("\nMarit Berg said the outer anchorage was clear of ice by 4 May 1996.\n")
    again = build(config)
    before, after = (json.loads(b.plan.manifest)["files"] for b in (first, again))
    changed = {path for path in after if before.get(path) != after[path]}
    assert set(relinking) - parts <= changed  # a page relinked before is read back unless the edit changed it
    assert others - changed  # and most were not changed
    assert set(relinking) >= parts  # a part is rebased every build (against every file the build writes)
    recold = build(BuildConfig(seeds=seeds, docs=tmp_path / "recold"))
    assert again.plan.manifest == recold.plan.manifest
