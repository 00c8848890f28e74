"""Acronyms the sources spell out in lower case (link/spelled.py): read once for all acronyms, as the regex it replaced read them."""

from __future__ import annotations

from build_docs.link.spelled import spelled_out

TWICE = "Its gross domestic product rose. The gross domestic product fell."


def test_an_acronym_spelled_twice_in_the_same_words_is_spelled_out():
    assert spelled_out([TWICE], {"GDP", "MDG"}) == {"GDP"}
    assert spelled_out([TWICE.split(". ")[0], TWICE.split(". ")[1]], {"GDP"}) == {"GDP"}  # across paragraphs too


def test_once_two_letters_or_two_different_spellings_are_not():
    assert spelled_out(["Its gross domestic product rose."], {"GDP"}) == frozenset()
    assert spelled_out(["an urgent need, an urgent need"], {"UN"}) == frozenset()  # two letters match by chance
    assert spelled_out(["great domestic peace and gross domestic product"], {"GDP"}) == frozenset()


def test_one_connector_may_stand_between_two_words_and_punctuation_only_around_the_run():
    assert spelled_out(["the weapons of mass destruction; weapons of mass destruction"], {"WMD"}) == {"WMD"}
    assert spelled_out(["weapons of the mass destruction, weapons of the mass destruction"], {"WMD"}) == frozenset()
    assert spelled_out(["(gross domestic product) and gross domestic product."], {"GDP"}) == {"GDP"}
    assert spelled_out(["gross, domestic product and gross, domestic product"], {"GDP"}) == frozenset()
    assert spelled_out(["gross domestic product-based and gross domestic product-based"], {"GDP"}) == frozenset()
    assert spelled_out(["gross Domestic product and gross Domestic product"], {"GDP"}) == frozenset()


def test_a_function_word_is_no_word_of_a_spelling():
    assert spelled_out(["rule of law, rule of law"], {"ROL"}) == frozenset()  # "of" stands between, it spells nothing
    assert spelled_out(["rule of law, rule of law"], {"RL"}) == frozenset()  # two letters


def test_many_acronyms_are_looked_for_in_one_reading():
    texts = [f"the {w}alpha {w}beta {w}gamma and the {w}alpha {w}beta {w}gamma" for w in ("x", "y", "z")]
    assert spelled_out(texts, {"XXX", "YYY", "ZZZ", "QQQ"}) == {"XXX", "YYY", "ZZZ"}
