"""The names evaluation's reading of GUM's mentions (benchmarks/names_eval.py): what counts as a name's forms."""

from __future__ import annotations

from benchmarks.names_eval import affiliated, coordinated, forms, heads, located, normal, owned


def test_a_title_in_front_is_also_dropped_with_its_abbreviation_point():
    """GUM keeps a title in a mention; "Dr. William Glennie" and "Dr William Glennie" both name William Glennie."""
    assert "william glennie" in forms("Dr. William Glennie")
    assert "william glennie" in forms("Dr William Glennie")
    assert forms("General George Washington") >= {"general george washington", "george washington"}
    assert forms("Mr.") == {"mr."}  # a title alone stays what it is
    assert "winfield scott" in forms("Major-General Winfield Scott")  # titles joined by a hyphen
    assert "jerry nadler" in forms("Judiciary Chair Jerry Nadler")  # whose title it is, then the title
    assert forms("Martin Luther King") == {"martin luther king"}  # a title word ending a name is a word of it
    assert forms("Captain America") == {"captain america"}  # before a country's name a title is a word of it: no "america"
    assert "elizabeth" in forms("Queen Elizabeth")  # a city's name is a person's too


def test_a_particle_joined_to_a_name_is_a_word_of_it():
    """ "Jean le Rond d'Alembert" is a name whole, as "Bashar al-Assad" is: the scorer read them as "Jean le Rond" and
    "Bashar", so a page with the whole name counted as wrong and the entity as missed."""
    from benchmarks.names_eval import heads, name_like

    assert name_like("Jean le Rond d'Alembert") and name_like("Bashar al-Assad") and name_like("Porte d’Enfer")
    assert heads("the mathematician Jean le Rond d'Alembert") == {"jean le rond d'alembert"}
    assert not name_like("the d'Alembert operator")  # a lowercase word still makes no name


def test_a_persons_mention_also_names_them_without_who_they_work_for():
    """GUM's mention "musician Nick Rhodes of Duran Duran" names Nick Rhodes: a page "Nick Rhodes" finds him."""
    assert affiliated(heads("musician Nick Rhodes of Duran Duran")) == {"nick rhodes"}
    assert affiliated(heads("Lydia Buchtmann for Food Standards Australia New Zealand")) == {"lydia buchtmann"}
    assert affiliated(heads("Catherine of Aragon")) == set()  # one word before "of": the name is whole


def test_a_mention_that_says_where_the_name_is_also_names_it_without():
    """GUM's mention "Marstal on Ærø" names Marstal, "Tiananmen Square in Beijing" Tiananmen Square: a page named for
    either finds the entity, and is no wrong page."""
    assert "marstal" in heads("Marstal on Ærø") and "marstal on ærø" in heads("Marstal on Ærø")
    assert "tiananmen square" in heads("Tiananmen Square in Beijing")
    assert located("University of California at Berkeley") == set()  # "at" ends a campus's name: another entity
    assert located("in Beijing") == set()  # no name before it


def test_a_mention_that_describes_a_name_is_built_on_the_name():
    """ "Facebook creator Mark Zuckerberg" is built on Mark Zuckerberg, not on Facebook (the scorer matched the page
    "Facebook" to him, so he counted as typed an organisation); "The Senator from Alaska" is not built on Alaska."""
    assert heads("Facebook creator Mark Zuckerberg") == {"mark zuckerberg"}
    assert heads("American cultural anthropologist Clifford Geertz") == {"clifford geertz"}
    assert "alaska" not in heads("The Senator from Alaska")  # a preposition: Alaska is not who the mention names
    assert "oklahoma" not in heads("the Green Country region of Oklahoma")
    assert "college" not in heads("a Fellow at King 's College")  # a possessive is no noun describing a name


def test_a_name_in_quotation_marks_is_the_name_without_them():
    """GUM's mention 'the "Cimarron Turnpike."' names the Cimarron Turnpike: the quotation marks and the point set inside
    them are no part of the name (the page "Far East" counted as wrong against 'the "Far East."')."""
    assert heads('the "Cimarron Turnpike."') == {"cimarron turnpike"}
    assert heads("the \u201cRoaring Forties\u201d") == {"roaring forties"}
    assert normal('The "B.A."') == "b.a."  # an abbreviation keeps its point
    assert normal("U.S.") == "u.s."


def test_a_mention_opening_with_the_is_built_on_the_name_after_it():
    """ "the Organization for Security and Cooperation in Europe, in which ..." is built on the organisation's name, as
    "Organization for ..., in which ..." is: the normal form drops a leading "the" anyway (the entity counted as no gold
    one, and a page for it found nothing)."""
    assert heads("the Organization for Zorblatt, in which we play a role") == {"organization for zorblatt"}
    assert heads("the Quenxa province") == {"quenxa"}
    assert heads("the mayor of Paris") == set()  # a lowercase noun first: not a name's mention


def test_a_name_gum_marks_as_two_conjuncts_of_one_entity_is_named_whole():
    """GUM marks "Antigua and Barbuda" as two mentions of one country, "Antigua" and "Barbuda": the page "Antigua and
    Barbuda" names it (it counted as wrong, and the country as missed)."""
    text = "Visas are free for Antigua and Barbuda and Saint Kitts."
    assert coordinated(["Antigua", "Barbuda"], text) == {"antigua and barbuda"}
    assert coordinated(["Saint Kitts", "it"], text) == set()
    assert coordinated(["Bosnia", "Herzegovina"], text) == set()  # the text does not write it whole


def test_a_mention_with_a_possessive_names_what_follows_it():
    """GUM's "New Zealand 's Prime Minister John Key" names John Key (a page "John Key" found nothing), "DAB 's Horace
    Cheung" Horace Cheung; "King 's College" is a name whole, and "a Professor at X 's Institute" names the professor."""
    assert "john key" in heads("New Zealand 's Prime Minister John Key")
    assert heads("localist group Youngspiration 's Baggio Leung") == {"baggio leung"}
    assert owned("King 's College") == set() and owned("New People 's Party") == set()
    assert heads("a Professor at Zorblatt University 's Quenxa Institute of Mathematics") == set()


def test_a_mention_that_says_where_a_name_is_at_the_place_also_names_it_without():
    """ "the Weatherspoon Art Museum at the University of North Carolina at Greensboro" names the museum, and
    "Northwestern University in Evanston, Illinois" the university; "University of California at Berkeley" is a campus,
    no mention of the University of California."""
    assert "weatherspoon art museum" in heads("the Weatherspoon Art Museum at the University of North Carolina at Greensboro")
    assert "northwestern university" in heads("Northwestern University in Evanston, Illinois")
    assert heads("University of California at Berkeley") == {"university of california at berkeley"}
    assert "alice" not in heads("author of Alice in Wonderland")  # a title's "in" says where nothing is
