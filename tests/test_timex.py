"""The temporal tagger: what it finds in text, the TIMEX3 values it gives, and what it must leave alone."""

from __future__ import annotations

import re

import pytest

from build_docs.extract.timex import Timex, find_timexes

# From "China-Russia Relationship: Full of Strong Endogenous Dynamics", dated 7 June 2018.
ARTICLE_2018 = (
    "In 2017, bilateral trade between China and Russia reached $84.071 billion, with a 20.8 percent growth. "
    "For the first 9 months last year, China’s investment to Russia grew by 34 percent. "
    "CNSA and Roscosmos signed the Outline for Space Cooperation between CNSA and National Aerospace Corporation of the Russian Federation "
    "from 2018 to 2022, which would promote the cooperation. "
    "The bridge is expected to be ready for operation by 2023. "
    "Activities relating to the 2017-2019 cooperation plan worked well. "
    "Russia delivered S-400 air defense systems and Su-35 fighters, and a 052D guided-missile destroyer joined the Joint Sea-2017 drill. "
    "The 6th meeting after the 19th National Congress was held."
)
# From a Beijing Review article of 2014 (a year is all that is known of its date).
ARTICLE_2014 = (
    "Since China and Russia signed a joint statement on the foundation for bilateral ties in 1992, their relationship began a new chapter. "
    "In 1996, the two countries established a strategic partnership. In 2001, China and Russia signed a treaty. "
    "In February 2013, China and Russia signed a joint statement. "
    "Since Chinese President Xi Jinping took office in March 2013, he has met Putin on nine occasions. "
    "As of 2013, there had been 18 annual meetings between the heads of government; the mechanism was launched in 1996. "
    "Since they conducted their first joint military drill in 2005, the frequency has increased. "
    "Over the past two years, they held two joint exercises each year. "
    "Last year, the Russian Defense Minister visited. Since 2006, the two countries have hosted national years. "
    "In 2014 and 2015, the two sides will hold youth exchange years. "
    "Relations suffered from the China-Soviet confrontation in the 1960s-80s. "
    "A protocol was signed in Moscow on January 18, 1958. "
    "Xi visited an education show in Beijing on November 2, 2013. "
    "Xi and Putin sign a joint statement following their talks in Shanghai on May 20."
)


def tag(text: str, anchor: str | None = "2018-06-07") -> list[Timex]:
    found = find_timexes(text, anchor)
    for t in found:
        assert text[t.start : t.end] == t.text
    return found


def one(text: str, words: str, anchor: str | None = "2018-06-07") -> Timex:
    """The one expression whose text is ``words``."""
    matches = [t for t in tag(text, anchor) if t.text == words]
    assert len(matches) == 1, (words, tag(text, anchor))
    return matches[0]


def summary(t: Timex) -> tuple[str, str, str, str, str, str]:
    return t.value, t.end_value, t.type, t.precision, t.certainty, t.mod


def is_amount(t: Timex) -> bool:
    """A number, an amount or a percentage, unless it is a four-digit year tagged as one."""
    number = re.fullmatch(r"[$€£¥]?\d[\d.,]*\s*(?:%|percent|billion|million|tons)?", t.text)
    return bool(number) and not (t.type == "DATE" and re.fullmatch(r"\d{4}", t.text) and t.value == t.text)


# ---------------------------------------------------------------- the two articles


def test_article_2018_finds_exactly_the_dates_and_nothing_in_the_amounts_models_and_ordinals() -> None:
    found = {t.text: summary(t) for t in tag(ARTICLE_2018)}
    assert found == {
        "2017": ("2017", "", "DATE", "year", "stated", ""),
        "the first 9 months last year": ("2017", "", "DATE", "year", "inferred", "START"),
        "from 2018 to 2022": ("2018", "2022", "DATE", "range", "stated", ""),
        "2023": ("2023", "", "DATE", "year", "expected", ""),
        "2017-2019": ("2017", "2019", "DATE", "range", "stated", ""),
    }
    assert one(ARTICLE_2018, "the first 9 months last year").anchored
    assert not one(ARTICLE_2018, "2017").anchored


