"""Names found however a text writes them (issue 18): runs of capitalised words with no title or head word,
typed by their shape and context, one name however many words, and the short form joined to its person."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import build_docs.extract.discover as discover
from build_docs.extract.discover import Found, find_all, is_common
from build_docs.extract.discover.lexicon import is_dictionary_word
from build_docs.extract.discover.names import document_part, leads, names_in, participle_before, person_then, plural, single_name
from build_docs.extract.discover.person_shapes import family_first, given_name, surname
from build_docs.extract.discover.tagger import tagged
from build_docs.extract.discover.tokens import tokenize
from build_docs.extract.extractors import extract
from build_docs.link.knowledge import assemble, paragraphs_of
from build_docs.link.registry import empty
from build_docs.pipeline import BuildConfig, build
from tests.test_knowledge import article, knowledge_of


def finds(text: str) -> dict[str, tuple[str, str, bool]]:
    return {f.name: (f.kind, f.rule, f.strong) for f in find_all(text)}


def test_a_name_with_no_title_is_found_and_typed_by_its_shape():
    found = finds("The music of Antonín Dvořák and Bedřich Smetana was played. Later she met Jiang Zemin there.")
    assert found["Antonín Dvořák"] == ("person", "name-run", True)
    assert found["Bedřich Smetana"] == ("person", "name-run", True)
    assert found["Jiang Zemin"] == ("person", "name-run", True)


def test_a_name_opening_a_sentence_counts_when_its_shape_is_a_persons():
    assert finds("Mikhail Gorbachev visits the city.")["Mikhail Gorbachev"][0] == "person"
    assert "Yesterday" not in finds("Yesterday the council met.")  # one capitalised word opening a sentence proves nothing
    assert finds("It rained. Ethnologue lists it, as Ethnologue does.") == {"Ethnologue": ("organization", "name-run", False)}


def test_the_words_around_a_name_type_it():
    assert finds("Rebels fought in Casamance for years.")["Casamance"] == ("place", "name-run", False)
    assert finds("We sailed across the Sea of Okhotsk.")["Sea of Okhotsk"][0] == "place"
    found = finds("They shelled Río Zorbales and the Kfar Quenxa hills, then took Lesser Quellbrand.")
    assert [found[n][0] for n in ("Río Zorbales", "Kfar Quenxa", "Lesser Quellbrand")] == ["place"] * 3  # a place's head word in another language
    assert finds("the critic Zorblatt wrote that")["Zorblatt"][0] == "person"
    assert finds("They met on Zorblatt Boulevard.")["Zorblatt Boulevard"][0] == "place"  # an organisation on the UN speeches
    assert finds("They drove on the Zorblatt Turnpike and the Quenxa Expressway.")["Zorblatt Turnpike"][0] == "place"  # a road's head word
    assert finds("They drove on the Zorblatt Turnpike and the Quenxa Expressway.")["Quenxa Expressway"][0] == "place"
    assert finds("Take the bus to S Zorblatt Ave, then Quenxa Blvd.")["S Zorblatt Ave"][0] == "place"  # written short
    assert finds("The Zorblatt Volcano erupted again.")["Zorblatt Volcano"][0] == "place"  # an organisation on the UN speeches
    assert finds("Fish stocks of the Quenxa Basin and the Zorblatt Delta fell.")["Quenxa Basin"][0] == "place"  # "Mekong Basin" too
    text = "It led to the creation of the Municipality of Quenxa."  # the rules alone made it an organisation (the model may not mend it)
    assert [(f.name, f.kind) for f in names_in(text, tokenize(text), bytearray(len(text) + 1))] == [("Municipality of Quenxa", "place")]


def test_common_words_contractions_and_compounds_are_no_names():
    assert finds("They met the Sustainable Development Goals and said I'm here.") == {}
    assert "China-Russia" not in finds("the new China-Russia ties and Sino-Russian trade")
    assert finds("the World Health Organiza:on met") == {}  # a word cut by a stray character
    assert finds("It will not bring back Breonna Quenxa\u2013say her name.")["Breonna Quenxa"][0] == "person"  # a dash is no cut
    assert finds("in the South-East of it") == {}
    assert finds("the Cypriots and the Haitians met at a High-level Meeting") == {}  # a people; compounds of common words
    assert "Abraham Accords" not in dict((n, k) for n, (k, _, _) in finds("they signed the Abraham Accords").items() if k == "person")
    text = "After Hurricane Quenxa and the Six-Day War, they won the Zorblatt Peace Prize and signed the Quellbrand Consensus."
    assert not {"Hurricane Quenxa", "Six-Day War", "Zorblatt Peace Prize", "Quellbrand Consensus"} & set(finds(text))  # events, prizes, plans
    assert finds("As the Holy Koran, the Talmud and the Bible teach, peace is good.") == {}  # scriptures are works (places on the UN speeches)
    text = "They adopted the Zorblatt Programme of Action, the Quenxa Agenda for Action and the Global Plan of Action."
    assert not any(f.name.endswith("Action") for f in find_all(text))  # plans, for the head word, the run and the model rules
    text = "We met at the Zorblatt Plenary Meeting, the Quenxa Process and the Qualm Lie Symposium, under the Quellbrand Decree."
    assert not any(f.kind != "other" and f.name.endswith(("Meeting", "Process", "Symposium", "Decree")) for f in find_all(text))


def test_a_verbs_ing_form_before_a_name_is_no_word_of_it():
    """ "Discussing Einstein's ideas" names Einstein; the model read "the British of Anglicizing London" (a speech's line) as
    one person. A body named for its work keeps the word ("Financing Facility for Remittances"), as does a noun ("Building",
    "Morning") or a surname ("Sterling")."""
    found = finds("The force was clear. Discussing Einstein's ideas in detail. We are the British of Anglicizing London.")
    assert "Einstein" in found and not any(name.startswith(("Discussing", "Anglicizing")) for name in found)
    assert not any(f.name.startswith("Anglicizing") for f in tagged("We are the British of Anglicizing London. Why are we called Jews?"))
    assert "Financing Facility for Remittances" in finds("The Financing Facility for Remittances was set up.")
    assert not participle_before(["Morning", "Star"]) and not participle_before(["Sterling", "Morgan"])
    assert participle_before(["Discussing", "Einstein"]) and not participle_before(["Discussing", "Bank"])
    assert participle_before(["Judaizing", "Jerusalem"])  # a verb in "-ize" the dictionary lacks (a person page after a retraining)


def test_a_name_the_text_calls_a_place_is_one_however_often_it_stands_alone():
    """ "the town of Marstal": a noun for a place and "of" before a name type it a place, and the page stays one where
    the other mentions have nothing around them (on 300 UN speeches: "Varosha", "Semipalatinsk" were organisations)."""
    assert finds("The city of Zorbaville is big.")["Zorbaville"][0] == "place"
    assert finds("We reached the little fishing town of Zorbaville by ferry.")["Zorbaville"][0] == "place"
    assert finds("He met the president of Zorbania.").get("Zorbania", ("organization",))[0] != "person"
    assert "Zorbaville Bank" in finds("the town of Zorbaville Bank")  # a head word names an organisation still
    from build_docs.extract.discover.names import _called_a_place

    assert _called_a_place("the town of ", 12) and not _called_a_place("the country of ", 15)  # "the country of Cesaria Evora"
    one = article("one", "We visited the town of Marstal by ferry.", "Later, Marstal grew, and Marstal prospered.", "Visitors love Marstal.")
    knowledge, _ = knowledge_of([one])
    assert [(e.name, e.kind) for e in knowledge.entities.values() if e.name == "Marstal"] == [("Marstal", "place")]


def test_a_road_named_by_its_number_is_a_place_with_one_page_however_written():
    """ "I-244, I-44, US 169" made no name, and a letter and digits name a road only where a paragraph speaks of roads
    ("the A4" is a paper size too): rule ``road`` (``roads.yaml``)."""
    found = finds("Expressways around the metro area: I-244, I-44, US 169 (the Zorblatt Expressway), Hwy 51 and Route 66.")
    assert {n: found[n][:2] for n in ("I-244", "I-44", "US 169", "Hwy 51", "Route 66")} == dict.fromkeys(
        ("I-244", "I-44", "US 169", "Hwy 51", "Route 66"), ("place", "road")
    )
    assert "US" not in found  # the country's code is the road's prefix here
    assert finds("Take the M1 northbound to junction 32, then the A64 eastbound to the ring road (A1237).").keys() >= {"M1", "A64", "A1237"}
    assert finds("Print it on the A4 and send it to the B12 team.") == {}  # no road's word: a paper size, a name
    assert [f.rule for f in find_all("It cost US 25 million, and I 20 years ago.")] == ["gazetteer"]  # "US" alone: an amount; the pronoun
    one = article("one", "We took Interstate 44 west out of town.", "Later the I-44 was closed for a week.")
    knowledge, _ = knowledge_of([one])
    assert [(e.name, e.kind) for e in knowledge.entities.values()] == [("I-44", "place")]


def test_a_plural_title_names_each_person_of_its_list_and_a_name_in_capitals_goes_by_its_capitalised_form(tmp_path: Path):
    """ "Senators KELLY, HICKENLOOPER, and Luján" (as the Congressional Record sets names) and "Presidents Obama,
    Ahmadinejad or Chávez" (a UN speech) named none of their people by a title; a name in capitals gets its page under its
    capitalised form, and its mentions in capitals are matched (one word is matched in its own case)."""
    found = finds("They join Senators Quenxa, ZORBLATT, and Luján as part of a class, as Presidents Obama or Ahmadinejad did.")
    names = ("Quenxa", "ZORBLATT", "Luján", "Obama", "Ahmadinejad")
    assert {n: found[n][:2] for n in names} == dict.fromkeys(names, ("person", "title-before"))
    assert not any(k == "person" for k, _, _ in finds("We walked from Kings Cross and Queens Park to Princes Street.").values())
    text = "The Record\n\nToday Senator ZORBLATT said the bill would pass.\n\nLater the House voted, and ZORBLATT was pleased.\n"
    people = [r for r in built_records(tmp_path, {"record.txt": text}) if r["kind"] == "person"]
    assert [(r["name"], r["aliases"], len(r["mentions"])) for r in people] == [("Zorblatt", ["ZORBLATT"], 2)]
    assert [(f.name, f.canonical) for f in find_all("ALEX ZORBLATT, of California, was sworn in.") if f.kind == "person"] == [
        ("ALEX ZORBLATT", "Alex Zorblatt")
    ]  # a run set in capitals too


def test_a_universitys_campus_after_at_is_part_of_its_name():
    """ "the University of California at Berkeley" made "University of California", which GUM's mention of the Berkeley
    campus is not; the campus's place still counts as a place."""
    found = finds("He taught at the University of California at Berkeley, then at the University of Quenxa at Chapel Hill.")
    assert found["University of California at Berkeley"][:2] == ("organization", "org-head")
    assert found["Berkeley"][0] == "place"
    assert "California at Berkeley" not in found  # no complement of the name but the place
    assert "University of Quenxa" in finds("He taught at the University of Quenxa at Chapel Hill.")  # of no place of the gazetteer
    assert "University of Chicago" in finds("The University of Chicago at Christmas was quiet.")  # a common word alone is no campus


def test_a_name_in_another_languages_place_words_is_a_place():
    """ "Anse Bertrand", "Grande-Terre" were organisations for want of evidence, and "Ribeira Grande" (a UN speech: "Its
    oldest city — Ribeira Grande, or the Cidade Velha") a site's page typed an organisation, as if "Grande" named a
    building: place words in other languages (``place-words-abroad.txt``) make a place, confirmed on one mention as a
    site is; a joining word between capitalised parts keeps a hyphenated word a name (``hyphen-joiners.txt``)."""
    found = finds("You can visit Anse Quenxa, not far from there, and Zorblatt-Grande. Ariana Grande sang.")
    assert (found["Anse Quenxa"][0], found["Zorblatt-Grande"][0], found["Ariana Grande"][0]) == ("place", "place", "person")
    text = "Its oldest city — Quenxa Grande, or the old town — was named a World Heritage site."
    assert [(f.kind, f.alone) for f in find_all(text) if f.name == "Quenxa Grande"] == [("place", True)]  # not after a lowercase word
    found = finds("Then we went to Pointe-à-Quenxa, to Morne-à-l'Zorb and to Stratford-upon-Avon. It was UN-led.")
    assert (found["Pointe-à-Quenxa"][0], found["Morne-à-l'Zorb"][0]) == ("place", "place") and "Stratford-upon-Avon" in found
    assert not any("UN-led" in n for n in found)


def test_any_title_before_one_uncommon_word_names_a_person_on_one_mention():
    """ "Mr. Nimetz", "Lord Palmerston", "Dr. Pangborn": a title no head of state holds, before one word no dictionary has,
    was weak on one mention (the UN speeches' candidates); before a common word no one's surname it still is ("the Chief
    Guest")."""
    assert finds("We thank Mr. Quenxa for his work.")["Quenxa"] == ("person", "title-before", True)
    assert finds("As Lord Zorblatt wrote in 1850, it was so.")["Zorblatt"] == ("person", "title-before", True)
    assert finds("It is a pleasure to be here as the Chief Guest during the launch.")["Guest"] == ("person", "title-before", False)


def test_a_title_before_one_surname_names_a_person_on_one_mention():
    """A surname of the naming lists after a capitalised title is a person's name however common the word ("Mr. Baker",
    "President Bush", "Mayor Tate"; on 300 UN speeches "President Wilson", "Special Envoy Mitchell" had no page), also
    set in capitals ("Senators KELLY, ..."); after a lowercase title it must recur ("the president Bush")."""
    assert finds("We thank Mr. Baker for his work.")["Baker"] == ("person", "title-before", True)
    assert finds("It is the tradition that Mayor Tate carries on.")["Tate"] == ("person", "title-before", True)
    assert finds("They join Senators KELLY, HICKENLOOPER, and Luján in the class.")["KELLY"] == ("person", "title-before", True)
    assert finds("They say the president Bush arrived late.")["Bush"][2] is False


def test_and_before_a_head_word_and_of_starts_another_organisation():
    """ "the United Nations and Council of Europe conventions" made one organisation of both; a name opening with its head
    word and "of" after "and" is another one, while "Food and Agriculture Organization" stays one name."""
    found = finds("The standards of the Quenxa Zorblatt and Council of Europe conventions hold. The Food and Agriculture Organization met.")
    assert found["Council of Europe"][0] == "organization" and "Quenxa Zorblatt" in found
    assert "Food and Agriculture Organization" in found


def test_a_place_or_site_head_of_a_name_is_a_place_whatever_its_words():
    """ "the Cape of Good Hope", "the Pyramid of the Sun", "the Temple of the Feathered Serpent" made no name (common words;
    "of the" ended a run), or a wrong one ("Feathered Serpent"): a place's or a site's head word, "of" and a name are a
    place, confirmed on one mention inside a sentence; a body's head word stays the organisation finder's."""
    text = "They sailed round the Cape of Good Hope in May, near the Pyramid of the Sun and the Temple of the Feathered Serpent."
    found = {f.name: (f.kind, f.alone) for f in find_all(text)}
    assert found == dict.fromkeys(("Cape of Good Hope", "Pyramid of the Sun", "Temple of the Feathered Serpent"), ("place", True))
    assert finds("He studied at the College of Arts and Sciences.")["College of Arts and Sciences"][0] == "organization"
    assert finds("Cape of Good Hope\n\nThe cape is windy.") == {}  # a heading: proves nothing


def test_a_particle_joined_by_a_hyphen_goes_on_with_the_name():
    """ "Bashar al-Assad" made a person "Bashar", "Jabhat al-Nusra" an organisation "Jabhat" and "Sharm el-Sheikh" a place
    "Sharm" (the UN speeches): a lowercase particle joined by a hyphen to a capitalised word is a word of the name it
    follows ("y" joins a Spanish name's two surnames: "José Ortega y Gasset" was two pages), and a given name before
    one is a person's full name; "who are" after a name is a group's verb, no person's."""
    found = finds("We met Bashar al-Quenxa and the Jabhat al-Zorbl fighters.")
    assert found["Bashar al-Quenxa"] == ("person", "name-run", True)
    assert found["Jabhat al-Zorbl"][0] == "organization"
    assert finds("elements such as Quenxa and Zorblatt, who are causing havoc.").get("Zorblatt", ("",))[0] != "person"
    assert finds("It was Zorblatt, who was born in 1900.")["Zorblatt"][0] == "person"
    assert finds("As the philosopher José Quenxa y Zorblatt said, we live.")["José Quenxa y Zorblatt"][0] == "person"  # "y" too


def test_a_comparative_of_an_english_word_is_an_english_word():
    """ "Earlier this year, ..." opening sentences in four UN speeches made the model's "Earlier" an organisation's page:
    "earlier" inflects "early" as "happier" does "happy", so it is a dictionary word, no name alone."""
    assert is_dictionary_word("Earlier") and is_dictionary_word("Earliest") and not is_dictionary_word("Xavier")
    text = "We are pursuing the peace and security of a world without nuclear weapons. Earlier this year, 47 nations embraced a work plan."
    assert "Earlier" not in {f.name for f in find_all(text)}


def test_more_head_words_name_bodies_and_a_plans_name_is_none():
    """ "Panel", "Police", "Laboratory", "Brigade", "Industries", "Embassy", "Community", "Mission" (and the place a mission
    works in: "United Nations Mission in Liberia") ... end bodies' names (the UN speeches had no
    page for the Intergovernmental Panel on Climate Change or the Haitian National Police, and made one of the "High-level
    Panel on Global Sustainability" a place); a name going on past its head word to a plan's ("... Initiative") is no
    organisation ("Extractive Industries" of the "Extractive Industries Transparency Initiative" was one)."""
    text = "The Intergovernmental Panel on Climate Change briefed the Haitian National Police and the Jet Propulsion Laboratory."
    found = finds(text)
    for name in ("Intergovernmental Panel on Climate Change", "Haitian National Police", "Jet Propulsion Laboratory"):
        assert found[name] == ("organization", "org-head", True)
    found = finds("other entities, such as the International Organization of la Francophonie and the Indian Ocean Commission.")
    assert found["International Organization of la Francophonie"][0] == "organization"  # "la": a word of its name, not its end
    found = finds("The United Nations Mission in Liberia and the United Nations Stabilization Mission in Haiti are ending.")
    assert found["United Nations Mission in Liberia"][0] == found["United Nations Stabilization Mission in Haiti"][0] == "organization"
    found = finds("They joined the Extractive Industries Transparency Initiative in 2010.")
    assert not any(kind == "organization" and "Industries" in name for name, (kind, _, _) in found.items())
    found = finds("with the creation of the Community of Latin American and Caribbean States and of the African Union.")
    assert found["Community of Latin American and Caribbean States"][0] == "organization"  # "Community of Latin American", the model's
    assert found["African Union"][0] == "organization"  # "and of" names another body: "... States and of the African Union" was one


def test_a_captions_credit_label_is_no_word_of_the_name_before_it():
    """A photo caption runs on from a name with no full stop ("Belle Image: Nick Moreau."): "Image" before the colon ends
    the name (``caption-labels.txt``), for the rules and the model alike."""
    text = "A showdown at the booth.\n\nQuellbrand Zorbex Image: Nick Moreau.\n\nUS President Barack Obama tweet to student Ahmed Mohamed Image: Twitter."
    names = set(finds(text))
    assert "Ahmed Mohamed" in names and "Nick Moreau" in names
    assert not any(n.endswith("Image") for n in names | {f.name for f in tagged(text)})


def test_a_body_named_after_the_of_of_a_longer_name_counts_that_mention():
    """ "General Assembly of the United Nations" mentions the United Nations: with one mention of its own, weak alone,
    it makes a page; a name only ever held after an "of" ("Foreign Affairs" of "Ministry of Foreign Affairs") makes none."""
    one = article(
        "one",
        "He spoke at the session of the General Assembly of the United Nations in the spring.",
        "It is the historical mission of the United Nations to keep the peace.",
        "The Ministry of Foreign Affairs wrote, and the Ministry of Foreign Affairs replied.",
    )
    knowledge, _ = knowledge_of([one])
    names = {e.name for e in knowledge.entities.values()}
    assert "United Nations" in names and "General Assembly of the United Nations" in names
    assert "Foreign Affairs" not in names and "Foreign Affairs" not in {c.name for c in knowledge.candidates}


def test_a_name_after_a_particle_may_be_a_common_word():
    """ "Sultan Qaboos bin Said": "Said" after "bin" is a name, not the verb (the UN speeches had a page "Qaboos Bin")."""
    assert "Qaboos bin Said" in finds("We thank His Majesty Sultan Qaboos bin Said for his wisdom.")
    assert "Qaboos Bin Said" in finds("We thank His Majesty Sultan Qaboos Bin Said for his wisdom.")
    assert "Ben" in finds("President Ben said no.")  # a verb of saying after a name ends it still
    found = finds("We thank the President of the General Assembly, Mr. Miguel d\u2019Escoto Brockmann. We met Valéry Giscard d'Estaing.")
    assert "Miguel d\u2019Escoto Brockmann" in found and "Valéry Giscard d'Estaing" in found  # an elided particle: "de" before a vowel
    assert "Brockmann" not in found


def test_a_persons_name_ends_before_who_they_work_for():
    """ "Nick Rhodes of Duran Duran": a person's full name, then "of" or "for" and a body, is the person and the body, for
    the rule runs and the model alike (the model made a person page "Nick Rhodes of Duran Duran")."""
    found = finds("He met Nick Rhodes of Duran Duran at home, and Lydia Buchtmann for Food Standards Australia New Zealand said so.")
    assert found["Nick Rhodes"][0] == "person" and found["Lydia Buchtmann"][0] == "person"
    assert not any(" of " in name or " for " in name for name, (kind, _, _) in found.items() if kind == "person")
    assert person_then(["Nick", "Rhodes", "of", "Duran", "Duran"]) == 2  # what the model's find is cut to
    for whole in (["Louis", "XV", "of", "France"], ["Catherine", "of", "Aragon"], ["Good", "Offices", "Mission", "of", "the", "Secretary-General"]):
        assert person_then(whole) == len(whole)  # a numbered name, one word before "of", common words (a UN page)
    assert "Louis XV" in finds("He wrote to Louis XV of France.")


def test_a_name_after_of_or_for_is_not_who_speaks():
    """ "A spokesman for Amnesty Zorblatt said": the spokesman speaks, so the verb makes no person of the body; nor for the
    model's find ("Lydia Buchtmann for Food Standards Australia New Zealand, says" made the body a person on GUM)."""
    assert finds("A spokesman for Amnesty Zorblatt said the report was wrong.")["Amnesty Zorblatt"][0] == "organization"
    assert finds("Zorblatt Qualm said the report was wrong.")["Zorblatt Qualm"][0] == "person"
    assert finds("The gist of Einstein's general theory is simple.")["Einstein"][0] == "person"  # a possessive is the name's own


def test_a_fear_or_an_epoch_is_no_entity():
    """ "Islamophobia", "Armenophobia", "the Pleistocene": a concept's or an epoch's word (pages on the UN speeches)."""
    assert finds("Islamophobia and Armenophobia are rising, as in the Pleistocene and the Anthropocene.") == {}


def test_a_bodys_members_are_no_entity():
    """ "the CARICOM States", "the ASEAN Defense Ministers": a body's acronym and a plural noun for its members name a group
    (pages on the UN speeches), as "Member States" does."""
    assert finds("The CARICOM States remain committed, as do the ASEAN Defense Ministers and the Member States.") == {}
    assert "United States" in finds("He lived in the United States.")
    text = "the Office of the High Representative for the Least Developed Countries, Landlocked Developing Countries and Small Island States."
    assert "Landlocked Developing Countries" not in finds(text)  # "Landlocked": a dictionary word, however rare
    found = finds("We welcome the Republic of South Sudan as the 193rd State Member of the United Nations. The State of Palestine applied.")
    assert not any(name.startswith("Member") for name in found) and "State of Palestine" in found  # one member's status: no entity
    # "Members of" a body, for the rules and the model alike ("States Members of the United Nations" was a page)
    found = finds("All States Members of the United Nations must act, as the Members of the Zorblatt Union said.")
    assert not any(name.startswith(("States", "Members")) for name in found), found  # the body itself may stand
    assert "Ministry of Foreign Affairs of Zorblatt" in finds("the Ministry of Foreign Affairs of Zorblatt said")


def test_a_century_after_its_ordinal_is_no_word_of_a_name():
    """ "a collection of 17th Century Zurbarán paintings": a page "Century Zurbarán" on GUM."""
    text = "a unique collection of 17th Century Zorblatt paintings, and of Nineteenth Century Qualmsby drawings."
    found = [f.name for f in names_in(text, tokenize(text), bytearray(len(text) + 1))]
    assert found == ["Zorblatt", "Qualmsby"]


def test_a_name_made_an_adjective_by_a_participle_is_no_name():
    """ "the United Nations-sanctioned force": place pages "United Nations-sanctioned" and "-related" on the UN speeches,
    for the model; a syllable of a name after a hyphen is no participle ("Ban Ki-moon", "Shin Kak-soo")."""
    found = finds("The Zorblatt Union-sanctioned force and the Qualm Nations-related bodies met Ban Ki-moon and Shin Kak-soo.")
    assert not any("-sanctioned" in name or "-related" in name for name in found)
    assert "Ban Ki-moon" in found and "Shin Kak-soo" in found
    assert not any(f.name.endswith("-related") for f in tagged("The United Nations-sanctioned force and the United Nations-related bodies met."))


def test_a_part_of_a_document_is_no_name():
    """ "Chapter VI of the Charter", "Annex B of the Kyoto Protocol": pages on the UN speeches, for the rule runs and the model."""
    text = "Belarus's amendment to Annex B failed. Chapter VI of the Charter and Chapters VI and VII apply. Under Chapter VII the Council acts."
    assert not any(part in name for name in finds(text) for part in ("Annex", "Chapter"))
    assert document_part(["Figure", "2"]) and not document_part(["Table", "Mountain"])  # a place, not a table


def test_titles_joined_by_hyphens_are_a_title():
    """ "Major-General Scott", "Vice-Admiral Nelson": a military rank written with a hyphen is a title before the name, not
    a word of it (a person page "Major-General Scott" on GUM)."""
    found = finds("The army was led by Major-General Scott Jones and Vice-Admiral Horatio Nelson, who said so.")
    assert found["Scott Jones"][:2] == ("person", "title-before") and found["Horatio Nelson"][:2] == ("person", "title-before")
    assert not any("-" in name for name in found)
    assert "Anne-Marie Duval" in finds("We met Anne-Marie Duval there.")  # given names joined by a hyphen are no title
    assert finds("He met Brigadier Ian Smith there.")["Ian Smith"][1] == "title-before"


def test_whose_is_no_evidence_of_a_person():
    """ "the Global Platform for Disaster Risk Reduction, whose next meeting": a person page on the UN speeches ("who" is)."""
    text = "We work with the Zorblatt Platform for Quenxa Reduction, whose next meeting is soon."
    assert finds(text).get("Zorblatt Platform for Quenxa Reduction", ("organization",))[0] != "person"
    assert finds("We met Zorblatt Qualmsby, who spoke.")["Zorblatt Qualmsby"][0] == "person"


def test_an_adverb_may_stand_between_a_name_and_its_verb():
    """ "As the great Goethe once said": an organisation for want of evidence on the UN speeches; "Wikinews has learned"
    stays no person (an auxiliary is no adverb: a newspaper's idiom)."""
    assert finds("As the great Zorblatt once said, it is our experience that teaches us.")["Zorblatt"][0] == "person"
    assert finds("The man Qualmsby famously wrote that it was so.")["Qualmsby"][0] == "person"
    assert finds("Many say Zorbnews has learned that it was so.").get("Zorbnews", ("organization",))[0] != "person"
    assert finds("The great Zorblatt family said it was so.").get("Zorblatt", ("organization",))[0] != "person"  # a noun in "-ly"


def test_a_name_after_a_form_of_address_is_a_persons():
    """ "His Holiness Khamenei", "His Majesty Mswati": organisations for want of evidence on the UN speeches."""
    found = finds("I thank His Holiness Khamenei and His Majesty Mswati, and Her Excellency Mrs. Zorblatt.")
    assert [found[name][0] for name in ("Khamenei", "Mswati", "Zorblatt")] == ["person"] * 3
    assert finds("I thank the Holiness Khamenei Zorblatt foundation.").get("Khamenei Zorblatt", ("organization",))[0] != "person"


def test_a_form_of_address_is_no_name():
    found = finds("As His Serene Highness Prince Albert II recalled before the Assembly, we agree.")
    assert "Albert II" in found and not any("Serene" in name for name in found)  # a page "Serene" on the UN speeches


def test_a_word_of_a_longer_title_broken_by_small_words_is_no_name_alone():
    """ "Reducing Emissions from Deforestation and Forest Degradation", "Substances that Deplete the Ozone Layer": a title-case
    name broken into runs leaves English words that made organisation pages on the UN speeches. A list is no title, nor
    is a sentence naming a place and a date."""
    text = (
        "The scheme known as Reducing Emissions from Deforestation and Forest Degradation helps. Under the Montreal "
        "Protocol on Substances that Deplete the Ozone Layer, and the Programme to Prevent, Combat and Eradicate the "
        "Illicit Trade, we act."
    )
    found = set(finds(text)) | {f.name for f in tagged(text)}
    assert not found & {"Deforestation", "Deplete", "Eradicate"}
    assert "Morris" in finds("He read Mark Twain, Christopher Moore, Morris and Goscinny, and others.")
    assert "Phoenix" in finds("After I was inducted as International President in Phoenix in July, I travelled.")


def test_a_name_of_several_place_words_is_one_name_not_two_places():
    assert finds("He was born in Guinea Bissau in 1950.") == {"Guinea Bissau": ("place", "gazetteer", True)}
    assert not any(kind == "place" for kind, _, _ in finds("the Niger Congo language phylum").values())


def test_a_date_after_an_organisation_is_not_its_complement():
    assert "Kennedy Space Center" in finds("It launched from the Kennedy Space Center on April 5.")


def test_person_shapes_of_several_traditions():
    assert family_first(["Deng", "Xiaoping"]) and family_first(["Moon", "Jae-in"])
    assert not family_first(["Deng"]) and not family_first(["Kim", "Jones"])
    assert given_name("Mikhail") and given_name("Antonín") and surname("Smith")
    assert not given_name("Organization")


def test_a_surname_alone_joins_the_one_person_and_a_shared_one_goes_to_candidates():
    one = article("one", "Antonín Dvořák wrote music. Later Dvořák moved to New York and Dvořák taught.")
    knowledge, _ = knowledge_of([one])
    people = [e for e in knowledge.entities.values() if e.kind == "person"]
    assert [(e.name, e.aliases) for e in people] == [("Antonín Dvořák", ("Dvořák",))]
    two = article("two", "Jared Padalecki met Sherri Padalecki. Padalecki spoke, and Padalecki left.")
    knowledge, _ = knowledge_of([two])
    assert sorted(e.name for e in knowledge.entities.values()) == ["Jared Padalecki", "Sherri Padalecki"]
    assert ("Padalecki", "a word of several people's names") in [(c.name, c.reason) for c in knowledge.candidates]


def test_a_name_with_an_abbreviated_word_is_the_name_written_out():
    """"St. Jerome" and "Saint Jerome" are one person, "Mt. Kenya" and "Mount Kenya" one place; a name's last word keeps its
    other sense ("Broad St." is a street, no saint)."""
    one = article(
        "one",
        "The priest Saint Jerome wrote to Damasus. Later the letters of St. Jerome were read in Rome and St. Jerome was praised.",
        "They climbed Mount Kenya. Mt. Kenya is high.",
    )
    knowledge, _ = knowledge_of([one])
    names = {e.name: e for e in knowledge.entities.values()}
    jerome = [e for e in names.values() if "Jerome" in e.name]
    assert len(jerome) == 1 and {jerome[0].name, *jerome[0].aliases} >= {"Saint Jerome", "St. Jerome"}
    assert jerome[0].kind == "person"
    assert len([e for e in names.values() if "Kenya" in e.name and e.name != "Kenya"]) == 1  # the country is a place of its own
    from build_docs.link.knowledge import _key

    assert _key("Broad St.") != _key("Broad Saint") and _key("St Louis") == _key("Saint Louis")


def test_a_post_naming_leaders_without_titles_gives_each_a_page(tmp_path: Path):
    text = "---\ntitle: Thirty years on\n---\n\nMikhail Gorbachev visits Beijing and holds meetings with Deng Xiaoping. "
    records = built_records(tmp_path, {"2019-05-15-visit.md": text + "Years later Jiang Zemin recalled the visit.\n"})
    people = {r["name"] for r in records if r["kind"] == "person"}
    assert {"Mikhail Gorbachev", "Deng Xiaoping", "Jiang Zemin"} <= people


def test_an_affiliation_line_names_an_organisation_with_a_page(tmp_path: Path):
    files = built(
        tmp_path,
        {
            "harbours.txt": "Harbours of the North\n\nBy Ilse Varga\n\nThe author is a senior fellow at the Tallinn Institute of Maritime Affairs\n\n"
            "Shipping through the strait has doubled in a decade. Ports compete for the new trade, and most of them are expanding their quays.\n"
        },
    )
    article = json.loads(files["data/articles.json"])
    assert "Tallinn Institute of Maritime Affairs" in article[0]["affiliation"]  # the line is header metadata, not a paragraph
    [institute] = [r for r in json.loads(files["data/entities.json"]) if r["name"] == "Tallinn Institute of Maritime Affairs"]
    assert institute["kind"] == "organization"
    page = files[f"entities/{institute['id']}.md"].decode("utf-8")
    assert f"{article[0]['id']}.md#affiliation" in page  # quoted from the header's affiliation line, which the article page anchors
    article_page = files[f"articles/{article[0]['id']}.md"].decode("utf-8")
    assert '<span id="affiliation"></span>**Affiliation:**' in article_page


def test_names_in_the_byline_and_the_deck_get_pages_quoted_from_the_header(tmp_path: Path):
    files = built(
        tmp_path,
        {
            "harbours.txt": "Harbours of the North\n\nCargo doubles as the Varkaus Maritime Board opens new quays\n\nBy Ilse Varga\n\n"
            "Shipping through the strait has doubled in a decade. Ports compete for the new trade, and most of them are expanding their quays.\n"
        },
    )
    article = json.loads(files["data/articles.json"])[0]
    assert article["authors"] == ["Ilse Varga"] and "Varkaus Maritime Board" in article["subtitle"]  # header metadata, not paragraphs
    records = {r["name"]: r for r in json.loads(files["data/entities.json"])}
    assert records["Ilse Varga"]["kind"] == "person"
    assert records["Varkaus Maritime Board"]["kind"] == "organization"
    for name, anchor in (("Ilse Varga", "byline"), ("Varkaus Maritime Board", "deck")):
        page = files[f"entities/{records[name]['id']}.md"].decode("utf-8")
        assert f"[\u00b6{anchor}](../articles/{article['id']}.md#{anchor})" in page  # quoted from the header line the article page anchors
    article_page = files[f"articles/{article['id']}.md"].decode("utf-8")
    assert '<span id="byline"></span>**Author:** Ilse Varga' in article_page
    assert "{: #deck .article-deck }" in article_page


def built(tmp_path: Path, files: dict[str, str]) -> dict[str, bytes]:
    """Every file a build (dry run, empty registries) of ``files`` (name -> text) in ``tmp_path/seeds`` writes, by path."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in files.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return {p.path: p.content for p in build(BuildConfig(seeds, tmp_path / "docs"), dry_run=True).plan.writes}


def built_records(tmp_path: Path, files: dict[str, str]) -> list[dict]:  # type: ignore[type-arg]
    """The records of ``data/entities.json`` that a build (dry run) of ``files`` (name -> text) in ``tmp_path/seeds`` makes."""
    return json.loads(built(tmp_path, files)["data/entities.json"])  # type: ignore[no-any-return]


def entity_names(tmp_path: Path, name: str, text: str) -> dict[str, str]:
    """Name -> kind of every entity page a build of ``text`` alone makes, with empty registries."""
    return {r["name"]: r["kind"] for r in built_records(tmp_path, {name: text})}


def test_a_byline_names_its_authors_whole_and_never_a_place(tmp_path: Path):
    """A catalog's or a header's authors are people (or bodies): the names stage, reading the byline alone, made a piece
    of a name a page of its own ("Aliyev", an organisation, and "Ilham Heydar") and a name it did not know a place."""
    body = "Shipping through the strait has doubled in a decade. Ports compete for the new trade, and most of them expand.\n"
    catalog = "sources:\n  one.txt: {title: One Statement, authors: [Ilham Heydar oglu Aliyev]}\n"
    catalog += "  two.txt: {title: Another Statement, authors: [Bharrat Jagdeo]}\n"
    catalog += "  three.txt: {title: A Third Statement, authors: [Evo Morales Ayma]}\n"
    catalog += "  four.txt: {title: A Fourth Statement, authors: [Evo Morales Ayma]}\n"
    files = {"one.txt": body, "two.txt": body.replace("strait", "channel"), "catalog.yml": catalog}
    files |= {"three.txt": body.replace("strait", "canal"), "four.txt": body.replace("strait", "river")}
    records = built_records(tmp_path, files)
    pages = {r["name"]: r["kind"] for r in records}
    assert pages.get("Bharrat Jagdeo") == "person"  # the names stage alone calls it a place
    assert pages.get("Evo Morales Ayma") == "person"  # ... and an organisation, for want of a given name it knows
    assert not {"Aliyev", "Ilham Heydar"} & set(pages)  # pieces of one author's name


def test_one_name_spelled_with_and_without_its_diacritics_is_one_page(tmp_path: Path):
    """A catalog or a second source writes the name without its accents: one person, each spelling an alias matched."""
    text = "President Ilsa Fernández of Varkaus spoke first. Later Ilsa Fernández spoke again about the harbour.\n\n"
    records = built_records(tmp_path, {"one.txt": text.replace("Fernández", "Fernandez"), "two.txt": text})  # plain first
    people = [r for r in records if r["kind"] == "person" and "Ilsa" in r["name"]]
    assert len(people) == 1, people
    assert people[0]["name"] == "Ilsa Fernández" and "Ilsa Fernandez" in people[0]["aliases"]  # shown with its diacritics
    assert len({m["article"] for m in people[0]["mentions"]}) == 2  # both spellings linked


def test_one_name_written_with_a_hyphen_and_with_a_space_is_one_page(tmp_path: Path):
    text = "Delegates of the Varkaus-Tallin Alliance met today. The Varkaus-Tallin Alliance said it would meet again.\n\n"
    records = built_records(tmp_path, {"one.txt": text, "two.txt": text.replace("Varkaus-Tallin", "Varkaus Tallin")})
    named = [r for r in records if "Varkaus" in r["name"]]
    assert len(named) == 1 and {named[0]["name"], *named[0]["aliases"]} >= {"Varkaus-Tallin Alliance", "Varkaus Tallin Alliance"}


def test_a_name_mentioned_once_inside_a_sentence_gets_a_page(tmp_path: Path):
    pages = entity_names(
        tmp_path,
        "study.txt",
        "A Study of Harbours\n\nThe samples were analysed at Skidmore College last spring, and the crew later sailed past Taasinge. "
        "Nobody expected the results to be so clear.\n",
    )
    assert "Skidmore College" in pages
    assert "Taasinge" in pages


def test_a_name_mentioned_once_whose_words_the_text_writes_in_lower_case_gets_no_page(tmp_path: Path):
    pages = entity_names(
        tmp_path,
        "plan.txt",
        "A Plan for the Islands\n\nThe ministers adopted the Framework for Resilient Coastlines in June. "
        "A resilient coast needs coastlines that are kept, and every framework needs money.\n",
    )
    assert not any("Resilient" in name for name in pages)


def test_a_name_mentioned_once_needs_its_capital_to_be_its_own(monkeypatch):
    monkeypatch.setattr(discover, "MODEL_FINDS", False)  # the rules' reading: the tagger agreeing would make it strong (``_seconded``)
    texts = {
        "mid": "The samples were analysed at Skidmore College last spring.",
        "opening": "Skidmore College analysed the samples last spring.",  # a capital opening a sentence proves nothing
    }
    found = {key: [f for f in find_all(text) if f.name == "Skidmore College"] for key, text in texts.items()}
    assert found["mid"][0].alone
    assert not found["opening"] or not found["opening"][0].alone


def test_a_one_word_name_the_web_writes_often_but_english_never_uses_may_be_confirmed_on_one_mention():
    """ "Wikipedia" is among the 20,000 commonest words of the frequency list, but outside the 2,000 commonest and no
    English noun or adjective: one word that may name an entity alone; "Hell" and "Earth" are words."""
    found = [f for f in find_all("The volunteers wrote it for Wikipedia and nobody else.") if f.name == "Wikipedia"]
    assert found and found[0].alone
    assert single_name("Wikipedia") and not single_name("Hell") and not single_name("Earth") and not single_name("Russia")


def test_a_name_before_a_noun_for_who_founded_or_runs_it_and_a_persons_name_is_an_organisation():
    """ "Facebook creator Mark Zuckerberg": the name before the founder's is what he founded, whatever the model leans to."""
    cases = {
        "Yesterday the boy met Quorvex creator Mark Zuckerberg in town.": "Quorvex",  # a name found by no pattern
        "Facebook co-founder Mark Zuckerberg wrote to the boy.": "Facebook",  # the model's find, opening a sentence
    }
    for text, organisation in cases.items():
        kinds = {f.name: f.kind for f in find_all(text)}
        assert kinds.get(organisation) == "organization" and kinds.get("Mark Zuckerberg") == "person", (text, kinds)
    assert leads("Apple CEO Tim Cook", 5) and not leads("Trump adviser Roger Stone", 5)


def test_a_one_word_name_alone_is_no_plural_adjective_or_acronym():
    for text in ("the talks with the Envoys went on", "a Malthusian view of growth", "the GDP grew", "the UN-led talks"):
        assert not any(f.alone for f in find_all(text)), text
    text = "Israel has destroyed the landmarks of the old city in order to Judaize it."  # a verb in "-ize": an organisation's page
    assert "Judaize" not in {f.name for f in find_all(text)}
    assert any(f.alone and f.name == "Taasinge" for f in find_all("the ferry to Taasinge leaves at noon"))


def test_an_author_in_a_citation_is_a_person():
    found = finds("Games improve attention (Li, Polat, Scalzo, & Bavelier, 2010), as Gratton 2008 also found.")
    assert found["Polat"][0] == "person"
    assert found["Bavelier"][0] == "person"
    assert found["Gratton"][0] == "person"


def test_places_joined_by_a_hyphen_make_no_name_alone():
    found = find_all("The China-Russia Moscow-Kazan high-speed rail project has been planned.")
    assert not any(f.strong or f.alone for f in found)


def test_a_year_after_a_name_of_several_words_is_no_citation():
    assert finds("Millions watched Zorbly Rewind 2018 online.")["Zorbly Rewind"][0] != "person"


def test_a_name_set_in_capitals_has_a_persons_shape_too():
    found = finds("A few moments ago the Senate welcomed KAMALA HARRIS to this Chamber, and JOHN OSSOFF spoke.")
    assert found["KAMALA HARRIS"][0] == "person"
    assert found["JOHN OSSOFF"][0] == "person"


def test_a_newspaper_that_says_something_is_an_organisation_when_the_model_is_sure():
    assert finds("A leaked letter seen by Sky News says the claims will be withdrawn.")["Sky News"][0] == "organization"


def test_the_model_makes_no_person_of_one_word_no_naming_tradition_knows():
    found = finds("They will complete the railway bridges from Tongjiang to Heihe by the end of 2018.")
    assert found["Tongjiang"][0] != "person"


def test_a_titles_modifier_inside_a_name_does_not_cut_it_before_its_head_word():
    found = finds("Investors came to the Russian Far East Leapfrog Development Zone last year.")
    assert "Far East Leapfrog Development Zone" in found and "Far East Leapfrog" not in found
    found = finds("He met the Foreign Minister Sergei Lavrov and Zorblat Foreign Minister Wang in Moscow.")
    assert not any("Foreign" in name for name in found)


def test_a_plan_before_its_years_is_no_cited_author():
    found = finds("Angola has adopted its National Food Security Strategy (2009-2013), as Gratton (2008) advised.")
    assert found.get("Food Security Strategy", ("other",))[0] != "person"
    assert found["Gratton"][0] == "person"


def test_an_acronym_the_sources_spell_out_in_lower_case_or_the_glossary_holds_is_no_entity():
    texts = (
        "Remittances are a large share of gross domestic product. GDP fell, and the NATO summit and the MDGs followed.",
        "The Millennium Development Goals (MDGs) matter as gross domestic product grows; GDP rose, NATO met and the UN met.",
    )
    one = article("one", *texts)
    finds = []
    for n, text in enumerate(texts, 1):
        for name in ("GDP", "MDGs", "NATO", "UN"):
            at = text.find(name)
            if at < 0:
                continue
            finds.append(("one", f"p{n}", Found("organization", name, at, at + len(name), "model", strong=True)))
    definitions = [("one", anchor, d) for anchor, d in extract(one).definitions]  # "Millennium Development Goals (MDGs)"
    knowledge, _ = assemble(empty(), paragraphs_of([one]), definitions, finds, is_common)
    names = {e.name for e in knowledge.entities.values()}
    assert "GDP" not in names and "MDGs" not in names  # spelled out in lower case; a term of the glossary
    assert {"NATO", "UN"} <= names  # two letters spell anything ("urgent need"), and no source spells NATO out


def test_an_organisation_named_after_a_place_or_an_uncommon_word_is_confirmed_on_one_mention():
    from build_docs.extract.discover import confirmed, lowercase_words

    text = "She later studied at Stanford University and taught at the University of Portsmouth for a year."
    found = confirmed(find_all(text), lowercase_words([text]))
    strong = {f.name for f in found if f.strong}
    assert {"Stanford University", "University of Portsmouth"} <= strong
    text = "He later joined the Royal Society of the local town."
    assert not any(f.strong for f in confirmed(find_all(text), lowercase_words([text])))  # common words alone

    discover.MODEL_FINDS = False  # the rules' reading: the tagger agreeing would make it strong (``_seconded``)
    try:
        text = "He studied at Bar-Ilan University, and met her at a bar."  # "bar" is written in lower case
        assert "Bar-Ilan University" in {f.name for f in confirmed(find_all(text), lowercase_words([text])) if f.strong}
    finally:
        discover.MODEL_FINDS = True


def test_a_body_named_by_one_word_with_no_adjectives_ending_is_confirmed_on_one_mention():
    """ "Border Force", "Secret Service", "Fourth Fleet" made no page on one mention; an adjective describes a body any
    country has ("Electoral Commission", "Legislative Assembly"), and a word the text writes in lower case is no name."""
    from build_docs.extract.discover import confirmed, lowercase_words

    discover.MODEL_FINDS = False  # the rules' reading
    try:
        text = "Migrants were met by the Border Force, then by the Secret Service, as the Fourth Fleet sailed."
        strong = {f.name for f in confirmed(find_all(text), lowercase_words([text])) if f.strong}
        assert {"Border Force", "Secret Service", "Fourth Fleet"} <= strong
        text = "The Electoral Commission and the Legislative Assembly met. The Secret Service kept a secret."
        assert not any(f.strong for f in confirmed(find_all(text), lowercase_words([text])))
    finally:
        discover.MODEL_FINDS = True


def test_a_place_named_by_its_head_word_and_a_name_is_confirmed_on_one_mention():
    """ "County Durham", "Shahshahan Square", "Greater Tunb" (a UN speech's island) made no page on one mention where
    the text wrote "county" or "square" in lower case: a place's head word and a place of the gazetteer or a word only a
    name has name a place, as a body's head word does (:func:`_named_body`); "the Old Square" names none."""
    from build_docs.extract.discover import confirmed, lowercase_words

    discover.MODEL_FINDS = False  # the rules' reading
    try:
        text = "The study ran in County Durham and near Quenxa Square; the county has a square of its own."
        strong = {f.name for f in confirmed(find_all(text), lowercase_words([text])) if f.strong}
        assert {"County Durham", "Quenxa Square"} <= strong, strong
        text = "They met in the Old Square, an old square."
        assert not any(f.strong for f in confirmed(find_all(text), lowercase_words([text])))
    finally:
        discover.MODEL_FINDS = True


def test_a_memorial_is_no_persons_name():
    """ "the Chiang Kai Shek Memorial" was a person's page: the model read a person, and "Memorial", like "Museum", now
    says no person's name holds it."""
    found = {f.name: f.kind for f in find_all("Thousands crowded onto the Chiang Kai Shek Memorial near the town.")}
    assert found.get("Chiang Kai Shek Memorial", "organization") != "person"


def test_a_site_named_after_a_place_or_an_uncommon_word_is_confirmed_on_one_mention():
    """ "Isfahan International Airport" and "Lotfollah Mosque" made no page on one mention (a text that writes
    "international" in lower case), nor did "Tulsa International Airport" opening a paragraph; "the Old Stadium" names no
    site of its own."""
    from build_docs.extract.discover import confirmed, lowercase_words

    discover.MODEL_FINDS = False  # the rules' reading
    try:
        text = "Flights land at Isfahan International Airport, near the Zorblatt Mosque. Few international flights come."
        strong = {f.name for f in confirmed(find_all(text), lowercase_words([text])) if f.strong}
        assert {"Isfahan International Airport", "Zorblatt Mosque"} <= strong
        text = "They played at the Old Stadium and the old town."
        assert not any(f.strong for f in confirmed(find_all(text), lowercase_words([text])))
        text = "Tulsa International Airport (IATA: TUL) is north of the town. It has international flights."
        assert "Tulsa International Airport" in {f.name for f in confirmed(find_all(text), lowercase_words([text])) if f.strong}
    finally:
        discover.MODEL_FINDS = True


def test_common_nouns_the_frequency_list_ranks_low_confirm_no_name_on_one_mention():
    from build_docs.extract.discover import confirmed, lowercase_words

    for text in ("We support strong national Tobacco Control in every region.", "They signed it, and Supporting Libya was the aim."):
        assert not any(f.strong for f in confirmed(find_all(text), lowercase_words([text])))  # "the tobacco": an English noun


def test_a_word_typed_an_organisation_for_want_of_evidence_yields_to_a_verb_of_saying_elsewhere():
    one = article("one", "Many followed Brimwald there. The abbot trusted Brimwald.", "In the spring, Brimwald wrote to them. Then Brimwald said no.")
    knowledge, _ = knowledge_of([one])
    kinds = {e.name: e.kind for e in knowledge.entities.values()}
    assert [(f.kind, f.basis) for f in find_all("Many followed Brimwald there. The abbot trusted Brimwald.")] == [("organization", "default")] * 2
    assert kinds.get("Brimwald") == "person"
    fewer = article("fewer", "Many followed Brimwald there. The abbot trusted Brimwald.", "In the spring, Brimwald wrote to them.")
    knowledge, _ = knowledge_of([fewer])
    assert {e.name: e.kind for e in knowledge.entities.values()}.get("Brimwald") == "organization"  # fewer than go without


def test_a_role_noun_before_one_word_makes_it_a_person():
    assert finds("The show featured the designer Quellston and his work.")["Quellston"][0] == "person"
    assert finds("The film was shot by the rapper Quellston last year.")["Quellston"][0] == "person"
    assert finds("The prize went to Quellston, a Polish novelist, in 1924.")["Quellston"][0] == "person"  # an appositive
    assert finds("We met Quellston, the son of a farmer, in town.")["Quellston"][0] == "person"
    assert finds("They bought Quellston, a company founded by the actor Bob, in 2001.")["Quellston"][0] != "person"
    assert finds("By then Quellston was a famous painter.")["Quellston"][0] == "person"  # "is", "was", "became" ... a role
    assert finds("It rained. Currently Quellston is a Professor at the college.")["Quellston"][0] == "person"  # no "Currently"
    assert finds("In 2001 Quellston was a company of note.")["Quellston"][0] != "person"
    assert "Kelly Clarkson" in finds("Kelly Clarkson sang.")  # a given name ending in "-ly" is no adverb
    found = find_all("It is based on a novel by the Nobel laureate Władysław Reymont, a classic.")
    assert [(f.kind, f.basis) for f in found if f.name == "Władysław Reymont"] == [("person", "context")]
    assert finds("The show featured the gallery Quellston and its work.").get("Quellston", ("organization",))[0] != "person"


def test_a_team_named_after_its_city_is_an_organisation():
    found = finds("On Monday he played against the Houston Astros and the Leeds Rhinos.")
    assert found["Houston Astros"][0] == "organization"
    assert found["Leeds Rhinos"][0] == "organization"
    assert finds("The choir sang for Victoria Adams last year.")["Victoria Adams"][0] == "person"  # a surname ends it


def test_a_building_an_abstract_noun_or_an_article_makes_no_persons_name():
    found = finds("We visited the Karel Zeman Museum, then York Minster and El Castillo, and read on Roman Catholicism.")
    assert all(kind != "person" for name, (kind, _, _) in found.items() if name != "Karel Zeman"), found
    assert finds("From the coast there are boats via Les Saintes and Al Mukalla.").get("Les Saintes", ("place",))[0] != "person"
    assert finds("The guitar was played by Les Paul on the record.")["Les Paul"][0] == "person"
    assert finds("The tour stopped at Sheikh Lotf Allah Mosque in the evening.").get("Lotf Allah Mosque", ("place",))[0] != "person"


def test_a_plural_for_members_of_a_group_is_no_name_alone():
    found = finds("The refugees were Huguenots, and later the Nazarenes came.")
    assert "Huguenots" not in found and "Nazarenes" not in found
    assert plural("Huguenots") and not plural("Bowers") and not plural("Vickers")  # a surname; "-ers" is too many surnames


def test_the_plural_of_a_title_and_a_peoples_adjective_are_no_names():
    """ "The Congressmen from this city", "the first Latino Senator": pages "Congressmen" and "Latino" on GUM."""
    assert finds("The Congressmen from this city and the Chairmen of the committees met the first Latino Senator.") == {}
    assert plural("Congresswomen") and not plural("Yemen") and not plural("Carmen")  # "-men" for a title's or a word's "-man"
    assert "Yemen" in finds("The war in Yemen went on.")
    assert finds("Serbs, Kurds and a Swede met the Spaniards there.") == {}  # a people (pages on the UN speeches)
    found = finds("Timorese doctors met the Inuits, ethnic Abkhaz and Ossetian citizens, at the Ibero-American summits.")
    assert found == {}  # peoples, and a demonym joined by a hyphen (people and places on the UN speeches)


def test_a_person_named_after_a_place_is_a_person_and_a_realm_is_not():
    found = finds("The letters of Hilary of Poitiers and Quintor of Laodicea were kept by the Bank of England and the Sultanate of Oman.")
    assert found["Hilary of Poitiers"][0] == "person" and found["Quintor of Laodicea"][0] == "person"
    assert found["Bank of England"][0] == "organization"
    assert found.get("Sultanate of Oman", ("place",))[0] != "person"
    assert finds("We need a Rapprochement of Cultures now.").get("Rapprochement of Cultures", ("organization",))[0] != "person"


def test_a_plural_or_a_building_ends_no_persons_name_unless_a_given_name_opens_it():
    assert finds("We ate Shore Crabs near Fenway Park on Sunday.").get("Fenway Park", ("place",))[0] != "person"
    found = finds("We met Kevin Park there, and so did Jenna Marbles.")
    assert found["Kevin Park"][0] == "person" and found["Jenna Marbles"][0] == "person"


def test_a_verb_only_a_person_takes_makes_a_person_and_a_newsroom_says_things_too():
    assert finds("In the spring of 1790, Quellbrand studied law in the city.")["Quellbrand"][0] == "person"
    assert finds("A letter seen by Zorbia News says the plan is off.").get("Zorbia News", ("organization",))[0] != "person"
    assert finds("His friend Tyrannius Rufinus came to stay.")["Tyrannius Rufinus"][0] == "person"


def test_a_title_that_is_also_a_surname_ends_a_name_with_no_name_after_it():
    found = finds("The speech honoured Patrice Lumumba, Martin Luther King, Maurice Bishop and others. Later King Abdullah spoke.")
    assert found["Martin Luther King"][0] == "person" and found["Maurice Bishop"][0] == "person"
    assert "Martin Luther" not in found and found["Abdullah"][0] == "person"  # before a name, a title


def test_a_given_name_before_a_surname_the_frequency_list_ranks_high_is_a_person_and_a_direction_opens_no_name():
    assert finds("The list named Adele Goldberg.")["Adele Goldberg"][:1] == ("person",)
    assert [f.basis for f in find_all("Her students included Adele Goldberg and others.")] == ["shape"]
    assert finds("Oil from the North Slope field fell.").get("North Slope", ("place",))[0] != "person"
    # given names between ("Donald John Trump", of a speech on his impeachment, was an organisation for want of evidence)
    text = "the trial of the impeachment of Donald John Trump, President of the United States, now pending"
    assert [(f.kind, f.basis) for f in find_all(text) if f.name == "Donald John Trump"] == [("person", "shape")]


def test_an_author_cited_alone_after_a_parenthesis_or_semicolon_is_a_person():
    found = finds("Play helps attention (Smith et al., 2013; Quellhaus 2011; Brimsworth 2010).")
    assert found["Quellhaus"][0] == "person" and found["Brimsworth"][0] == "person"
    assert all(f.rule != "name-run" for f in find_all("Quellhaus 2011 was a good year."))  # opening a sentence: no run


def test_two_authors_of_a_citation_joined_by_an_ampersand_are_two_people():
    """ "(Baron & Beresford 2014)" was one person's page "Baron & Beresford"; outside a citation "&" joins one name."""
    found = finds("It has a long history (Quellhaus & Brimsworth 2014), and the episode (Zorbel & Quenx, 2013) too.")
    assert {n: k for n, (k, _, _) in found.items()} == {"Quellhaus": "person", "Brimsworth": "person", "Zorbel": "person", "Quenx": "person"}
    assert "Zorblatt & Quenxa" in finds("He worked for Zorblatt & Quenxa in 2010.")


def test_initials_before_a_name_make_a_person_but_not_before_a_place():
    found = finds("The book by W. W. Quellbrook was read, and the show of D. B. Weiss, on S. Denver Ave.")
    assert found["W. W. Quellbrook"][0] == "person" and found["D. B. Weiss"][:1] == ("person",)
    assert found.get("S. Denver", ("place",))[0] != "person"


def test_a_noun_only_a_person_has_after_a_possessive_makes_a_person():
    found = finds("In those years Quellbrand's later memoirs sold well, and then Brimwald's wife left the Zorbex's office.")
    assert found["Quellbrand"][:2] == ("person", "name-run") and found["Brimwald"][:2] == ("person", "name-run")
    assert found.get("Zorbex", ("organization",))[0] != "person"
    found = finds("The idea came from the physicist, and Zorblatt's theory of warped fields was new. Later, Quenxi's paintings sold well.")
    assert found["Zorblatt"][0] == "person" and found["Quenxi"][0] == "person"  # a theory, a painting: a person's work
    assert finds("Let us ensure that George's brother was heard.").get("George", ("",))[0] == "person"  # a common given name too
    assert "Will" not in finds("The people's Will was clear, and its wife")  # a word of the dictionary is no name alone


def test_a_name_without_its_middle_name_joins_the_one_person_who_has_it():
    one = article("one", "Joshua Abraham Quellbrook came to the city in 1849.", "Then Joshua Quellbrook lost his money; the city knew Joshua Quellbrook.")
    knowledge, _ = knowledge_of([one])
    people = {e.name: e.aliases for e in knowledge.entities.values() if e.kind == "person"}
    assert people == {"Joshua Quellbrook": ("Joshua Abraham Quellbrook", "Quellbrook")}  # one page, named as most finds name him
    two = article("two", "Anna Maria Brimwald and Anna Louise Brimwald came in 1849.", "Anna Brimwald spoke to them.")
    knowledge, _ = knowledge_of([two])
    assert "Anna Brimwald" in {e.name for e in knowledge.entities.values()}  # two people it could be: a page of its own


def _people(*paragraphs: str) -> dict[str, tuple[str, ...]]:
    """Name -> aliases of every person's page made of one article of ``paragraphs``, with empty registries."""
    knowledge, _ = knowledge_of([article("one", *paragraphs)])
    return {e.name: e.aliases for e in knowledge.entities.values() if e.kind == "person"}


def test_the_last_words_of_one_longer_name_and_a_name_with_fewer_middle_words_are_that_person():
    people = _people(
        "President Porfirio Lobo Sosa of Honduras spoke. Lobo Sosa said so, and Lobo Sosa left.",
        "President Omer Hassan Ahmat Quellbashir spoke, then President Omer Hassan Quellbashir and President Omer Quellbashir.",
    )
    assert set(people) == {"Lobo Sosa", "Omer Hassan Ahmat Quellbashir"}, people  # a chain of shorter forms joins the longest
    assert "Porfirio Lobo Sosa" in people["Lobo Sosa"]
    assert {"Omer Hassan Quellbashir", "Omer Quellbashir"} <= set(people["Omer Hassan Ahmat Quellbashir"])


def test_a_name_without_the_second_part_of_its_hyphened_surname_is_that_person():
    people = _people("President Félix Quellhouët-Brimboigny spoke. We heard Félix Quellhouët twice, and Félix Quellhouët left.")
    assert list(people) == ["Félix Quellhouët"] and "Félix Quellhouët-Brimboigny" in people["Félix Quellhouët"]


def test_a_shorter_form_two_people_share_stays_apart_and_a_middle_initial_tells_two_people_apart():
    people = _people(
        "President Fidel Castro Brimruz spoke, and President Raúl Castro Brimruz spoke. Castro Brimruz said so, and Castro Brimruz said it again.",
        "President George W. Quellbush met President George H. W. Quellbush; President George Quellbush was remembered.",
    )
    assert {"Fidel Castro Brimruz", "Raúl Castro Brimruz", "Castro Brimruz"} <= set(people)  # brothers: the short form stands alone
    assert {"George W. Quellbush", "George H. W. Quellbush", "George Quellbush"} <= set(people)  # father and son, and either


def test_two_spellings_of_one_name_a_letter_apart_are_one_page_named_as_most_finds_spell_it():
    people = _people(
        "President Ali Abdussalam Brimtreki opened the session. President Ali Abdussalam Brimtreki spoke.",
        "We thank President Ali Abdulssalam Brimtreki, and President Ali Abdussalem Brimtreki, and Ali Brimtreki.",
        "President Christian Quellsmith and President Christina Quellsmith came.",  # given names a letter apart: two people
        "President Dalia Brimauskaite spoke twice, as President Dalia Brimauskaite; President Dalia Brimanskaite thanked her.",
        "President John Brimence and President John Brimencer met.",  # a short surname a letter apart: two people
    )
    assert "Dalia Brimauskaite" in people and "Dalia Brimanskaite" in people["Dalia Brimauskaite"]
    assert {"John Brimence", "John Brimencer"} <= set(people)
    treki = [name for name in people if "Brimtreki" in name]
    assert treki == ["Ali Abdussalam Brimtreki"], people
    assert {"Ali Abdulssalam Brimtreki", "Ali Abdussalem Brimtreki", "Ali Brimtreki"} <= set(people["Ali Abdussalam Brimtreki"])
    assert {"Christian Quellsmith", "Christina Quellsmith"} <= set(people)


def test_a_word_alone_joins_the_one_organisation_named_by_it_and_a_head_word():
    one = article("one", "He taught at Quorvath University for years.", "In 1925 he left Quorvath for good, and Quorvath missed him.")
    knowledge, _ = knowledge_of([one])
    orgs = {e.name: e.aliases for e in knowledge.entities.values()}
    assert "Quorvath" not in orgs and "Quorvath" in orgs["Quorvath University"]


def test_a_followers_noun_before_a_name_is_no_part_of_it_and_a_given_name_that_is_a_faith_is_one():
    found = finds("The group said Scientologist Tom Quellbrook spoke, and Christian Brimwald wrote; the Christian Democrats won.")
    assert found["Tom Quellbrook"][0] == "person" and "Scientologist Tom Quellbrook" not in found
    assert found["Christian Brimwald"][0] == "person" and "Christian Democrats" not in found


def test_a_generic_word_of_a_romance_place_name_makes_no_persons_name():
    found = finds("Boats leave from Anse Quellmont for Grande Brimwald, where Ariana Grande once sang.")
    assert found.get("Anse Quellmont", ("place",))[0] != "person" and found.get("Grande Brimwald", ("place",))[0] != "person"
    assert found["Ariana Grande"][0] == "person"


def test_an_author_named_surname_first_in_a_reading_list_is_a_person():
    assert finds("Austen, Jane. Pride and Prejudice") == {"Austen": ("person", "inverted-name", True)}
    assert finds("London, Jack. White Fang") == {"London": ("person", "inverted-name", True)}  # no place, and "Jack" no name of its own
    both = [(f.name, f.canonical) for f in find_all("Marx, Karl and Engels, Friedrich. The Communist Manifesto (solo)")]
    assert both == [("Marx", "Karl Marx"), ("Engels", "Friedrich Engels")]
    for text in ("Melbourne, Victoria. The City Is Big.", "Hello, Mark. How are you?", "Yesterday, John and Mary went home. The End"):
        assert not any(f.rule == "inverted-name" for f in find_all(text)), text
    # the title's capitals name a work, not "Connecticut Yankee" or "Arthur's Court"; a place of the gazetteer in it still is one
    found = finds("Twain, Mark. A Connecticut Yankee in King Arthur's Court (solo)")
    assert found == {"Twain": ("person", "inverted-name", True), "Connecticut": ("place", "gazetteer", True)}


def test_a_reading_list_gives_its_authors_pages_in_reading_order(tmp_path: Path):
    pages = entity_names(
        tmp_path,
        "reading.txt",
        "Books we recorded\n\nThe volunteers read these books aloud last year, and more are planned for the spring.\n\n"
        "Austen, Jane. Pride and Prejudice\n\nLondon, Jack. White Fang\n\nTwain, Mark. A Connecticut Yankee in King Arthur's Court (solo)\n",
    )
    assert {pages.get("Jane Austen"), pages.get("Jack London"), pages.get("Mark Twain")} == {"person"}
    assert "London" not in pages


def test_a_given_name_alone_is_a_person_unless_an_article_or_a_common_word_says_otherwise():
    found = finds("The old house was left to Leopoldine and the farm to Ottilie.")
    assert found["Leopoldine"][0] == "person" and found["Ottilie"][0] == "person"
    assert given_name("Sabine") and finds("the Republic of Fredonia between the Sabine and Rio Grande Rivers.").get("Sabine", ("place",))[0] != "person"
    assert finds("They sailed on to see Venice that year.").get("Venice", ("place",))[0] != "person"  # a common word, a city


def test_a_name_in_a_list_with_people_is_a_person():
    found = finds("The firm hired Brimwald, Bernard Tschumi and Elia Zenghelis.")
    assert found["Brimwald"][0] == "person"
    assert finds("Both Quellstock and Yang Buwei were known for it.")["Quellstock"][0] == "person"
    found = finds("He sold shares in Quellstock and Microsoft Corporation to Bernard Tschumi.")  # an organisation ends the list
    assert found["Quellstock and Microsoft Corporation"][0] == "organization"
    assert finds("The deal joined Quellstock and Zorblatt last year.")["Quellstock"][0] == "organization"  # no person in it


def test_a_list_with_people_makes_the_model_s_guess_of_a_person_evidence():
    one = article("one", "The chapters by Quellstock and Bernard Tschumi came first.", "Then Quellstock went home.", "Quellstock left.")
    assert [f.basis for f in find_all("The chapters by Quellstock and Bernard Tschumi came first.") if f.name == "Quellstock"] == ["context"]
    knowledge, _ = knowledge_of([one])
    assert {e.name: e.kind for e in knowledge.entities.values()}.get("Quellstock") == "person"


def test_a_noun_for_a_profession_or_a_follower_after_a_determiner_makes_the_name_after_it_a_person():
    assert finds("He married the physician Quellia Zorbish there.")["Quellia Zorbish"][0] == "person"
    assert finds("He studied under the grammarian Quellia Zorbish in Rome.")["Quellia Zorbish"][0] == "person"
    assert finds("It was the list Quellstock made.").get("Quellstock", ("organization",))[0] != "person"  # no such noun


def test_a_name_before_a_verb_or_and_then_his_or_her_is_a_persons():
    assert finds("Then Quellstock and his wife returned to China.")["Quellstock"][0] == "person"
    assert finds("Then Quellstock gives her a book.")["Quellstock"][0] == "person"
    assert finds("Then Quellstock released its report.")["Quellstock"][0] != "person"


def test_a_given_name_then_a_name_particle_is_a_persons_shape():
    found = finds("Surprisingly, General Antonio Lopez de Santa Anna, Mexico's new president, agreed.")
    assert found["Antonio Lopez de Santa Anna"][:2] == ("person", "name-run")
    assert finds("They flew to Mar del Plata on Monday.")["Mar del Plata"][0] == "place"  # a city of the gazetteer


def test_a_word_the_web_writes_often_and_no_dictionary_holds_in_lower_case_makes_a_name_on_its_own():
    """ "Wikipedia" and "Disney" rank among the 20,000 commonest words of the web's frequency list, but no dictionary
    writes them in lower case: a run of them is a name (rule ``name-run``). "Manifesto" is a dictionary's word, "VII" a
    number, "Yugoslav" a nationality, "Fla." an abbreviation."""
    text = (
        "The site grew after Wikipedia took off. Editors left English Wikipedia for it, and the firm worked with Disney "
        "on it; Disney paid. The Manifesto was read, and the Manifesto signed under Chapter VII. Yugoslav people came "
        "from Cocoa, Fla. and from Tampa, Fla. by bus."
    )
    runs = {f.name for f in names_in(text, tokenize(text), bytearray(len(text) + 1))}
    assert {"Wikipedia", "Disney"} <= runs
    assert not runs & {"Manifesto", "Chapter VII", "VII", "Yugoslav", "Fla"}, runs
    assert not is_dictionary_word("Wikipedia") and is_dictionary_word("manifestos") and is_dictionary_word("Protect")


def test_a_treaty_or_a_conference_named_after_a_place_is_no_organisation_but_names_the_place():
    """A run ending in a treaty's, a conference's or a plan's head word (``other-name-heads.txt``) names no organisation
    (the glossary's or nobody's: issue 18's "other"), but the place it is named after is one."""
    text = "The talks built on the Koror Declaration and the Oslo Accords, which the Thimphu Statute cites."
    found = {(f.kind, f.name) for f in find_all(text)}
    assert {("place", "Koror"), ("place", "Oslo"), ("place", "Thimphu")} <= found
    assert not {name for _, name in found} & {"Koror Declaration", "Oslo Accords", "Thimphu Statute"}, found
    # a common word for a city ("Paris", "Manila" rank high in the frequency list) names the place all the same
    found = {(f.kind, f.name) for f in find_all("Kenya is a signatory to the 2012 Paris Declaration on Open Educational Resources.")}
    assert ("place", "Paris") in found


def test_a_city_the_web_writes_often_makes_a_run_a_name():
    """ "Guangzhou" ranks among the 20,000 commonest words of the web's frequency list, as "Opera" and "House" do; a
    city's name that no dictionary writes in lower case makes the run a name all the same."""
    found = finds("Her works include the Guangzhou Opera House in China and a museum.")
    assert found.get("Guangzhou Opera House", ("",))[0] == "place", found


def test_a_name_opening_with_initials_after_a_title_is_a_persons_full_name():
    """ "Mr. W. Lansing Gleason": initials then a surname after a title name a person, confident on one mention; an
    initial alone after a title names nobody."""
    assert finds("Then Mr. W. Lansing Gleason, my landlord, came.")["W. Lansing Gleason"] == ("person", "title-before", True)
    assert finds("Then Dr. J. Robert Oppenheimer came.")["J. Robert Oppenheimer"][0] == "person"
    assert not any(kind == "person" for kind, _, _ in finds("Then Mr. A. said no.").values())


def test_a_weekday_after_the_opens_an_organisations_name():
    """ "the Saturday Evening Post": a weekday right after "the" is a word of the name, not a date before it."""
    assert "Saturday Evening Post" in finds("I wrote for the Saturday Evening Post last year.")
    assert "Saturday Evening Post" not in finds("On Saturday Evening Post editors met.")


def test_a_role_noun_anywhere_makes_a_person_of_a_name_found_more_often_with_no_evidence():
    """ "the prophet Brimwald" once types "Brimwald" a person however often it stands alone elsewhere, typed an
    organisation for want of evidence; a verb of saying must not be outnumbered (a newspaper says things too)."""
    texts = ("As the prophet Brimwald taught us, many followed Brimwald there.", "The abbot trusted Brimwald. Some feared Brimwald.")
    assert [(f.kind, f.basis) for f in find_all(texts[1])] == [("organization", "default")] * 2
    knowledge, _ = knowledge_of([article("one", *texts)])
    assert {e.name: e.kind for e in knowledge.entities.values()}.get("Brimwald") == "person"


def test_a_letter_names_whom_it_is_written_to_and_who_signs_it():
    """ "Dear Hannah:" types its name a person; the name alone under a closing ("Yours," / "Zora") is the writer's, a
    person on one mention, where a one-word name opening a line would otherwise prove nothing."""
    from build_docs.extract.discover.letters import signature

    assert finds("Dear Hannah:")["Hannah"][0] == "person"
    assert signature("Love and faithful feelings,", "Zora") is not None
    for closing, text in (("Yours,", "The Editors"), ("Thank you.", "Zora"), ("Sincerely,", "[The undersigned]"), ("Best,", "ADMINISTRATION")):
        assert signature(closing, text) is None, (closing, text)
    letter = article("letter", "Dear Hannah:", "The weather is fine here and the work goes on.", "Love and faithful feelings,", "Zora")
    knowledge, _ = knowledge_of([letter])
    kinds = {e.name: e.kind for e in knowledge.entities.values()}
    assert kinds.get("Zora") == "person" and kinds.get("Hannah") == "person", kinds


def test_words_only_a_person_has_outweigh_the_models_lean_and_a_citys_name():
    """ "Newton believed", "Byron loved", "Byron's memoirs": evidence of a person, even for a city's one-word name; a verb of
    saying is not ("Washington said": a government speaks too). In linking, such evidence wins over finds typed only by
    the model's lean, never over a gazetteer's place."""
    from build_docs.link.knowledge import _kind_of

    assert finds("Newton believed that gravity was fine.")["Newton"][0] == "person"
    assert finds("Then Washington said no to the plan.")["Washington"][0] == "place"
    assert [f.basis for f in find_all("In May, Quellston loved the sea.") if f.name == "Quellston"] == ["context"]
    assert [f.basis for f in find_all("In May, Quellston said no.") if f.name == "Quellston"] == ["saying"]
    leaning, default = Found("place", "Byron", 0, 5, "model"), Found("place", "Byron", 0, 5, "name-run", basis="default")
    evidence, saying = Found("person", "Byron", 0, 5, "name-run", basis="context"), Found("person", "Byron", 0, 5, "name-run", basis="saying")
    place = Found("place", "Byron", 0, 5, "gazetteer", strong=True)
    assert _kind_of([(leaning, None)] * 2 + [(default, None)] * 3 + [(evidence, None)]) == "person"  # type: ignore[list-item]
    assert _kind_of([(leaning, None)] * 2 + [(default, None)] * 3 + [(saying, None)]) == "place"  # type: ignore[list-item]
    assert _kind_of([(place, None)] * 3 + [(evidence, None)]) == "place"  # type: ignore[list-item]


def test_a_region_named_so_is_a_place_whatever_the_models_lean():
    """ "the Nagorny Karabakh region" says a place (not after an acronym: "the ASEAN region"); across its finds, a place the
    text calls one outweighs persons and organisations the model only leaned to (on the UN speeches "Nagorny Karabakh"
    became a person, "Kurdistan", "Sahara" and "Abyei" organisations)."""
    from build_docs.link.knowledge import _kind_of

    text = "The conflict in and around the Quenxa Zorbl region of Azerbaijan remains. In the ASEAN region, trade grew."
    assert [(f.kind, f.basis) for f in find_all(text) if f.name == "Quenxa Zorbl"] == [("place", "called")]
    assert "ASEAN" not in finds(text)
    called = Found("place", "Quenxa Zorbl", 0, 12, "name-run", basis="called")
    leaning = Found("person", "Quenxa Zorbl", 0, 12, "name-run", strong=True, basis="default")  # the model's type for a run
    default = Found("organization", "Quenxa Zorbl", 0, 12, "name-run", basis="default")
    assert _kind_of([(called, None), (leaning, None), (leaning, None), (default, None)]) == "place"  # type: ignore[list-item]
    evidence = Found("person", "Quenxa Zorbl", 0, 12, "title-before", strong=True)
    assert _kind_of([(called, None), (evidence, None), (leaning, None)]) == "person"  # type: ignore[list-item]


def test_a_names_finds_typed_by_a_lean_count_towards_its_recurrence_whatever_kind_they_lean_to():
    """ "Eau Gallie" heading a letter leaned to a person and later in it to an organisation: each kind had one find, and
    one find makes no page. Finds typed by no evidence take the kind the name's finds give it; a pattern's find of
    another kind is another entity's ("Washington" the city beside the person), kept out."""
    from build_docs.link.knowledge import _Builder
    from build_docs.link.model import Quote

    quote = Quote("letter", "p1", "Eau Gallie has grown.")
    leaning = Found("person", "Quenxa Zorbl", 0, 12, "name-run", basis="default")  # the model's lean on a run
    default = Found("organization", "Quenxa Zorbl", 20, 32, "name-run", basis="default")
    builder = _Builder(empty(), {}, lambda word: False)
    builder.add_finds([(leaning, quote), (default, quote)], [])
    assert [e.name for e in builder.entities.values()] == ["Quenxa Zorbl"]
    place = Found("place", "Quenxa", 0, 6, "gazetteer", strong=True)
    person = Found("person", "Quenxa", 10, 16, "name-run", basis="default")
    builder = _Builder(empty(), {}, lambda word: False)
    builder.add_finds([(place, quote), (place, quote), (person, quote)], [])
    assert [(e.name, e.kind) for e in builder.entities.values()] == [("Quenxa", "place")]


def test_a_noun_only_a_person_has_and_of_before_a_name_makes_it_a_person():
    """As "Byron's memoirs" says a person, so do "the memoirs of Byron", "the death of Chávez" (the possessions' list read
    before the name); "the laws of Quenxa" do not."""
    found = [(f.name, f.kind, f.basis) for f in find_all("They read the memoirs of Quenxa and mourned the death of Zorblatt.")]
    assert found == [("Quenxa", "person", "context"), ("Zorblatt", "person", "context")]
    assert all(f.kind != "person" for f in find_all("They read the laws of Quenxa and the theory of Evolution."))


def test_a_dictionary_word_heading_a_longer_name_of_its_article_is_that_name_said_short():
    """ "the Archipelago" of a speech naming the Chagos Archipelago, "the Principality" of one naming the Principality of
    Andorra, had pages of their own; in an article without the longer name the word may still be one."""
    from build_docs.link.knowledge import _Builder
    from build_docs.link.model import Quote

    def found(name: str, kind: str = "organization", rule: str = "name-run") -> Found:
        return Found(kind, name, 0, len(name), rule, basis="default", strong=True)

    one, other = Quote("one", "p1", "x"), Quote("other", "p1", "x")
    builder = _Builder(empty(), {}, lambda word: False)
    longer = Found("place", "Principality of Quenxa", 0, 22, "gazetteer", strong=True, canonical="Quenxa")
    builder.add_finds([(longer, one), (found("Principality"), one), (found("Archipelago"), other)], [])
    assert sorted(e.name for e in builder.entities.values()) == ["Archipelago", "Quenxa"]


def test_a_name_the_model_leaned_to_a_place_is_a_person_in_a_list_of_people():
    """ "From the times of Pushkin, Lermontov or Tolstoy" (a UN speech): "Tolstoy", a place by the model's lean alone, had
    a place's page; in a list with people found by evidence it is a person, as a name typed an organisation for want of
    evidence is."""
    found = finds("From the times of Pushkin, Lermontov or Tolstoy to the present day, the mountains stood.")
    assert [found[n][0] for n in ("Pushkin", "Lermontov", "Tolstoy")] == ["person"] * 3


def test_a_united_nations_office_is_a_title_no_name():
    """ "the Special Rapporteur on the situation of human rights", "the appointment of Ms. Kimberly Prost as Ombudsperson"
    made organisations "Rapporteur" and "Ombudsperson" on the UN speeches: titles (``titles-head.txt``), no names alone,
    and a name after one is a person's."""
    text = "Next November, the Special Rapporteur on the situation will visit, after the appointment of Ms. Kimberly Prost as Ombudsperson."
    assert set(finds(text)) == {"Kimberly Prost"}
    assert finds("as Special Rapporteur Quenxa Zorblatt said")["Quenxa Zorblatt"][:2] == ("person", "title-before")


def test_a_peoples_possessive_is_a_word_of_the_name():
    """ "Sudan People's Liberation Movement" made "Liberation Movement", "National People's Congress" "People's Congress",
    "Lao People's Revolutionary Party" "Revolutionary Party": "People's", "Women's", "Children's" go on with the name
    (``name-possessives.txt``), and a run ending in one is cut short, no name ("Global Strategy for Women's" of "... for
    Women's and Children's Health"). "Daily" heads a newspaper's name; "Socialist People's Libyan Arab Jamahiriya" is
    Libya (``country-aliases.txt``)."""
    text = "The Sudan People’s Liberation Movement and the National People's Congress met. China Daily reported it."
    found = finds(text)
    for name in ("Sudan People’s Liberation Movement", "National People's Congress", "China Daily"):
        assert found[name][:2] == ("organization", "org-head"), name
    assert finds("We support the Global Strategy for Women’s and Children’s Health.") == {}
    assert [f.canonical for f in find_all("to the Great Socialist People’s Libyan Arab Jamahiriya.")] == ["Libya"]
    assert finds("Byron's memoirs were burnt.")["Byron"][0] == "person"  # any other possessive ends the name


def test_a_treatys_subject_after_on_is_no_name_of_its_own():
    """ "the Convention on Cluster Munitions" made an organisation "Cluster Munitions" (25 quotes on the UN speeches): a
    run opening with a treaty's or a conference's head word goes on over "on" ("on the"), and is no entity; "the United
    Nations Climate Change Conference" made the model's "United Nations Climate Change" (19 quotes)."""
    assert finds("Andorra intends very soon to ratify the Convention on Cluster Munitions.") == {"Andorra": ("place", "gazetteer", True)}
    # a conference's name of common words is still one name, which the model's piece of it cannot take
    text = "the critical questions that could not be answered during the United Nations Climate Change Conference at Cancún will be addressed"
    assert set(finds(text)) == {"Cancún"}


def test_post_nominal_letters_are_no_words_of_a_name():
    found = finds("The architect Dame Zorla Mohammad Quellhadid DBE was born in 1950, and Daniel Brimoulli FRS taught there.")
    assert "Zorla Mohammad Quellhadid" in found and "Daniel Brimoulli" in found
    assert not any("DBE" in name or "FRS" in name for name in found)
    assert "Martin Luther King" in finds("We remember Martin Luther King Jr. and his dream.")  # a suffix after a surname that is a title


def test_a_bodys_name_spelled_a_letter_apart_is_one_page_but_one_word_never_joins_another():
    knowledge, _ = knowledge_of(
        [
            article("one", "The Quellbrim Regional Coordination Centre opened. The Quellbrim Regional Coordination Centre grew."),
            article("two", "The Quellbrim Regional Coordination Center met. The Quellbrim Regional Coordination Center met again."),
            article("three", "Trade with Colombia grew, and trade with Colombia fell.", "He studied in Columbia, and Columbia was cold."),
        ]
    )
    names = {e.name: e.aliases for e in knowledge.entities.values()}
    centres = [name for name in names if name.startswith("Quellbrim")]
    assert len(centres) == 1 and {"Quellbrim Regional Coordination Centre", "Quellbrim Regional Coordination Center"} <= {centres[0], *names[centres[0]]}
    assert {"Colombia", "Columbia"} <= set(names)  # two places a letter apart


def test_merged_spellings_give_the_same_page_whatever_pythons_string_hashing(tmp_path: Path):
    """Spellings are filed under sets of keys: the merged page's name, aliases and mentions must not depend on their order."""
    text = (
        "President Ali Abdulssalam Brimtreki spoke. President Ali Abdussalem Brimtreki spoke.\n\n"
        "President Ali Abdussalam Brimtreki opened the session, as Ali Abdussalam Brimtreki, and the Quellbrim Regional Coordination Centre met the "
        "Quellbrim Regional Coordination Center.\n"
    )
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "one.txt").write_text(text, encoding="utf-8")
    outputs = []
    for seed in ("1", "2", "3"):
        docs = tmp_path / f"docs{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "build_docs", "build", "-q", "--no-cache", "--seeds", str(seeds), "--docs", str(docs)], check=True, env=env)
        outputs.append((docs / "data" / "entities.json").read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    names = {r["name"] for r in json.loads(outputs[0])}
    assert sum("Brimtreki" in name for name in names) == 1


def test_god_by_name_is_a_person_on_one_mention_but_not_inside_a_longer_name():
    """ "God be praised!" (a letter), "thank God": GUM types God a person, and the word, in the dictionary, made no name;
    "Jesus" was an organisation for want of evidence. Two names in a row are one ("Jesus Christ"); a college or a church
    named after one is no person."""
    found = finds("I am losing weight, God be praised! Thank God. Jesus Christ came. We prayed at Christ Church.")
    assert found["God"] == ("person", "deity", True) and found["Jesus Christ"] == ("person", "deity", True)
    assert found.get("Christ Church", ("organization",))[0] != "person" and "Christ" not in found
    assert "God" not in finds("GOD BLESS AMERICA") and "Gods" not in finds("The Gods of Olympus were many.")


def test_a_body_named_in_another_language_is_an_organisation():
    """ "Hizb al-Islam" and "Hizbul Islam" (UN speeches) were persons by the tagger's lean, "Frente Polisario" a place: a
    word opening a body's name in another language (``org-words-abroad.txt``) makes an organisation."""
    found = finds("Al-Shabaab and Hizb al-Islam are causing havoc. Hizbul Quenxa said so, and the Frente Zorblatt too.")
    assert [found[n][0] for n in ("Hizb al-Islam", "Hizbul Quenxa", "Frente Zorblatt")] == ["organization"] * 3


def test_a_transcripts_speaker_set_in_capitals_after_a_title_is_a_person():
    """A court transcript sets its speakers in capitals ("MR. QUENXA: Your Honor, ..."): the title in capitals is a title,
    its period no sentence's end, and the name goes by its capitalised form, as "Senator WARNOCK" does; an all-capitals
    headline still names no one."""
    found = {f.name: (f.kind, f.rule, f.canonical) for f in find_all("MR. QUENXA: Your Honor, we object.\n\nJUSTICE ZORBL: Why?")}
    assert found["QUENXA"] == ("person", "title-before", "Quenxa") and found["ZORBL"] == ("person", "title-before", "Zorbl")
    assert find_all("PRESIDENT QUENXA VISITS CHINA") == []


def test_a_title_opening_a_places_name_names_no_person():
    """ "Prince Edward Island" was a person "Edward Island" (a title and a given name), "King Zorblatt Street" a person: a
    name after a title ending in a place's head word is the place's."""
    found = finds("They sailed to Prince Edward Island and walked down King Zorblatt Street.")
    assert found["Prince Edward Island"][0] == "place"
    assert "Edward Island" not in found and all(kind != "person" for kind, _, _ in found.values())


def test_an_honorific_of_another_tradition_is_a_title_not_a_word_of_the_name():
    found = finds("We honour Hazrat Quellmusa, Shaheed Benazir Brimtto and Pandit Jawaharlal Quellru; as Comrade Brimdel has warned.")
    assert {"Quellmusa", "Benazir Brimtto", "Jawaharlal Quellru", "Brimdel"} <= set(found)
    assert all(found[name][0] == "person" for name in ("Quellmusa", "Benazir Brimtto", "Jawaharlal Quellru", "Brimdel"))


def test_a_surname_after_a_title_is_confirmed_on_one_mention_by_a_persons_verb():
    """ "as the Chief Guest said": a title and a verb only a person takes are enough for one mention; the title before
    a common word no one's surname is not."""
    assert finds("It is a long time, as the Chief Guest said, calling out.")["Guest"] == ("person", "title-before", True)
    assert finds("the files of the Chief Guest were lost")["Guest"] == ("person", "title-before", False)  # a common word


def test_a_lowercase_noun_for_a_place_after_a_name_makes_it_a_place():
    """ "the Zorblatt river" was an organisation for want of evidence (on the UN speeches "Al-Ghajar village", "the
    Tohoku district" of Japan); not after a noun a body's name stands before as often ("an ASEAN country")."""
    found = finds("They sailed down the Zorblatt river to Quenxa province and into the Zorbel mountains.")
    assert [found[n][0] for n in ("Zorblatt", "Quenxa", "Zorbel")] == ["place"] * 3
    assert finds("It is a Zorblatt country now.").get("Zorblatt", ("organization",))[0] != "place"


def test_a_name_of_a_persons_shape_after_an_article_is_a_person_only_before_a_noun_it_describes():
    """ "the British Red Cross in September" was a person's page ("Red" a given name, "Cross" a surname), as was "the Long
    Room at Auckland Castle"; "the Tom Cruise video" and "the Kofi Annan plan" still name the person."""
    assert finds("Help came from the British Red Cross in September.").get("Red Cross", ("organization",))[0] != "person"
    assert finds("They met in the Long Room at noon.").get("Long Room", ("place",))[0] != "person"
    assert finds("He saw the Tom Cruise video twice.")["Tom Cruise"][0] == "person"
    assert finds("I met John Smith yesterday.")["John Smith"][0] == "person"


def test_a_name_and_its_epithet_are_one_person():
    """ "Constantine the Great" was the city of Constantine (a place of the gazetteer); "Tsar Peter the Great" is Peter the
    Great, not "Peter" with a title."""
    assert finds("Constantine the Great - later responsible for it - was born there.")["Constantine the Great"] == ("person", "epithet", True)
    assert finds("when Tsar Peter the Great returned")["Peter the Great"][0] == "person"
    assert finds("It was the Great Depression, then the Great Wall.").get("Great Depression", ("other",))[0] != "person"


def test_a_one_word_name_with_an_ending_only_surnames_have_is_a_persons():
    """ "Lermontov" and "Pushkin" were organisations on the UN speeches ("the times of Pushkin, Lermontov or Tolstoy"); a place's
    name with such an ending after "in" stays a place ("in Kharkov"), and one of the gazetteer is the place ("Saratov")."""
    found = finds("It echoes the work of Stanislavsky, Titulescu and Gruevski.")
    assert [found[n][:2] for n in ("Stanislavsky", "Titulescu", "Gruevski")] == [("person", "name-run")] * 3
    found = finds("They lived in Kharkov and later moved to Saratov.")
    assert found["Kharkov"][0] == "place" and found["Saratov"][0] == "place"
    discover.MODEL_FINDS = False  # the rules' reading: "Ratko Mladic" was an organisation on the UN speeches
    try:
        found = finds("The arrest of Ratko Mladic was welcome, as was the visit of Nursultan Nazarbayev.")
        assert found["Ratko Mladic"][0] == "person" and found["Nursultan Nazarbayev"][0] == "person"
        assert finds("in the Adriatic waters").get("Adriatic", ("place",))[0] != "person"  # "-ic" alone is an adjective's
    finally:
        discover.MODEL_FINDS = True


def test_a_title_in_quotation_marks_set_in_title_case_is_read_as_a_headline():
    """ "Charting a New Horizon for UN Peacekeeping" (a report's title in quotation marks) was an organisation's page on the
    UN speeches: its capitals are a title's, no evidence of a name; a name quoted in a sentence still is one."""
    discover.MODEL_FINDS = False  # the rules' reading
    try:
        text = "the report \u201cA Zorblatt Partnership Agenda: Charting a New Horizon for Quenxa Peacekeeping\u201d said so"
        assert not any(f.rule == "name-run" for f in find_all(text))
        assert [t.headline for t in tokenize("He said \u201cZorblatt Quenxa is here\u201d and left.")] == [False] * 3
    finally:
        discover.MODEL_FINDS = True


def test_a_places_government_that_speaks_is_no_person():
    """ "The UK Government said" made a person of a run ending in "Government" (a verb of saying); the tagger already
    typed such a name an organisation, the rules now do too."""
    assert finds("The Zorblatt Government said it would act.")["Zorblatt Government"][0] == "organization"


def test_an_abbreviated_title_is_a_title_and_no_name():
    """ "Assistant V.P. and Assoc. Dean for Undergraduate Education" made a place "Assoc" (the model's) on GUM's letters:
    "Assoc." and "Asst." are titles' words written short, as "Associate" is one ("Associate Professor Zorblatt Quenxa")."""
    text = "cc: Donald Leslie, Assistant V.P. and Assoc. Dean for Undergraduate Education, and Asst. Dean Quenxa Zorblatt."
    assert not any(f.name.startswith(("Assoc", "Asst")) for f in find_all(text))
    assert finds("as Associate Professor Zorblatt Quenxa said")["Zorblatt Quenxa"][:2] == ("person", "title-before")
