"""The statistical name tagger (issue 18, item 4): the shipped CRF, how its finds join the rules', and its training
(labels derived from GUM-style gold strings, the same model bytes from the same data)."""

from __future__ import annotations

import fnmatch
import hashlib
import json
import re
import tomllib
from pathlib import Path

import pytest

from benchmarks.names_eval import CORPUS as TRAINING_CORPUS
from benchmarks.ocr_path import half
from benchmarks.train_names import bio, label_of, labelled_spans, sequences, surfaces, train
from benchmarks.train_names import main as train_names_main
from build_docs.extract.discover import find_all, lexicon, tagger_features
from build_docs.extract.discover import tagger as tagger_module
from build_docs.extract.discover.found import Found
from build_docs.extract.discover.names import rare_name
from build_docs.extract.discover.tagger import MODEL, _sentence_break, tagged
from build_docs.extract.discover.tagger_features import LISTS_FILE, features, inputs_digest, words_of

REPO = Path(__file__).resolve().parent.parent


def test_the_model_is_shipped_as_package_data():
    assert MODEL.is_file() and MODEL.stat().st_size < 5_000_000
    patterns = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["build_docs"]
    shipped = MODEL.relative_to(REPO / "build_docs").as_posix()
    assert any(fnmatch.fnmatch(shipped, p.replace("**/", "*/")) for p in patterns)


def test_the_shipped_model_was_trained_on_the_attributes_the_code_makes_now():
    """A word list the tagger reads, or the attributes' code, changed since ``make train-names`` wrote the model: its weights
    were learnt on other attributes (the model trained in 0b271b7 was shipped long after its lists had changed)."""
    attributes, model = (line.split()[0] for line in MODEL.with_name("names.inputs.sha256").read_text(encoding="utf-8").splitlines())
    assert attributes == inputs_digest(), "the tagger's word lists or attributes changed since the model was trained: run `make train-names`"
    assert model == hashlib.sha256(MODEL.read_bytes()).hexdigest(), "the model is not the one `make train-names` wrote"


def test_the_tagger_finds_names_with_no_pattern_around_them():
    text = "The deal was signed by Rosneft and Barstool Sports after talks in Casamance, and Mikhail Gorbachev met Deng Xiaoping."
    kinds = {f.name: f.kind for f in tagged(text)}
    assert kinds.get("Mikhail Gorbachev") == "person" and kinds.get("Deng Xiaoping") == "person"
    assert "Rosneft" in kinds  # a company without a head word (the model calls it "other" since it was trained again)
    assert {f.name: f.kind for f in find_all(text)}.get("Rosneft") == "organization"  # the rules make it a name
    for f in tagged(text):
        assert text[f.start : f.end] == f.name and f.rule == "model"


def test_titles_nationalities_and_common_words_alone_are_no_finds():
    text = "Mr. President, the Lebanese and the Secretary-General of the State spoke. Thank you, Mr. President."
    names = {f.name for f in tagged(text)}
    assert not names & {"President", "Mr.", "Lebanese", "Secretary-General", "State", "Mr. President"}


def test_the_training_labels_read_the_lists_the_model_was_trained_on(monkeypatch):
    """A word added to the build's nationalities (or titles) leaves the training labels alone, as it leaves the model's
    attributes: ``make train-names`` gives the shipped bytes however the lists were edited since (the labels read the
    live lists, and this stop's new demonyms changed the bytes it gave)."""
    gold = {"named": [{"identity": "Z", "etype": "person", "mentions": ["Zorblattian", "Brigadeer Qualmsby"]}]}
    before = label_of(gold)
    assert before == {"Zorblattian": "PER", "Brigadeer Qualmsby": "PER"}
    monkeypatch.setattr(lexicon, "DEMONYMS", lexicon.DEMONYMS | {"Zorblattian"})
    monkeypatch.setattr(lexicon, "HEAD_TITLES", lexicon.HEAD_TITLES | {"Brigadeer"})
    assert label_of(gold) == before


