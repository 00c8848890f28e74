"""Citations: every format read back by a real parser (bibtexparser, rispy), both styles checked as text."""

from __future__ import annotations

import json
import re

import bibtexparser
import pytest
import rispy
from bibtexparser.customization import splitname

from build_docs.clean.article import Article
from build_docs.render.cite import Edition, apa, bibliography, bibtex, chicago, csl, key, ris

SITE = "China\u2013Russia Relations: A Source Reader"
HOSTILE = "Braces {and} 100% $money$ & under_score #1 \\ back~slash^"

FULL = Article(
    "an-evolving-partnership",
    "An Evolving Partnership",
    ("000.txt",),
    (),
    subtitle="China and Russia have become increasingly close",
    authors=("Li Ziguo",),
    publication="Beijing Review",
    date="2014-11-21",
    url="https://www.bjreview.com/world/201411/t20141121_800_x.html?a=1&b=%20#top",
)
TWO_AUTHORS = Article("present-and-future", "Present and Future Sino-Russian Cooperation", ("004.txt",), (), authors=("Ma Bin", "Zhang Jian"))
ANONYMOUS = Article("what-to-make", "What to Make of Deepening China-Russia Relations?", ("002.txt",), (), date="2014-11")
NONASCII = Article(
    "zhongguo", "Китай и Россия: 中俄关系", ("005.txt",), (), authors=("Jean-Noël Müller", "王毅"), publication="Международная жизнь", date="2019"
)
HOSTILE_ARTICLE = Article("hostile", HOSTILE, ("006.txt",), (), authors=("A & B {Group}",), publication="Journal_of #1", date="2020-02")
ARTICLES = (FULL, TWO_AUTHORS, ANONYMOUS, NONASCII, HOSTILE_ARTICLE)
EDITION = Edition(SITE, "articles/an-evolving-partnership/", "https://example.org/reader/")

LATEX = {
    r"\textbraceleft{}": "{",
    r"\textbraceright{}": "}",
    r"\textbackslash{}": "\\",
    r"\textasciitilde{}": "~",
    r"\textasciicircum{}": "^",
}


def unlatex(value: str) -> str:
    """Undo the escapes cite.py writes (the commands first, then the backslashed characters)."""
    for command, char in LATEX.items():
        value = value.replace(command, char)
    return re.sub(r"\\([#$%&_])", r"\1", value)


def edition_of(article: Article) -> Edition:
    return Edition(SITE, f"articles/{article.id}/")


def parse_bib(text: str) -> list[dict]:
    return bibtexparser.loads(text).entries


def bib_authors(entry: dict) -> list[tuple[str, str]]:
    """``Li, Ziguo and {Xinhua News Agency}`` → ``[("Li", "Ziguo"), ("Xinhua News Agency", "")]``: each name as
    BibTeX parts it (bibtexparser's ``splitname`` follows BibTeX's rules), von part joined to the last name."""
    found = []
    for name in re.split(r" and (?![^{]*\})", entry["author"]):
        parts = splitname(name)
        last = " ".join(parts["von"] + parts["last"])
        if last.startswith("{") and last.endswith("}"):
            last = last[1:-1]
        found.append((unlatex(last), unlatex(" ".join(parts["first"]))))
    return found


def bib_title(entry: dict) -> str:
    title = entry["title"]
    assert title.startswith("{") and title.endswith("}"), "titles are brace-protected"
    return unlatex(title[1:-1])


# --- Edition and keys --------------------------------------------------------------------


def test_edition_url_joins_the_site_url_and_the_page_or_is_the_page_alone():
    assert EDITION.url == "https://example.org/reader/articles/an-evolving-partnership/"
    assert Edition(SITE, "articles/x/", "https://example.org/reader").url == "https://example.org/reader/articles/x/"
    assert Edition(SITE, "articles/x/").url == "articles/x/"


def test_keys_come_from_the_id_alone_and_are_stable_and_unique():
    assert key(FULL) == "an-evolving-partnership"
    renamed = Article(FULL.id, "Another Title", ("other.txt",), (), date="1999")
    assert key(renamed) == key(FULL)
    assert len({key(a) for a in ARTICLES}) == len(ARTICLES)


def test_unsafe_ids_get_safe_keys_that_do_not_collide():
    a = Article("a b", "A", ("a.txt",), ())
    b = Article("a,b", "B", ("b.txt",), ())
    c = Article("a-b", "C", ("c.txt",), ())
    keys = [key(x) for x in (a, b, c)]
    assert len(set(keys)) == 3
    assert all(re.fullmatch(r"[A-Za-z0-9_.:-]+", k) for k in keys)
    assert key(a) == key(Article("a b", "A", ("a.txt",), ()))
    [entry] = parse_bib(bibtex(a))
    assert entry["ID"] == key(a)


