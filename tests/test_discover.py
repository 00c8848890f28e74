"""Entity discovery by pattern alone: people, organisations and places in inline text."""

from __future__ import annotations

import pytest

from build_docs.extract.discover import Found, find_all, find_organizations, find_people, find_places, gazetteer


@pytest.fixture(scope="session", autouse=True)
def _loaded() -> None:
    """Load the word list and the gazetteers once for the whole session."""
    find_all("Chinese President Xi Jinping visited Moscow.")


def people(text: str) -> list[tuple[str, str]]:
    return [(f.name, f.role) for f in find_people(text)]


def names(found: list[Found], kind: str | None = None) -> list[str]:
    return [f.name for f in found if kind is None or f.kind == kind]


def assert_spans(text: str, found: list[Found]) -> None:
    for f in found:
        assert " ".join(text[f.start : f.end].split()) == f.name, f


# -- people: a title before the name ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Chinese President Xi Jinping arrived on Monday.", "Xi Jinping", "Chinese President"),
        ("Russian President Vladimir Putin said so.", "Vladimir Putin", "Russian President"),
        ("Foreign Minister Wang Yi said more flatly", "Wang Yi", "Foreign Minister"),
        ("the Russian Ambassador to China Denisov said, although", "Denisov", "Russian Ambassador to China"),
        ("President Xi to visit its command center", "Xi", "President"),
        ("when US President Trump tried the tactics", "Trump", "US President"),
        ("Secretary-General Ban Ki-moon spoke.", "Ban Ki-moon", "Secretary-General"),
        ("and Chinese Foreign Minister Wang Yi said", "Wang Yi", "Chinese Foreign Minister"),
        ("under Secretary of State Mike Pompeo.", "Mike Pompeo", "Secretary of State"),
        ("by former President Nicolas Sarkozy of France", "Nicolas Sarkozy", "former President"),
        ("Crown Prince Mohammed bin Salman said", "Mohammed bin Salman", "Crown Prince"),
        ("with President Bashar al-Assad of Syria", "Bashar al-Assad", "President"),
        ("as President John F. Kennedy said", "John F. Kennedy", "President"),
        ("United States President Barack Obama spoke", "Barack Obama", "United States President"),
        ("We heard President Yahya A. J. J. Jammeh today.", "Yahya A. J. J. Jammeh", "President"),  # "A." is an initial, not "a"
        ("His Excellency Alhaji Ahmad Tejan Kabbah spoke.", "Ahmad Tejan Kabbah", "Alhaji"),  # an honorific of the hajj
    ],
)
def test_title_before_a_name(text, name, role):
    assert (name, role) in people(text)


def test_title_before_is_strong_for_a_head_of_state_with_an_uncommon_name():
    [found] = find_people("Chinese President Xi Jinping arrived.")
    assert found.strong and found.rule == "title-before"
    [courtesy] = find_people("We thank Mr. Kowalczyk for his work.")
    assert courtesy.name == "Kowalczyk" and courtesy.strong  # a courtesy title is no office, but one uncommon word is a name
    [common] = find_people("It is a pleasure to be here as the Chief Guest during the launch.")
    assert common.name == "Guest" and not common.strong  # ... and a common word no one's surname after it must recur
    [speaking] = find_people("as the Chief Guest said")
    assert speaking.strong  # ... but a verb only a person takes confirms the name


@pytest.mark.parametrize(
    "text",
    [
        "I congratulate the President of the General Assembly on his election.",
        "The Minister for Foreign Affairs of Brazil spoke.",
        "Mr. President, I thank you.",
        "the Chinese President and the Russian President met",
        "the Secretary-General, Mr. President, said",
        "President of the Republic Vladimir Putin",  # a title with "of the Republic" is left alone
        "Chinese President Visits Moscow For Talks",  # a headline
        "the President China wants",  # a country is no name
        "President May said",  # a month and a very common word
        "Dr. Martin Luther King Jr. said",  # not "Jr."
    ],
)
def test_no_person_after_a_title_that_is_no_name(text):
    assert all(f.name not in ("President", "Assembly", "Visits", "China", "May", "Jr.", "Jr") for f in find_people(text))
    if "Martin" not in text:
        assert find_people(text) == []


