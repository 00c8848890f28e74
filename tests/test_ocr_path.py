"""The full-path OCR evaluation's own rules: what it normalises, how it splits, what a page shows."""

from __future__ import annotations

from pathlib import Path

from benchmarks.ocr_path import cleaned, half, normalise, page_text


def test_normalise_joins_line_end_hyphenation_and_folds_whitespace_on_both_sides():
    assert normalise("Thorns-\nhope, near\n\n  Mount Lambie") == "Thornshope, near Mount Lambie"
    assert normalise("Thorns- hope, near Mount Lambie") == "Thornshope, near Mount Lambie"  # as a page rejoins the lines
    assert normalise("1842 - 1954 and gum-tree") == "1842 - 1954 and gum-tree"  # not between letters, or no break


def test_halves_are_fixed_and_both_used():
    docs = [f"overproof-smh/{n:03d}" for n in range(40)]
    assert [half(d) for d in docs] == [half(d) for d in docs]
    assert {half(d) for d in docs} == {"tune", "held"}


def test_page_text_is_title_deck_and_blocks_but_not_a_file_name_title(tmp_path: Path):
    scan = tmp_path / "scan.txt"
    scan.write_text("The harbour was calm on Tuesday and the\nferries ran to time all day long, the\nmaster said when asked about it.\n", encoding="utf-8")
    article = cleaned(scan)
    assert article.origin["title"] == "file name"
    assert normalise(page_text(article)) == "The harbour was calm on Tuesday and the ferries ran to time all day long, the master said when asked about it."