def test_a_places_government_is_an_organisation_of_the_models():
    """ "the Marshall Islands Government" was a place page on the UN speeches."""
    kinds = {f.name: f.kind for f in tagged("We thank the Marshall Islands Government for its support.")}
    assert kinds.get("Marshall Islands Government") == "organization"


def test_acronyms_in_a_list_are_no_name_of_the_models():
    """ "into the EU and NATO": a place page "EU and NATO" on the UN speeches (and "HIV and AIDS", "UNICEF and UNESCO")."""
    text = "the integration of Bosnia and Herzegovina into the EU and NATO, which is a strategic goal."
    assert not any(" and " in f.name and f.name.replace(" and ", "").isupper() for f in tagged(text))


def test_an_english_word_alone_is_no_body_or_place_of_the_models():
    """ "the New Arrangement to Borrow": the model made a place of "Borrow" (pages "Borrow", "Malaria", "Disarmament" on the
    UN speeches); an English word alone is no name of a body or a place wherever it stands, though a person's may be."""
    assert "Borrow" not in {f.name for f in tagged("We welcome the New Arrangement to Borrow, with specific focus on the Group of 20.")}


def test_patterns_come_first_and_the_model_fills_the_gaps():
    found = find_all("Chinese President Xi Jinping met the chairman of Rosneft in Moscow on Monday.")
    by_name = {f.name: f.rule for f in found}
    assert by_name["Xi Jinping"] == "title-before" and by_name["Moscow"] == "gazetteer"
    spans = sorted((f.start, f.end) for f in found)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))  # no two finds overlap


def test_a_patterns_weak_find_is_confident_where_the_model_finds_the_same_name_as_the_same_kind(monkeypatch):
    import build_docs.extract.discover as discover

    text = "We welcome the work of the Geneva Water Research Programme. We thank the Interim President, General Sekouba Konate."
    names = ("Geneva Water Research Programme", "Sekouba Konate")
    monkeypatch.setattr(discover, "MODEL_FINDS", False)
    alone = {f.name: f for f in find_all(text)}
    assert [(alone[n].rule, alone[n].strong) for n in names] == [("org-head", False), ("title-before", False)]  # the rules alone: weak
    monkeypatch.setattr(discover, "MODEL_FINDS", True)
    both = {f.name: f for f in find_all(text)}
    assert all(both[n].strong and both[n].rule == alone[n].rule and both[n].kind == alone[n].kind for n in names)
    weak = Found("organization", "Water Research Programme", 0, 24, "org-head")
    for model in (None, Found("person", weak.name, 0, 24, "model", strong=True), Found("organization", weak.name, 0, 24, "model")):
        assert not discover._seconded(weak, model).strong  # no find, another kind, or a find the model is not sure of


def test_features_read_the_word_and_its_neighbours():
    text = "She met Zorblatt Quenxi in Paris's old town."
    spans = words_of(text)
    words = [text[a:b] for a, b in spans]
    assert words[:5] == ["She", "met", "Zorblatt", "Quenxi", "in"] and "'s" in words  # a possessive is a word of its own
    attrs = features(text, spans)
    z = attrs[words.index("Zorblatt")]
    assert "shape=Xx" in z and "rank=rare" in z and not any(a.startswith("w=") for a in z)  # a rare word is never learnt by heart
    assert "-1:w=met" in z and "1:shape=Xx" in z
    assert "first" in attrs[0] and "gaz=capital" in attrs[words.index("Paris")] or "gaz=city" in attrs[words.index("Paris")]