def test_name_stops_before_a_lowercase_word_punctuation_and_said():
    assert people("President Putin said that") == [("Putin", "President")]
    assert people("Prime Minister Narendra Modi, who") == [("Narendra Modi", "Prime Minister")]
    assert people("President Xi Jinping’s visit") == [("Xi Jinping", "President")]
    assert people("President Xi Jinping and President Putin") == [("Xi Jinping", "President"), ("Putin", "President")]


# -- people: a title in an appositive ---------------------------------------------------


def test_appositive_title_after_a_name():
    text = "Glazyev, advisor to the Russian president, stressed that the ties were strong."
    [found] = find_people(text)
    assert (found.name, found.role, found.rule, found.strong) == ("Glazyev", "advisor to the Russian president", "appositive-title", True)
    assert ("Sergei Lavrov", "Russia's foreign minister") in people("Sergei Lavrov, Russia's foreign minister, said on Monday")
    assert ("Wang Yi", "the Chinese foreign minister") in people("They met Wang Yi, the Chinese foreign minister.")


@pytest.mark.parametrize(
    "text",
    [
        "However, the president said no.",  # a sentence-initial common word
        "Today, the minister arrived.",
        "Moscow, the Russian capital, is large.",  # no title
        "China, the president said, is ready.",  # a country
        "Finally, President Putin spoke.",
    ],
)
def test_no_appositive_person(text):
    assert [f for f in find_people(text) if f.rule == "appositive-title"] == []


def test_sentence_initial_common_word_is_not_a_person():
    assert find_people("Yesterday, the president left. Security, the chief concern, came first.") == []


# -- organisations ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "China National Development Bank",
        "Russian Direct Investment Fund",
        "Russian Foreign Economic Bank",
        "Russian Agricultural Bank",
        "Shanghai Cooperation Organization",
        "Export-Import Bank of China",
        "Communist Party of China",
        "National Aerospace Corporation of the Russian Federation",
        "Beijing Gas Refco Group Ltd",
        "Russian Defense Ministry",
    ],
)
def test_organisation_head_word(name):
    text = f"The deal involved the {name} and others."
    found = find_organizations(text)
    assert names(found) == [name]
    assert found[0].rule == "org-head" and found[0].strong


def test_the_pronoun_i_after_an_organisation_is_no_word_of_its_name():
    """ "On behalf of the Alliance of Small Island States I would like": "... States I" was a page of its own on the UN
    speeches, beside the alliance's."""
    assert names(find_organizations("On behalf of the Alliance of Zorblatt States I would like to thank you.")) == ["Alliance of Zorblatt States"]


def test_two_organisations_joined_by_and_are_two():
    text = "China National Development Bank and Russian Direct Investment Fund signed."
    assert names(find_organizations(text)) == ["China National Development Bank", "Russian Direct Investment Fund"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He taught at the University of Chicago and Boston University.", ["University of Chicago", "Boston University"]),
        ("the Department of Peacekeeping Operations and Department of Field Support", ["Department of Peacekeeping Operations", "Department of Field Support"]),
        ("the Organization for Security and Co-operation in Europe met", ["Organization for Security and Co-operation in Europe"]),
        ("the Department of Economic and Social Affairs met", ["Department of Economic and Social Affairs"]),
        ("the Food and Agriculture Organization met", ["Food and Agriculture Organization"]),
        ("the Office of Zorblatt Relations and Division of Quenxa Affairs", ["Office of Zorblatt Relations", "Division of Quenxa Affairs"]),
    ],
)
def test_and_between_two_names_with_head_words_splits_them(text, expected):
    assert names(find_organizations(text)) == expected


def test_organisation_strength():
    assert not find_organizations("members of the Security Council agreed")[0].strong  # one word before the head
    assert find_organizations("the Shanghai Cooperation Organization (SCO) met")[0].strong
    [sco] = find_organizations("the SCO (Shanghai Cooperation Organization) met")
    assert sco.name == "Shanghai Cooperation Organization"


@pytest.mark.parametrize(
    "text",
    [
        "The Bank said no.",  # a generic phrase alone
        "The Council met. Each Party agreed.",
        "the President of the Republic said",
        "the Russian Federation and the Soviet Union",  # countries, not organisations
    ],
)
def test_no_organisation(text):
    assert find_organizations(text) == []