# --- BibTeX ------------------------------------------------------------------------------


def test_bibtex_original_round_trips_through_bibtexparser():
    [entry] = parse_bib(bibtex(FULL))
    assert entry["ENTRYTYPE"] == "article" and entry["ID"] == "an-evolving-partnership"
    assert bib_title(entry) == "An Evolving Partnership: China and Russia have become increasingly close"
    assert bib_authors(entry) == [("Li", "Ziguo")]
    assert entry["journal"] == "Beijing Review"
    assert (entry["year"], entry["month"], entry["date"]) == ("2014", "November", "2014-11-21")
    assert entry["url"] == FULL.url


def test_bibtex_gives_each_author_family_and_given_names():
    text = bibtex(TWO_AUTHORS)
    assert "author = {Ma, Bin and Zhang, Jian}" in text
    [entry] = parse_bib(text)
    assert bib_authors(entry) == [("Ma", "Bin"), ("Zhang", "Jian")]
    assert entry["ENTRYTYPE"] == "misc", "no publication: @misc"


def test_bibtex_keeps_non_ascii_as_utf8():
    text = bibtex(NONASCII)
    assert "Китай и Россия: 中俄关系" in text and "Müller, Jean-Noël" in text
    [entry] = parse_bib(text)
    assert bib_title(entry) == NONASCII.title
    assert bib_authors(entry) == [("Müller", "Jean-Noël"), ("王", "毅")]
    assert entry["journal"] == "Международная жизнь" and entry["year"] == "2019" and "month" not in entry


def test_a_hostile_title_parses_to_one_entry_and_comes_back_equal():
    text = bibtex(HOSTILE_ARTICLE)
    [entry] = parse_bib(text)
    assert bib_title(entry) == HOSTILE
    assert bib_authors(entry) == [("A & B {Group}", "")], "an organisation stays whole"
    assert unlatex(entry["journal"]) == "Journal_of #1"
    value = text.split("title = ", 1)[1].split("\n", 1)[0]
    assert not re.search(r"(?<!\\)[#$%&_]", value.replace(r"\textbraceleft{}", "").replace(r"\textbraceright{}", ""))


def test_hostile_text_in_every_field_keeps_a_bibliography_parsable():
    bib, _, _ = bibliography(ARTICLES, {a.id: edition_of(a) for a in ARTICLES})
    entries = parse_bib(bib)
    assert len(entries) == 2 * len(ARTICLES)
    [hostile] = [e for e in entries if e["ID"] == "hostile-edition"]
    assert HOSTILE in unlatex(hostile["note"])


def test_bibtex_without_a_date_has_no_date_fields():
    [entry] = parse_bib(bibtex(TWO_AUTHORS))
    assert not {"year", "month", "date"} & entry.keys()


def test_bibtex_edition_is_misc_naming_the_site_and_the_original():
    text = bibtex(FULL, EDITION)
    [entry] = parse_bib(text)
    assert entry["ENTRYTYPE"] == "misc" and entry["ID"] == "an-evolving-partnership-edition"
    assert SITE in entry["howpublished"]
    assert entry["url"] == EDITION.url
    note = unlatex(entry["note"])
    assert note.startswith("Cleaned edition of \u201cAn Evolving Partnership: China and Russia")
    assert "Beijing Review" in note and "November 21, 2014" in note and FULL.url in note
    assert not {"year", "month", "date"} & entry.keys(), "the edition has no date of its own"
    assert entry["origdate"] == "2014-11-21"


def test_bibtex_url_is_verbatim_but_never_breaks_the_braces():
    odd = Article("odd", "Odd", ("o.txt",), (), url="https://x.org/a{b}\\c d")
    [entry] = parse_bib(bibtex(odd))
    assert entry["url"] == "https://x.org/a%7Bb%7D%5Cc%20d"


# --- RIS ---------------------------------------------------------------------------------


def test_ris_original_round_trips_through_rispy():
    text = ris(FULL)
    assert "\r" not in text and text.endswith("ER  - \n")
    [record] = rispy.loads(text)
    assert record["type_of_reference"] == "JOUR" and record["id"] == "an-evolving-partnership"
    assert record["title"] == "An Evolving Partnership: China and Russia have become increasingly close"
    assert record["authors"] == ["Li, Ziguo"]
    assert record["secondary_title"] == "Beijing Review"
    assert (record["year"], record["date"]) == ("2014", "2014/11/21")
    assert record["urls"] == [FULL.url]


