"""PDF sources: the reader (reading order, page map, document info, scans and broken files), the
cleaner's page furniture and broken words, and page-aware citations on a built site.

The PDFs are made here with fpdf2 (:mod:`tests.pdf_samples`); nothing binary is committed.
"""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest
import rispy

from build_docs.clean.cleaner import clean
from build_docs.sources.pdf import _document_info, read_pdf
from build_docs.sources.pdf_layout import Line, reading_runs
from build_docs.sources.read import read_source
from tests.conftest import run_cli
from tests.pdf_samples import PAGES, RUNNING_HEAD, journal_pdf, scanned_pdf

SHOWN = "seeds/river.pdf"


@pytest.fixture(scope="module")
def river() -> bytes:
    return journal_pdf()


@pytest.fixture(scope="module")
def cleaned(river: bytes):
    doc, problems = read_source(river, "river.pdf", SHOWN)
    assert doc is not None and problems == []
    return clean(doc)


def body(article) -> list[str]:
    return [b.text for b in article.paragraphs]


# --- the reader ----------------------------------------------------------------------------


def test_two_columns_are_read_column_by_column(river: bytes):
    reading, problems = read_pdf(river, SHOWN)
    assert problems == [] and reading is not None
    text = reading.text
    left_end, right_start = text.index("still keep."), text.index("The treaty fixed")
    assert text.index("The river has carried") < left_end < right_start < text.index("settled from the written record")
    assert text.index("sign before the ice") < text.index("Second page paragraph") < text.index("Winter changes")


def test_page_map_gives_the_first_line_of_each_page_and_its_number(river: bytes):
    reading, _ = read_pdf(river, SHOWN)
    assert reading is not None and [label for _, label in reading.pages] == ["1", "2", "3"]
    lines = reading.text.split("\n")
    second = reading.pages[1][0]
    assert lines[second - 1] == RUNNING_HEAD  # the page starts with its running head, as printed


def test_page_labels_are_used_when_the_pdf_has_them():
    reading, _ = read_pdf(journal_pdf(labels_from=7), SHOWN)
    assert reading is not None and [label for _, label in reading.pages] == ["7", "8", "9"]


def test_document_info_is_read_and_file_names_are_not_titles(river: bytes):
    reading, _ = read_pdf(river, SHOWN)
    assert reading is not None
    assert dict(reading.document_info) == {
        "title": "Trade Along the Northern River (document title)",
        "authors": ("Anna Petrova", "Ivan Sokolov"),
        "date": "2019-05-14",
    }
    problems: list = []
    info = _document_info({"Title": "Microsoft Word - draft3.docx", "CreationDate": "D:2014"}, SHOWN, problems)
    assert dict(info) == {"date": "2014"} and problems == []
    assert dict(_document_info({"CreationDate": "yesterday"}, SHOWN, problems)) == {}
    assert "creation date 'yesterday'" in problems[0].message


def test_a_scan_without_text_layer_is_a_warning_that_says_what_to_do():
    reading, problems = read_pdf(scanned_pdf(), "seeds/scan.pdf")
    assert reading is None and len(problems) == 1
    problem = problems[0]
    assert problem.severity.value == "warning" and problem.path == "seeds/scan.pdf"
    assert "no text layer" in problem.message and "ocrmypdf" in problem.message and ".txt" in problem.message


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_truncated_pdf_is_skipped_with_a_warning_naming_the_file_not_a_traceback(river: bytes, cut: float):
    reading, problems = read_pdf(river[: int(len(river) * cut)], SHOWN)
    assert reading is None and [p.severity.value for p in problems] == ["warning"]
    assert problems[0].path == SHOWN and "damaged or truncated PDF" in problems[0].message and "skipped" in problems[0].message


def test_an_encrypted_pdf_and_a_file_that_is_no_pdf_are_named_and_skipped():
    reading, problems = read_pdf(journal_pdf(encrypt="secret"), SHOWN)
    assert reading is None and "encrypted PDF" in problems[0].message and "qpdf --decrypt" in problems[0].message
    reading, problems = read_pdf(b"just some text\n", SHOWN)
    assert reading is None and "not a PDF file" in problems[0].message


def test_one_row_of_two_cells_does_not_make_a_page_two_columns():
    """A name and a date side by side once; the paragraph below spans the page and is read in one piece."""
    lines = [Line(50, 700, 150, 710, "Anna Petrova"), Line(400, 700, 500, 710, "May 2019")]
    lines += [Line(50, 680 - 14 * i, 500, 690 - 14 * i, f"line {i} of a paragraph across the page") for i in range(5)]
    runs = reading_runs(lines)
    assert [line.text for run in runs for line in run][2:] == [f"line {i} of a paragraph across the page" for i in range(5)]


# --- cleaning ------------------------------------------------------------------------------


def test_text_in_reading_order_without_running_heads_or_page_numbers(cleaned):
    article, report, problems = cleaned
    assert problems == []
    assert article.title == "Trade Along the Northern River" and article.authors == ("Anna Petrova",)
    paragraphs = body(article)
    assert paragraphs[0].startswith("The river has carried goods") and paragraphs[-1].startswith("Historians read")
    assert [p.split(":")[0] for p in paragraphs if "page paragraph" in p] == ["Second page paragraph", "Third page paragraph"]
    assert not any(RUNNING_HEAD in p for p in paragraphs)
    removed = {(r.text, r.reason) for r in report.sources[0].removed}
    assert (RUNNING_HEAD, "repeated in the source") in removed
    assert {("1", "no words"), ("2", "no words"), ("3", "no words")} <= removed