def test_a_possessive_pronoun_ends_an_organisations_complement():
    """ "the Administration of His Excellency President Bush", "the Organization of Their Activities": pages on the UN
    speeches; "the Bolivarian Alliance for the Peoples of Our America" is a name whole."""
    text = (
        "the Administration of His Excellency President Bush and the Organization of Their Activities met the Zorblatt "
        "Alliance for the Peoples of Our America."
    )
    names = {f.name for f in find_organizations(text)}
    assert not any("His" in n or "Their" in n for n in names)
    assert "Zorblatt Alliance for the Peoples of Our America" in names


def test_organisation_after_a_title_or_a_country_starts_at_its_own_name():
    assert names(find_organizations("the President of the World Bank said")) == ["World Bank"]
    assert names(find_organizations("the 2002 China and Association of Southeast Asian Nations declaration")) == ["Association of Southeast Asian Nations"]


# -- places -------------------------------------------------------------------------------


def test_gazetteer_places():
    text = "Talks in Kazan, Beijing and Guangdong involved China, the United States and the Democratic People's Republic of Korea."
    found = find_places(text)
    assert names(found) == ["Kazan", "Beijing", "Guangdong", "China", "United States", "Democratic People's Republic of Korea"]
    assert all(f.rule == "gazetteer" and f.strong for f in found)


def test_a_hyphenated_place_written_with_spaces_is_the_place():
    """ "Port Vila" was an organisation on the UN speeches: GeoNames writes the capital "Port-Vila" (and lists it under
    the capital "Port Vila" of Vanuatu, so it was no capital of the gazetteer and too small a city); "Porto Novo" is
    Porto-Novo. A part in lower case makes no key ("Ulsan-gwangyeoksi" is no "Ulsan" of its own)."""
    found = {f.name: f.canonical for f in find_places("Flights from Port Vila and Porto Novo arrived.")}
    assert found == {"Port Vila": "Port-Vila", "Porto Novo": "Porto-Novo"}
    assert gazetteer()["Ulsan"].kind == "city"


def test_a_region_of_several_words_is_a_place_of_the_gazetteer():
    """ "At New England town meetings", "the Great Plains", "Asia Minor" made no page (regions.txt; regions of one word
    are left out there, as the tagger reads the gazetteer word by word and would need training again)."""
    found = find_places("At New England town meetings and on the Great Plains, as in Asia Minor, people voted.")
    assert [(f.name, f.strong) for f in found] == [("New England", True), ("Great Plains", True), ("Asia Minor", True)]
    found = find_places("his recent visit to the South Pacific island countries, and to the North Atlantic")  # the model's organisation
    assert [(f.name, f.rule) for f in found] == [("South Pacific", "gazetteer"), ("North Atlantic", "gazetteer")]


def test_possessive_country_is_the_country():
    [china] = [f for f in find_places("in China’s Guangdong province") if f.name == "China"]
    assert (china.start, china.end) == (3, 8)


def test_appositive_place():
    text = "Dongguan, a city in China’s Guangdong province, has grown."
    [dongguan] = [f for f in find_places(text) if f.name == "Dongguan"]
    assert dongguan.rule == "appositive-place" and dongguan.role == "a city in China’s Guangdong province" and dongguan.strong


def test_common_word_city_is_not_a_place():
    assert find_places("The talks were nice. Reading the text was a split decision; a mobile phone rang.") == []
    assert names(find_places("They met in Nice and in Moscow.")) == ["Moscow"]  # "nice" is a common English word


def test_a_states_name_the_web_writes_often_is_a_place_anywhere():
    """ "Tasmania was excluded": the frequency list ranks "tasmania" high, but it is no English word, given name or surname,
    so it is a place at a sentence's start too (it was only the model's weak find on GUM); not before a number."""
    assert names(find_places("The survey ran in Queensland. Tasmania was excluded from the study.")) == ["Queensland", "Tasmania"]
    assert find_places("Bono 10,000 is a credit programme.") == []  # a programme's name