def test_article_2014_years_months_ranges_and_relative_expressions() -> None:
    found = [(t.text, *summary(t)) for t in tag(ARTICLE_2014, "2014")]
    assert found == [
        ("1992", "1992", "", "DATE", "year", "stated", ""),
        ("1996", "1996", "", "DATE", "year", "stated", ""),
        ("2001", "2001", "", "DATE", "year", "stated", ""),
        ("February 2013", "2013-02", "", "DATE", "month", "stated", ""),
        ("March 2013", "2013-03", "", "DATE", "month", "stated", ""),
        ("2013", "2013", "", "DATE", "year", "stated", ""),
        ("1996", "1996", "", "DATE", "year", "stated", ""),
        ("2005", "2005", "", "DATE", "year", "stated", ""),
        ("the past two years", "P2Y", "", "DURATION", "", "stated", ""),
        ("each year", "P1Y", "", "SET", "", "stated", ""),
        ("Last year", "2013", "", "DATE", "year", "inferred", ""),
        ("2006", "2006", "", "DATE", "year", "stated", ""),
        ("2014", "2014", "", "DATE", "year", "stated", ""),
        ("2015", "2015", "", "DATE", "year", "expected", ""),
        ("the 1960s-80s", "196X", "198X", "DATE", "range", "stated", ""),
        ("January 18, 1958", "1958-01-18", "", "DATE", "day", "stated", ""),
        ("November 2, 2013", "2013-11-02", "", "DATE", "day", "stated", ""),
        ("May 20", "2014-05-20", "", "DATE", "day", "inferred", ""),
    ]


def test_a_bare_month_and_day_takes_the_anchor_year_or_else_the_nearest_stated_year() -> None:
    assert one(ARTICLE_2014, "May 20", anchor="2014").value == "2014-05-20"
    assert one(ARTICLE_2014, "May 20", anchor="2014").anchored
    caption = "Xi spoke in Beijing on November 2, 2013. Xi and Putin met in Shanghai on May 20."
    may = one(caption, "May 20", anchor=None)
    assert (may.value, may.certainty, may.anchored) == ("2013-05-20", "inferred", False)
    assert one("They met in Shanghai on May 20.", "May 20", anchor=None).value == "XXXX-05-20"


