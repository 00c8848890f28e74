"""Witnesses: found, put in reading order and merged; on inline texts, on the seeds, and on real negatives.

The corpus tests read ``../shared/corpora`` (beside the repository, never copied
into it) and are skipped when it is absent.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from build_docs.clean.witness import (
    WITNESS_THRESHOLD,
    containment,
    continuation,
    ends_mid_sentence,
    find_witnesses,
    merge,
    order_by_continuation,
    order_by_witness,
    overlap_cer,
    witness_pairs,
)

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
CORPORA = REPO.parent / "shared" / "corpora"
UN = CORPORA / "un-general-debate"
OCR_PAIRS = CORPORA / "ocr-pairs"
ABSENT = "is absent (../shared/corpora, beside the repository, is not part of it)"
needs_un = pytest.mark.skipif(not UN.is_dir(), reason=f"the UN General Debate corpus {UN} {ABSENT}")
needs_ocr_pairs = pytest.mark.skipif(not OCR_PAIRS.is_dir(), reason=f"the OCR ground-truth pairs {OCR_PAIRS} {ABSENT}")

# An invented article, and another on the same topic: same words, not the same text.
ARTICLE = """\
The river port of Velmora grew up where the old salt road met the water. For three centuries its
merchants shipped grain downstream and brought timber, iron and news back up the valley. When the
railway arrived in 1871, many expected the harbour to die within a generation, but the town council
chose to deepen the channel instead, and the barges kept coming.

The decision was not an easy one. The council had to borrow heavily, and two of its members resigned
in protest rather than sign the loan. Their fears seemed justified when a flood in 1879 filled the new
channel with silt and the work had to begin again. Yet by the end of the century the port handled
more cargo than ever, because the railway brought goods to the quays faster than the roads ever had.