def test_common_word_capital_at_sentence_start_with_the_word_in_lowercase_too():
    assert find_places("Male and female workers. The male share rose.") == []


def test_place_inside_an_organisation_is_a_find_of_its_own_inside_it():
    text = "the Shanghai Cooperation Organization met in Shanghai."
    found = find_all(text)
    assert [(f.kind, f.name, f.rule) for f in found] == [
        ("place", "Shanghai", "gazetteer"),
        ("organization", "Shanghai Cooperation Organization", "org-head"),
        ("place", "Shanghai", "gazetteer"),
    ]
    assert (found[0].start, found[0].end) == (4, 12) and found[0].strong  # wholly inside the organisation's name
    assert found[2].start == text.rindex("Shanghai")
    assert_spans(text, found)


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("He studied at the University of Paris in those years.", "Paris"),  # an "of" complement
        ("He taught at Kyoto University until 1990.", "Kyoto"),  # a word of the run, dropped by the gazetteer alone
        ("Holt was drafted by the Pittsburgh Pirates in the ninth round.", "Pittsburgh"),  # a city the frequency list ranks high
        ("He was schooled at Aberdeen Grammar School, and then at home.", "Aberdeen"),
    ],
)
def test_place_in_an_organisations_name(text, inner):
    found = find_all(text)
    [place] = [f for f in found if f.kind == "place"]
    [org] = [f for f in found if f.kind == "organization"]
    assert place.name == inner and place.strong and org.start <= place.start and place.end <= org.end


@pytest.mark.parametrize(
    "text",
    [
        "He met Paris Hilton at the party.",  # a person's name
        "Town meetings are held across New England every spring.",  # a longer place's name
        "They sailed along the coast of Asia Minor in the spring.",
    ],
)
def test_no_place_inside_a_persons_or_a_longer_places_name(text):
    found = find_all(text)
    assert all(not (g is not f and g.start <= f.start and f.end <= g.end) for f in found for g in found)
    assert "England" not in names(found) and "Paris" not in names(found) and "Asia" not in names(found)


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Mr. W. Lansing Gleason, my landlord, is the mayor.", "Lansing"),  # a word inside a run, not the city it opens
        ("Greyhound Bus Lines, 317 S Detroit Ave. (downtown).", "Detroit"),
        ("The Reading Room Company opened in May.", "Reading"),  # a word English uses as a noun
        ("He studied at Jackson Baptist College in those years.", "Jackson"),  # a surname too
    ],
)
def test_common_city_word_inside_a_name_needs_to_open_it_and_be_no_english_word(text, city):
    assert city not in names(find_all(text))


def test_run_up_to_a_connector_before_an_organisation_another_finder_took():
    found = find_all("He thanked publishers Jann Wenner of Rolling Stone Magazine and others.")
    assert ("person", "Jann Wenner") in [(f.kind, f.name) for f in found]
    assert "Rolling Stone Magazine" in names(found, "organization")


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("According to the New Zealand Herald, the plan failed.", "New Zealand Herald"),
        ("It was published in the Medical Journal of Australia this week.", "Medical Journal of Australia"),
        ("It was reported by the New York Times on Monday.", "New York Times"),
        ("Whitmore told Zorblatt Weekly in a statement that it was over.", "Zorblatt Weekly"),
        ("He is a saint of the Zorblatt Orthodox Church and of others.", "Zorblatt Orthodox Church"),  # a church, a body
        ("He was a captain in the Corps of Zorblatt Engineers until 1780.", "Corps of Zorblatt Engineers"),
        ("The debt was rescheduled by the Zorblatt Club in 2010.", "Zorblatt Club"),  # "Paris Club" was a place's page
    ],
)
def test_newspapers_and_journals_are_organisations(text, organization):
    assert organization in names(find_all(text), "organization")
    assert organization in names(find_organizations(text))  # by the head word, whatever the model makes of it


def test_place_inside_a_longer_name_is_skipped():
    assert names(find_places("students of Kazan Federal University")) == []


# -- everything ---------------------------------------------------------------------------