def test_ris_writes_family_comma_given_and_values_on_one_line():
    multiline = Article("multi", "A title\nover  two\tlines", ("m.txt",), (), authors=("Ma Bin", "Zhang Jian"))
    [record] = rispy.loads(ris(multiline))
    assert record["title"] == "A title over two lines"
    assert record["authors"] == ["Ma, Bin", "Zhang, Jian"]
    assert record["type_of_reference"] == "GEN"
    [hostile] = rispy.loads(ris(HOSTILE_ARTICLE))
    assert hostile["title"] == HOSTILE and hostile["authors"] == ["A & B {Group}"]


def test_ris_without_a_date_has_no_date_fields_and_month_precision_is_kept():
    [record] = rispy.loads(ris(TWO_AUTHORS))
    assert not {"year", "date"} & record.keys()
    [record] = rispy.loads(ris(ANONYMOUS))
    assert (record["year"], record["date"]) == ("2014", "2014/11")
    assert "authors" not in record


def test_ris_edition_is_elec_naming_the_site_and_the_original():
    [record] = rispy.loads(ris(FULL, EDITION))
    assert record["type_of_reference"] == "ELEC" and record["id"] == "an-evolving-partnership-edition"
    assert record["secondary_title"] == SITE and record["urls"] == [EDITION.url]
    [note] = record["notes"]
    assert "Beijing Review" in note and FULL.url in note and "An Evolving Partnership" in note
    assert not {"year", "date", "access_date"} & record.keys()


# --- CSL-JSON ----------------------------------------------------------------------------


def assert_csl_shape(item: dict) -> None:
    assert isinstance(item["id"], str) and item["id"]
    assert item["type"] in {"article-journal", "article", "webpage"}
    assert isinstance(item["title"], str) and item["title"]
    for name in item.get("author", []):
        assert set(name) == {"literal"} or {"family", "given"} <= set(name) <= {"family", "given", "suffix", "static-ordering"}
        assert all(isinstance(v, str) and v for k, v in name.items() if k != "static-ordering")
    for field in ("issued", "original-date"):
        if field in item:
            [parts] = item[field]["date-parts"]
            assert 1 <= len(parts) <= 3 and all(isinstance(p, int) for p in parts)
    json.dumps(item)


def test_csl_original_has_the_minimal_shape_and_the_facts():
    item = csl(FULL)
    assert_csl_shape(item)
    assert item["id"] == "an-evolving-partnership" and item["type"] == "article-journal"
    assert item["author"] == [{"family": "Li", "given": "Ziguo", "static-ordering": True}]
    assert item["issued"] == {"date-parts": [[2014, 11, 21]]}
    assert item["container-title"] == "Beijing Review" and item["URL"] == FULL.url


def test_csl_leaves_out_what_is_unknown():
    item = csl(TWO_AUTHORS)
    assert_csl_shape(item)
    assert item["type"] == "article" and [(a["family"], a["given"]) for a in item["author"]] == [("Ma", "Bin"), ("Zhang", "Jian")]
    assert not {"issued", "container-title", "URL"} & item.keys()
    assert "author" not in csl(ANONYMOUS)


def test_csl_edition_is_a_webpage_naming_the_site_and_the_original():
    item = csl(FULL, EDITION)
    assert_csl_shape(item)
    assert item["type"] == "webpage" and item["id"] == "an-evolving-partnership-edition"
    assert item["container-title"] == SITE and item["URL"] == EDITION.url
    assert "issued" not in item and "accessed" not in item
    assert item["original-date"] == {"date-parts": [[2014, 11, 21]]}
    assert "Beijing Review" in item["note"] and FULL.url in item["note"]


# --- Chicago and APA ---------------------------------------------------------------------


def test_chicago_original():
    assert chicago(FULL) == (
        "Li Ziguo. \u201cAn Evolving Partnership: China and Russia have become increasingly close.\u201d Beijing Review, November 21, 2014. " + FULL.url + "."
    )
    assert chicago(TWO_AUTHORS) == "Ma Bin and Zhang Jian. \u201cPresent and Future Sino-Russian Cooperation.\u201d n.d."
    assert chicago(ANONYMOUS) == "\u201cWhat to Make of Deepening China-Russia Relations?\u201d November 2014."


