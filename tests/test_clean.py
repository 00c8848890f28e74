"""Stage 2: header facts and body blocks from inline texts."""

from __future__ import annotations

from textwrap import dedent

from build_docs.clean.cleaner import clean
from build_docs.clean.header import read_header
from build_docs.clean.structure import segment
from build_docs.slug import slugify
from build_docs.sources.catalog import CatalogEntry
from build_docs.sources.dates import find_date
from build_docs.sources.read import read_source


def lines(text: str) -> list[tuple[int, str]]:
    return list(enumerate(dedent(text).strip("\n").split("\n"), start=1))


def article(text: str, name: str = "a.txt", entry: CatalogEntry | None = None):
    doc, problems = read_source(dedent(text).encode("utf-8"), name, f"seeds/{name}", entry)
    assert doc is not None, problems
    result, _, problems = clean(doc)
    return result, problems


def test_title_deck_and_byline():
    header = read_header(
        lines("""
        An Evolving Partnership

        China and Russia have become close, but stop short of an alliance By Li Ziguo

        The author is deputy director of an institute

        from alliance to confrontation, followed by normalization and a strategic partnership, said the text.
    """)
    )
    assert header.title == "An Evolving Partnership"
    assert header.subtitle == "China and Russia have become close, but stop short of an alliance"
    assert header.authors == ("Li Ziguo",)
    assert header.affiliation == "The author is deputy director of an institute"
    assert dict(header.used) == {1: "title", 3: "byline", 5: "author note"}


def test_furniture_above_the_title_and_bullet_byline():
    header = read_header(
        lines("""
        Language : English 简体 繁體
        Foreign Policy

        What to Make of Deepening China-Russia Relations?

        Nov 21 , 2014
          • Yu Sui

            Professor, China Center for Contemporary World Studies

        Among the sets of major power relationships in today's world, relatively speaking, this one is the closest.
    """)
    )
    assert header.title == "What to Make of Deepening China-Russia Relations?"
    assert (header.date, header.authors) == ("2014-11-21", ("Yu Sui",))
    assert header.affiliation == "Professor, China Center for Contemporary World Studies"
    assert dict(header.used) == {1: "above the title", 2: "section label", 4: "title", 6: "date", 7: "byline", 9: "affiliation"}
    assert header.section == "Foreign Policy"


def test_labelled_row_and_footer_lines():
    header = read_header(
        lines("""
        Full of Strong Endogenous Dynamics

        :Peace and Development | 作者: Zhao Mingwen | 时间: 2018-06-07 | 责编: Wang Jiapei

        In 2017, the comprehensive strategic partnership of coordination developed smoothly on high levels, they said.

        Zhao Mingwen is Senior Research Fellow from China Institute of International Studies.

        Source: Peace and Development, N0.2 2018.
    """)
    )
    assert (header.publication, header.authors, header.date) == ("Peace and Development", ("Zhao Mingwen",), "2018-06-07")
    assert header.affiliation == "Zhao Mingwen is Senior Research Fellow from China Institute of International Studies."
    assert set(header.used) == {1, 3, 7, 9}


def test_bio_lines_name_the_authors_when_there_is_no_byline():
    header = read_header(
        lines("""
        Present and Future Sino-Russian Cooperation
        This essay provides Chinese perspectives on the relationship between China and Russia and the outlook for it.
        Ma Bin is an Associate Professor at Fudan University.
        Zhang Jian is the Secretary-General in the Center for Russian Studies.
    """)
    )
    assert header.authors == ("Ma Bin", "Zhang Jian")


def test_sentences_are_not_titles_or_bylines():
    header = read_header(
        lines("""
        from alliance to confrontation, followed by normalization and a strategic partnership in the end.
        Russia is a big exporter of energy, while China is a major buyer of it and of much else besides.
    """)
    )
    assert (header.title, header.authors, dict(header.used)) == (None, (), {})


def test_segment_rejoins_wrapped_lines_and_finds_headings_and_items():
    blocks = segment(
        lines("""
        Trade across the river grew by 12 percent last year. Merchants say the new crossing
        will cut the journey from three days to one.

        The Border Railway

        I. Background and Context

        - First point of a list.
        - Second point of a list.
    """)
    )
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Trade across the river grew by 12 percent last year. Merchants say the new crossing will cut the journey from three days to one."),
        ("heading", "The Border Railway"),
        ("heading", "I. Background and Context"),
        ("item", "First point of a list."),
        ("item", "Second point of a list."),
    ]