def test_find_all_resolves_overlaps_and_sorts():
    text = "Chinese President Xi Jinping met the Russian Direct Investment Fund in Kazan."
    found = find_all(text)
    assert [(f.kind, f.name) for f in found] == [
        ("person", "Xi Jinping"),
        ("organization", "Russian Direct Investment Fund"),
        ("place", "Kazan"),
    ]
    assert found == sorted(found, key=lambda f: (f.start, f.end))
    starts = [(f.start, f.end) for f in found]
    assert all(a[1] <= b[0] for a, b in zip(starts, starts[1:], strict=False))


def test_offsets_index_the_original_text_across_a_line_break():
    text = "Russian President Vladimir\nPutin and the Russian Direct\n   Investment Fund met in\nSaint Vincent and the Grenadines."
    found = find_all(text)
    assert names(found) == ["Vladimir Putin", "Russian Direct Investment Fund", "Saint Vincent and the Grenadines"]
    assert text[found[0].start : found[0].end] == "Vladimir\nPutin"
    assert_spans(text, found)


def test_no_name_across_a_blank_line():
    assert names(find_people("the President\n\nXi Jinping")) == []


def test_offsets_on_a_seed_like_paragraph():
    text = (
        "STATE GUEST: Chinese President Hu Jintao and his visiting Russian counterpart Dmitry Medvedev review honor guards "
        "at a welcoming ceremony in Beijing on September 27, 2012. The Export-Import Bank of China and the "
        "Russian Foreign Economic Bank signed; Glazyev, advisor to the Russian president, stressed it."
    )
    found = find_all(text)
    assert_spans(text, found)
    assert {"Hu Jintao", "Beijing", "Export-Import Bank of China", "Russian Foreign Economic Bank", "Glazyev"} <= set(names(found))


def test_deterministic():
    text = "Foreign Minister Wang Yi met Sergei Lavrov, Russia's foreign minister, at the Shanghai Cooperation Organization in Kazan."
    assert find_all(text) == find_all(text)
    assert repr(find_all(text)) == repr(find_all(text))


def test_empty_and_lowercase_text():
    assert find_all("") == []
    assert find_all("nothing here is named at all.") == []


# -- cases found on real text ---------------------------------------------------------------


def test_title_inside_a_name_and_capitalised_particles():
    assert people("We thank Mr. Hassan Sheikh Mohamud for it.") == [("Hassan Sheikh Mohamud", "Mr.")]
    assert people("We thank Sheikh Tamim bin Hamad Al Thani for it.") == [("Tamim bin Hamad Al Thani", "Sheikh")]


def test_a_clause_after_a_comma_is_no_appositive():
    assert find_people("Fifthly, the Special Envoy for Syria must play the role of facilitator.") == []
    assert [f for f in find_places("Fifthly, the country must act.") if f.rule == "appositive-place"] == []


def test_a_list_of_countries_is_no_appositive():
    text = "Somalia, the Democratic Republic of the Congo and Turkey, the region and the world."
    assert [f for f in find_places(text) if f.rule == "appositive-place"] == []


def test_organisation_boundaries():
    text = (
        "the United Nations Relief and Works Agency for Palestine Refugees in the Near East (UNRWA), "
        "the Special Representative of the League of Arab States for Syria, "
        "the Organization for Security and Co-operation in Europe, "
        "the Office of the United Nations High Commissioner for Refugees, "
        "the National Dialogue Conference and Security Council resolution 2216, "
        "the Rio de Janeiro United Nations Conference, the High-\nLevel Political Forum."
    )
    assert names(find_organizations(text)) == [
        "United Nations Relief and Works Agency for Palestine Refugees in the Near East",
        "League of Arab States",
        "Organization for Security and Co-operation in Europe",
        "Office of the United Nations High Commissioner for Refugees",
        "Security Council",
    ]


def test_company_suffix_after_an_abbreviation_starts_no_name():
    text = "the latter’s Jonasque Oil and Gas Co., Ltd. China CEFC Energy Company Ltd. signed"
    assert names(find_organizations(text)) == ["Jonasque Oil and Gas Co.", "China CEFC Energy Company Ltd"]


def test_a_plan_named_programme_is_not_strong():
    [plan] = find_organizations("the Barbados Island Programme for islands")
    assert plan.name == "Barbados Island Programme" and not plan.strong
    assert find_organizations("the Barbados Programme of Action for islands") == []  # a plan of action: no body at all


