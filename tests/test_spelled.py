"""Acronyms the sources spell out in lower case (link/spelled.py): read once for all acronyms, as the regex it replaced read them."""

from __future__ import annotations

from build_docs.link.spelled import Runs, lowercase_runs, spelled_out


def spelled(texts: list[str], wanted: set[str]) -> frozenset[str]:
    """What ``texts``, one article each, spell out of ``wanted``."""
    return spelled_out([lowercase_runs([text]) for text in texts], wanted)


TWICE = "Its gross domestic product rose. The gross domestic product fell."


def test_an_acronym_spelled_twice_in_the_same_words_is_spelled_out():
    assert spelled([TWICE], {"GDP", "MDG"}) == {"GDP"}
    assert spelled([TWICE.split(". ")[0], TWICE.split(". ")[1]], {"GDP"}) == {"GDP"}  # across paragraphs too


def test_once_two_letters_or_two_different_spellings_are_not():
    assert spelled(["Its gross domestic product rose."], {"GDP"}) == frozenset()
    assert spelled(["an urgent need, an urgent need"], {"UN"}) == frozenset()  # two letters match by chance
    assert spelled(["great domestic peace and gross domestic product"], {"GDP"}) == frozenset()


def test_one_connector_may_stand_between_two_words_and_punctuation_only_around_the_run():
    assert spelled(["the weapons of mass destruction; weapons of mass destruction"], {"WMD"}) == {"WMD"}
    assert spelled(["weapons of the mass destruction, weapons of the mass destruction"], {"WMD"}) == frozenset()
    assert spelled(["(gross domestic product) and gross domestic product."], {"GDP"}) == {"GDP"}
    assert spelled(["gross, domestic product and gross, domestic product"], {"GDP"}) == frozenset()
    assert spelled(["gross domestic product-based and gross domestic product-based"], {"GDP"}) == frozenset()
    assert spelled(["gross Domestic product and gross Domestic product"], {"GDP"}) == frozenset()


def test_a_function_word_is_no_word_of_a_spelling():
    assert spelled(["rule of law, rule of law"], {"ROL"}) == frozenset()  # "of" stands between, it spells nothing
    assert spelled(["rule of law, rule of law"], {"RL"}) == frozenset()  # two letters


def test_many_acronyms_are_looked_for_in_one_reading():
    texts = [f"the {w}alpha {w}beta {w}gamma and the {w}alpha {w}beta {w}gamma" for w in ("x", "y", "z")]
    assert spelled(texts, {"XXX", "YYY", "ZZZ", "QQQ"}) == {"XXX", "YYY", "ZZZ"}


def test_an_article_is_read_once_into_runs_that_no_paragraph_break_joins():
    runs = lowercase_runs(["Its gross domestic", "product rose, and weapons of mass destruction too."])
    # "gross domestic" and "product rose" are two words each: no acronym of three letters fits either
    assert runs == Runs("wmdt", ("weapons of mass destruction too",))
    both = Runs("gdp|wmd", ("gross domestic product", "weapons of mass destruction"))
    assert lowercase_runs(["gross domestic product, and weapons of mass destruction"]) == both
    assert spelled_out([runs, lowercase_runs(["Its gross domestic product"])], {"GDP"}) == frozenset()


def test_an_acronym_inside_a_longer_run_and_in_a_later_run_is_found_in_its_own_words():
    one = lowercase_runs(["we saw rapid gross domestic product growth; then weapons of mass destruction spread"])
    two = lowercase_runs(["real gross domestic product, and weapons of mass destruction"])
    assert spelled_out([one, two], {"GDP", "WMD", "DPG"}) == {"GDP", "WMD"}  # "DPG" is spelled once only
    assert spelled_out([one, lowercase_runs(["saw rapid gross"])], {"SRG"}) == {"SRG"}