def test_the_model_reads_the_word_lists_it_was_trained_on_not_the_rules_lists_as_edited_since(monkeypatch, tmp_path: Path):
    """An editor adds a title to ``titles-head.txt``: the rules read it at once, the tagger's attributes do not change (its
    weights were learnt on the lists of ``names.lists.txt``), so no model needs training again; ``make train-names``
    writes the lists it trains on beside the model."""
    text = "She met Zorblatt Quenxi in Paris."
    spans = words_of(text)
    before = features(text, spans)
    monkeypatch.setattr(lexicon, "HEAD_TITLES", lexicon.HEAD_TITLES | {"Zorblatt"})
    tagger_features.use_lists(tagger_features.LISTS_FILE)  # forget every attribute made so far
    try:
        assert features(text, spans) == before
        assert "title Zorblatt" in tagger_features.lists_text()  # what training again would write
        trained = tmp_path / "names.lists.txt"
        trained.write_text(tagger_features.lists_text(), encoding="utf-8")
        tagger_features.use_lists(trained)
        assert "title" in features(text, spans)[2] and "1:title" in features(text, spans)[1]
    finally:
        tagger_features.use_lists(LISTS_FILE)
    assert tagger_features.LISTS_FILE == LISTS_FILE and features(text, spans) != []


def test_the_trained_lists_are_the_lists_a_training_writes_from_lists_of_those_words():
    """``names.lists.txt`` reads back as it was written: each list's words under its attribute, a comment header."""
    text = LISTS_FILE.read_text(encoding="utf-8")
    assert text.startswith("# ") and "\ntitle President\n" in text and "\norghead Bank\n" in text
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert lines == sorted(lines) and {line.split(" ", 1)[0] for line in lines} == {label for label, _ in tagger_features.LISTS}


def test_gold_mentions_become_bio_labels():
    assert surfaces("President George Washington") == ["George Washington"]
    assert surfaces("Jiangsu province") == ["Jiangsu"]
    assert surfaces("Director of the National Iodine study") == []  # a role, not a name
    gold = {"named": [{"etype": "person", "mentions": ["Ada Lovelace", "she"]}, {"etype": "place", "mentions": ["London"]},
                      {"etype": "event", "mentions": ["the Great Exhibition"]}, {"etype": "person", "mentions": ["President"]}]}
    labels = label_of(gold)
    assert labels == {"Ada Lovelace": "PER", "London": "LOC", "Great Exhibition": "OTH"}
    text = "Ada Lovelace saw the Great Exhibition in London."
    spans = words_of(text)
    assert bio(spans, labelled_spans(text, labels)) == ["B-PER", "I-PER", "O", "O", "B-OTH", "I-OTH", "O", "B-LOC", "O"]


def test_training_gives_the_same_model_bytes_twice(tmp_path: Path):
    corpus = tmp_path / "gum"
    corpus.mkdir()
    # documents whose names fall in the tune half (the trainer reads no other)
    texts = {
        "GUM_news_iodine": ("Ada Lovelace met Charles Babbage in London. Babbage wrote to Lovelace from Paris.", "person"),
        "GUM_bio_byron": ("Lord Byron lived in Venice and in Pisa. Byron wrote to Shelley in Ravenna.", "person"),
    }
    for doc, (text, _) in texts.items():
        (corpus / f"{doc}.txt").write_text(text, encoding="utf-8")
        named = [{"etype": "person", "mentions": ["Ada Lovelace", "Lovelace", "Charles Babbage", "Babbage", "Byron", "Shelley"]},
                 {"etype": "place", "mentions": ["London", "Paris", "Venice", "Pisa", "Ravenna"]}]
        (corpus / f"{doc}.gold.json").write_text(json.dumps({"genre": doc.split("_")[1], "named": named}), encoding="utf-8")
    first, second = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    assert train(corpus, first) == 0 and train(corpus, second) == 0
    assert first.read_bytes() == second.read_bytes() and first.stat().st_size > 0
    # the command reads the lists the shipped model was trained on, so it makes the same bytes however the build's lists
    # were edited since; --lists-now writes the lists as they stand beside the model it trains, and trains on them
    third, own = tmp_path / "own" / "c.crfsuite", tmp_path / "own" / "names.lists.txt"
    try:
        assert train_names_main(["--corpus", str(corpus), "--out", str(third)]) == 0
        assert third.read_bytes() == first.read_bytes() and not own.exists()
        assert train_names_main(["--corpus", str(corpus), "--out", str(third), "--lists-now"]) == 0
        assert own.read_text(encoding="utf-8") == tagger_features.lists_text() and own == tagger_features.LISTS_FILE
    finally:
        tagger_features.use_lists(LISTS_FILE)