def test_a_list_of_names_is_no_appositive_and_in_cuts_a_run():
    assert people("We thank António Guterres, President Philemon Yang, and others.") == [("Philemon Yang", "President")]
    assert names(find_organizations("the first African Migration Observatory in the African Union")) == ["African Union"]


def test_any_title_before_a_given_name_and_a_surname_is_strong():
    for text, name in (
        ("as Speaker Nancy Pelosi told reporters", "Nancy Pelosi"),
        ("a letter from Bishop Diego de Landa reached Spain", "Diego de Landa"),
        ("We thank Mr. Ban Ki-moon for his work.", "Ban Ki-moon"),  # a family-first name
    ):
        [found] = find_people(text)
        assert (found.name, found.strong) == (name, True)
    [common_only] = find_people("a note from the Chief Guest reached them")
    assert not common_only.strong  # one common word no one's surname: it must recur (unless a verb only a person takes follows it)
    [whole] = find_people("as former President Valéry Giscard d'Estaing declared")
    assert (whole.name, whole.strong) == ("Valéry Giscard d'Estaing", True)  # an elided particle ("de") joined to the surname
    assert find_people("the Emperor Norton Bridge opened") == []  # a head word: a bridge named after him, no person


def test_a_city_the_frequency_list_ranks_high_is_a_place_where_a_sentence_puts_one():
    found = find_places("She then moved to Boston, where she studied, and later lived near Portsmouth.")
    assert names(found) == ["Boston", "Portsmouth"] and all(f.strong for f in found)
    assert find_places("Boston is large.") == []  # opening a sentence, a common word's capital proves nothing
    assert find_places("They moved to Reading after the reading group.") == []  # the text writes it in lower case
    assert find_places("They went to Reading.") == []  # "a reading": an English noun, as the bigram list uses it
    assert find_places("They met in Nice.") == []
    found = find_places("Traffic around Sheffield and Leeds is heavy, as it is between Liverpool and Manchester.")
    assert {"Leeds", "Sheffield", "Liverpool"} <= set(names(found))  # after "and": no preposition needed
    assert find_places("The station is at 319 S. Denver downtown.") == []  # after a capitalised word: a street
    assert find_places("She thanked Jackson and Lincoln for it.") == []  # surnames: people as likely as cities
    assert names(find_places("She lectured at New York's Columbia University.")) == ["New York"]  # not after "'s"


def test_a_town_before_a_comma_and_its_state_or_country_is_a_place():
    found = find_places("She grew up in Stephenville, Texas, where her father taught.")
    assert [(f.name, f.rule, f.strong) for f in found if f.rule == "located-place"] == [("Stephenville", "located-place", True)]
    assert "Boxborough" in names(find_places("Residents of Boxborough, Massachusetts. They met."))
    for text in (
        "As one of its earliest Member States, Afghanistan supports the Charter.",  # a fronted phrase, then the subject
        "It was signed in Stephenville, Texas and Oklahoma.",  # no end of the phrase after the state
        "She taught at Skidmore University, New York.",  # an organisation located there
        "Talks with Stephenville, Texas.",  # no preposition of place before the name
    ):
        assert not any(f.rule == "located-place" for f in find_places(text)), text


def test_a_town_before_a_states_abbreviation_or_heading_its_line_is_a_place():
    """A letter's heading "Eau Gallie, Fla." made no place (the state written as newspapers abbreviate it, with no
    preposition before the town): the town is a place, the abbreviation one going by the state's name. A town and its
    state on a line of their own (a heading, a dateline) need no preposition either; "to" is a preposition of place."""
    located = find_places("Eau Gallie, Fla.")
    assert [(f.name, f.canonical, f.rule) for f in located] == [("Eau Gallie", "", "located-place"), ("Fla.", "Florida", "located-place")]
    assert names(find_places("She came from Athens, Ga. and stayed.")) == ["Athens"]  # "Georgia" is the country's name
    assert "Tulsa" in names(find_places("Tulsa, Oklahoma"))
    assert "Bradenton" in names(find_places("The firm moved to Bradenton, Florida, last year."))
    for text in (
        "Then Mr. Smith, Miss. Jones and Mrs. Lee came.",  # a form of address before a name
        "Head of Government, Andorra",  # a title's words, no town: the line does not open with them
        "Talks with Stephenville, Texas and Oklahoma",  # no preposition, and the line does not end after the state
    ):
        assert not any(f.rule == "located-place" for f in find_places(text)), text


