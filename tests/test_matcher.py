"""Alias matching: word boundaries, case, plurals, whitespace, overlaps, offsets, real speeches."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from build_docs.link.matcher import Hit, Matcher, case_sensitive, variants
from tests.conftest import REPO

SPEECHES = REPO.parent / "shared" / "corpora" / "un-general-debate" / "sessions-2010-2024"


def found(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    """(surface, key) of each hit, checking that every hit indexes the text."""
    hits = matcher.find(text)
    for hit in hits:
        assert text[hit.start : hit.end] == hit.surface
    return [(hit.surface, hit.key) for hit in hits]


def test_never_inside_a_word():
    matcher = Matcher([("Xi", "xi"), ("xi", "xi-term"), ("peace", "peace")])
    assert found(matcher, "Two taxis left Xinhua; peaceful, peacekeeping.") == []
    assert found(matcher, "Xi spoke. Then xi, a letter. Peace.") == [("Xi", "xi"), ("xi", "xi-term"), ("Peace", "peace")]


def test_single_word_with_a_capital_is_case_sensitive():
    assert case_sensitive("SCO") and case_sensitive("Xi") and case_sensitive("China-Russia")
    assert not case_sensitive("Shanghai Cooperation Organization") and not case_sensitive("multilateralism")
    matcher = Matcher([("SCO", "sco"), ("Xi", "xi"), ("GLONASS", "glonass")])
    assert found(matcher, "the sco and Sco, xi and XI, Glonass") == []
    assert found(matcher, "the SCO, Xi and GLONASS") == [("SCO", "sco"), ("Xi", "xi"), ("GLONASS", "glonass")]


def test_multi_word_and_lowercase_aliases_match_in_any_case():
    matcher = Matcher(
        [
            ("Shanghai Cooperation Organization", "sco"),
            ("comprehensive strategic partnership of coordination", "csp"),
            ("multilateralism", "multilateralism"),
        ]
    )
    text = "the shanghai cooperation organization. Comprehensive strategic partnership of coordination. Multilateralism and MULTILATERALISM."
    assert [key for _, key in found(matcher, text)] == ["sco", "csp", "multilateralism", "multilateralism"]


def test_exact_case_alias_wins_over_a_case_insensitive_one():
    matcher = Matcher([("SCO", "organisation"), ("sco", "term")])
    assert found(matcher, "SCO, Sco, sco") == [("SCO", "organisation"), ("Sco", "term"), ("sco", "term")]
    assert matcher.ambiguous == {}


def test_plural_variants():
    assert variants("MDG") == ("MDG", "MDGs")
    assert variants("BRICS") == ("BRICS",)
    assert variants("joint statement") == ("joint statement", "joint statements")
    assert variants("partnership of coordination") == ("partnership of coordination", "partnerships of coordination")
    assert variants("crisis") == ("crisis", "crises")
    assert variants("Putin") == ("Putin",)
    assert variants("Vladimir Putin") == ("Vladimir Putin",)
    assert variants("Shanghai Cooperation Organization") == ("Shanghai Cooperation Organization",)
    assert variants("sanctions") == ("sanctions",)  # not "sanctionss"
    assert variants("  joint \n statement ") == ("joint statement", "joint statements")
    assert variants(" ") == ()


def test_plurals_are_found_and_reported_under_the_registered_alias():
    matcher = Matcher([("MDG", "mdg"), ("joint statement", "js"), ("crisis", "crisis"), ("Putin", "putin")])
    hits = matcher.find("the MDGs, two Joint statements, three crises and no Putins")
    assert [(hit.surface, hit.alias) for hit in hits] == [("MDGs", "MDG"), ("Joint statements", "joint statement"), ("crises", "crisis")]


def test_possessive_and_hyphenated_words():
    matcher = Matcher([("Putin", "putin"), ("China", "china"), ("Russia", "russia")])
    assert found(matcher, "Putin’s visit and Putin's aide") == [("Putin", "putin"), ("Putin", "putin")]
    assert found(matcher, "China-Russia relations; Sino-Russian; Russian") == [("China", "china"), ("Russia", "russia")]


def test_whitespace_runs_and_line_breaks_inside_an_alias():
    matcher = Matcher([("Shanghai  Cooperation\tOrganization", "sco"), ("Xi", "xi")])
    text = "the Shanghai Cooperation \nOrganization and  \n\n the Shanghai\tCooperation\nOrganization, then  Xi"
    hits = matcher.find(text)
    assert [hit.surface for hit in hits] == ["Shanghai Cooperation \nOrganization", "Shanghai\tCooperation\nOrganization", "Xi"]
    assert all(text[hit.start : hit.end] == hit.surface for hit in hits)
    assert hits[0].alias == "Shanghai Cooperation Organization"
    assert hits[2].start == len(text) - 2


def test_cjk_alias_needs_no_boundary_on_its_cjk_sides():
    matcher = Matcher([("习近平", "xi"), ("普京", "putin"), ("SCO", "sco"), ("上海合作组织", "sco-zh")])
    text = "国家主席习近平主席与普京总统在上海合作组织峰会上。在SCO峰会"
    assert found(matcher, text) == [("习近平", "xi"), ("普京", "putin"), ("上海合作组织", "sco-zh"), ("SCO", "sco")]
    assert found(matcher, "xSCO SCOx 2SCO") == []


def test_leftmost_longest():
    matcher = Matcher([("Xi", "xi"), ("Xi Jinping", "xi-jinping"), ("Shanghai Cooperation", "a"), ("Cooperation Organization", "b")])
    assert found(matcher, "Xi Jinping and Xi") == [("Xi Jinping", "xi-jinping"), ("Xi", "xi")]
    # Leftmost first, even when a later overlapping match is as long.
    assert found(matcher, "the Shanghai Cooperation Organization") == [("Shanghai Cooperation", "a")]


def test_nested_gives_the_matches_a_hit_holds_but_not_those_it_only_overlaps():
    matcher = Matcher([("Paris", "paris"), ("University of Paris", "up"), ("Shanghai Cooperation", "a"), ("Cooperation Organization", "b")])
    hits, inner = matcher.nested("the University of\nParis and Paris; the Shanghai Cooperation Organization")
    assert [(h.surface, h.key) for h in hits] == [("University of\nParis", "up"), ("Paris", "paris"), ("Shanghai Cooperation", "a")]
    assert [(h.surface, h.key, h.start) for h in inner] == [("Paris", "paris", 18)]
    assert matcher.find("the University of Paris") == matcher.nested("the University of Paris")[0]


def test_ambiguous_alias_is_dropped_and_reported():
    matcher = Matcher([("Georgia", "country"), ("Georgia", "us-state"), ("Georgia", "country"), ("Tbilisi", "capital")])
    assert matcher.ambiguous == {"Georgia": ("country", "us-state")}
    assert found(matcher, "Georgia and Tbilisi") == [("Tbilisi", "capital")]


def test_aliases_equal_once_case_is_folded_are_ambiguous():
    matcher = Matcher([("Belt and Road", "initiative"), ("belt and road", "slogan"), ("Silk Road", "road")])
    assert matcher.ambiguous == {"Belt and Road": ("initiative", "slogan"), "belt and road": ("initiative", "slogan")}
    assert found(matcher, "the Belt and Road, the Silk Road") == [("Silk Road", "road")]


def test_a_registered_alias_beats_another_alias_plural():
    matcher = Matcher([("crisis", "one-crisis"), ("crises", "crises-page")])
    assert found(matcher, "a crisis, two crises") == [("crisis", "one-crisis"), ("crises", "crises-page")]
    assert matcher.ambiguous == {}


def test_offsets_index_the_original_text_after_a_character_that_lowercases_longer():
    assert len("İ".lower()) == 2
    matcher = Matcher([("shanghai cooperation organization", "sco"), ("Xi", "xi")])
    text = "İİstanbul İ: the Shanghai  Cooperation Organization, Xi"
    hits = matcher.find(text)
    assert [(hit.start, hit.surface) for hit in hits] == [(17, "Shanghai  Cooperation Organization"), (53, "Xi")]
    assert all(text[hit.start : hit.end] == hit.surface for hit in hits)


def test_blank_aliases_are_ignored_and_an_empty_matcher_finds_nothing():
    assert Matcher([]).find("anything") == []
    assert Matcher([(" \n", "blank")]).find("anything at all") == []


def test_deterministic_and_reusable():
    pairs = [("joint statement", "js"), ("Xi", "xi"), ("Xi Jinping", "xj"), ("SCO", "sco"), ("MDG", "mdg")]
    texts = ["Xi Jinping signed joint statements on the SCO.", "MDGs and Xi", ""]
    first, second = Matcher(pairs), Matcher(list(reversed(pairs)))
    assert [first.find(text) for text in texts] == [second.find(text) for text in texts] == [first.find(text) for text in texts]
    assert first.find(texts[1]) == [Hit(0, 4, "mdg", "MDG", "MDGs"), Hit(9, 11, "xi", "Xi", "Xi")]


# --- a real speech, against a brute-force reference --------------------------------


def speeches(count: int) -> list[str]:
    if not SPEECHES.is_dir():
        pytest.skip(f"corpus not found: {SPEECHES}")
    return [path.read_text(encoding="utf-8", errors="replace") for path in sorted(SPEECHES.rglob("*.txt"))[:count]]


def corpus_aliases(texts: list[str], bigrams: int, acronyms: int) -> list[str]:
    """The most frequent capitalised bigrams and acronyms of ``texts``."""
    pairs: Counter[str] = Counter()
    shorts: Counter[str] = Counter()
    for text in texts:
        pairs.update(f"{a} {b}" for a, b in re.findall(r"\b([A-Z][a-z]+)\s+(?=([A-Z][a-z]+)\b)", text))
        shorts.update(re.findall(r"\b[A-Z]{2,6}\b", text))
    return [alias for alias, _ in pairs.most_common(bigrams)] + [alias for alias, _ in shorts.most_common(acronyms)]


def reference(aliases: list[str], text: str) -> list[tuple[int, int, str]]:
    """Leftmost-longest matches of every variant by one regex per variant: slow, obviously right."""
    candidates = []
    for alias in aliases:
        flags = 0 if case_sensitive(alias) else re.IGNORECASE
        for form in variants(alias):
            pattern = r"(?<![^\W_])" + r"\s+".join(map(re.escape, form.split(" "))) + r"(?![^\W_])"
            candidates += [(m.start(), m.end(), alias) for m in re.finditer(pattern, text, flags)]
    chosen, reached = [], 0
    for start, end, alias in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if start >= reached:
            chosen.append((start, end, alias))
            reached = end
    return chosen


def test_a_real_speech_with_a_thousand_corpus_aliases():
    texts = speeches(150)
    aliases = corpus_aliases(texts, bigrams=920, acronyms=80)
    assert len(aliases) == 1000
    matcher = Matcher((alias, alias) for alias in aliases)
    assert matcher.ambiguous == {}
    for text in texts[:3]:
        hits = matcher.find(text)
        assert len(hits) > 50
        assert all(text[hit.start : hit.end] == hit.surface for hit in hits)
        assert all(a.end <= b.start for a, b in zip(hits, hits[1:], strict=False))
        assert any("\n" in hit.surface for hit in hits)  # the PDF line breaks are crossed
        assert [(hit.start, hit.end, hit.alias) for hit in hits] == reference(aliases, text)