def test_training_reads_only_openly_licensed_genres(tmp_path: Path):
    corpus = tmp_path / "gum"
    corpus.mkdir()
    for doc in ("GUM_news_iodine", "GUM_essay_distraction"):  # both in the tune half; essays are CC BY-NC-SA
        (corpus / f"{doc}.txt").write_text("Ada Lovelace met Charles Babbage in London.", encoding="utf-8")
        named = [{"etype": "person", "mentions": ["Ada Lovelace", "Charles Babbage"]}]
        (corpus / f"{doc}.gold.json").write_text(json.dumps({"genre": doc.split("_")[1], "named": named}), encoding="utf-8")
    assert half("GUM_essay_distraction") == "tune"
    assert len(sequences(corpus)) == 1  # the news document's one paragraph; the essay is left out


def test_model_finds_of_one_word_pass_the_tests_a_single_mention_passes():
    """Honorifics, plurals, derived words, demonym plurals, a common noun after a determiner and a piece of a hyphenated
    name cut by a line break make no find, however often they recur."""
    texts = [
        "Kuwait will do so to support the efforts of His Highness the Amir, and of His Excellency Mr. Ban Ki-moon.",
        "In the same vein, the central theme of our Chairmanship was peace, and the Republics of the region agreed.",
        "Thus my Government strives to represent the values of Costa Ricans abroad, as the Belizeans do.",
        "We condemn violations of the principles of the Charter, as was said in this very Hall and at the Summit.",
        "We have been pleased to work with Liberia and Timor- Leste, and with the people of Nagorno- Karabakh.",
    ]
    junk = {"Highness", "Excellency", "Excellency Mr.", "Mr.", "Chairmanship", "Republics", "Costa Ricans", "Belizeans"}
    junk |= {"Charter", "Hall", "Summit", "Leste", "Timor", "Nagorno", "Karabakh"}
    for text in texts:
        found = {f.name for f in find_all(text)} | {f.name for f in tagged(text) if f.kind != "other"}
        assert not found & junk, (text, found & junk)


def test_a_treaty_is_no_person_and_members_of_a_body_are_no_entity():
    text = "The United Arab Emirates has ratified the Non-Proliferation Treaty, and all Member States support the Kyoto Protocol."
    found = find_all(text)
    assert not any(f.kind == "person" for f in found), found
    assert not any(f.name in ("Member States", "Kyoto Protocol", "Non-Proliferation Treaty") for f in found)
    assert {f.name: f.kind for f in tagged(text)}.get("Kyoto Protocol", "other") == "other"
    text = "They were settled by the Treaty of Peace and Friendship of 1904 and the Charter of the United Nations."
    assert not any(f.name.startswith(("Treaty", "Charter")) for f in find_all(text)), find_all(text)  # a treaty's head word first


def test_a_word_no_list_knows_is_a_guessed_person_where_the_model_is_sure_of_one():
    """A name of one word that no naming tradition's lists know, found by no pattern, is a person (a guess, which evidence
    elsewhere outweighs) where the model is sure of one, not an organisation for want of evidence."""
    text = "He was welcomed by Orvandius upon his arrival and became a favourite of Orvandius."
    found = [f for f in find_all(text) if f.name == "Orvandius"]
    assert len(found) == 2 and all(f.kind == "person" and f.basis == "guess" for f in found), found


