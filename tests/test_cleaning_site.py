"""Issue-level checks of cleaning on the real seeds, as the committed site shows them."""

from __future__ import annotations

import json
import re

from build_docs.clean.boilerplate import has_no_words, is_interface, is_link_row
from build_docs.clean.ocr import Lexicon
from tests.conftest import REPO

DOCS = REPO / "docs"
WORD = re.compile(r"\b[^\W\d_]+(?:['\u2019-][^\W\d_]+)*\b")


def records() -> list[dict]:
    return json.loads((DOCS / "data" / "articles.json").read_text(encoding="utf-8"))


def body(article_id: str) -> str:
    """The article's numbered blocks as text, without the generated header."""
    page = (DOCS / "articles" / f"{article_id}.md").read_text(encoding="utf-8")
    blocks = [line for line in page.splitlines() if line.startswith(("[", "- ["))]
    texts = [re.sub(r'^(?:- )?\[\d+\]\(#p\d+\)\{[^}]*\} (?:<span class="caption-label">[^<]*</span> )?', "", b) for b in blocks]
    texts = [re.sub(r"\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)\{ \.xref[^}]*\}", r"\1", t) for t in texts]  # entity and term links
    return "\n".join(t.replace("\\", "") for t in texts)


def test_five_seeds_make_four_articles_and_the_witnesses_are_one():
    found = records()
    assert len(found) == 4
    merged = [r for r in found if len(r["sources"]) == 2]
    assert len(merged) == 1 and merged[0]["sources"] == ["000_73b336f099f963c4.txt", "001_654abdf35d6935f8.txt"]


def test_merged_article_opens_with_the_scan_only_sentence_and_continues_with_the_clean_text():
    [merged] = [r for r in records() if len(r["sources"]) == 2]
    text = body(merged["id"])
    first = text.splitlines()[0]
    assert "In the last 65 years since the establishment of their diplomatic relationship" in first
    assert "from alliance to confrontation, followed by normalization" in first
    assert text.index("In the last 65 years") < text.index("The basic trend of the China") < text.index("Russia fears becoming")


def test_no_furniture_on_any_article_page():
    for record in records():
        text = body(record["id"])
        for block in text.splitlines():
            assert not is_interface(block) and not is_link_row(block) and not has_no_words(block), f"{record['id']}: {block!r}"
        assert "http" not in text and "www." not in text and "简体" not in text


def test_no_ocr_garbage_on_the_merged_article():
    """Every word on the page is English, or stands in a clean source (a name, an acronym)."""
    [merged] = [r for r in records() if len(r["sources"]) == 2]
    english = Lexicon()
    clean_words = {w for path in (REPO / "seeds").glob("*.txt") if not path.name.startswith("001") for w in WORD.findall(path.read_text(encoding="utf-8"))}
    strange = {w for w in WORD.findall(body(merged["id"])) if len(w) > 2 and not english.known(w) and w not in clean_words}
    assert strange == set()


def test_every_article_has_its_cleaning_report_and_raw_views():
    for record in records():
        report = (DOCS / "reports" / f"{record['id']}.md").read_text(encoding="utf-8")
        assert "## Words still unknown" in report
        for source in record["sources"]:
            assert f"## {source.replace('_', chr(92) + '_')}" in report
            stem = source.rsplit(".", 1)[0].replace("_", "-")
            assert (DOCS / "raw" / f"{stem}.md").is_file()
    assert "Lines taken out, by reason" in (DOCS / "reports" / "index.md").read_text(encoding="utf-8")


def test_raw_view_is_the_file_exactly_as_received():
    import html

    for path in sorted((REPO / "seeds").glob("*.txt")):
        page = (DOCS / "raw" / f"{path.stem.replace('_', '-')}.md").read_text(encoding="utf-8")
        shown = [html.unescape(re.sub(r"<[^>]+>", "", m)) for m in re.findall(r'<span id="L\d+" class="raw-line"><a[^>]*>\d+</a>(.*?)</span>', page)]
        assert shown == path.read_text(encoding="utf-8").rstrip("\n").split("\n"), path.name