def test_unwrapped_text_keeps_one_paragraph_per_line():
    long_line = "This sentence is long enough to be a whole paragraph on its own line, as exported web text often is. " * 2
    blocks = segment([(1, long_line), (2, long_line.upper())])
    assert [b.line for b in blocks] == [1, 2]


def test_paragraph_broken_by_layout_is_rejoined():
    blocks = segment(
        lines("""
        numerous exchange platforms to enhance

        mutual understanding and settle differences in time.
    """)
    )
    assert [b.text for b in blocks] == ["numerous exchange platforms to enhance mutual understanding and settle differences in time."]


def test_paragraphs_are_numbered_and_headings_are_not():
    result, problems = article("""
        A Title for the Test Article

        First paragraph of the body of the article, long enough to count as body text here.

        A Heading

        Second paragraph.
    """)
    assert problems == []
    assert [(b.kind, b.anchor) for b in result.blocks] == [("paragraph", "p1"), ("heading", ""), ("paragraph", "p2")]
    assert result.id == "a-title-for-the-test-article"


def test_catalog_overrides_text_and_origin_is_recorded():
    entry = CatalogEntry(file="a.txt", line=3, title="Catalog Title", id="custom-id", date="2014")
    result, _ = article("A Title Found in the Text\n\nBody text of the article, which is long enough to be body text.\n", entry=entry)
    assert (result.id, result.title, result.date) == ("custom-id", "Catalog Title", "2014")
    assert result.origin["title"] == "catalog"


def test_front_matter_fills_what_the_catalog_does_not():
    result, _ = article("---\ntitle: From Front Matter\nauthor: Ann Author\ndate: 2020\n---\n# Heading\n\nBody.\n", name="a.md")
    assert (result.title, result.authors, result.date, result.origin["authors"]) == ("From Front Matter", ("Ann Author",), "2020", "front matter")
    assert result.blocks[0].kind == "heading" and result.blocks[0].line == 6


def test_missing_title_warns_and_falls_back_to_the_file_name():
    result, problems = article("from the middle of a sentence, the scan begins without any title at all, as scans do.\n", name="001_scan.txt")
    assert result.title == "001 scan" and result.id == "001-scan"  # what the file name says (issue 12; was "Untitled (001_scan.txt)")
    assert result.origin["title"] == "file name"
    assert problems[0].path == "seeds/001_scan.txt" and "add 'title:'" in problems[0].message


def test_find_date_formats():
    assert find_date("Nov 21 , 2014") == "2014-11-21"
    assert find_date("时间: 2018-06-07") == "2018-06-07"
    assert find_date("on 2 November 2013 in Beijing") == "2013-11-02"
    assert find_date("in 1996 and 2001") is None
    assert find_date("2018-13-40") is None


def test_slugify():
    assert slugify("What to Make of Deepening China-Russia Relations?") == "what-to-make-of-deepening-china-russia-relations"
    assert slugify("Café’s Society") == "cafes-society"
    assert slugify(" ".join(str(n) for n in range(20))) == "0-1-2-3-4-5-6-7-8-9-10-11"
    assert slugify("中俄关系") == ""


def test_indented_line_after_a_sentence_starts_a_paragraph():
    blocks = segment([(1, "I join previous"), (2, "speakers in congratulating you."), (3, " Sixty-five years ago, the"), (4, "creation of the body.")])
    assert [b.text for b in blocks] == ["I join previous speakers in congratulating you.", "Sixty-five years ago, the creation of the body."]


def test_cleaning_clean_sources_changes_no_word():
    """Every word of a clean seed is either published or listed as a removed line."""
    import re
    from collections import Counter

    from tests.conftest import REPO

    words = re.compile(r"[^\W_]+")
    for path in sorted((REPO / "seeds").glob("*.txt")):
        doc, _ = read_source(path.read_bytes(), path.name, f"seeds/{path.name}")
        article, report, _ = clean(doc)
        if article.kind == "ocr":
            continue
        published = Counter(w for b in article.blocks for w in words.findall(b.text))
        removed = Counter(w for r in report.sources[0].removed for w in words.findall(r.text))
        assert published + removed == Counter(words.findall(doc.text)), path.name
        assert report.sources[0].fixes == (), f"{path.name}: OCR repair touched a clean source"