def test_a_place_the_frequency_list_ranks_high_but_english_never_uses_as_a_word_is_the_models_on_one_mention():
    """A county or a city the gazetteer lacks, which the web writes often ("Northumberland", "Yorkshire"), is no English
    noun or adjective: the model's find of it is strong on one mention; words English uses are not ("Hell", "Earth")."""
    found = find_all("The walkers crossed the moors of Northumberland last summer.")
    assert [(f.name, f.kind, f.strong) for f in found] == [("Northumberland", "place", True)]
    assert rare_name("Yorkshire") and rare_name("Venice") and rare_name("Baie-Mahault")
    assert not any(rare_name(w) for w in ("Hell", "Earth", "Ozone", "Supporting", "North", "Arabian", "President", "Russia"))
    assert not any(f.strong for f in find_all("It was the same as the so-called Russia Threat made up by others."))


def test_a_find_of_the_model_ends_at_a_bracket():
    """An acronym and its expansion in brackets are two names, never one page named "GPS (Global Positioning System"
    (the model of one fold labelled the bracket inside the name). The labels are given; the CRF's marginals are read."""
    text = "The GPS (Global Positioning System) in every smartphone can tell you where you are."
    spans = words_of(text)
    words = [text[a:b] for a, b in spans]
    labels = ["O"] * len(spans)
    labels[words.index("GPS") : words.index(")") + 1] = ["B-LOC"] + ["I-LOC"] * (words.index(")") - words.index("GPS"))
    loaded = tagger_module._loaded()
    assert loaded is not None
    loaded[0].set(loaded[1].encode(text, spans))  # the marginals of this text
    names = [f.name for f in tagger_module._finds(loaded[0], text, spans, labels)]
    assert names and not any("(" in n or ")" in n for n in names)
    assert "Global Positioning System" in names


def test_a_contraction_is_no_name_of_the_models():
    """A fold's model made a place page "I'll" of a quoted sentence; a name with an apostrophe keeps it ("O'Neill")."""
    assert tagger_module._no_name("I'll", ["I'll"]) and tagger_module._no_name("We\u2019ve", ["We\u2019ve"])
    assert not tagger_module._no_name("O'Neill", ["O'Neill"]) and not tagger_module._no_name("Thomas D'Alesandro", ["Thomas", "D'Alesandro"])


def test_an_english_word_opening_a_sentence_is_no_find_of_the_models():
    """ "Freedom, peace and democracy ...", "Likewise, ...", "Thirdly, ...": recurring, such words made organisation pages on
    the UN speeches; a name no dictionary has still is one ("Ubisoft, Microsoft and ... had booths")."""
    for word, kept in (("Freedom", False), ("Likewise", False), ("Thirdly", False), ("Ubisoft", True)):
        text = f"It was done. {word}, and more, came."
        at = text.index(word)
        found = tagger_module._find(text, [(at, at + len(word))], "organization", 0.9, opens=True)
        assert (found is not None) is kept, word


def test_the_period_of_an_abbreviation_before_a_name_ends_no_sentence_inside_a_find():
    """ "St." opens a name ("St. Louis Cardinals"), where a full stop after a word of two letters would end the find; a
    company's suffix may end a sentence, so its period still does."""
    found = {f.name for f in tagged("The Red Sox won the World Series over the St. Louis Cardinals in six games.")}
    assert "St. Louis Cardinals" in found and "Louis Cardinals" not in found
    text = "He sold it to Acme Inc. Then he retired."
    spans = words_of(text)
    assert _sentence_break(text, spans, [text[a:b] for a, b in spans].index("Then"))


def test_one_word_opening_a_sentence_is_the_models_name_on_one_mention_when_it_is_no_english_word():
    """A capital opening a sentence proves nothing, but a word no English list has ("Svendborg") is a name however it
    stands: the model's find of it is strong; an acronym ("OK") is not."""
    found = [(f.name, f.kind, f.strong) for f in find_all("Svendborg has a ferry to the islands.")]
    assert found == [("Svendborg", "place", True)]
    assert not any(f.strong for f in find_all("OK. Let us go on with the hearing."))
    assert not any(f.strong for f in find_all("Svendborg: a ferry to the islands."))  # a label


