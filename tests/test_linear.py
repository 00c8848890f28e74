"""Work per paragraph that does not grow with the paragraph (issue 13): structural checks, never timings.

``benchmarks/scaling.py`` measures the stages on growing paragraphs and corpora; these tests pin what
made them linear: each check counts work or compares a shortcut with the plain computation it replaces.
"""

from __future__ import annotations

import random
import re
from types import SimpleNamespace

import pytest
from rapidfuzz.distance import Levenshtein

from benchmarks import scaling
from build_docs.clean.article import Article
from build_docs.clean.structure import Block, segment
from build_docs.clean.witness import overlap_cer
from build_docs.extract import dating
from build_docs.extract.sentences import LONGEST, sentence_around
from build_docs.render import related
from build_docs.render.abbreviations import _longest_first
from tests.conftest import REPO

SPEECHES = REPO.parent / "shared" / "corpora" / "un-general-debate" / "sessions-2010-2024"


def test_a_sentence_longer_than_longest_is_quoted_around_what_is_cited():
    text = " ".join(f"word{i}" for i in range(5_000))  # one sentence of 43,890 characters: no full stop
    start = text.index("word2500 ")
    begin, stop = sentence_around(text, start, start + len("word2500"))
    assert begin < start < stop and stop - begin <= LONGEST
    assert text[begin - 1] == " " and text[stop] == " "  # cut between words
    assert sentence_around(text[:LONGEST], 10, 12) == (0, LONGEST)  # up to LONGEST, the whole sentence


def test_a_sentence_with_many_dates_is_read_once_per_clause(monkeypatch):
    """Dating read the tense of a clause once for every date in it: 100 dates in one clause, 100 readings."""
    read: list[str] = []
    tense = dating._tense
    monkeypatch.setattr(dating, "_tense", lambda clause: read.append(clause) or tense(clause))
    text = "The talks went on " + ", ".join(f"in {1900 + i}" for i in range(100)) + "."
    article = Article(id="a", title="A", sources=("a.txt",), blocks=(Block("paragraph", text, 1, anchor="p1"),))
    estimate = dating.estimate_date(article)
    assert estimate is not None and estimate.earliest == 1999
    assert len(read) == 1


def test_related_keys_of_a_crowded_paragraph_are_those_counted_pair_by_pair(monkeypatch):
    rng = random.Random(13)
    keys = [f"{kind}:k{i:02d}" for i, kind in enumerate(rng.choice(("entity", "term")) for _ in range(60))]
    for _ in range(30):
        blocks = {("a", f"p{n}"): [SimpleNamespace(key=rng.choice(keys)) for _ in range(rng.choice((1, 3, 8, 40)))] for n in range(12)}
        links = SimpleNamespace(by_block=blocks)
        monkeypatch.setattr(related, "_CROWDED", 10**9)
        pair_by_pair = related.related(links)  # type: ignore[arg-type]
        monkeypatch.setattr(related, "_CROWDED", 4)
        assert related.related(links) == pair_by_pair  # type: ignore[arg-type]


def test_abbreviations_are_found_as_the_longest_first_alternation_finds_them():
    forms = {"MDG", "MDGs", "U.S.", "US", "G-20", "G-7", "SCO", "R&D", "S"}
    text = "The MDGs and the MDG, the U.S. and US-led G-20 (not G-7x or G-7) R&D; SCOs, SCO. U.S.A"
    alternation = r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f))) + r")\b"
    trie = r"\b(?:" + _longest_first(forms) + r")\b"
    assert [(m.start(), m.group()) for m in re.finditer(trie, text)] == [(m.start(), m.group()) for m in re.finditer(alternation, text)]
    assert _longest_first({"MDG", "MDGs"}) == "MDG(?:s)?"


def test_a_paragraph_broken_at_every_line_is_joined_once():
    lines = [(n, f"line {n} of a text broken by blank lines" if n % 2 else "") for n in range(1, 4_001)]
    [block] = segment(lines)
    assert block.text == " ".join(text for _, text in lines if text)


def test_the_error_rate_of_a_long_witness_is_the_exact_levenshtein_distance():
    words = [f"w{i % 97}x{i % 13}" for i in range(3_000)]
    ocr = " ".join(w.replace("x", "k") if i % 11 == 0 else w for i, w in enumerate(words))
    reference = " ".join(words)
    measured = overlap_cer(ocr, reference)
    assert measured.distance == Levenshtein.distance(ocr, reference) > 0


def test_ratio_is_per_fourfold_input():
    assert scaling.ratio(1.0, 4.0, 4) == pytest.approx(4.0)  # linear
    assert scaling.ratio(1.0, 4.0, 2) == pytest.approx(16.0)  # quadratic, measured over a doubling
    assert scaling.ratio(0.001, 0.004, 4) is None  # too small to tell


@pytest.mark.skipif(not SPEECHES.is_dir(), reason=f"corpus not found: {SPEECHES}")
def test_scaling_shapes_are_one_paragraph(tmp_path):
    """What the benchmark times is what it says: one paragraph of the given size (one article from two
    witnesses for that shape; one heading or paragraph per line pair for the double-spaced one)."""
    from build_docs.clean.cleaner import clean_all
    from build_docs.sources.catalog import load_catalog
    from build_docs.sources.read import read_sources

    for name, shape in scaling.SHAPES.items():
        text = scaling.paragraph(name, scaling.speech_words(SPEECHES.parent, 600, shape.scans), 600)
        assert len(text.split()) == 600
        seeds = scaling.paragraph_seeds(tmp_path / name, name, text)
        catalog, _ = load_catalog(seeds / "catalog.yml", "seeds/catalog.yml")
        docs, problems = read_sources(seeds, catalog, "seeds")
        [article] = clean_all(docs).articles
        assert len(article.sources) == (2 if shape.witnesses else 1) and not problems
        if shape.layout != "double-spaced":
            assert [len(b.text.split()) for b in article.paragraphs] == [600], name


def test_a_paragraph_is_read_for_lines_in_capitals_once_whatever_its_acronyms():
    """Each name starting with an acronym asked whether its line is set in capitals, and each reading ran from the start
    of the line: in a paragraph of one line, the whole paragraph once per acronym."""
    from build_docs.extract.discover import find_all, names

    text = "Talks with NATO Allies went on in Brussels. " * 400 + "\nNATO SUMMIT IN CAPITALS\nNATO Allies met again."
    names._capital_lines.cache_clear()
    find_all(text)
    assert names._capital_lines.cache_info().misses == 1 and names._capital_lines.cache_info().hits >= 400
    for at in (0, text.index("NATO"), text.index("SUMMIT"), text.rindex("NATO"), len(text) - 1):  # as the plain reading says
        line = text[text.rfind("\n", 0, at) + 1 :].split("\n")[0]
        assert names._all_caps_line(text, at) == (any(c.isalpha() for c in line) and not any(c.islower() for c in line))