def test_the_earth_the_sun_and_the_planets_are_places_where_a_sentence_puts_one():
    """ "landed back on Earth", "orbiting the Sun" (GUM's places) made no page: one capitalised word the dictionary has.
    Not opening a sentence, not inside a longer name, and "Sun" only after "the" (a surname too)."""
    found = find_places("The probe landed back on Earth and kept orbiting the Sun; the Earth's surface is warm.")
    assert [(f.name, f.rule) for f in found] == [("Earth", "celestial"), ("Sun", "celestial"), ("Earth", "celestial")]
    for text in (
        "Earth is round.",  # opening a sentence
        "The Earth Summit met, and Mother Earth wept.",  # words of longer names
        "Then Sun Yat-sen spoke to Sun.",  # a surname: "Sun" needs "the"
        "They climbed the Pyramid of the Sun.",  # a longer name's words
    ):
        assert not any(f.rule == "celestial" for f in find_places(text)), text


def test_a_city_goes_by_the_short_name_geonames_lists_for_it():
    [found] = find_places("After a brief period in Frankfurt the family moved on.")
    assert (found.name, found.canonical, found.strong) == ("Frankfurt", "Frankfurt am Main", True)
    assert find_places("She wrote about Vasco and his ships.") == []  # "Vasco da Gama": a given name keeps it whole


def test_a_citys_english_or_former_name_is_the_city():
    """ "Bangalore" and "Marrakech" were organisations on the UN speeches: GeoNames lists the cities as Bengaluru and
    Marrakesh (``city-names.yaml``)."""
    found = {f.name: f.canonical for f in find_places("He flew from Bangalore to Marrakech, then to Kiev.")}
    assert found == {"Bangalore": "Bengaluru", "Marrakech": "Marrakesh", "Kiev": "Kyiv"}


def test_a_regnal_number_ends_a_persons_name():
    assert people("appointed by Pope Damasus I, who wrote") == [("Damasus I", "Pope")]
    assert people("the portrait of King Louis XV of France") == [("Louis XV", "King")]
    [found] = find_people("when Shah Abbas II moved the court")
    assert (found.name, found.strong) == ("Abbas II", True)
    [pronoun] = find_people("when Shah Abbas I think moved")
    assert pronoun.name == "Abbas"  # "I" before a verb is the pronoun
    [queen] = find_all("She met Elizabeth II in 1990.")
    assert (queen.name, queen.kind, queen.strong) == ("Elizabeth II", "person", True)
    assert not any(f.kind == "person" for f in find_all("They watched the Apollo XI crew land."))  # a thing numbered
    assert not any(f.kind == "person" for f in find_all("It ended after World War II in Europe."))


def test_a_natural_feature_named_after_a_place_or_a_nationality_is_one_place():
    for text, name in (
        ("The ships retreated from Manila Bay. Later", "Manila Bay"),
        ("the coast of the Gulf of Mexico is warm", "Gulf of Mexico"),
        ("fishing villages near Lake Victoria, where", "Lake Victoria"),
        ("a tsunami in the Indian Ocean killed", "Indian Ocean"),
        ("since the fall of the Berlin Wall, Europe", "Berlin Wall"),  # a structure named after a place is one too
        ("ships that cross the Panama Canal pay", "Panama Canal"),
        ("disputed islands in the East China Sea, where", "East China Sea"),  # a direction opens the name ("China Sea" before)
        ("the jewel of biodiversity in the Arabian Sea. Although", "Arabian Sea"),  # a region's adjective, as "Arab" is
    ):
        found = [f for f in find_places(text) if f.rule == "feature"]
        assert [(f.name, f.strong) for f in found] == [(name, True)], text
    assert not any(f.rule == "feature" for f in find_places("a room at the Manila Bay Hotel"))  # the run goes on
    assert not any(f.rule == "feature" for f in find_places("the Bay area of Manila"))  # no feature named after it


