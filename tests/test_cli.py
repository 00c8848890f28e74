"""The command line as a user runs it: exit codes and path:line messages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import REPO, run_cli


def test_build_then_check(fixture_seeds: Path, tmp_path: Path):
    docs = tmp_path / "docs"
    done = run_cli("build", "--seeds", fixture_seeds, "--docs", docs)
    assert done.returncode == 0, done.stderr
    assert "written" in done.stdout and (docs / "index.md").is_file()
    assert run_cli("check", "--seeds", fixture_seeds, "--docs", docs).returncode == 0


def test_check_fails_when_docs_are_stale(fixture_seeds: Path, tmp_path: Path):
    docs = tmp_path / "docs"
    run_cli("build", "--seeds", fixture_seeds, "--docs", docs)
    (fixture_seeds / "alpha.txt").write_text("A Changed Title for Alpha\n\nBody text changed.\n", encoding="utf-8")
    done = run_cli("check", "--seeds", fixture_seeds, "--docs", docs)
    assert done.returncode == 1
    assert f"{docs.as_posix()}/data/articles.json: stale" in done.stderr
    assert "run 'python -m build_docs build'" in done.stderr


def test_errors_are_all_reported_with_path_and_line(fixture_seeds: Path, tmp_path: Path):
    (fixture_seeds / "catalog.yml").write_text("sources:\n  alpha.txt:\n    kind: blog\n    titel: X\n", encoding="utf-8")
    (fixture_seeds / "empty.txt").write_bytes(b"")
    done = run_cli("build", "--seeds", fixture_seeds, "--docs", tmp_path / "docs")
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    catalog = f"{fixture_seeds.as_posix()}/catalog.yml"
    assert f"{catalog}:3: error: 'kind' must be one of web, print, ocr, got 'blog'" in lines
    assert f"{catalog}:4: error: unknown key 'titel' (did you mean 'title'?)" in lines
    assert any(line.startswith(f"{fixture_seeds.as_posix()}/empty.txt:1: warning: empty file") for line in lines)
    assert "left unchanged" in lines[-1]
    assert not (tmp_path / "docs").exists()


def test_warnings_pass_unless_strict(seeds: Path, tmp_path: Path):
    (seeds / "scan.txt").write_text("from the middle of a sentence, with no title line at the top of it.\n", encoding="utf-8")
    done = run_cli("build", "--seeds", seeds, "--docs", tmp_path / "docs")
    assert done.returncode == 0 and "scan.txt:1: warning: no title found" in done.stderr
    strict = run_cli("build", "--strict", "--seeds", seeds, "--docs", tmp_path / "strict")
    assert strict.returncode == 1 and "--strict" in strict.stderr
    assert not (tmp_path / "strict").exists()


def test_bad_usage_exits_2():
    assert run_cli().returncode == 2
    assert run_cli("publish").returncode == 2
    assert run_cli("build", "--bogus").returncode == 2


def test_console_script_is_installed():
    script = shutil.which("build-docs", path=str(Path(__import__("sys").executable).parent))
    assert script is not None, "pip install -e . should install the build-docs command"


def test_relative_paths_from_the_repository(tmp_path: Path):
    done = run_cli("check", cwd=REPO)
    assert done.returncode == 0, "committed docs/ is stale: run 'make build' and commit docs/\n" + done.stderr


def test_clean_prints_the_cleaned_text_of_one_file():
    done = run_cli("clean", "seeds/002_7bf913d7a1c1c461.txt")
    assert done.returncode == 0, done.stderr
    paragraphs = done.stdout.rstrip("\n").split("\n\n")
    assert paragraphs[0].startswith("Among the sets of major power relationships")
    assert "You might also like" not in done.stdout and "Language :" not in done.stdout


def test_clean_json_has_metadata_structure_and_corrections():
    import json

    done = run_cli("clean", "seeds/001_654abdf35d6935f8.txt", "--kind", "ocr", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["metadata"]["kind"] == "ocr"
    assert {b["kind"] for b in data["blocks"]} >= {"paragraph"}
    fixed = {(c["before"], c["after"]) for c in data["corrections"]}
    assert ("esiabllshment", "establishment") in fixed and ("201 3", "2013") in fixed
    assert all(c["line"] >= 1 and c["anchor"].startswith("p") for c in data["corrections"] if c["anchor"])
    assert any(r["reason"] == "link" for r in data["removed"])


def test_clean_reports_a_missing_file_and_a_bad_kind():
    assert run_cli("clean", "seeds/nope.txt").returncode == 2
    assert run_cli("clean", "seeds/002_7bf913d7a1c1c461.txt", "--kind", "scroll").returncode == 2


EXTRACT_TEXT = """Talks In Astana