Today the warehouses along the quay have become flats, a museum and a covered market. The last
working crane was restored by volunteers in 2004 and still lifts a boat into the water every spring,
when the town celebrates the opening of the river season with music, food and a long procession of
decorated barges that drift slowly past the old customs house.
"""

SAME_TOPIC = """\
Velmora is a river town whose fortunes have always followed its harbour. Salt, grain and timber made
its merchants rich, and the arrival of the railway in the nineteenth century changed the trade without
ending it. Visitors today come for the museum in the old warehouses, the market on the quay and the
spring festival, when decorated barges drift past the customs house and the restored crane lifts a
boat into the river. Local historians still argue about the council that borrowed to deepen the
channel, and about the flood that nearly ruined the plan.
"""

_OCR_SWAPS = (("rn", "m"), ("e", "c"), ("l", "1"), ("i", "l"), ("h", "b"), ("o", "0"))


def scanned(text: str, every: int = 9) -> str:
    """``text`` with an OCR-style misreading in every ``every``-th word (deterministic)."""
    words = text.split(" ")
    for k in range(0, len(words), every):
        for old, new in _OCR_SWAPS:
            if old in words[k]:
                words[k] = words[k].replace(old, new, 1)
                break
    return " ".join(words)


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def two_columns(lines: list[str]) -> list[str]:
    """The first half of ``lines`` as a left column, the rest as a right one, read across both line by line."""
    half = (len(lines) + 1) // 2
    left, right = lines[:half], lines[half:]
    return [line for row in zip(left, [*right, ""][: len(left)], strict=True) for line in row if line]


def order_quality(text: str, reference: str) -> tuple[float, float]:
    """How well ``text`` follows ``reference``'s order, judged apart from the module's own matching.

    Word pairs (plain lowercase letters and digits) found once in each text
    give a sequence of reference positions in ``text``'s order; returns the
    share of neighbours in increasing order and Kendall's tau of the sequence.
    """

    def pairs(t: str) -> list[str]:
        words = re.findall(r"[a-z0-9]+", t.lower())
        return [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]

    ours, theirs = pairs(text), pairs(reference)
    once = {p for p in ours if ours.count(p) == 1} & {p for p in theirs if theirs.count(p) == 1}
    where = {p: k for k, p in enumerate(theirs)}
    seq = [where[p] for p in ours if p in once]
    rising = sum(b > a for a, b in zip(seq, seq[1:], strict=False)) / (len(seq) - 1)
    concordant = sum(seq[j] > seq[i] for i in range(len(seq)) for j in range(i + 1, len(seq)))
    total = len(seq) * (len(seq) - 1) / 2
    return round(rising, 3), round((2 * concordant - total) / total, 3)


def words_known(*extra: str):
    vocabulary = {w.lower() for w in re.findall(r"[A-Za-z]+", ARTICLE + SAME_TOPIC)} | {w.lower() for w in extra}
    return lambda word: word.lower() in vocabulary


def seed(prefix: str) -> tuple[str, str]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return path.name, path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- detection


def test_an_ocr_copy_is_a_witness_and_a_text_on_the_same_topic_is_not():
    docs = [("clean.txt", ARTICLE), ("scan.txt", scanned(ARTICLE)), ("other.txt", SAME_TOPIC)]
    assert find_witnesses(docs) == [("clean.txt", "scan.txt")]
    assert containment(ARTICLE, scanned(ARTICLE)) > 0.8
    assert containment(ARTICLE, SAME_TOPIC) < 0.1


def test_a_witness_that_covers_only_part_of_the_other_is_found():
    part = scanned(ARTICLE[len(ARTICLE) // 2 :])
    [pair] = witness_pairs([("part.txt", part), ("whole.txt", ARTICLE)])
    assert (pair.first, pair.second) == ("part.txt", "whole.txt")
    assert pair.containment > 0.8
    assert pair.words == len(part.split())


def test_three_copies_make_one_group_and_names_come_sorted():
    docs = [("b", scanned(ARTICLE, 7)), ("c", SAME_TOPIC), ("a", ARTICLE), ("d", scanned(ARTICLE, 5))]
    assert find_witnesses(docs) == [("a", "b", "d")]


def test_two_short_notes_with_the_same_title_are_not_one_article():
    a = "The Same Title Twice\n\nOne article about rivers and the bridges over them."
    b = "The Same Title Twice\n\nAnother article, about railways, written years apart."
    assert containment(a, b) > WITNESS_THRESHOLD  # most of the words are in shared runs ...
    assert find_witnesses([("a.txt", a), ("b.txt", b)]) == []  # ... but far fewer than _MIN_WORDS


def test_containment_is_symmetric_and_short_or_empty_texts_are_no_witnesses():
    assert containment(ARTICLE, scanned(ARTICLE)) == containment(scanned(ARTICLE), ARTICLE)
    assert find_witnesses([("a", ""), ("b", ""), ("c", "one"), ("d", "one")]) == []
    assert containment("", ARTICLE) == 0.0


# --------------------------------------------------------------------------- order by a witness


def test_order_by_witness_unmixes_two_columns():
    lines = textwrap.wrap(" ".join(scanned(ARTICLE).split()), 38)
    mixed = two_columns(lines)
    ordering = order_by_witness(mixed, ARTICLE)
    assert ordering.apply(mixed) == lines
    assert ordering.moved > len(lines) // 3
    assert ordering.anchored == len(lines)
    assert ordering.confidence > 0.7


def test_order_by_witness_leaves_a_text_in_order_alone_and_keeps_an_opening_the_witness_lacks_in_front():
    opening = ["An opening only this", "copy has, then the text:"]
    lines = opening + textwrap.wrap(scanned(ARTICLE), 45)
    ordering = order_by_witness(lines, ARTICLE)
    assert ordering.order == tuple(range(len(lines)))
    assert ordering.moved == 0
    assert ordering.positions[:2] == (None, None)


def test_order_by_witness_places_a_repeated_line_by_its_neighbours():
    reference = "The bell rang twice. " + ARTICLE + " The bell rang twice. That was all."
    lines = [*textwrap.wrap(reference, 40)]
    assert order_by_witness(lines, reference).moved == 0


def test_order_by_witness_places_short_fragments_near_their_neighbours():
    lines = ["The council had to borrow heavily, and two", "resigned", "of its members", "in protest rather than sign the loan."]
    assert order_by_witness(lines, ARTICLE).apply(lines) == [lines[0], lines[2], lines[1], lines[3]]


# --------------------------------------------------------------------------- order by continuation


def test_continuation_scores():
    assert continuation("the inter-", "national treaty") == 2.5
    assert continuation("It ended.", "Then it began") == 1.0
    assert continuation("It ended.", "then it began") == -2.0
    assert continuation("a strong", "sense of duty") > 0.5
    assert continuation("signed the", "of him") < 0
    assert continuation('J"u"rop*', "ihreatened") == 0.0


def test_order_by_continuation_unmixes_two_columns_read_line_by_line():
    lines = textwrap.wrap(" ".join(ARTICLE.split()), 33)
    mixed = two_columns(lines)
    ordering = order_by_continuation(mixed)
    assert ordering.apply(mixed) == lines
    assert ordering.regions == ((0, len(mixed)),)
    assert ordering.anchored == len(mixed)


@pytest.mark.parametrize("width", [30, 33, 36, 40, 45])
def test_order_by_continuation_repairs_what_the_evidence_allows(width):
    # Where line ends give no cue (a rare word pair, no punctuation) a region stops short:
    # measured exact at widths 33 and 45, the first half to three quarters of the lines at 30, 36 and 40.
    lines = textwrap.wrap(" ".join(ARTICLE.split()), width)
    mixed = two_columns(lines)
    result = order_by_continuation(mixed).apply(mixed)
    truth = {line: k for k, line in enumerate(lines)}
    in_order = sum(truth[b] == truth[a] + 1 for a, b in zip(result, result[1:], strict=False)) / (len(lines) - 1)
    assert in_order >= 0.5
    assert (result == lines) == (width in (33, 45))


def test_order_by_continuation_unmixes_blocks_of_two_columns():
    # Blocks give one seam each to judge, so fewer and longer blocks are repaired less often
    # (measured on UN speeches cut into blocks of 2-5 lines: 120 of 281 pages exact, none changed wrongly).
    lines = textwrap.wrap(" ".join(ARTICLE.split()), 38)
    half = len(lines) // 2
    left, right = lines[:half], lines[half : 2 * half]
    mixed: list[str] = []
    for k in range(0, half, 2):
        mixed += [*left[k : k + 2], "", *right[k : k + 2], ""]
    ordering = order_by_continuation(mixed)
    assert [line for line in ordering.apply(mixed) if line] == left + right
    assert ordering.regions == ((0, len(mixed) - 1),)


@pytest.mark.parametrize("width", [28, 40, 55, 70])
def test_order_by_continuation_never_reorders_text_in_order(width):
    texts = [ARTICLE, SAME_TOPIC, seed("000")[1], seed("002")[1], seed("003")[1]]
    for text in texts:
        lines = [line for para in text.split("\n") for line in [*textwrap.wrap(para, width), ""]]
        ordering = order_by_continuation(lines)
        assert ordering.order == tuple(range(len(lines)))
        assert (ordering.moved, ordering.regions) == (0, ())


def test_order_by_continuation_keeps_blank_lines_after_their_line():
    lines = textwrap.wrap(" ".join(ARTICLE.split()), 36)
    mixed = two_columns(lines)
    mixed.insert(3, "")
    result = order_by_continuation(mixed).apply(mixed)
    assert result[result.index(mixed[2]) + 1] == ""


# --------------------------------------------------------------------------- merge

PRIMARY = [
    "from alliance to confrontation, followed by normalization and a partnership.",
    "A steady pace",
    "The goverment signed the treaty in 2001 and the two sides agreed on the border.",
    "Russia still needs time to adjust to a more pow-",
]
KNOWN_ALL = words_known(
    *(w for w in re.findall(r"[A-Za-z]+", " ".join(PRIMARY)) if w != "goverment"),
    *("government", "undergone", "several", "stages", "diplomatic", "establishment", "relations", "alliance", "confrontation", "normalization", "partnership"),
)


def test_merge_keeps_a_lead_in_only_the_secondary_has_and_joins_it_to_a_first_block_that_starts_mid_sentence():
    secondary = (
        "In the last years since the establishment of their diplomatic relations, they have undergone several stages-\n"
        "from alliance to confrontation, followed by normalization and a partnership.\n"
        "steady pace\nThe government signed the treaty in 2001 and the two sides agreed on the border.\n"
        "Russia still needs time to adiust to a more"
    )
    result = merge(PRIMARY, secondary, KNOWN_ALL)
    first = result.blocks[0]
    assert first.primary_index == 0
    assert first.text == (
        "In the last years since the establishment of their diplomatic relations, they have undergone several stages\u2014"
        "from alliance to confrontation, followed by normalization and a partnership."
    )
    assert [b.primary_index for b in result.blocks] == [0, 1, 2, 3]
    assert result.figures.secondary_kept == 16
    assert result.figures.secondary_dropped == 0


def test_merge_keeps_a_lead_in_as_its_own_block_when_the_first_block_starts_a_sentence():
    secondary = "An opening sentence that the primary lost. " + " ".join(PRIMARY[1:])
    result = merge(PRIMARY[1:], secondary, words_known("an", "opening", "sentence", "that", "the", "primary", "lost"))
    assert [(b.primary_index, b.text) for b in result.blocks[:2]] == [(None, "An opening sentence that the primary lost."), (0, "A steady pace")]


def test_merge_takes_a_known_reading_over_an_unknown_one_and_never_the_reverse():
    secondary = " ".join(PRIMARY).replace("goverment", "government").replace("adjust", "adiust")
    result = merge(PRIMARY, secondary, KNOWN_ALL)
    assert result.blocks[2].text == "The government signed the treaty in 2001 and the two sides agreed on the border."
    assert [(r.block, r.primary, r.secondary) for r in result.blocks[2].readings] == [(2, "goverment", "government")]
    assert result.blocks[3].text == PRIMARY[3]  # "adjust" is known: the secondary's "adiust" does not replace it
    assert result.figures.readings == 1
    assert result.figures.aligned == sum(len(p.split()) for p in PRIMARY)
    assert result.figures.primary_only == 0


def test_merge_drops_debris_and_repeats_and_keeps_real_text_in_a_gap_and_at_the_end():
    secondary = (
        f'{PRIMARY[0]} http//www.bjreview.com J"u"rop*"niand ihreatened {PRIMARY[1]} {PRIMARY[2]} '
        "The customs house was closed for the winter and nobody came. "
        f"{PRIMARY[3]} signed the treaty in 2001 and the two sides agreed "
        "Later the town council borrowed heavily to deepen the channel."
    )
    result = merge(PRIMARY, secondary, words_known(*re.findall(r"[A-Za-z]+", " ".join(PRIMARY)), "was", "closed", "for", "winter", "nobody", "came"))
    assert [b.primary_index for b in result.blocks] == [0, 1, 2, None, 3, None]
    assert result.blocks[3].text == "The customs house was closed for the winter and nobody came."
    assert result.blocks[5].text == "Later the town council borrowed heavily to deepen the channel."
    assert "bjreview" not in result.text and "ihreatened" not in result.text
    assert result.dropped == ('http//www.bjreview.com J"u"rop*"niand ihreatened', "signed the treaty in 2001 and the two sides agreed")
    assert (result.figures.secondary_kept, result.figures.secondary_dropped) == (21, 13)


def test_ends_mid_sentence():
    assert ends_mid_sentence("Russia still needs time to adjust to a more pow-")
    assert ends_mid_sentence("and the two sides agreed")
    assert not ends_mid_sentence("It ended.")
    assert not ends_mid_sentence("\u201cIt ended?\u201d")
    result = merge(PRIMARY, " ".join(PRIMARY), KNOWN_ALL)
    assert result.figures.ends_mid_sentence
    assert result.figures.cut_blocks == (3,)
    assert not merge(PRIMARY[:3], " ".join(PRIMARY[:3]), KNOWN_ALL).figures.ends_mid_sentence


# --------------------------------------------------------------------------- overlap CER


def test_overlap_cer_counts_errors_only_where_both_texts_run():
    reference = " ".join(ARTICLE.split())
    assert overlap_cer(reference, reference).cer == 0.0
    one_error = reference.replace("merchants", "merchamts", 1)
    assert overlap_cer(one_error, reference).distance == 1
    part = reference[: len(reference) // 2]
    measured = overlap_cer(part.replace("harbour", "barbour"), reference)
    assert measured.distance == 1
    assert 0.45 < measured.coverage < 0.55
    assert measured.reference_chars == measured.reference_span[1] - measured.reference_span[0]
    assert overlap_cer(SAME_TOPIC, ARTICLE).matched < 0.3
    assert overlap_cer("nothing in common", ARTICLE).cer == 1.0


def test_overlap_cer_treats_line_breaks_as_spaces():
    reference = " ".join(ARTICLE.split())
    assert overlap_cer("\n".join(textwrap.wrap(reference, 30)), reference).cer == 0.0


# --------------------------------------------------------------------------- the seeds


def test_seeds_000_and_001_are_the_only_witnesses():
    docs = [(path.name, path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))]
    assert find_witnesses(docs) == [(seed("000")[0], seed("001")[0])]
    [pair] = witness_pairs(docs)
    assert pair.containment > 0.85  # measured 0.888
    for i, (_, a) in enumerate(docs):
        for _, b in docs[i + 1 :]:
            if {a, b} != {seed("000")[1], seed("001")[1]}:
                assert containment(a, b) < 0.1  # measured at most 0.074


def test_order_by_witness_puts_001_into_000s_order():
    _, reference = seed("000")
    _, scan = seed("001")
    lines = scan.split("\n")
    ordering = order_by_witness(lines, reference)
    before = order_quality(scan, reference)
    after = order_quality("\n".join(ordering.apply(lines)), reference)
    assert before == (0.978, 0.954)  # the second half of the scan mixes two columns
    assert after[0] >= 0.99 and after[1] >= 0.99  # measured (1.0, 1.0)
    assert ordering.anchored >= 130 and ordering.moved >= 30  # measured 138 of 181 lines (the rest blank or debris), 38 moved
    assert ordering.apply(lines)[:2] == [" A", "n the last 65 years since the esiabllshment of their diplomatic relationship,"]


def test_order_by_continuation_does_not_make_001_worse():
    _, reference = seed("000")
    _, scan = seed("001")
    lines = scan.split("\n")
    ordering = order_by_continuation(lines)
    after = order_quality("\n".join(ordering.apply(lines)), reference)
    # 001's columns are mixed in blocks that are themselves out of order and in fragments read
    # right to left, not line by line: continuation alone finds no region it can trust there.
    assert after >= order_quality(scan, reference)
    assert ordering.moved == 0


def test_merge_of_000_and_001_gains_001s_opening():
    _, reference = seed("000")
    _, scan = seed("001")
    blocks = paragraphs(reference)[3:]  # title, deck and author line are the header
    assert blocks[0].startswith("from alliance to confrontation")
    lines = scan.split("\n")
    secondary = "\n".join(order_by_witness(lines, reference).apply(lines))
    result = merge(blocks, secondary, words_known(*re.findall(r"[A-Za-z]+", reference)))
    first = result.blocks[0]
    assert first.primary_index == 0
    assert "the last 65 years since the" in first.text
    assert "relations have undergone several stages\u2014from alliance to confrontation, followed by" in first.text
    assert [b.primary_index for b in result.blocks] == list(range(len(blocks)))  # nothing else is new
    assert "bjreview" not in result.text
    assert result.text.count("mutual understanding and settle differences") == 1
    figures = result.figures
    assert figures.aligned >= 680 and figures.secondary_kept >= 20 and figures.secondary_dropped <= 60  # measured 702, 22, 51
    assert figures.ends_mid_sentence  # the last block is a caption
    assert result.blocks[figures.cut_blocks[0]].text.endswith("to adjust to a more pow-")


def test_overlap_cer_of_001_against_000_drops_when_its_lines_are_put_in_order():
    _, reference = seed("000")
    _, scan = seed("001")
    raw = overlap_cer(scan, reference)
    lines = scan.split("\n")
    ordered = overlap_cer("\n".join(order_by_witness(lines, reference).apply(lines)), reference)
    assert 0.33 < raw.cer < 0.42  # measured 0.377 (OCR errors, columns out of order, captions and a paragraph 001 lacks)
    assert ordered.cer < raw.cer - 0.07  # measured 0.284
    assert raw.coverage > 0.9


# --------------------------------------------------------------------------- real negatives and positives


def speech(name: str) -> str:
    return next(UN.rglob(name)).read_text(encoding="utf-8", errors="replace")


@needs_un
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("CHN_69_2014.txt", "RUS_69_2014.txt"),  # China and Russia, same year
        ("CHN_50_1995.txt", "RUS_50_1995.txt"),
        ("CHN_20_1965.txt", "RUS_20_1965.txt"),  # OCR era
        ("CHN_77_2022.txt", "CHN_78_2023.txt"),  # one country, consecutive years
        ("RUS_68_2013.txt", "RUS_69_2014.txt"),
        ("CHN_45_1990.txt", "CHN_46_1991.txt"),  # the closest of 230 such pairs, 1946-2024
    ],
)
def test_speeches_on_the_same_topic_are_not_witnesses(a, b):
    assert containment(speech(a), speech(b)) < 0.15  # measured at most 0.124 (1990/1991)
    assert find_witnesses([(a, speech(a)), (b, speech(b))]) == []


@needs_un
def test_speeches_that_reuse_whole_paragraphs_stay_below_the_threshold():
    # The closest pair among all 3,000 speeches: about half of the shorter is reused word for word.
    score = containment(speech("STP_74_2019.txt"), speech("STP_76_2021.txt"))
    assert 0.45 < score < WITNESS_THRESHOLD  # measured 0.536


@needs_un
def test_a_corpus_of_speeches_has_no_witnesses_but_the_seed_pair_hidden_in_it():
    docs = [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in sorted((UN / "china-russia-1946-2024").glob("*.txt"))]
    assert len(docs) > 150
    assert find_witnesses(docs) == []
    assert find_witnesses([*docs, seed("000"), seed("001")]) == [(seed("000")[0], seed("001")[0])]


@needs_ocr_pairs
def test_real_ocr_is_found_as_a_witness_of_its_ground_truth():
    rows = [line.split("\t") for line in (OCR_PAIRS / "pairs.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    chosen = [r for r in rows if r[1].startswith("overproof-smh/") and float(r[5]) <= 0.2]
    docs = []
    for r in chosen:
        docs += [(f"{r[1]}#ocr", (OCR_PAIRS / r[2]).read_text(encoding="utf-8", errors="replace"))]
        docs += [(f"{r[1]}#gt", (OCR_PAIRS / r[3]).read_text(encoding="utf-8", errors="replace"))]
    assert len(chosen) > 100
    assert find_witnesses(docs) == sorted((f"{r[1]}#gt", f"{r[1]}#ocr") for r in chosen)
