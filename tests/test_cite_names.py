"""Authors' names read into family and given names, and written as each citation format and style wants them.

The names are real people's and organisations' names that are not in this repository's seeds;
BibTeX is read back with bibtexparser's ``splitname`` (BibTeX's own rules for parting a name),
RIS with rispy.
"""

from __future__ import annotations

import bibtexparser
import pytest
import rispy
from bibtexparser.customization import splitname

from build_docs.clean.article import Article
from build_docs.render.cite import apa, bibtex, chicago, csl, ris
from build_docs.render.names import parse_name

# written → (family, given, suffix, family first); ("", "") for a name cited whole
NAMES = {
    "Li Ziguo": ("Li", "Ziguo", "", True),
    "Moon Jae-in": ("Moon", "Jae-in", "", True),
    "Ban Ki-moon": ("Ban", "Ki-moon", "", True),
    "Nguyễn Phú Trọng": ("Nguyễn", "Phú Trọng", "", True),
    "Vo Nguyen Giap": ("Vo", "Nguyen Giap", "", True),
    "Tsai Ing-wen": ("Tsai", "Ing-wen", "", True),
    "Lee Kuan Yew": ("Lee", "Kuan Yew", "", True),
    "Ouyang Xiu": ("Ouyang", "Xiu", "", True),
    "LI Ziguo": ("LI", "Ziguo", "", True),
    "Ziguo LI": ("LI", "Ziguo", "", False),
    "Li, Ziguo": ("Li", "Ziguo", "", True),
    "王毅": ("王", "毅", "", True),
    "欧阳修": ("欧阳", "修", "", True),
    "문재인": ("문", "재인", "", True),
    "Lee Child": ("Child", "Lee", "", False),
    "Kim Jones": ("Jones", "Kim", "", False),
    "Jean-Noël Müller": ("Müller", "Jean-Noël", "", False),
    "Ludwig van Beethoven": ("van Beethoven", "Ludwig", "", False),
    "Smith, John, Jr.": ("Smith", "John", "Jr.", False),
    "Martin Luther King Jr.": ("King", "Martin Luther", "Jr.", False),
    "Xinhua News Agency": ("", "", "", False),
    "The Economist Intelligence Unit": ("", "", "", False),
    "Beijing Review Staff": ("", "", "", False),
    "Ernst & Young": ("", "", "", False),
    "Madonna": ("", "", "", False),
    "安倍晋三": ("", "", "", False),  # four characters, no compound surname: a Japanese name's family name is one to three of them
}


@pytest.mark.parametrize("written", NAMES)
def test_names_are_read_into_family_and_given(written: str) -> None:
    name = parse_name(written)
    assert (name.family, name.given, name.suffix, name.family_first) == NAMES[written]
    assert name.written == written
    if not name.literal:
        assert name.family in written and all(word in written for word in name.given.split()), "parts are cut from the name, never respelled"


def article(*authors: str) -> Article:
    return Article("a", "A Title", ("a.txt",), (), authors=authors, publication="A Review", date="2019-05")


def bib_names(text: str) -> list[dict]:
    [entry] = bibtexparser.loads(text).entries
    return [splitname(n) for n in entry["author"].split(" and ")]


def test_bibtex_parts_family_first_western_and_organisation_names_as_bibtex_reads_them() -> None:
    text = bibtex(article("Moon Jae-in", "Ludwig van Beethoven", "Smith, John, Jr.", "Xinhua News Agency"))
    assert "author = {Moon, Jae-in and van Beethoven, Ludwig and Smith, Jr., John and {Xinhua News Agency}}" in text
    moon, ludwig, smith, xinhua = bib_names(text)
    assert (moon["last"], moon["first"]) == (["Moon"], ["Jae-in"])
    assert (ludwig["von"], ludwig["last"], ludwig["first"]) == (["van"], ["Beethoven"], ["Ludwig"])
    assert (smith["last"], smith["jr"], smith["first"]) == (["Smith"], ["Jr."], ["John"])
    assert (xinhua["last"], xinhua["first"]) == (["{Xinhua News Agency}"], []), "an organisation is one braced last name"


def test_ris_names_are_family_comma_given_and_an_organisation_has_no_comma() -> None:
    [record] = rispy.loads(ris(article("Nguyễn Phú Trọng", "Martin Luther King Jr.", "Beijing Review Staff")))
    assert record["authors"] == ["Nguyễn, Phú Trọng", "King, Martin Luther, Jr.", "Beijing Review Staff"]


def test_csl_names_have_family_and_given_and_organisations_are_literal() -> None:
    item = csl(article("Li Ziguo", "王毅", "Jean-Noël Müller", "Ernst & Young"))
    assert item["author"] == [
        {"family": "Li", "given": "Ziguo", "static-ordering": True},
        {"family": "王", "given": "毅"},
        {"family": "Müller", "given": "Jean-Noël"},
        {"literal": "Ernst & Young"},
    ]


def test_chicago_inverts_only_a_western_first_author() -> None:
    assert chicago(article("Jean-Noël Müller", "Li Ziguo")).startswith("Müller, Jean-Noël, and Li Ziguo. \u201cA Title.\u201d")
    assert chicago(article("Li, Ziguo", "Jean-Noël Müller")).startswith("Li Ziguo and Jean-Noël Müller. \u201c")
    assert chicago(article("Xinhua News Agency")).startswith("Xinhua News Agency. \u201c")


def test_apa_gives_family_names_and_initials() -> None:
    text = apa(article("Moon Jae-in", "Jean-Noël Müller", "Martin Luther King Jr.", "王毅", "Xinhua News Agency"))
    assert text.startswith("Moon, J.-i., Müller, J.-N., King, M. L., Jr., 王毅, & Xinhua News Agency. (2019, May).")
