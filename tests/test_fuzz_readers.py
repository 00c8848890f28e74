"""Property-based tests (hypothesis) of every reader and the text stages on arbitrary input (issue 16).

For each reader (text, Markdown, HTML, PDF) and the stages after it (cleaning, extraction), any bytes
or Unicode (control characters, combining marks, right-to-left text and overrides, zero-width
characters, surrogates, very long tokens, deep nesting, markup and script) give an article or a
warning naming the file, never a traceback; the same input gives the same output twice; and what
the site would show of it, rendered by Python-Markdown with the site's extensions, holds no live
markup and no invisible characters that reverse or hide text.

The budget is small in CI (profile ``ci``: 30 examples per test, derandomised, so a run is repeatable)
and larger in ``make fuzz`` (``HYPOTHESIS_PROFILE=fuzz``: 1,000 examples per test, random).
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import markdown
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_docs.clean.cleaner import clean
from build_docs.diagnostics import Severity
from build_docs.extract.extractors import extract
from build_docs.render.markdown import escape, formatted
from build_docs.sources.read import SourceDoc, read_source
from build_docs.textsafety import BIDI_CONTROLS
from tests.conftest import REPO
from tests.hostile import LiveMarkup
from tests.pdf_samples import journal_pdf

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
settings.register_profile("ci", max_examples=30, deadline=None, derandomize=True, database=None, suppress_health_check=_SLOW)
settings.register_profile("fuzz", max_examples=1_000, deadline=None, suppress_health_check=_SLOW)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

#: Pieces a careless or hostile source is made of, mixed by hypothesis with arbitrary text.
PIECES = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<svg onload=alert(3)>", "<iframe src=//x>", "<base href=//x/>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(4)">', '<a href="javascript:alert(5)">x</a>', "<style>*{x:url(javascript:y)}</style>",
    "[x](javascript:alert(6))", "[y]: data:text/html,z", "![i](vbscript:z)", "<javascript:alert(7)>", "{: onclick=alert(8) }", "{ #id .c onmouseover=x }",
    "*[HTML]: <b>x</b>", "[^1]: note", "--8<-- \"mkdocs.yml\"", "&#x202E;", "&#106;avascript:", "&lt;script&gt;", "&#0;", "\\", "`", "``", "|", "---\n",
    "\n", "\n\n", "# ", "> ", "- ", "1. ", "    ", "\t", "*", "_", "~~", "(", ")", "[", "]", "{", "}", "<", ">", "&", '"', "'", ".", "!", "?", ",", ";", ":",
    "\x00", "\x1b", "\x7f", "\u202e", "\u202d", "\u2066", "\u200b", "\u200c", "\u200d", "\u200e", "\ufeff", "\u2060", "\u0301", "\u0300\u0301\u0302",
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u05e9\u05dc\u05d5\u05dd", "\U0001f469\u200d\U0001f4bb", "\u0915\u094d\u200d\u0937", "\u4e2d\u56fd",
    "Mr. ", "J. R. ", "U.N. ", "(UN) ", "the United Nations (UN) ", "Geneva ", "on 5 May 2019 ", "in the 1990s ", "1,000 ", "www.x.com ", "http://x.org/a ",
    "a" * 3_000, "(" * 500, "." * 2_000, "A." * 500, "[" * 300, "> " * 40, "<div>" * 300, "*" * 200,
]
LAUGHS = "a0: &a [1,1,1,1,1,1,1,1,1,1]\n" + "a1: [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n" * 3
PIECES += ["---\ntitle: T\nauthor: &a [x, *a]\n---\n", "---\ntitle: [\n---\n", f"---\n{LAUGHS}---\n"]
SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
TEXT = st.lists(st.one_of(st.text(max_size=40), st.sampled_from(PIECES), st.text(SURROGATES, max_size=2)), max_size=40).map("".join)
RAW = st.one_of(
    TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),  # a lone surrogate: bytes that are not UTF-8
    TEXT.map(lambda t: t.encode("utf-16", "surrogatepass")),
    st.binary(max_size=3_000),
    st.tuples(TEXT, st.binary(max_size=8), TEXT).map(lambda p: p[0].encode("utf-8", "surrogatepass") + p[1] + p[2].encode("utf-8", "surrogatepass")),
)
#: Elements what the build writes around a source's text may contain: formatting, links to checked targets, image alt text, notes.
ALLOWED = {"p", "em", "strong", "del", "code", "a", "span", "sup", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"}
_HIDING = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "\u2060\ufeff\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]|(?<![^\\W\\d_])\u200b|\u200b(?![^\\W\\d_])")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)


def _site_markdown(text: str, docs: Path = REPO / "docs") -> str:
    """Markdown as the site renders it: the extensions in mkdocs.yml, snippets included (a snippet line would fail)."""
    extensions = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "footnotes", "toc", "pymdownx.details", "pymdownx.snippets"]
    config = {"pymdownx.snippets": {"base_path": [str(docs)], "check_paths": True}}
    return markdown.markdown(text, extensions=extensions, extension_configs=config)


def _shown(doc: SourceDoc, kind: str | None = None) -> None:
    """What the site would show of this source (cleaned as ``kind`` says: ``ocr`` runs the OCR repair): each cleaned
    block and the title, rendered; nothing live in it."""
    article, report, problems = clean(doc, kind)
    assert clean(doc, kind) == (article, report, problems)  # the same output twice
    assert extract(article) == extract(article)
    pieces = [f"# {escape(article.title)}", *(f"{formatted(b.text, b.spans)}\n{{: #{b.anchor or 'x'} .para }}" for b in article.blocks if b.kind != "code")]
    html = _site_markdown("\n\n".join(pieces))
    live, tags = LiveMarkup(), _Tags()
    live.content = True
    live.feed(html)
    tags.feed(html)
    assert live.found == [], html[:500]
    assert tags.tags <= ALLOWED, (tags.tags - ALLOWED, html[:500])
    assert not _HIDING.search(article.title + " ".join(article.authors) + "".join(b.text for b in article.blocks))


def _read(raw: bytes, suffix: str) -> SourceDoc | None:
    shown = f"seeds/fuzz{suffix}"
    doc, problems = read_source(raw, f"fuzz{suffix}", shown)
    assert read_source(raw, f"fuzz{suffix}", shown) == (doc, problems)  # the same output twice
    assert all(p.path == shown and p.message for p in problems)
    if doc is None:
        assert any(p.severity is Severity.WARNING for p in problems), "no article and no warning"
    return doc


@given(RAW, st.sampled_from([".txt", ".md", ".html"]))
def test_any_bytes_give_an_article_or_a_named_warning(raw: bytes, suffix: str):
    _read(raw, suffix)


@given(TEXT, st.sampled_from([None, "web", "print", "ocr"]))
def test_any_text_read_as_plain_text_is_shown_as_text(text: str, kind: str | None):
    if doc := _read(text.encode("utf-8", "surrogatepass"), ".txt"):
        _shown(doc, kind)


@given(TEXT)
def test_any_text_read_as_markdown_is_shown_as_text(text: str):
    if doc := _read(text.encode("utf-8", "surrogatepass"), ".md"):
        _shown(doc)


@given(TEXT, TEXT)
def test_any_page_is_shown_as_text(title: str, body: str):
    page = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>"
    if doc := _read(page.encode("utf-8", "surrogatepass"), ".html"):
        _shown(doc)


LATIN_1 = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"), max_size=300)


@given(st.lists(LATIN_1, min_size=1, max_size=6))
def test_any_pdf_text_layer_is_shown_as_text(paragraphs: list[str]):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(4)
    pdf.set_title(paragraphs[0][:80])
    pdf.set_author(paragraphs[-1][:40])
    out = io.BytesIO()
    pdf.output(out)
    if doc := _read(out.getvalue(), ".pdf"):
        _shown(doc)


@given(st.integers(min_value=0, max_value=40_000), st.binary(min_size=1, max_size=64), st.booleans())
def test_a_damaged_pdf_gives_an_article_or_a_named_warning(at: int, junk: bytes, cut: bool):
    good = journal_pdf()
    at %= len(good)
    _read(good[:at] if cut else good[:at] + junk + good[at + len(junk) :], ".pdf")


@settings(max_examples=max(3, settings.default.max_examples // 4))
@given(TEXT, st.sampled_from([".txt", ".md", ".html"]))
def test_a_whole_build_with_any_file_is_the_same_twice_and_renders_nothing_live(text: str, suffix: str):
    """The whole pipeline (every page and data file), with an arbitrary file beside a plain article: no traceback,
    the same pages twice, and every page, rendered as the site renders it, free of live markup."""
    from build_docs.pipeline import BuildConfig, generate

    with tempfile.TemporaryDirectory() as folder:
        seeds, docs = Path(folder) / "seeds", Path(folder) / "docs"
        seeds.mkdir()
        (seeds / "plain.txt").write_text("A Plain Article\n\nThe council met in Geneva on 5 May 2019 and agreed the budget.\n", encoding="utf-8")
        (seeds / f"fuzz{suffix}").write_bytes(text.encode("utf-8", "surrogatepass"))
        first = generate(BuildConfig(seeds=seeds, docs=docs))
        assert generate(BuildConfig(seeds=seeds, docs=docs)) == first
        docs.mkdir()
        for rendered in first.pages:
            (docs / rendered.path).parent.mkdir(parents=True, exist_ok=True)
            (docs / rendered.path).write_bytes(rendered.content)
        for rendered in first.pages:
            if rendered.path.endswith(".md"):
                live = LiveMarkup()
                live.content = True
                live.feed(_site_markdown(rendered.content.decode("utf-8").split("\n---\n", 1)[-1], docs))
                assert live.found == [], rendered.path
