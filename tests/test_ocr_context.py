"""Correction in context (:mod:`build_docs.clean.ocr.incontext`): made-up sentences where the neighbours
settle a misread word, where they do not, and what it must never touch; the quality gate that keeps it
off clean text; the word-pair model it scores with."""

from __future__ import annotations

import csv
import hashlib
import re
from functools import cache

import pytest

from build_docs.clean.ocr import RULES, Lexicon, repair
from build_docs.clean.ocr.language import attested, log_probability
from build_docs.clean.ocr.lines import repair_lines
from build_docs.clean.ocr.quality import CLEAN_NOISE, Gate, gate
from tests.conftest import REPO

SEEDS = REPO / "seeds"
SCAN = SEEDS / "001_654abdf35d6935f8.txt"
TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")  # the words the cleaning stage counts
#: A badly scanned passage around each test sentence, so that the quality gate lets context act.
NOISE = "Tbe clerk of tlie court and tbe jndge were iu attendance"


@cache
def english() -> Lexicon:
    return Lexicon()


def in_context(text: str, lexicon: Lexicon | None = None) -> list[tuple[str, str]]:
    """The context corrections of ``text`` set in a noisy passage."""
    result = repair(f"{NOISE}. {text}", lexicon or english())
    return [(c.before, c.after) for c in result.corrections if c.rule == "context"]


def test_a_clear_context_settles_a_word_with_several_readings():
    assert ("thel", "the") in in_context("He said thel man was in the room.")
    assert ("froni", "from") in in_context("They came froni the north.")


def test_a_short_word_may_carry_two_confusions_in_a_clear_context():
    assert ("tbo", "the") in in_context("They sailed along tbo coast of the island.")


def test_digit_like_letters_and_fragments_are_left():
    assert in_context("He paid ll in gold and loo dollars in notes.") == []  # 11, 100
    assert in_context("The ing of the song was heard.") == []  # a suffix alone: half of a broken word


def test_a_real_word_error_is_read_where_the_context_is_clear():
    assert ("arc", "are") in in_context("The men arc opposed to the new tax.")
    assert ("tho", "the") in in_context("He went to tho house.")


def test_a_capitalised_word_is_read_only_between_two_clear_neighbours():
    assert ("Tustees", "Trustees") in in_context("The Tustees of the church met.")
    assert in_context("Tustees of the church met.") == []  # one neighbour: likely a name
    assert in_context("He met Tustees at the church, and Tustees of the club.") == []  # a name the text repeats


def test_an_ambiguous_context_leaves_the_word():
    # repay and repeal are one letter from ``repal`` and both follow ``to`` and precede ``the``
    assert in_context("They went to repal the act.") == []


def test_a_correct_real_word_is_left_alone():
    assert in_context("He drew the arc of the circle with a pencil.") == []
    assert in_context("The bird flew to the nest.") == []


def test_a_name_and_a_corpus_word_are_left_alone():
    assert in_context("He met Tolay at noon and Arc in the town.") == []
    assert "Tolay" in repair(f"{NOISE}. He met Tolay at noon.", english()).text
    corpus = Lexicon(["thel", "the"])
    assert in_context("He said thel man was in the room.", corpus) == []


def test_the_reason_is_in_the_report():
    text = f"{NOISE}.\nHe said thel man was in the room."
    _, fixes = repair_lines(list(enumerate(text.split("\n"), start=1)), english())
    assert any(f.line == 2 and f.rule == "context: 'said thel man' \u2192 'said the man'" for f in fixes), fixes


def test_clean_text_is_never_corrected_in_context():
    """Every clean seed (all but the scan) reads as clean, and repair changes none of its words in context."""
    for path in sorted(SEEDS.glob("*.txt")):
        if path == SCAN:
            continue
        text = path.read_text(encoding="utf-8")
        assert not gate(text, english()).on, path.name
        assert not [c for c in repair(text, english()).corrections if c.rule == "context"], path.name


def test_the_gate_scales_the_margin_with_the_noise():
    assert not Gate(CLEAN_NOISE / 2).on
    assert Gate(CLEAN_NOISE).on and not Gate(CLEAN_NOISE).real_words
    assert Gate(CLEAN_NOISE).margin > Gate(0.5).margin
    assert Gate(0.5).real_margin(10**9) > Gate(0.5).real_margin(10**5)
    assert gate(f"{NOISE}.", english()).real_words


def test_the_pair_model_prefers_the_pair_english_uses():
    lexicon = english()
    assert attested("are", "opposed", lexicon) and not attested("arc", "opposed", lexicon)
    assert log_probability(("are",), "men", "opposed", lexicon) > log_probability(("arc",), "men", "opposed", lexicon)


def test_the_corpus_adds_its_own_pairs_in_text_order():
    lexicon = Lexicon(["the", "zorbing", "club", "met", "Zorbing", "of", "the"])
    assert lexicon.pair_count("zorbing", "club") == 1 and attested("zorbing", "club", lexicon)
    assert lexicon.pair_count("met", "zorbing") == 0  # a capital after a lower-case word opens a sentence or a name
    assert lexicon.pair_count("of", "the") == 0 and attested("of", "the", lexicon)  # English has it: not kept twice


OCR_PAIRS = REPO.parent / "shared" / "corpora" / "ocr-pairs"


@pytest.mark.skipif(not (OCR_PAIRS / "pairs.tsv").is_file(), reason=f"OCR corpus not found at {OCR_PAIRS} (CI keeps it beside the repo)")
def test_context_removes_more_errors_and_makes_no_newspaper_worse():
    """The Overproof SMH articles of the tuning half (SHA-256 of the document id, first byte even), as
    ``benchmarks/ocr_eval.py`` reads them: measured 5.2% of the errors removed without context, 8.7% with."""
    from rapidfuzz.distance import Levenshtein

    rules = RULES - {"hyphenation", "split-word"}
    totals = {"without": 0, "with": 0, "raw": 0}
    with (OCR_PAIRS / "pairs.tsv").open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t") if row["set"].startswith("overproof")]
    tuning = [row for row in rows if hashlib.sha256(row["doc"].encode("utf-8")).digest()[0] % 2 == 0]
    assert len(tuning) == 75
    for row in tuning:
        ocr = (OCR_PAIRS / row["ocr_file"]).read_text(encoding="utf-8").removesuffix("\n")
        gt = (OCR_PAIRS / row["gt_file"]).read_text(encoding="utf-8").removesuffix("\n")
        raw = Levenshtein.distance(ocr, gt)
        without = Levenshtein.distance(repair(ocr, english(), rules - {"context"}).text, gt)
        with_context = Levenshtein.distance(repair(ocr, english(), rules).text, gt)
        assert with_context <= raw, row["doc"]
        totals["raw"] += raw
        totals["without"] += without
        totals["with"] += with_context
    gain = (totals["without"] - totals["with"]) / totals["raw"]
    assert gain >= 0.025, totals