def test_a_plural_title_opens_no_name():
    text = "We thank Presidents Juan Manuel Santos Calderón of Colombia and Hugo Chávez Frías of Venezuela."
    assert names(find_all(text), "person") == ["Juan Manuel Santos Calderón", "Hugo Chávez Frías"]


@pytest.mark.parametrize(
    ("text", "strong"),
    [
        ("After transferring to Rice University in 2009, he posted a record.", True),  # named after a person
        ("She then studied at Collins College in Tempe for a year.", True),  # a surname that reads as a plural
        ("The ballots were counted by the Electoral Commission in May.", False),  # a description, no name
        ("The bill went to the Legislative Assembly in May.", False),
        ("The boat was saved by the Indonesian Navy in May.", True),  # a nationality and a head word
        ("It was the African Programme that failed.", False),  # a weak head word needs its acronym
    ],
)
def test_one_word_naming_an_organisation_after_a_person_stands_alone(text, strong):
    from build_docs.extract.discover import confirmed, lowercase_words

    [org] = [f for f in find_all(text) if f.kind == "organization"]
    assert confirmed([org], lowercase_words([text]))[0].strong is strong


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("She studied at the Architectural Association School of Architecture in London.", "Architectural Association School of Architecture"),
        ("He taught at Harvard Law School for a year.", "Harvard Law School"),
        ("A spokesman for the Irving Independent School District said so.", "Irving Independent School District"),  # a place's head ends it
        ("Thank you to the Congressional Black Caucus and its Chair.", "Congressional Black Caucus"),
    ],
)
def test_schools_and_colleges_are_organisations(text, organization):
    assert organization in names(find_all(text), "organization")


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("Leaders met at the NATO Istanbul Summit in 2004.", "NATO"),
        ("The old town is a UNESCO World Heritage Site since 1979.", "UNESCO"),
    ],
)
def test_an_acronym_opening_a_longer_name_is_an_organisation_inside_it(text, acronym):
    found = find_all(text)
    [inner] = [f for f in found if f.name == acronym]
    assert inner.kind == "organization" and inner.strong and inner.rule == "acronym-opening"


@pytest.mark.parametrize("text", ["The US Army left in May.", "He met them in the NATO office.", "Dr. John SMITH Jones came."])
def test_no_acronym_find_for_a_place_a_lone_acronym_or_a_word_inside_a_run(text):
    assert all(f.rule != "acronym-opening" for f in find_all(text))


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Charles J. Fillmore was an American linguist.", "Charles J. Fillmore"),  # an initial is no acronym
        ("He built on the investigations of Pierre-Simon Laplace in those years.", "Pierre-Simon Laplace"),  # given names joined
        ("They hosted athletes Vitas Gerulaitis and others.", "Vitas Gerulaitis"),  # a role noun's plural before the name
    ],
)
def test_people_by_shape_and_role_without_the_model(text, person, monkeypatch):
    from build_docs.extract import discover

    monkeypatch.setattr(discover, "MODEL_FINDS", False)
    assert person in names(find_all(text), "person")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The Malaysia Tourism board was quite prominent.", "Malaysia"),  # the run makes no name
        ("It was my California Driver's license.", "California"),
    ],
)
def test_a_country_or_state_in_a_run_that_makes_no_name_is_a_place(text, place):
    assert names(find_all(text), "place") == [place]


def test_a_city_in_a_run_that_makes_no_name_is_none():
    assert "Reading" not in names(find_all("The Reading Festival board met."), "place")


def test_one_word_of_a_country_cut_before_it_is_a_place():
    found = find_all("The railway to Vorsino of Russia has already been put into operation.")
    assert ("place", "Vorsino") in [(f.kind, f.name) for f in found] and "Russia" in names(found, "place")


def test_a_common_word_that_is_a_small_city_does_not_hide_the_place_beside_it():
    found = find_all("Fan Expo took place at the Metro Toronto Convention Centre this weekend.")
    assert names(found, "place") == ["Toronto"]  # "Metro" is also a town in Indonesia
    assert names(find_all("the Niger Congo language phylum")) == []  # two countries side by side name no place