The Collective Security Treaty Organization (CSTO) met in Astana.
Foreign Minister Ingrid Vallhaugen said the CSTO would meet again; Vallhaugen left on Monday.
"""


def test_extract_prints_terms_entities_and_mentions_with_offsets(tmp_path: Path):
    source = tmp_path / "talks.txt"
    source.write_bytes(EXTRACT_TEXT.replace("\n", "\r\n").encode("utf-8"))  # offsets are into the text as Python reads it
    done = run_cli("extract", source, "--json", "--date", "2019-05-02", "--seeds", tmp_path / "no-registry")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    text = source.read_text(encoding="utf-8")
    assert result["date"] == "2019-05-02"
    [term] = result["terms"]
    assert (term["term"], term["expansion"]) == ("CSTO", "Collective Security Treaty Organization")
    assert text[term["start"] : term["end"]] == term["text"] == "Collective Security Treaty Organization (CSTO)"
    assert {e["name"] for e in result["entities"]} >= {"Collective Security Treaty Organization", "Ingrid Vallhaugen", "Astana"}
    for mention in result["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    people = [m["text"] for m in result["mentions"] if m["key"] == "entity:ingrid-vallhaugen"]
    assert people == ["Ingrid Vallhaugen", "Vallhaugen"]
    plain = run_cli("extract", source)
    assert plain.returncode == 0 and "CSTO = Collective Security Treaty Organization" in plain.stdout


def test_extract_uses_the_registry_and_reports_bad_input(tmp_path: Path):
    source = tmp_path / "talks.txt"
    source.write_text(EXTRACT_TEXT, encoding="utf-8")
    registry = tmp_path / "seeds"
    registry.mkdir()
    (registry / "entities.yml").write_text("entities:\n  astana:\n    name: Nur-Sultan\n    kind: place\n    aliases: [Astana]\n", encoding="utf-8")
    done = run_cli("extract", source, "--json", "--seeds", registry)
    assert done.returncode == 0, done.stderr
    assert [e["origin"] for e in json.loads(done.stdout)["entities"] if e["id"] == "astana"] == ["registry"]
    assert run_cli("extract", tmp_path / "missing.txt").returncode == 2
    bad = run_cli("extract", source, "--date", "May 2019")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
    (registry / "entities.yml").write_text("entities:\n  astana:\n    name: Nur-Sultan\n    kind: town\n", encoding="utf-8")
    broken = run_cli("extract", source, "--seeds", registry)
    assert broken.returncode == 1 and "entities.yml:2: error:" in broken.stderr


def test_extract_lists_dates_with_offsets_and_resolves_relative_ones(tmp_path: Path):
    source = tmp_path / "trade.txt"
    source.write_text(
        "Trade Notes\n\nIn 2017, bilateral trade reached $84.071 billion, with a 20.8 percent growth.\n"
        "For the first 9 months last year, investment grew. The S-400 deal was signed on March 3, 2016.\n",
        encoding="utf-8",
    )
    done = run_cli("extract", source, "--date", "2018-06-07", "--json")
    assert done.returncode == 0, done.stderr
    dates = json.loads(done.stdout)["dates"]
    text = source.read_text(encoding="utf-8")
    for date in dates:
        assert text[date["start"] : date["end"]] == date["text"]
    values = {d["text"]: d["value"] for d in dates}
    assert values["2017"] == "2017" and values["March 3, 2016"] == "2016-03-03"
    assert [d["value"] for d in dates if "last year" in d["text"]] == ["2017"]
    assert not [d for d in dates if any(x in d["text"] for x in ("84", "20.8", "400"))]