# ---------------------------------------------------------------- what is recognised


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Signed on November 2, 2013 in Beijing.", "November 2, 2013", ("2013-11-02", "", "DATE", "day", "stated", "")),
        ("Signed on 2 November 2013 in Beijing.", "2 November 2013", ("2013-11-02", "", "DATE", "day", "stated", "")),
        ("Signed on Nov. 2, 2013 in Beijing.", "Nov. 2, 2013", ("2013-11-02", "", "DATE", "day", "stated", "")),
        ("Published 2018-06-07 by the agency.", "2018-06-07", ("2018-06-07", "", "DATE", "day", "stated", "")),
        ("Trade rose in February 2013.", "February 2013", ("2013-02", "", "DATE", "month", "stated", "")),
        ("Xi took office in March 2013.", "March 2013", ("2013-03", "", "DATE", "month", "stated", "")),
        ("Talks began in 2005.", "2005", ("2005", "", "DATE", "year", "stated", "")),
        ("Growth since 2006 has been steady.", "2006", ("2006", "", "DATE", "year", "stated", "")),
        ("Investment grew in the first 9 months of last year.", "the first 9 months of last year", ("2017", "", "DATE", "year", "inferred", "START")),
        ("Investment grew in the first nine months.", "the first nine months", ("P9M", "", "DURATION", "", "stated", "")),
        ("As of 2013, there were 18 meetings.", "2013", ("2013", "", "DATE", "year", "stated", "")),
        ("The treaty (1996) still holds.", "1996", ("1996", "", "DATE", "year", "stated", "")),
        ("It was common in the 1960s.", "the 1960s", ("196X", "", "DATE", "decade", "stated", "")),
        ("It was common in the 1990s.", "the 1990s", ("199X", "", "DATE", "decade", "stated", "")),
        ("The plan runs 2017–2019 in full.", "2017–2019", ("2017", "2019", "DATE", "range", "stated", "")),
        ("Prices fell between 1992 and 1996.", "between 1992 and 1996", ("1992", "1996", "DATE", "range", "stated", "")),
        ("Trade may double by the end of 2018.", "the end of 2018", ("2018", "", "DATE", "year", "expected", "END")),
        ("Work began in early 2014.", "early 2014", ("2014", "", "DATE", "year", "stated", "START")),
        ("Work slowed in late 2014.", "late 2014", ("2014", "", "DATE", "year", "stated", "END")),
        ("It was built around 1990.", "around 1990", ("1990", "", "DATE", "year", "stated", "APPROX")),
        ("It was built circa 1990.", "circa 1990", ("1990", "", "DATE", "year", "stated", "APPROX")),
        ("Output rose in the first half of 2019.", "the first half of 2019", ("2019-H1", "", "DATE", "half", "expected", "")),
        ("Output rose in the first quarter.", "the first quarter", ("2018-Q1", "", "DATE", "quarter", "inferred", "")),
        ("The deal was signed in spring 2014.", "spring 2014", ("2014-SP", "", "DATE", "season", "stated", "")),
        ("They met last summer.", "last summer", ("2017-SU", "", "DATE", "season", "inferred", "")),
        ("It shaped the 20th century.", "the 20th century", ("19", "", "DATE", "century", "stated", "")),
        ("Ties entered the 21st century.", "the 21st century", ("20", "", "DATE", "century", "stated", "")),
        ("Trade fell last year.", "last year", ("2017", "", "DATE", "year", "inferred", "")),
        ("Trade grew this year.", "this year", ("2018", "", "DATE", "year", "inferred", "")),
        ("Trade may grow next year.", "next year", ("2019", "", "DATE", "year", "expected", "")),
        ("Trade fell last month.", "last month", ("2018-05", "", "DATE", "month", "inferred", "")),
        ("Trade fell this month.", "this month", ("2018-06", "", "DATE", "month", "inferred", "")),
        ("The minister arrived yesterday.", "yesterday", ("2018-06-06", "", "DATE", "day", "inferred", "")),
        ("The minister arrives today.", "today", ("2018-06-07", "", "DATE", "day", "inferred", "")),
        ("It matters in today's world.", "today", ("PRESENT_REF", "", "DATE", "", "inferred", "")),
        ("Nowadays the ties are close.", "Nowadays", ("PRESENT_REF", "", "DATE", "", "inferred", "")),
        ("The ties are now close.", "now", ("PRESENT_REF", "", "DATE", "", "inferred", "")),
        ("The ties are currently close.", "currently", ("PRESENT_REF", "", "DATE", "", "inferred", "")),
        ("At present, the ties are close.", "present", ("PRESENT_REF", "", "DATE", "", "inferred", "")),
        ("Ties grew in recent years.", "recent years", ("PAST_REF", "", "DATE", "", "inferred", "")),
        ("Ties grew over the past decade.", "the past decade", ("P10Y", "", "DURATION", "", "stated", "")),
        ("The bridge opened two years ago.", "two years ago", ("2016", "", "DATE", "year", "inferred", "")),
        ("Ties will grow in the coming years.", "the coming years", ("FUTURE_REF", "", "DATE", "", "expected", "")),
        ("Ties will grow in the future.", "the future", ("FUTURE_REF", "", "DATE", "", "expected", "")),
        ("The talks lasted two years.", "two years", ("P2Y", "", "DURATION", "", "stated", "")),
        ("The talks lasted five months.", "five months", ("P5M", "", "DURATION", "", "stated", "")),
        ("The talks lasted a decade.", "a decade", ("P10Y", "", "DURATION", "", "stated", "")),
        ("The treaty has held for 65 years.", "65 years", ("P65Y", "", "DURATION", "", "stated", "")),
        ("The bank signed a 15-year investment.", "15-year", ("P15Y", "", "DURATION", "", "stated", "")),
        ("In the 65 years since, ties grew.", "the 65 years", ("P65Y", "", "DURATION", "", "stated", "")),
        ("They meet every year.", "every year", ("P1Y", "", "SET", "", "stated", "")),
        ("The session opens at 3 p.m. sharp.", "3 p.m.", ("2018-06-07T15:00", "", "TIME", "time", "inferred", "")),
    ],
)
def test_recognises(text: str, words: str, expected: tuple[str, ...]) -> None:
    assert summary(one(text, words)) == expected


def test_years_in_a_list_are_separate_expressions() -> None:
    assert [t.text for t in tag("In 2014 and 2015, the two sides will hold youth years.")] == ["2014", "2015"]
    assert [t.text for t in tag("Trade grew in 1996, 1997 and 1998.")] == ["1996", "1997", "1998"]


def test_weekdays_resolve_within_the_anchor_week_backwards_unless_the_clause_looks_ahead() -> None:
    assert one("The ministers met on Monday in Moscow.", "Monday").value == "2018-06-04"  # the anchor is a Thursday
    assert one("The ministers met on Thursday in Moscow.", "Thursday").value == "2018-06-07"
    assert one("The ministers will meet on Monday in Moscow.", "Monday").value == "2018-06-11"
    assert one("The ministers met on Monday in Moscow.", "Monday", anchor=None).value == "XXXX-WXX-1"


def test_bare_months_resolve_to_the_latest_unless_the_clause_looks_ahead() -> None:
    assert one("The talks began in March.", "March").value == "2018-03"
    assert one("The talks began in October.", "October").value == "2017-10"
    assert one("The talks will resume in October.", "October").value == "2018-10"
    assert one("The talks began in March.", "March", anchor=None).value == "XXXX-03"