def test_words_broken_at_a_line_end_and_across_a_page_are_joined(cleaned):
    article, report, _ = cleaned
    text = " ".join(body(article))
    assert "long negotiations over tolls" in text and "a new agreement every spring" in text
    assert "negoti" not in text.replace("negotiations", "") and "agree-" not in text
    fixes = {(f.before, f.after, f.rule) for f in report.sources[0].fixes}
    assert fixes == {("negoti- ations", "negotiations", "hyphenation"), ("agree- ment", "agreement", "hyphenation")}


def test_every_paragraph_knows_its_page_and_the_article_its_range(cleaned):
    article, _, _ = cleaned
    pages = {b.text.split(":")[0]: b.page for b in article.paragraphs}
    assert pages["Second page paragraph"] == "2" and pages["Third page paragraph"] == "3"
    assert article.paragraphs[0].page == "1"
    starts_on_1 = next(b for b in article.paragraphs if b.text.startswith("Today the crossing"))
    assert starts_on_1.page == "1"  # it goes on to page 2: a paragraph is cited where it starts
    assert article.pages == ("1", "3")
    assert article.date == "2019-05-14" and article.origin["date"] == "document info"
    assert article.origin["title"] == "text"  # the text's title wins over the document's


def test_a_running_head_on_two_pages_only_is_found_at_the_page_edges():
    doc, _ = read_source(journal_pdf(PAGES[:2], labels_from=7), "short.pdf", "seeds/short.pdf")
    assert doc is not None
    article, report, _ = clean(doc)
    assert {(r.text, r.reason) for r in report.sources[0].removed} >= {(RUNNING_HEAD, "running head or foot"), ("7", "no words")}
    assert not any(RUNNING_HEAD in p for p in body(article))
    assert article.pages == ("7", "8") and next(b.page for b in article.paragraphs if b.text.startswith("Second page")) == "8"


def test_plain_text_sources_have_no_pages(seeds: Path):
    doc, _ = read_source(b"A Title\n\nOne paragraph of text that says something.\n", "a.txt", "seeds/a.txt")
    assert doc is not None
    article, _, _ = clean(doc)
    assert article.pages == () and all(b.page == "" for b in article.blocks)


# --- the site and the command line ---------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, river: bytes) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("pdf-site")
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "river.pdf").write_bytes(river)
    (seeds / "scan.pdf").write_bytes(scanned_pdf())
    (seeds / "notes.txt").write_text("Notes on the Ferry\n\nThe ferry crossed the river in 2018 and carried grain.\n", encoding="utf-8")
    (seeds / "catalog.yml").write_text("sources:\n  river.pdf:\n    publication: River Quarterly\n", encoding="utf-8")
    done = run_cli("build", "--seeds", seeds, "--docs", root / "docs")
    assert done.returncode == 0, done.stderr
    return root / "docs", done.stderr


def test_the_site_builds_and_the_scan_is_a_warning(site: tuple[Path, str]):
    docs, stderr = site
    assert "scan.pdf: warning: this PDF has no text layer" in stderr and "ocrmypdf" in stderr
    assert (docs / "articles" / "notes-on-the-ferry.md").is_file()
    assert len(list((docs / "articles").glob("*.md"))) == 3  # two articles and the index: nothing for the scan


def test_the_article_page_shows_pages_beside_paragraph_numbers(site: tuple[Path, str]):
    page = (site[0] / "articles" / "trade-along-the-northern-river.md").read_text(encoding="utf-8")
    assert RUNNING_HEAD not in page.split("# Trade Along the Northern River", 1)[1]
    second = next(line for line in page.splitlines() if "Second page paragraph" in line)
    assert ">p.\u00a02</span> Second page paragraph" in second
    assert page.index("still keep.") < page.index("The treaty fixed") < page.index("Second page paragraph")
    assert "(from the PDF's properties)" in page  # the date, from the document information
    assert "River Quarterly, May 14, 2019, 1\u20133." in page  # Chicago
    assert "River Quarterly, 1\u20133." in page  # APA


def test_the_cite_files_carry_the_page_range(site: tuple[Path, str]):
    cite = site[0] / "data" / "cite"
    [entry] = [e for e in bibtexparser.loads((cite / "trade-along-the-northern-river.bib").read_text(encoding="utf-8")).entries if "pages" in e]
    assert entry["pages"] == "1--3"
    [record] = [r for r in rispy.loads((cite / "trade-along-the-northern-river.ris").read_text(encoding="utf-8")) if r.get("start_page")]
    assert (record["start_page"], record["end_page"]) == ("1", "3")
    items = json.loads((cite / "trade-along-the-northern-river.csl.json").read_text(encoding="utf-8"))
    assert [i["page"] for i in items if "page" in i] == ["1-3"]
    notes = (cite / "notes-on-the-ferry.bib").read_text(encoding="utf-8")
    assert "pages" not in notes  # a text source has none


def test_quote_tooltips_cite_the_page(site: tuple[Path, str]):
    timeline = "\n".join(p.read_text(encoding="utf-8") for p in sorted((site[0] / "timeline").glob("*.md")))  # the entries' pages (issue 13)
    river_tips = [line for line in timeline.splitlines() if "trade-along-the-northern-river.md#" in line]
    assert river_tips and all("(p. " in line for line in river_tips)
    notes = [line for line in timeline.splitlines() if "notes-on-the-ferry.md#" in line]
    assert notes and not any("(p. " in line for line in notes)


def test_clean_command_reads_a_pdf(tmp_path: Path, river: bytes):
    path = tmp_path / "river.pdf"
    path.write_bytes(river)
    done = run_cli("clean", path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("The river has carried goods") and "negotiations" in done.stdout and RUNNING_HEAD not in done.stdout
    data = json.loads(run_cli("clean", path, "--json").stdout)
    assert [b["page"] for b in data["blocks"] if b["text"].startswith("Second page")] == ["2"]
