"""A folder of articles with no catalog builds (issue 12): what a title is not, titles from file
names, one summary warning instead of one per file, and derived page names that clash made
unique from the file names."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from build_docs.clean.titles import not_a_title, title_from_file_name
from build_docs.extract.index import from_file_name
from tests.conftest import REPO, run_cli

SPEECHES = REPO.parent / "shared" / "corpora" / "un-general-debate" / "sessions-2010-2024"

CORPUS = {
    # a salutation on its own line, then the speech
    "ARG_72_2017.txt": "Mr. President, Excellencies, Ladies and Gentlemen,\n\n"
    "It is an honour to address this Assembly. Argentina and Russia agreed on trade in 2017.\n",
    # a salutation opening a hard-wrapped first paragraph
    "KEN_72_2017.txt": "Ladies and gentlemen,\nallow me first to congratulate you on your election.\n"
    "Kenya stands ready to work with every delegation here.\n",
    # a dateline on its own line; a Jekyll date in the file name
    "2022-06-22-china-russia-ties.md": "BEIJING, June 5 (Xinhua) --\n\n"
    "China and Russia signed an agreement on energy cooperation on Tuesday. Russia will supply gas to China.\n",
    # a line shaped like a title that is the first line of a wrapped sentence
    "VCT_65_2010.txt": "Saint Vincent and the Grenadines\nwelcomes, Sir, your ascension to the presidency of the\n"
    "General Assembly at its sixty-fifth session with a great deal of anticipation.\n",
    # two files whose titles, found in the text, make one page name
    "joint_a.txt": "Joint Statement on Trade\n\nThe two sides agreed to expand trade in 2019.\n",
    "joint_b.txt": "Joint Statement on Trade\n\nThe two sides agreed to expand investment in 2020.\n",
    # an article with a real title, which must keep it
    "zeta.txt": "Rivers and Railways Along a Long Border\n\nThe railway bridge over the Amur opened in 2019.\n",
}


def write(seeds: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (seeds / name).write_text(text, encoding="utf-8")


def page(docs: Path, name: str) -> str:
    return (docs / "articles" / f"{name}.md").read_text(encoding="utf-8")


def test_a_corpus_with_no_catalog_builds(seeds: Path, tmp_path: Path):
    write(seeds, CORPUS)
    docs = tmp_path / "docs"
    done = run_cli("build", "--seeds", seeds, "--docs", docs)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if ": warning: " in line]
    assert "no title found in the text; add" not in done.stderr  # no per-file title warning
    summary = [line for line in warnings if "titles are made from their file names" in line]
    assert len(summary) == 1 and "of 4 articles" in summary[0] and summary[0].startswith(f"{seeds.as_posix()}/catalog.yml: warning:")
    clash = [line for line in warnings if "both make the page name 'articles/joint-statement-on-trade/'" in line]
    assert len(clash) == 1 and "joint_a.txt" in clash[0] and "joint_b.txt" in clash[0]
    assert len(warnings) == 2, warnings

    titles = {
        "arg-72-2017": "ARG 72 2017",
        "ken-72-2017": "KEN 72 2017",
        "2022-06-22-china-russia-ties": "China Russia ties",  # no Jekyll date; capitals as the corpus writes the words
        "vct-65-2010": "VCT 65 2010",
        "joint-statement-on-trade-joint-a": "Joint Statement on Trade",
        "joint-statement-on-trade-joint-b": "Joint Statement on Trade",
        "rivers-and-railways-along-a-long-border": "Rivers and Railways Along a Long Border",
    }
    assert sorted(p.stem for p in (docs / "articles").glob("*.md") if p.stem != "index") == sorted(titles)
    for name, title in titles.items():
        assert f"\n# {title}\n" in page(docs, name), name
    note = "(from the file name: the text has none)"
    assert note in page(docs, "arg-72-2017") and note not in page(docs, "joint-statement-on-trade-joint-a")

    # the lines that were no title stay in the text, as text
    assert "} Mr. President, Excellencies, Ladies and Gentlemen,\n" in page(docs, "arg-72-2017")
    assert "} Ladies and gentlemen, allow me first to congratulate you" in page(docs, "ken-72-2017")
    dateline = page(docs, "2022-06-22-china-russia-ties").split("} BEIJING, June 5 \\(", 1)[1].split("\n", 1)[0]
    assert dateline.endswith("\\) --") and "Xinhua" in dateline  # kept as text (its one name may link to its page)
    first = next(line for line in page(docs, "vct-65-2010").splitlines() if line.startswith("[1](#p1)"))
    assert "Saint Vincent and the Grenadines" in first and "welcomes, Sir, your ascension" in first  # one paragraph
    report = (docs / "reports" / "arg-72-2017.md").read_text(encoding="utf-8")
    assert "is made from the file name" in report and "Lines kept in the text" in report and "a salutation" in report
    # a Markdown post's structure is its format's: no line is guessed to be a title, and its file name dates it
    assert "- **Date:** 22 June 2022" in page(docs, "2022-06-22-china-russia-ties")
    assert "is made from the file name" not in (docs / "reports" / "rivers-and-railways-along-a-long-border.md").read_text(encoding="utf-8")


def test_clashing_derived_names_do_not_depend_on_other_files(seeds: Path, tmp_path: Path):
    """Page names come from file names, not from the order of files: a file sorting first changes nothing."""
    write(seeds, {name: CORPUS[name] for name in ("joint_a.txt", "joint_b.txt", "zeta.txt")})
    assert run_cli("build", "--seeds", seeds, "--docs", tmp_path / "before").returncode == 0
    write(seeds, {"000_first.txt": CORPUS["joint_a.txt"].replace("2019", "2018")})
    done = run_cli("build", "--seeds", seeds, "--docs", tmp_path / "after")
    assert done.returncode == 0, done.stderr
    before = {p.name for p in (tmp_path / "before" / "articles").glob("*.md")}
    after = {p.name for p in (tmp_path / "after" / "articles").glob("*.md")}
    assert after == before | {"joint-statement-on-trade-000-first.md"}
    assert sum("both make the page name" in line for line in done.stderr.splitlines()) == 3  # one per pair


def test_a_given_name_wins_over_a_derived_one_and_two_given_names_are_an_error(seeds: Path, tmp_path: Path):
    write(seeds, {name: CORPUS[name] for name in ("joint_a.txt", "joint_b.txt")})
    (seeds / "catalog.yml").write_text("sources:\n  joint_b.txt:\n    title: Joint Statement on Trade\n", encoding="utf-8")
    done = run_cli("build", "--seeds", seeds, "--docs", tmp_path / "docs")
    assert done.returncode == 0, done.stderr
    assert {p.stem for p in (tmp_path / "docs" / "articles").glob("*.md")} == {"index", "joint-statement-on-trade", "joint-statement-on-trade-joint-a"}
    assert "2015" not in page(tmp_path / "docs", "joint-statement-on-trade") and "2020" in page(tmp_path / "docs", "joint-statement-on-trade")

    (seeds / "catalog.yml").write_text("sources:\n  joint_a.txt:\n    id: joint\n  joint_b.txt:\n    id: joint\n", encoding="utf-8")
    done = run_cli("build", "--seeds", seeds, "--docs", tmp_path / "again")
    assert done.returncode == 1 and "error: page name 'articles/joint/' is already taken" in done.stderr


@pytest.mark.parametrize(
    ("lines", "why"),
    [
        (["Ladies and gentlemen,", "It is an honour."], "a salutation"),
        (["Mr. President, Excellencies, Ladies and Gentlemen", "It is an honour."], "a salutation"),
        (["Excellencies", "It is an honour."], "a salutation"),
        (["Mr. President, It Is An Honour To Be Here", "Today."], "the opening of a speech (a salutation)"),
        (["BEIJING, June 5 (Xinhua) --", "China and Russia met."], "a dateline"),
        (["MOSCOW (Reuters) - Russia Says Talks Went Well"], "a dateline"),
        (["Allow me, Sir, to", "congratulate you."], "a sentence fragment (it ends with 'to')"),
        (["The Road Ahead:", "Body."], "a sentence fragment (it ends with a comma, colon or dash)"),
        (["the Chair of the Presidency of Bosnia", "Body."], "a sentence fragment (it starts in lower case)"),
        (["Saint Vincent and the Grenadines", "welcomes, Sir, your election."], "the first line of a sentence that goes on"),
        (["South Sudan as the 193rd Member of the United", "Nations. I commend the referendum."], "the first line of a sentence that goes on"),
    ],
)
def test_lines_shaped_like_titles_that_are_none(lines: list[str], why: str):
    assert not_a_title(list(enumerate(lines, start=1)), 0) == why


@pytest.mark.parametrize(
    "lines",
    [
        ["An Evolving Partnership", "", "Body."],
        ["Present and Future Sino-Russian Cooperation", "The deck says more than the title"],
        ["Who Is Who", "", "Body."],
        ["Sir Alex Ferguson Retires", "", "Body."],
        ["Mr. Xi Goes to Moscow", "Mr. Putin welcomed him."],
        ["What to Make of Deepening China-Russia Relations?", "", "Body."],
    ],
)
def test_titles_stay_titles(lines: list[str]):
    filled = [(no, text) for no, text in enumerate(lines, start=1) if text]
    assert not_a_title(filled, 0) == ""


def test_titles_from_file_names():
    assert title_from_file_name("ARG_72_2017.txt") == "ARG 72 2017"
    assert title_from_file_name("2022-06-22-china-russia-ties.md") == "China russia ties"  # no capitals invented
    assert title_from_file_name("2022-06-22-china-russia-ties.md", {"china": "China", "russia": "Russia"}) == "China Russia ties"
    assert title_from_file_name("001_scan.txt") == "001 scan"
    assert title_from_file_name("2022-06-22.txt") == "2022 06 22"  # a date is all the name says


def test_page_names_from_file_names():
    assert from_file_name("joint-statement", "007_abc.txt") == "joint-statement-007-abc"
    assert from_file_name("china-russia-ties", "2022-06-22-china-russia-ties.md") == "2022-06-22-china-russia-ties"
    assert from_file_name("x", "x.md") == "x-md"


def test_un_speeches_with_no_catalog_build(tmp_path: Path):
    """30 real speeches, no catalog: exit 0, one summary line for the titles (300: benchmarks/bench.py --no-catalog)."""
    if not SPEECHES.is_dir():
        pytest.skip(f"corpus not found: {SPEECHES}")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted(SPEECHES.rglob("*.txt"))[:30]:
        shutil.copyfile(path, seeds / path.name)
    start = time.perf_counter()
    done = run_cli("build", "--seeds", seeds, "--docs", tmp_path / "docs")
    assert done.returncode == 0, done.stderr
    assert time.perf_counter() - start < 60
    warnings = [line for line in done.stderr.splitlines() if ": warning: " in line]
    assert len([w for w in warnings if "made from their file names" in w]) == 1
    assert not any("no title found in the text;" in w for w in warnings), warnings
    assert len(list((tmp_path / "docs" / "articles").glob("*.md"))) == 31