def test_a_year_earlier_shifts_the_quarter_under_discussion() -> None:
    text = "Profit rose in the third quarter, compared with a loss a year earlier."
    assert one(text, "the third quarter", anchor="1989-10-27").value == "1989-Q3"
    assert one(text, "a year earlier", anchor="1989-10-27").value == "1988-Q3"


def test_without_an_anchor_relative_expressions_get_reference_values() -> None:
    text = "Last year trade fell; this year it grew; next year it may double. Yesterday the minister spoke. Two years ago it fell."
    assert [(t.text, t.value, t.anchored) for t in tag(text, anchor=None)] == [
        ("Last year", "PAST_REF", False),
        ("this year", "PRESENT_REF", False),
        ("next year", "FUTURE_REF", False),
        ("Yesterday", "PAST_REF", False),
        ("Two years ago", "PAST_REF", False),
    ]


def test_planned_dates_are_expected_and_past_ones_stated() -> None:
    assert one("The line will open in 2025.", "2025", anchor=None).certainty == "expected"
    assert one("The line is to open in 2016.", "2016", anchor="2014").certainty == "expected"
    assert one("The line opened in 2016.", "2016", anchor="2018-06-07").certainty == "stated"
    assert one("The line was expected to open by 2015.", "2015", anchor="2018-06-07").certainty == "stated"  # a plan already past


def test_a_month_year_date_can_wrap_across_a_line_break_but_not_a_paragraph() -> None:
    assert one("In February\n2013, China and Russia signed.", "February\n2013").value == "2013-02"
    assert "February\n\n2013" not in [t.text for t in tag("They met in February\n\n2013 was a good year.")]


# ---------------------------------------------------------------- what must be left alone


@pytest.mark.parametrize(
    "text",
    [
        "Bilateral trade reached $84.071 billion, with a 20.8 percent growth.",
        "China will get 2,000 tons of LNG and a loan of $850 million.",
        "They bought 2000 tons of grain and sent 1500 troops.",
        "Russia delivered S-400 air defense systems and Su-35 fighters.",
        "A 052D guided-missile destroyer and the CR929 airliner.",
        "The Joint Sea-2017 drill was held near Vladivostok.",
        "There were 18 annual meetings, 23 projects and 5 free ports.",
        "At the 6th meeting after the 19th National Congress and the 22nd APEC meeting.",
        "They celebrated the 70th anniversary of diplomatic ties.",
        "See No. 2013, Issue 45, Vol. 12 and p. 1998 of the journal.",
        "Call +86 10 6899 2013 or 010-6899-2013 for details.",
        "UN Security Council Resolution 2017 was adopted.",
        "The plant produces 2500 megawatts, and 3000 is the target; 0999 and 2150 are codes.",
        "Expo 2010 was held in Shanghai and Vision 2030 was announced.",
    ],
)
def test_leaves_alone(text: str) -> None:
    assert tag(text) == []


def test_no_expression_is_a_pure_amount() -> None:
    found = tag(ARTICLE_2018 + " " + ARTICLE_2014, "2018-06-07")
    assert found and not [t for t in found if is_amount(t)]


def test_a_malformed_anchor_is_refused() -> None:
    with pytest.raises(ValueError):
        find_timexes("last year", "June 2018")
    with pytest.raises(ValueError):
        find_timexes("last year", "2018-02-30")


# ---------------------------------------------------------------- against the TimeBank gold


def test_evaluation_on_five_timebank_documents() -> None:
    from benchmarks.timebank_eval import CORPUS, load, scores
    from benchmarks.timebank_eval import tag as tag_docs

    if not (CORPUS / "timebank" / "timex3_gold.tsv").exists():
        pytest.skip(f"TimeBank corpus not found at {CORPUS}")
    docs = load(CORPUS, "timebank", limit=5)
    found, _ = tag_docs(docs)
    date_score = scores(docs, found)["DATE"]
    assert date_score.gold > 0 and date_score.prf(strict=False)[2] > 0.7
    assert not [t for timexes in found for t in timexes if is_amount(t)]


def test_dates_no_calendar_has_never_raise_and_seasons_are_not_weeks():
    """Found on UN speeches: "the winter of 2015" (2015-WI) once crashed the week arithmetic."""
    for text in ("on February 30, 2015 it happened", "on 31 April 2016", "in week 53 of 2015", "during the winter of 2015 and last winter"):
        for timex in find_timexes(text, anchor="2016-03-01"):
            assert timex.text == text[timex.start : timex.end]
    winter = find_timexes("in the winter of 2015", anchor="2016-03-01")
    assert [(t.value, t.precision) for t in winter] == [("2015-WI", "season")]
