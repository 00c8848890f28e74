"""Stage 1: decoding real-world files without losing or inventing text."""

from __future__ import annotations

import codecs
from pathlib import Path

from build_docs.diagnostics import Severity
from build_docs.sources.catalog import EMPTY
from build_docs.sources.frontmatter import split_front_matter
from build_docs.sources.read import read_source, read_sources
from build_docs.sources.text import decode

TEXT = "Café in Moscow — “quoted”.\nSecond line.\n"


def test_utf8_passes_quietly():
    text, encoding, problems = decode(TEXT.encode("utf-8"), "s.txt")
    assert (text, encoding, problems) == (TEXT, "utf-8", [])


def test_byte_order_mark_is_dropped():
    doc, problems = read_source(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "s.txt", "seeds/s.txt")
    assert doc is not None and doc.text == TEXT and problems == []


def test_utf16_with_bom_is_decoded():
    doc, problems = read_source(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "s.txt", "seeds/s.txt")
    assert doc is not None and doc.text == TEXT and problems == []


def test_crlf_and_cr_line_ends_become_newlines():
    doc, _ = read_source(b"one\r\ntwo\rthree\n", "s.txt", "seeds/s.txt")
    assert doc is not None and doc.text == "one\ntwo\nthree\n"


def test_legacy_encoding_is_detected_and_reported():
    text = "Les relations sino-russes ont été évoquées à Pékin, déjà en été. Ça a duré."
    doc, problems = read_source(text.encode("cp1252"), "s.txt", "seeds/s.txt")
    assert doc is not None and doc.text == text
    assert len(problems) == 1 and problems[0].severity is Severity.WARNING
    assert "not UTF-8" in problems[0].message and "re-save" in problems[0].message
    assert str(problems[0]).startswith("seeds/s.txt: warning: not UTF-8: decoded as ")


def test_binary_file_is_skipped_with_a_warning_naming_the_file():
    doc, problems = read_source(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)), "img.txt", "seeds/img.txt")
    assert doc is None
    assert [p.severity for p in problems] == [Severity.WARNING]
    assert problems[0].path == "seeds/img.txt" and "binary file" in problems[0].message and "skipped" in problems[0].message


def test_a_few_control_characters_are_removed_and_said_so():
    text = "A Title\n\nThe delegation met in Geneva\x00 on Monday.\nIt agreed\x1b on a second meeting.\n" + "More text follows here. " * 20
    doc, problems = read_source(text.encode("utf-8"), "c.txt", "seeds/c.txt")
    assert doc is not None and "\x00" not in doc.text and "\x1b" not in doc.text
    assert "met in Geneva on Monday." in doc.text and "It agreed on a second meeting." in doc.text
    assert [(p.severity, p.line) for p in problems] == [(Severity.WARNING, 3)]
    assert "2 control characters removed (the first U+0000)" in problems[0].message


def test_empty_and_blank_files_are_skipped_with_a_warning():
    for raw in (b"", b"  \n\n\t\n"):
        doc, problems = read_source(raw, "e.txt", "seeds/e.txt")
        assert doc is None
        assert problems[0].severity is Severity.WARNING and "empty file" in problems[0].message


def test_front_matter_is_honoured_and_lines_are_counted():
    meta, body, first_line, problems = split_front_matter("---\ntitle: T\nauthor: A. One and B. Two\ndate: 2020-05-06\n---\nBody\n", "a.md")
    assert dict(meta) == {"title": "T", "authors": ("A. One", "B. Two"), "date": "2020-05-06"}
    assert body == "Body\n" and first_line == 6 and problems == []


def test_malformed_front_matter_reports_its_line():
    _, _, _, problems = split_front_matter("---\ntitle: T\nauthor: [unclosed\n---\nBody\n", "seeds/a.md")
    assert problems and problems[0].path == "seeds/a.md" and problems[0].line in (3, 4)
    assert "front matter" in problems[0].message


def test_unclosed_front_matter_is_read_as_text_with_a_warning():
    meta, body, _, problems = split_front_matter("---\ntitle: T\nBody\n", "seeds/a.md")
    assert problems[0].severity is Severity.WARNING and "never closed" in problems[0].message
    assert dict(meta) == {} and "Body" in body


def test_front_matter_only_in_markdown_files(seeds: Path):
    (seeds / "a.txt").write_text("---\ntitle: T\n---\nBody text here.\n", encoding="utf-8")
    docs, problems = read_sources(seeds, EMPTY, "seeds")
    assert docs[0].text.startswith("---") and dict(docs[0].front_matter) == {}


def test_other_files_are_reported_and_data_files_skipped(seeds: Path):
    (seeds / "a.txt").write_text("Text.\n", encoding="utf-8")
    (seeds / "catalog.yml").write_text("sources:\n", encoding="utf-8")
    (seeds / "scan.tif").write_bytes(b"II*\x00")
    (seeds / ".hidden.txt").write_text("x", encoding="utf-8")
    docs, problems = read_sources(seeds, EMPTY, "seeds")
    assert [d.name for d in docs] == ["a.txt"]
    assert [(p.path, p.severity) for p in problems] == [("seeds/scan.tif", Severity.WARNING)]
