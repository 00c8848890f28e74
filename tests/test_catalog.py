"""seeds/catalog.yml: validated up front, every problem with its line."""

from __future__ import annotations

from pathlib import Path

from build_docs.sources.catalog import load_catalog


def load(tmp_path: Path, text: str):
    path = tmp_path / "catalog.yml"
    path.write_text(text, encoding="utf-8")
    return load_catalog(path, "seeds/catalog.yml")


def test_missing_or_empty_catalog_is_fine(tmp_path: Path):
    assert load_catalog(tmp_path / "nope.yml", "x")[0].entries == {}
    catalog, problems = load(tmp_path, "# nothing yet\n")
    assert catalog.entries == {} and problems == []
    catalog, problems = load(tmp_path, "sources:\n")
    assert catalog.entries == {} and problems == []


def test_entries_are_read_with_their_types(tmp_path: Path):
    catalog, problems = load(
        tmp_path,
        "sources:\n  a.txt:\n    title: T\n    authors: Solo Author\n    date: 2018-06-07\n    kind: web\n  b.txt:\n    date: 2014\n    authors: [X, Y]\n",
    )
    assert problems == []
    a, b = catalog.get("a.txt"), catalog.get("b.txt")
    assert (a.title, a.authors, a.date, a.kind, a.line) == ("T", ("Solo Author",), "2018-06-07", "web", 3)
    assert (b.date, b.authors) == ("2014", ("X", "Y"))


def test_malformed_yaml_names_file_and_line(tmp_path: Path):
    _, problems = load(tmp_path, "sources:\n  a.txt:\n    title: [unclosed\n    kind: web\n")
    assert len(problems) == 1
    assert problems[0].path == "seeds/catalog.yml" and problems[0].line in (3, 4)
    assert "malformed YAML" in problems[0].message


def test_unknown_key_suggests_the_right_one(tmp_path: Path):
    _, problems = load(tmp_path, "sources:\n  a.txt:\n    title: T\n    auhtor: X\n")
    assert [(p.line, p.message) for p in problems] == [(4, "unknown key 'auhtor' (did you mean 'authors'?)")]


def test_bad_values_are_each_reported(tmp_path: Path):
    _, problems = load(
        tmp_path,
        "sources:\n  a.txt:\n    date: June 2018\n    kind: blog\n    id: Not A Slug\n    authors: [1, 2]\n",
    )
    assert [p.line for p in problems] == [3, 4, 5, 6]
    assert "YYYY" in problems[0].message and "web, print, ocr" in problems[1].message


def test_duplicate_entries_are_errors(tmp_path: Path):
    _, problems = load(tmp_path, "sources:\n  a.txt:\n    title: One\n  a.txt:\n    title: Two\n")
    assert [(p.line, "duplicate key" in p.message) for p in problems] == [(4, True)]


def test_wrong_shapes_are_reported(tmp_path: Path):
    _, problems = load(tmp_path, "- a\n- b\n")
    assert problems and "mapping" in problems[0].message
    _, problems = load(tmp_path, "source:\n  a.txt: {}\n")
    assert problems and "unknown top-level key 'source'" in problems[0].message


def test_a_kept_catalog_is_read_back_for_the_same_bytes_only(tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    """With kept results, the catalog (and what was said of it) is read back while its bytes stay the same."""
    from build_docs.results import Kept
    from build_docs.sources import catalog as module

    kept = Kept(tmp_path / "results")
    path = tmp_path / "catalog.yml"
    path.write_text("sources:\n  a.txt:\n    title: T\n    colour: red\n", encoding="utf-8")
    first = load_catalog(path, "seeds/catalog.yml", kept)
    assert first[0].get("a.txt").title == "T" and [p.line for p in first[1]] == [4]  # type: ignore[union-attr]
    parsed: list[Path] = []
    real = module._load_catalog
    monkeypatch.setattr(module, "_load_catalog", lambda p, shown: parsed.append(p) or real(p, shown))
    assert load_catalog(path, "seeds/catalog.yml", kept) == first and parsed == []
    path.write_text("sources:\n  a.txt:\n    title: U\n", encoding="utf-8")
    again, problems = load_catalog(path, "seeds/catalog.yml", kept)
    assert parsed == [path] and again.get("a.txt").title == "U" and problems == []  # type: ignore[union-attr]