def test_a_city_or_a_word_that_only_looks_plural_is_still_a_name():
    assert any(f.name == "Indianapolis" for f in find_all("He moved to the Pacific Coast League team in Indianapolis in 2012."))
    assert any(f.name == "Wikinews" and f.alone for f in find_all("She told Wikinews about the game."))


def test_the_encoder_gives_crfsuite_the_features_the_model_knows_and_the_same_tags():
    from build_docs.extract.discover.tagger import _loaded, model_attributes
    from build_docs.extract.discover.tagger_features import Encoder

    tagger, encoder = _loaded()
    known = model_attributes(MODEL.read_bytes())
    assert known == frozenset(tagger.info().attributes)  # read from the model file's own attribute table
    text = "Zorblatt said.\n\nThe Envoys of Putin's Kremlin met Deng Xiaoping in Paris, and the paris office.\nEnd"
    spans = words_of(text)
    reference = features(text, spans)
    for fresh in (Encoder(known), encoder):  # a new encoder (every word new) and the shared one (words seen before)
        assert fresh.encode(text, spans) == [[a.encode() for a in attrs if a in known] for attrs in reference]
    assert Encoder(None).encode(text, spans) == [[a.encode() for a in attrs] for attrs in reference]  # a model it cannot read
    assert model_attributes(b"not a model") is None
    labels = tagger.tag(encoder.encode(text, spans))
    marginals = [tagger.marginal(y, k) for k in range(len(spans)) for y in tagger.labels()]
    assert tagger.tag(reference) == labels  # the attributes the model lacks change nothing
    assert [tagger.marginal(y, k) for k in range(len(spans)) for y in tagger.labels()] == marginals


def test_inflect_is_imported_without_typeguard_instrumenting_it():
    import typeguard

    from build_docs.extract.discover.names import plural

    checked = typeguard.typechecked
    assert plural("Republics") and plural("Envoys") and not plural("Athens")
    assert typeguard.typechecked is checked  # the decorator is put back for everything else


def test_a_persons_name_of_the_models_has_no_of_the():
    """The model read "the Floor of the House of Representatives" as a person (a page on GUM's speeches): a person's
    name holds no "of the" ("Master of the Zorblatt" is a title); "Catherine of Aragon" and "Peter the Great" stay people."""
    from build_docs.extract.discover.tagger import _find

    def found(text: str, kind: str = "person") -> Found | None:
        return _find(text, [(m.start(), m.end()) for m in re.finditer(r"\S+", text)], kind, 0.9)

    assert found("Floor of the House of Representatives") is None
    assert found("Master of the Zorblatt") is None
    assert found("Catherine of Aragon") is not None and found("Peter the Great") is not None
    assert found("Bank of the Zorblatt Republic", "organization") is not None


def test_a_lowercase_word_opens_no_name_of_the_models_but_a_particle_does():
    """The model's find "And you're Nick Roberts" lost "And" but kept "you're": a page "you're Nick Roberts"."""
    from build_docs.extract.discover.tagger import _find

    def name(text: str) -> str | None:
        f = _find(text, [(m.start(), m.end()) for m in re.finditer(r"\S+", text)], "person", 0.9)
        return f.name if f else None

    assert name("And you're Nick Roberts") == "Nick Roberts"
    assert name("de Gaulle") == "de Gaulle" and name("al-Quenxa Zorblatt") == "al-Quenxa Zorblatt"


@pytest.mark.skipif(not any(TRAINING_CORPUS.glob("*.gold.json")), reason=f"corpus not found: {TRAINING_CORPUS}")
def test_make_train_names_gives_the_shipped_model(tmp_path: Path):
    """The shipped model is what ``make train-names`` trains from the corpus beside the repository: a change to what its
    attributes read (the gazetteer is one: "Sana'a" among the cities changed a training document's attributes) shows
    here, and the model is then trained again and measured, or the change left out."""
    trained = tmp_path / "names.crfsuite"
    assert train_names_main(["--out", str(trained)]) == 0
    assert hashlib.sha256(trained.read_bytes()).hexdigest() == hashlib.sha256(MODEL.read_bytes()).hexdigest()
