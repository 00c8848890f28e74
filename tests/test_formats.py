"""Inputs as they come: Markdown posts parsed as Markdown, saved web pages read with trafilatura.

The fixtures in ``tests/fixtures/formats/`` were written for these tests: a Jekyll post (front
matter with a Jekyll date and unknown keys; emphasis, links safe and unsafe, a list, a quote, an
image, a table, code, raw HTML, a footnote) and a saved news page (citation_* and Open Graph
metadata, a cookie banner, navigation, a byline, comments, a footer).
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_docs.render.markdown import formatted, linked
from build_docs.sources.commonmark import parse
from build_docs.sources.frontmatter import calendar_date, split_front_matter
from build_docs.sources.html import read_html
from build_docs.sources.links import safe_target
from build_docs.sources.markdown import read_markdown
from build_docs.sources.reading import Span
from tests.conftest import REPO, mkdocs_build, mkdocs_config, run_cli

FORMATS = REPO / "tests" / "fixtures" / "formats"
POST = FORMATS / "2022-06-22-joint-exercises.md"
PAGE = FORMATS / "2019-energy-deal.html"


# -- links -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        *("javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\nscript:alert(1)", " javascript:x"),
        *("data:text/html,<b>x</b>", "vbscript:x", "file:///etc/passwd", "#top", ""),
    ],
)
def test_unsafe_targets_become_text(target: str):
    assert safe_target(target, "https://example.org/post/") is None


def test_safe_targets_are_kept_and_relative_ones_resolved_against_the_original():
    assert safe_target("https://example.org/a") == "https://example.org/a"
    assert safe_target("mailto:editor@example.org") == "mailto:editor@example.org"
    assert safe_target("/archive/2019.html", "https://example.org/2022/06/post/") == "https://example.org/archive/2019.html"
    assert safe_target("/archive/2019.html") is None  # nowhere to resolve it: on this site it would point nowhere
    assert safe_target("https://example.org/a (b)") == "https://example.org/a%20%28b%29"


# -- Markdown ----------------------------------------------------------------------------------


def test_markdown_blocks_are_the_formats_own():
    parts, removed = parse(
        "# Title\n\nSome *em* and **strong** and `code` [link](https://x.org) [bad](javascript:x).\n\n"
        "- one\n- two\n\n> A quote.\n\n![A ship](s.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>Kept <script>dropped()</script></div>\n",
        first_line=5,
    )
    kinds = [(p.kind, p.text) for p in parts]
    assert kinds == [
        ("heading", "Title"),
        ("paragraph", "Some em and strong and code link bad."),
        ("item", "one"),
        ("item", "two"),
        ("quote", "A quote."),
        ("image", "A ship"),
        ("table", "a \u00b7 b\n1 \u00b7 2"),
        ("paragraph", "Kept"),
    ]
    assert parts[0].line == 5 and parts[2].line == 9
    paragraph = parts[1]
    shown = {(paragraph.text[s.start : s.end], s.kind, s.target) for s in paragraph.spans}
    assert shown == {("em", "em", ""), ("strong", "strong", ""), ("code", "code", ""), ("link", "link", "https://x.org")}
    assert parts[6].rows == (("a", "b"), ("1", "2"))
    assert removed and "dropped()" in removed[0][1]


def test_footnotes_become_notes_that_references_name():
    parts, _ = parse("A claim.[^src]\n\n[^src]: The source of the claim.\n")
    claim, note = parts
    assert claim.text == "A claim." and [(s.kind, s.target, s.start) for s in claim.spans] == [("noteref", "src", 8)]
    assert (note.kind, note.label, note.text) == ("note", "src", "The source of the claim.")


def test_inline_html_tags_are_dropped_and_their_text_kept():
    [part], _ = parse("Say <b>hello</b> to <span onclick='x()'>everyone</span>.\n")
    assert part.text == "Say hello to everyone."


@pytest.mark.parametrize(
    ("value", "date"),
    [
        *(("2022-06-22 12:00:00 +0800", "2022-06-22"), ("2022-06-22T23:30:00Z", "2022-06-22"), ("June 22, 2022", "2022-06-22")),
        *(("2022-06", "2022-06"), (2014, "2014")),
    ],
)
def test_front_matter_dates_as_people_write_them(value: object, date: str):
    assert calendar_date(value) == date


def test_front_matter_fields_and_unknown_keys():
    text = (
        "---\ntitle: T\nauthor: [Jane Roe, John Doe]\ndate: 2022-06-22 12:00:00 +08:00\nexcerpt: The deck.\n"
        "canonical_url: https://example.org/t\ntags: a, b\nlayout: post\ncategories: [news, asia]\n---\nBody\n"
    )
    meta, body, first_line, problems = split_front_matter(text, "seeds/t.md")
    assert problems == [] and body == "Body\n" and first_line == 11
    assert meta["authors"] == ("Jane Roe", "John Doe") and meta["date"] == "2022-06-22"
    assert meta["subtitle"] == "The deck." and meta["url"] == "https://example.org/t" and meta["tags"] == ("a", "b")
    assert dict(meta["extra"]) == {"categories": "news, asia", "layout": "post"}  # type: ignore[call-overload]


def test_a_date_that_is_not_one_is_a_warning_at_its_line():
    _, _, _, problems = split_front_matter("---\ntitle: T\ndate: soon\n---\nBody\n", "seeds/t.md")
    assert [str(p) for p in problems] == [
        "seeds/t.md:3: warning: front matter date 'soon' is not a date (such as 2022-06-22 or 2022-06-22 12:00:00 +0800); it is ignored"
    ]


def test_a_jekyll_file_name_dates_a_post_without_a_date():
    reading, problems = read_markdown(b"---\ntitle: T\n---\nBody text.\n", "seeds/2021-03-04-some-post.md")
    assert reading is not None and reading.front_matter["date"] == "2021-03-04" and problems == []


# -- rendering ---------------------------------------------------------------------------------


def test_without_formatting_the_text_renders_exactly_as_before():
    text = "A *star* and <b>tag</b> in [brackets]."
    assert formatted(text, (), [(2, 8, "../x.md", "X")]) == linked(text, [(2, 8, "../x.md", "X")])


def test_formatting_is_written_by_the_build_around_escaped_text():
    text = "Bold <script> and a link here."
    spans = (Span(0, 13, "strong"), Span(20, 24, "link", "https://x.org/a"))
    out = formatted(text, spans, [(5, 13, "../e.md", "E"), (22, 29, "../f.md", "F")])
    assert out.startswith("<strong>Bold [&lt;script&gt;](../e.md){ .xref")  # the build's link inside the source's emphasis
    assert "[link](https://x.org/a){ .source-link }" in out
    assert "../f.md" not in out  # would cross the source link's edge: left out


# -- HTML --------------------------------------------------------------------------------------


def test_a_saved_page_gives_its_article_and_its_metadata():
    reading, problems = read_html(PAGE.read_bytes(), "seeds/page.html")
    assert reading is not None and problems == []
    meta = reading.front_matter
    assert meta["title"] == "Russia and China Sign Long-Term Energy Deal"
    assert meta["authors"] == ("Anna Petrova", "Li Wei") and meta["date"] == "2019-12-02" and meta["publication"] == "World News Daily"
    texts = " ".join(p.text for p in reading.parts or ())
    assert "Power of Siberia" in texts and "Energy cooperation is a pillar" in texts
    for furniture in ("cookies", "Great article", "All rights reserved", "Business"):
        assert furniture not in texts
    left_out = {text for _, text, _ in reading.removed}
    assert {"Great article! Totally agree with everything.", "Sport"} <= left_out
    assert all(line > 1 for line, _, _ in reading.removed)
    assert not any(s.target.startswith("javascript") for p in reading.parts or () for s in p.spans)


def test_a_page_without_an_article_is_a_warning():
    reading, problems = read_html(b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "seeds/empty.html")
    assert reading is None and [p.severity.value for p in problems] == ["warning"]


# -- the site ----------------------------------------------------------------------------------


class _Visible(HTMLParser):
    """The text a reader sees in an article's body, and every link target."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.hrefs: list[str] = []
        self.depth = 0
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if tag in ("script", "style", "code", "pre"):
            self.skip += 1
        self.hrefs += [v or "" for k, v in attrs if k in ("href", "src")]

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if tag in ("script", "style", "code", "pre") and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.text.append(data)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("formats")
    seeds = tmp / "seeds"
    shutil.copytree(FORMATS, seeds)
    for source in (REPO / "tests" / "fixtures" / "corpus").iterdir():  # the golden corpus: text and Markdown with a catalog
        shutil.copy(source, seeds / source.name)
    (seeds / "plain.txt").write_text("A Plain Text Article\n\nIts only paragraph is long enough to be body text, and says so.\n", encoding="utf-8")
    done = run_cli("build", "--seeds", seeds, "--docs", tmp / "docs")
    assert done.returncode == 0, done.stderr
    made = mkdocs_build(mkdocs_config(tmp, tmp / "docs"))
    assert made.returncode == 0, made.stderr
    return tmp