def test_chicago_edition_cites_the_page_and_names_the_original():
    assert chicago(FULL, EDITION) == (
        "Li Ziguo. \u201cAn Evolving Partnership: China and Russia have become increasingly close.\u201d "
        f"Cleaned edition in {SITE}, https://example.org/reader/articles/an-evolving-partnership/. "
        f"Originally published in Beijing Review, November 21, 2014, {FULL.url}."
    )
    text = chicago(TWO_AUTHORS, edition_of(TWO_AUTHORS))
    assert text.endswith(f"Cleaned edition in {SITE}, articles/present-and-future/. Originally published n.d.")


def test_apa_original():
    assert apa(FULL) == "Li, Z. (2014, November 21). An Evolving Partnership: China and Russia have become increasingly close. Beijing Review. " + FULL.url
    assert apa(TWO_AUTHORS) == "Ma, B., & Zhang, J. (n.d.). Present and Future Sino-Russian Cooperation."
    assert apa(ANONYMOUS) == "What to Make of Deepening China-Russia Relations? (2014, November)."


def test_apa_edition_has_no_date_of_its_own_and_names_the_original():
    assert apa(FULL, EDITION) == (
        "Li, Z. (n.d.). An Evolving Partnership: China and Russia have become increasingly close [Cleaned edition]. "
        f"{SITE}. https://example.org/reader/articles/an-evolving-partnership/ (Original work published in Beijing Review, 2014, {FULL.url})"
    )
    assert apa(ANONYMOUS, edition_of(ANONYMOUS)).startswith("What to Make of Deepening China-Russia Relations? [Cleaned edition]. (n.d.).")


def test_long_author_lists_are_shortened_as_each_style_says():
    many = Article("many", "Many", ("m.txt",), (), authors=tuple(f"Ann Author{chr(96 + i)}" for i in range(1, 23)))
    assert chicago(many).startswith("Authora, Ann, Ann Authorb, Ann Authorc, Ann Authord, Ann Authore, Ann Authorf, Ann Authorg, et al. \u201cMany.\u201d")
    assert apa(many).startswith("".join(f"Author{chr(96 + i)}, A., " for i in range(1, 20)) + ". . . Authorv, A. (n.d.).")
    three = Article("three", "Three", ("t.txt",), (), authors=("Anna One", "Bob Two", "Cleo Three"))
    assert chicago(three).startswith("One, Anna, Bob Two, and Cleo Three.")
    assert apa(three).startswith("One, A., Two, B., & Three, C.")


def test_a_malformed_date_is_an_error_not_a_guess():
    with pytest.raises(ValueError, match="bad"):
        chicago(Article("bad", "Bad", ("b.txt",), (), date="21/11/2014"))


# --- bibliography files ------------------------------------------------------------------


def test_bibliography_has_one_entry_per_article_in_every_format():
    bib, ris_text, csl_text = bibliography(ARTICLES)
    assert all(text.endswith("\n") for text in (bib, ris_text, csl_text))
    assert len(parse_bib(bib)) == len(ARTICLES)
    assert len(rispy.loads(ris_text)) == len(ARTICLES)
    items = json.loads(csl_text)
    assert len(items) == len(ARTICLES)
    for item in items:
        assert_csl_shape(item)
    assert [i["id"] for i in items] == sorted(key(a) for a in ARTICLES)


def test_bibliography_with_editions_doubles_the_entries_sorted_by_key():
    editions = {a.id: edition_of(a) for a in ARTICLES}
    bib, ris_text, csl_text = bibliography(ARTICLES, editions)
    keys = [e["ID"] for e in parse_bib(bib)]
    assert len(keys) == len(set(keys)) == 2 * len(ARTICLES)
    assert [r["id"] for r in rispy.loads(ris_text)] == sorted(keys)
    assert [i["id"] for i in json.loads(csl_text)] == sorted(keys)
    assert "\\u" not in csl_text and SITE in csl_text, "CSL keeps non-ASCII as UTF-8"


def test_bibliography_is_deterministic_whatever_the_input_order():
    editions = {a.id: edition_of(a) for a in ARTICLES}
    assert bibliography(ARTICLES, editions) == bibliography(tuple(reversed(ARTICLES)), editions)


def test_bibliography_refuses_two_entries_with_one_key():
    clash = Article("an-evolving-partnership-edition", "Clash", ("c.txt",), ())
    with pytest.raises(ValueError, match="an-evolving-partnership-edition"):
        bibliography([FULL, clash], {FULL.id: EDITION})
