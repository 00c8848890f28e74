"""Hostile text, piece by piece (issue 16): the text stages on stress inputs, invisible characters, damaged
encodings, the limits, and YAML bombs in editorial data. Completion is checked by structure (the same output
twice, the text kept), never by timing; ``benchmarks/scaling.py`` measures growth."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from build_docs import yamlnodes
from build_docs.clean.boilerplate import is_interface, is_link_row
from build_docs.clean.cleaner import clean
from build_docs.extract.extractors import extract
from build_docs.sources.catalog import EMPTY, load_catalog
from build_docs.sources.limits import MAX_FILE_BYTES, MAX_PARTS
from build_docs.sources.read import read_source, read_sources
from build_docs.textsafety import strip_invisible
from tests.hostile import STRESS_RUNS


@pytest.mark.parametrize("run", STRESS_RUNS, ids=lambda run: f"{run[:6]!r}x{len(run)}")
def test_text_stages_finish_on_a_stress_run_and_keep_its_text(run: str):
    """A run that made a pattern with nested or overlapping repeats backtrack: read, cleaned and extracted,
    twice, with the same result; the run is still in the article or in the cleaning report."""
    raw = f"Stress Test\n\nThe council met in Geneva on Monday.\n\n{run}\n".encode()
    doc, _ = read_source(raw, "stress.txt", "seeds/stress.txt")
    assert doc is not None
    article, report, _ = clean(doc)
    assert clean(doc)[0] == article and extract(article) == extract(article)
    kept = " ".join(b.text for b in article.blocks) + " ".join(r.text for s in report.sources for r in s.removed)
    assert run.strip()[:200] in kept


def test_the_two_boilerplate_patterns_that_backtracked_give_the_same_answers():
    """``(?:[^\\x00-\\x7f]+\\s*)*`` (exponential on "é é é … a") and ``\\S+\\.(?:com|…)`` from every position
    (quadratic on a long run of dots) were rewritten; what they say about lines is unchanged."""
    assert is_interface("Share: English 中文 Русский") and not is_interface("Share: Français 中文")
    assert not is_interface("Share: " + "é " * 5_000 + "ab")
    assert is_interface("Share | English")
    assert is_link_row("www.example.com | news.example.org | http://x.org/a")
    assert not is_link_row("." * 20_000) and not is_link_row("x." * 10_000 + "co")
    assert is_link_row("example.com") and not is_link_row("See example.com for more.")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Gen\u200beva", "Geneva"),  # a zero-width space inside a Latin word
        ("A \u202eevil\u202c B", "A evil B"),  # an override and its pop
        ("\u2066Title\u2069", "Title"),  # an isolate
        ("\u200eHello", "Hello"),  # a mark beside no right-to-left letter
        ("x\ufeffy\u2060z", "xyz"),
        ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),  # Persian non-joiner
        ("\u0915\u094d\u200d\u0937", "\u0915\u094d\u200d\u0937"),  # Devanagari joiner after a virama
        ("\U0001f469\u200d\U0001f4bb", "\U0001f469\u200d\U0001f4bb"),  # an emoji sequence
        ("\u0e20\u0e32\u0e29\u0e32\u200b\u0e44\u0e17\u0e22", "\u0e20\u0e32\u0e29\u0e32\u200b\u0e44\u0e17\u0e22"),  # a Thai word break
        ("\u05e9\u05dc\u05d5\u05dd\u200e.", "\u05e9\u05dc\u05d5\u05dd\u200e."),  # a mark placing a full stop after Hebrew
        ("\ufffd\u200b\ufffd", "\ufffd\ufffd"),  # replacement characters are no script
    ],
)
def test_invisible_characters_are_removed_unless_the_script_needs_them(text: str, kept: str):
    assert strip_invisible(text)[0] == kept


def test_references_to_invisible_characters_are_removed_from_parts_and_front_matter_with_spans_moved():
    raw = '---\ntitle: "Bad\u202eTitle"\n---\n\n# Head&#x202E;ing\n\nText &#x200B;here &#1; ok [link&#x202e;](http://x.org) done.\n'
    doc, problems = read_source(raw.encode(), "b.md", "seeds/b.md")
    assert doc is not None and doc.front_matter["title"] == "BadTitle"
    heading, paragraph = doc.parts or ()
    assert heading.text == "Heading" and paragraph.text == "Text here \ufffd ok link done."
    [link] = paragraph.spans
    assert paragraph.text[link.start : link.end] == "link" and link.target == "http://x.org"
    assert [(p.line, "invisible" in p.message) for p in problems] == [(2, True), (5, True)]


def test_a_utf8_file_with_a_few_bad_bytes_stays_utf8_and_a_legacy_one_is_detected():
    doc, problems = read_source("Caf\u00e9 au lait\n\nOne bad byte: \xff here.\n".encode("utf-8").replace(b"\xc3\xbf", b"\xff"), "a.txt", "seeds/a.txt")
    assert doc is not None and "Caf\u00e9" in doc.text and "\ufffd here" in doc.text
    [problem] = problems
    assert (problem.line, problem.severity.value) == (3, "warning") and problem.message.startswith("1 byte that is not UTF-8 replaced with U+FFFD")
    doc, problems = read_source("Caf\u00e9 r\u00e9sum\u00e9 na\u00efve\n\nThe council met.\n".encode("cp1252"), "b.txt", "seeds/b.txt")
    assert doc is not None and doc.text.startswith("Caf\u00e9 r\u00e9sum\u00e9") and "cp1252" in problems[0].message


def test_a_file_above_the_size_limit_is_skipped_unread_and_one_in_too_many_parts_is_skipped(tmp_path: Path):
    with (tmp_path / "huge.txt").open("wb") as huge:
        huge.truncate(MAX_FILE_BYTES + 1)
    (tmp_path / "many.md").write_text("# Many\n\n" + "word\n\n" * (MAX_PARTS + 1), encoding="utf-8")
    (tmp_path / "fine.txt").write_text("A Title\n\nThe council met in Geneva.\n", encoding="utf-8")
    docs, problems = read_sources(tmp_path, EMPTY, "seeds")
    assert [d.name for d in docs] == ["fine.txt"]
    messages = {p.path: p.message for p in problems}
    assert f"more than the {MAX_FILE_BYTES:,} a seed may have" in messages["seeds/huge.txt"]
    assert f"more than the {MAX_PARTS:,} one source may have" in messages["seeds/many.md"]


def test_a_page_nested_deeper_than_lxml_reads_keeps_its_text():
    inner = "<p>The harbour board met on Monday and agreed new rules for the quays and the ferries.</p>"
    page = f"<html><head><title>Deep</title></head><body>{'<div>' * 5_000}{inner}{'</div>' * 5_000}<p>After the nesting, more text.</p></body></html>"
    doc, problems = read_source(page.encode(), "deep.html", "seeds/deep.html")
    assert doc is not None and doc.front_matter["title"] == "Deep"
    assert [p.text for p in doc.parts or ()] == [inner[3:-4], "After the nesting, more text."]
    assert "elements nested more than 255 deep" in problems[0].message


def test_markdown_nested_deeper_than_the_parser_reads_keeps_its_text():
    text = "# T\n\nFirst.\n\n" + "> " * 50 + "Deep quote.\n" + "> " * 50 + "Its second line.\n\nAfter.\n\n[ref]: http://x.org\n"
    doc, problems = read_source(text.encode(), "q.md", "seeds/q.md")
    assert doc is not None
    assert [(p.kind, p.text, p.line) for p in doc.parts or ()] == [
        ("heading", "T", 1), ("paragraph", "First.", 3), ("paragraph", "Deep quote. Its second line.", 5), ("paragraph", "After.", 8)
    ]
    assert [(p.line, "levels deep (lines 5)" in p.message) for p in problems] == [(5, True)]


LAUGHS = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'] + [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]


_TOO_DEEP = (3, "exceeded maximum nesting depth") if yamlnodes._Loader is not yaml.SafeLoader else (1, "nested too deeply to read")


@pytest.mark.parametrize(
    ("yaml_text", "line", "what"),
    [
        ("sources:\n  x.txt:\n    title: T\n" + "\n".join(LAUGHS) + "\n", 4, "expand to more than 10,000 values"),
        ("sources:\n  x.txt: &x\n    title: T\n    authors: [*x]\n", 2, "an alias inside its own anchor"),
        ("sources:\n  x.txt:\n    title: " + "[" * 150 + "]" * 150 + "\n", 3, "nested more than 100 levels deep"),
        # libyaml stops at its own depth limit (1,000) and names the line; PyYAML's own parser recurses and gives up first
        ("sources:\n  x.txt:\n    title: " + "[" * 5_000 + "]" * 5_000 + "\n", *_TOO_DEEP),
    ],
)
def test_editorial_yaml_that_expands_loops_or_nests_too_deep_is_an_error_with_its_line(tmp_path: Path, yaml_text: str, line: int, what: str):
    (tmp_path / "catalog.yml").write_text(yaml_text, encoding="utf-8")
    _, problems = load_catalog(tmp_path / "catalog.yml", "seeds/catalog.yml")
    [problem] = problems
    assert (problem.path, problem.line, problem.severity.value) == ("seeds/catalog.yml", line, "error") and what in problem.message


def test_a_large_catalog_written_out_is_no_alias_bomb(tmp_path: Path):
    """The limit is on values reached again through aliases: a catalog of thousands of entries, each
    written once, loads (a corpus of 3,000 articles has some 30,000 values)."""
    entries = "".join(f"  s{i}.txt:\n    title: Title {i}\n    authors: [A {i}, B {i}]\n    date: 2020-01-01\n" for i in range(4_000))
    (tmp_path / "catalog.yml").write_text("sources:\n" + entries, encoding="utf-8")
    catalog, problems = load_catalog(tmp_path / "catalog.yml", "seeds/catalog.yml")
    assert problems == []
    assert len(catalog.entries) == 4_000


def test_a_registry_alias_bomb_is_an_error_too(tmp_path: Path):
    from build_docs.link.registry import load_registry

    (tmp_path / "entities.yml").write_text("\n".join(LAUGHS) + "\n", encoding="utf-8")
    _, problems = load_registry(tmp_path, "seeds")
    assert [(p.path, p.severity.value) for p in problems] == [("seeds/entities.yml", "error")] and "10,000 values" in problems[0].message


def test_file_names_that_would_act_on_a_terminal_are_printed_escaped_and_still_build(seeds: Path, tmp_path: Path):
    """A file name with an escape sequence, a right-to-left override or a line end: every message stays one line
    that shows them as escapes; the files build."""
    from tests.conftest import run_cli

    for name in ("red\x1b[31m.txt", "a\u202eb.txt", "two\nlines.txt"):
        (seeds / name).write_text("Some Title Here\n\nThe council met in Geneva on Monday.\n", encoding="utf-8")
    done = run_cli("build", "--seeds", seeds, "--docs", tmp_path / "docs")
    assert done.returncode == 0, done.stderr
    assert not re.search("[\x1b\u202e]", done.stderr) and "red\\x1b[31m.txt" in done.stderr and "a\\u202eb.txt" in done.stderr
    assert all(line.startswith((str(seeds), "build_docs:")) for line in done.stderr.splitlines()), done.stderr