def test_no_article_page_shows_markup_or_unsafe_links(built: Path):
    import json

    pages = sorted((built / "site" / "articles").glob("*/index.html"))
    articles = json.loads((built / "docs" / "data" / "articles.json").read_text(encoding="utf-8"))
    assert len(pages) == len(articles) >= 6
    # A plain-text source shows the characters its author typed, brackets included (the golden corpus has
    # "[not a link](…)" in a .txt on purpose); a Markdown or HTML source never shows its syntax.
    structured = {a["id"] for a in articles if all(s.endswith((".md", ".html")) for s in a["sources"])}
    assert len(structured) == 3
    for page in pages:
        seen = _Visible()
        seen.feed(page.read_text(encoding="utf-8"))
        text = " ".join("".join(seen.text).split())
        if page.parent.name in structured:
            for syntax in ("**", "__", "](", "![", "[^", "<script", "<b>", "\\_", "\\*"):
                assert syntax not in text, f"{page}: {syntax!r} shows as text"
        assert not [h for h in seen.hrefs if re.match(r"\s*(javascript|data|vbscript):", h, re.I)], page


def test_the_post_keeps_its_formatting_links_and_facts(built: Path):
    html = (built / "site" / "articles" / "joint-naval-exercises-resume-in-the-pacific" / "index.html").read_text(encoding="utf-8")
    assert "<strong>joint exercises</strong>" in html and "<em>the first since 2019</em>" in html
    assert 'href="https://example.org/mod"' in html and 'href="https://example.org/archive/2019.html"' in html
    assert "22 June 2022" in html and "Jane Roe and John Doe" in html
    assert "The two navies held their largest drill in years." in html
    assert '<table>' in html and "Pull quote" not in html
    assert "click me stays text" in " ".join(html.split()) or "click me" in html


def test_timeline_entries_from_the_post_quote_whole_sentences(built: Path):
    import json

    events = json.loads((built / "docs" / "data" / "timeline.json").read_text(encoding="utf-8"))
    from_post = [e for e in events if any(s["article"] == "joint-naval-exercises-resume-in-the-pacific" for s in e["sources"])]
    treaty = [e for e in from_post if e["date"] == "1950-02-14"]
    assert treaty and treaty[0]["text"] == "On February 14, 1950. the two countries signed a treaty."
    assert all(e["text"][-1] in ".!?\u201d\"" for e in from_post)


def test_the_page_lists_what_was_left_out(built: Path):
    report = (built / "docs" / "reports" / "russia-and-china-sign-long-term-energy-deal.md").read_text(encoding="utf-8")
    assert "Great article! Totally agree with everything." in report
    assert "left out by trafilatura" in report
    data = (built / "docs" / "data" / "articles.json").read_text(encoding="utf-8")
    assert '"tags": [\n      "navy",\n      "exercises"\n    ]' in data or '"navy"' in data
