"""Names evaluation: the entity pages the build makes of GUM documents, scored against GUM's named entities.

The documents are ``../shared/corpora/gum-entities/`` (139 GUM documents, each ``NAME.txt`` with
``NAME.gold.json``; beside the repository, never copied into it). Each is built **alone, through the
real build** (:func:`build_docs.pipeline.build`, dry run): a temporary seeds folder holding only the
``.txt``, no catalog, empty registries, as a new user's first build. The entities the build made are
read from the ``data/entities.json`` it would write: one record per entity page.

The documents are split into two fixed halves by the SHA-256 of the document name
(:func:`benchmarks.ocr_path.half`): rules are tuned on ``tune``; the README reports ``held``
(``--readme`` needs ``--half held``). The script prints which documents are in the half it scores.

Definitions (every comparison is on the *normal form* of a name: typographic apostrophes
straightened, a leading "the" and a trailing possessive ("'s", "'", GUM's detached " 's") removed,
quotation marks around the name and a point or comma set inside the closing one removed
('the "Cimarron Turnpike."'), no spaces around a hyphen, whitespace folded, case folded):

* a **name-like mention** is a gold mention of at most 8 words that has a capitalised word, whose
  other words are all capitalised (or a lowercase particle joined to a name: "d'Alembert", "al-Assad"), digits or
  connectors (:data:`CONNECTORS`: "of", "and", "de",
  "van", "al", ...), with no comma, and that is not a pronoun ("He", "Her"; "US" is a name); GUM
  keeps a title in a mention ("General George Washington"), so a mention whose first words are
  titles (the build's own lists of titles, ``titles-head.txt`` and ``titles-modifiers.txt``, or
  titles joined by hyphens, "Major-General"), or whose second or third word is a title after the
  words that say whose it is ("Judiciary Chair Jerry Nadler"), also has its form without them, unless
  what is left is a country's or a region's name ("Captain America" is no mention of America); a
  person's mention also holds who they work for ("Nick Rhodes of Duran Duran"), so one with two
  words or more before "of" or "for" also has the form of those words (:func:`affiliated`); and a
  mention that says where the name is after "in", "on" or "at the" ("Marstal on Ærø", "Tiananmen Square in
  Beijing") also has the form of the words before it (:func:`located`), as has the first run of a longer mention
  ("Northwestern University in Evanston, Illinois"); and one with a possessive before
  two words or more also has their forms ("New Zealand 's Prime Minister John Key"; :func:`owned`);
* a mention that is not name-like may be built on a name: GUM's mentions hold their modifiers and
  relative clauses ("Japan, where he intercepted ...", "northern Syria", "Jiangsu province"). Its
  *head* is its last run of capitalised words (connectors inside allowed, a comma ends a run) when
  a noun of one or two lowercase words joins it to a run before it ("Facebook creator Mark
  Zuckerberg") or a possessive does ("localist group Youngspiration 's Baggio Leung"); else its first
  run (after a leading "the" too) when a comma, parenthesis or lowercase word follows and no possessive,
  or its last run when at most two lowercase words precede it (:func:`heads`);
* where GUM marks a name "A and B" as two mentions of one entity ("Antigua" and "Barbuda" of
  Antigua_and_Barbuda) and the text writes it whole, "A and B" is a name of it too (:func:`coordinated`);
* the **gold** entities are GUM's ``named`` entities of etype person, organization or place with a
  name-like mention or head (an entity only ever called "the company" cannot be found by name);
* a gold entity is **found** when some page's name or alias has the normal form of one of its
  name-like mentions or heads; **recall** is found / gold;
* a page is **right** when its name or an alias has the normal form of a name of any ``named``
  entity (any etype: a page for a work or an event names something real), or of a name-like
  capitalised run inside any ``mention_texts`` entry (GUM nests mentions: "Paris, France") that the
  text also writes, in that case, after a lowercase word, a digit or a comma (so a heading such as
  "Career", annotated as a mention, does not excuse a page named "Career", and "Roberts" is no name
  where GUM only has "Mr. Roberts" and "Mitchell Roberts"); **precision** is right pages / pages; F1
  their harmonic mean;
* **typing**: of the found entities, the share whose page is a person exactly when GUM says person
  (person / other; GUM types a country acting as an agent as an organization, so only this split is
  scored); an entity found on several pages is typed by the first in page order;
* **split**: of the found entities, the share matched by two pages or more.

Speed (on by default; ``--no-speed`` skips it, ``--speed-only`` gives only it, for ``make bench``,
without GUM): the names stage, :func:`build_docs.extract.discover.find_all`,
over a fixed sample of UN General Debate speeches, in tokens (whitespace-separated words) per
second on one core, the word lists and gazetteers loaded before timing.

Two routes (issue 18, item 4): by default the build as it is, rules and the statistical tagger
(:mod:`build_docs.extract.discover.tagger`); ``--rules-only`` leaves the tagger's finds out. ``--readme``
scores the held half both ways and writes the two side by side above the per-genre table.

Usage::

    .venv/bin/python benchmarks/names_eval.py [--half tune|held|all] [--genre G] [--show N] [--json FILE] [--readme] [--no-speed] [--rules-only]

Exit status 2 when the corpus is missing or on bad usage.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.discover_eval import CORPUS as SPEECHES  # noqa: E402
from benchmarks.discover_eval import speeches  # noqa: E402
from benchmarks.ocr_path import half  # noqa: E402
from benchmarks.readme_section import README, markers, replace_section  # noqa: E402
from build_docs.extract import discover  # noqa: E402
from build_docs.extract.discover import find_all, gazetteer, is_common, lexicon  # noqa: E402
from build_docs.pipeline import BuildConfig, build  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpora" / "gum-entities"
KINDS = ("person", "organization", "place")
CONNECTORS = frozenset(
    [
        "of",
        "and",
        "for",
        "the",
        "on",
        "in",
        "at",
        "to",
        "de",
        "del",
        "della",
        "der",
        "den",
        "des",
        "di",
        "da",
        "du",
        "la",
        "le",
        "van",
        "von",
        "bin",
        "ibn",
        "al",
        "el",
        "y",
        "&",
        "-",
    ]
)
PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "it",
        "its",
        "we",
        "us",
        "our",
        "they",
        "them",
        "their",
        "you",
        "your",
        "this",
        "that",
        "these",
        "those",
        "who",
    ]
)
MAX_WORDS = 8
SPEED_SPEECHES = 200
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"})
_HYPHEN = re.compile(r"\s*-\s*")
_POSSESSIVE = re.compile(r"\s*'s?$")


def normal(name: str) -> str:
    """The normal form every comparison uses (see the module docstring)."""
    text = " ".join(name.translate(_APOSTROPHES).split())
    text = _POSSESSIVE.sub("", _HYPHEN.sub("-", text))
    if text[:4].casefold() == "the ":
        text = text[4:]
    return _unquoted(text).casefold()


_QUOTED = re.compile(r'^["\u201c](.+?)([.,]?)["\u201d]$')


def _unquoted(text: str) -> str:
    """A name GUM's mention holds in quotation marks, without them and the point or comma set inside the closing one
    ('the "Cimarron Turnpike."' names the Cimarron Turnpike); an abbreviation keeps its point ('"B.A."')."""
    quoted = _QUOTED.match(text)
    if quoted is None:
        return text
    name, point = quoted.groups()
    return name + point if point and "." in name.rsplit(" ", 1)[-1] else name


def name_like(mention: str) -> bool:
    """A gold mention that is a name: capitalised words, digits and connectors, no comma, not a pronoun."""
    words = mention.translate(_APOSTROPHES).split()
    if not words or len(words) > MAX_WORDS or "," in mention or mention.casefold() in PRONOUNS and not (mention.isupper() and len(mention) > 1):
        return False  # "He", "Her"; but "US" is a name
    words = [w for w in words if w not in {"'s", "'"}]
    if not any(w[:1].isupper() for w in words):
        return False
    return all(capital(w) or w[:1].isdigit() or w.casefold() in CONNECTORS or not w[:1].isalnum() for w in words)


_PARTICLE_JOINED = re.compile(r"[a-z]{1,4}['\u2019-][A-Z]")


def capital(word: str) -> bool:
    """A capitalised word, or a name with a lowercase particle joined to it ("d'Alembert", "al-Assad")."""
    return word[:1].isupper() or _PARTICLE_JOINED.match(word) is not None


def _title(word: str) -> bool:
    return word in lexicon.HEAD_TITLES or word in lexicon.TITLE_MODIFIERS


def forms(mention: str) -> set[str]:
    """The normal forms of a name-like mention: as written and, with a title in front ("General George Washington"), without it;
    a title may follow the words that say whose it is ("Judiciary Chair Jerry Nadler", "House Speaker Nancy Pelosi")."""
    form = normal(mention)
    words = mention.split()
    k = 0
    while k < len(words) - 1 and (_title(words[k].removesuffix(".")) or lexicon.compound_title(words[k])):  # "Dr." as "Dr"; "Major-General"
        k += 1
    if k == 0:
        titles = [t for t in range(1, min(3, len(words) - 1)) if words[t].removesuffix(".") in lexicon.HEAD_TITLES]
        k = titles[-1] + 1 if titles and all(w[:1].isupper() for w in words[: titles[-1] + 2]) else 0  # "Judiciary Chair Jerry Nadler"
    rest = " ".join(words[k:])
    place = gazetteer().get(rest) if k else None
    if place is not None and place.kind in ("country", "region", "subdivision"):
        return {form}  # "Captain America": a title before a country's name is a word of the name (not "Queen Elizabeth")
    return {form, normal(rest)} - {""} | owned(mention)


_OWNER = re.compile(r"\s['\u2019]s?\s")


def owned(mention: str) -> set[str]:
    """The forms of the name after a possessive in a mention ("New Zealand 's Prime Minister John Key" names John Key,
    "Mecca 's Grand Mosque" the mosque; GUM detaches the possessive), when two words or more follow it: "King 's College"
    and "New People 's Party" are names whole."""
    parts = _OWNER.split(mention)
    after = parts[-1].split() if len(parts) > 1 else []
    return forms(" ".join(after)) | located(" ".join(after)) if len(after) >= 2 and after[0][:1].isupper() else set()


def runs(mention: str) -> list[tuple[int, int, str]]:
    """The maximal runs of capitalised words in a mention, connectors inside allowed: (first word, end word, run)."""
    words = mention.split()
    found: list[tuple[int, int, str]] = []
    k = 0
    while k < len(words):
        if not capital(words[k]) or words[k].casefold() in PRONOUNS:
            k += 1
            continue
        end = k + 1
        while end < len(words) and not words[end - 1].endswith(","):  # a comma ends a run: "Paris, France" is two
            more = end
            while more < len(words) and words[more].casefold() in CONNECTORS:
                more += 1
            if more == len(words) or not capital(words[more]):
                break
            end = more + 1
        found.append((k, end, " ".join(words[k:end])))
        k = end
    return found


def heads(mention: str) -> set[str]:
    """The name a longer mention is built on: its last capitalised run when one or two lowercase words that are no function
    words join it to another run before it and nothing follows ("Facebook creator Mark Zuckerberg"); else its first
    when a comma, a parenthesis or a lowercase word follows ("Japan, where he ...", "Jiangsu province"), or its last when
    at most two lowercase words precede it ("northern Syria"); a run followed by a possessive belongs to another entity
    and is no head."""
    if name_like(mention):
        return forms(mention) | located(mention)
    words = mention.split()
    found: set[str] = set()
    named = runs(mention)
    if "," not in mention and len(named) >= 2 and named[-1][1] == len(words) and _described(named[-2][2], words[named[-2][1] : named[-1][0]]):
        return forms(named[-1][2])  # "Facebook creator Mark Zuckerberg": a noun made of a name, then the name it describes
    if len(named) >= 2 and named[-1][1] == len(words) and all(w.islower() and w not in lexicon.FUNCTION_WORDS for w in words[: named[-2][0]]):
        owner = owned(" ".join(words[named[-2][0] :]))
        if owner:
            return owner  # "localist group Youngspiration 's Baggio Leung"; not "a Professor at X 's Institute"
    for k, end, run in named:
        after = words[end] if end < len(words) else ""
        first = k == 0 or k == 1 and words[0].casefold() == "the"  # "the Organization for ..., in which ...": the normal form drops "the"
        if first and after not in {"'s", "'"} and not run.endswith(("'s", ",")) or first and run.endswith(","):
            found |= forms(run.rstrip(",")) | located(run.rstrip(","))
        elif end == len(words) and k <= 2 and not any(w[:1].isupper() for w in words[:k]):
            found |= forms(run)
    return found


_LOCATED = re.compile(r"\s+(?:in|on|at\s+the)\s+")


def located(mention: str) -> set[str]:
    """A name-like mention that says where the name is after "in", "on" or "at the" ("Marstal on Ærø", "Tiananmen Square in
    Beijing", "Stephenville High School in Texas", "the Weatherspoon Art Museum at the University of North Carolina"; "in"
    and "on" are connectors only so that a name such as "Council on Foreign Relations" stays whole): the forms of the
    words before it, when one is capitalised. Not "at" without an article, which ends a campus's name ("University of
    California at Berkeley" is not the University of California)."""
    before = _LOCATED.split(mention, maxsplit=1)[0]
    return forms(before) if before != mention and any(w[:1].isupper() for w in before.split()) else set()


_AFFILIATION = re.compile(r"\s+(?:of|for)\s+")


def affiliated(names: set[str]) -> set[str]:
    """The normal forms of a person's name in ``names`` (the normal forms of their mentions and heads) that hold who they
    work for after "of" or "for" ("musician Nick Rhodes of Duran Duran" -> "nick rhodes"), when two words or more come
    before it ("Catherine of Aragon" is one name)."""
    found = set()
    for name in names:
        before = _AFFILIATION.split(name, maxsplit=1)[0]
        if before != name and len(before.split()) >= 2:
            found.add(before)
    return found


def _described(before: str, gap: list[str]) -> bool:
    """The one or two lowercase words between two runs of a mention are a noun describing the name after them ("creator",
    "co-founder", "cultural anthropologist"), no preposition or determiner ("The Senator from Alaska", "the Green Country
    region of Oklahoma": the name the mention is built on comes first there)."""
    if not 1 <= len(gap) <= 2 or any(not w.replace("-", "").isalpha() or not w.islower() or w in lexicon.FUNCTION_WORDS for w in gap):
        return False  # "a Fellow at King 's College": a possessive is no noun
    return any(w.lower() not in lexicon.FUNCTION_WORDS for w in before.split())  # "A contemporary American": "A" is no name


def coordinated(mentions: list[str], text: str) -> set[str]:
    """The normal form of "A and B" where GUM marks a name of that shape as two mentions of one entity, "Antigua" and
    "Barbuda" (of Antigua_and_Barbuda), and the text writes it whole: a page "Antigua and Barbuda" names it."""
    named = [m for m in mentions if name_like(m)]
    return {normal(f"{a} and {b}") for a in named for b in named if a != b and f"{a} and {b}" in text}


def written_in_text(mention: str, text: str) -> bool:
    """``mention`` occurs in ``text`` as written after a lowercase word, a digit or a comma (not only at a sentence's or heading's start)."""
    return re.search(r"(?:[a-z0-9,]\s+|[a-z0-9]\s*\()" + re.escape(mention) + r"(?!\w)", text) is not None


@dataclass
class Doc:
    name: str
    genre: str
    gold: list[tuple[str, str, set[str]]]  # (identity, etype, normal forms of its name-like mentions), etype person/organization/place
    right: set[str]  # normal forms a right page may have
    pages: list[tuple[str, str, set[str]]] = field(default_factory=list)  # (page name, kind, normal forms of name and aliases)


def load(path: Path) -> Doc:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_name(path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    entities: list[tuple[str, str, set[str]]] = []
    right: set[str] = set()
    for entity in gold["named"]:
        names = {form for m in entity["mentions"] for form in heads(m)} | coordinated(entity["mentions"], text)
        if entity["etype"] == "person":
            names |= affiliated(names)
        right |= names
        if entity["etype"] in KINDS and names:
            entities.append((entity["identity"], entity["etype"], names))
    inner = {run.rstrip(",") for m in gold["mention_texts"] for _, _, run in runs(m)}
    right |= {form for run in inner if name_like(run) and written_in_text(run, text) for form in forms(run)}
    return Doc(gold["doc"], gold["genre"], entities, right)


def built_pages(txt: Path) -> list[tuple[str, str, set[str]]]:
    """The entity pages the real build makes of ``txt`` alone, with no catalog and empty registries."""
    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder) / "seeds"
        seeds.mkdir()
        shutil.copy(txt, seeds / txt.name)
        result = build(BuildConfig(seeds, Path(folder) / "docs"), dry_run=True)
    page = next(p for p in result.plan.writes if p.path == "data/entities.json")
    records = json.loads(page.content)
    return [(r["name"], r["kind"], {normal(n) for n in (r["name"], *r["aliases"])}) for r in records]


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    pages: int = 0
    right: int = 0
    typed: int = 0
    split: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float]:
        recall = self.found / self.gold if self.gold else 0.0
        precision = self.right / self.pages if self.pages else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        typing = self.typed / self.found if self.found else 0.0
        split = self.split / self.found if self.found else 0.0
        return {"recall": recall, "precision": precision, "f1": f1, "typing": typing, "split": split}


def score(doc: Doc, misses: list[str], wrong: list[str]) -> Score:
    s = Score(gold=len(doc.gold), pages=len(doc.pages))
    for page_name, _, forms in doc.pages:
        if forms & doc.right:
            s.right += 1
        else:
            wrong.append(f"{doc.name}: {page_name}")
    for identity, etype, names in doc.gold:
        matched = [(kind, forms) for _, kind, forms in doc.pages if forms & names]
        if not matched:
            misses.append(f"{doc.name}: {identity} ({etype})")
            continue
        s.found += 1
        s.typed += (matched[0][0] == "person") == (etype == "person")
        s.split += len(matched) > 1
        if (matched[0][0] == "person") != (etype == "person") or len(matched) > 1:
            wrong.append(f"{doc.name}: {identity} ({etype}) typed {matched[0][0]}{', split' if len(matched) > 1 else ''}")
    return s


def speed(count: int) -> dict[str, float] | None:
    """Tokens per second of :func:`find_all` over ``count`` UN speeches (None when that corpus is missing)."""
    if not (SPEECHES / "sessions-2010-2024").is_dir():
        return None
    gazetteer(), is_common("the"), lexicon.is_dictionary_word("the")
    texts = [text for _, text in speeches(SPEECHES, count, 0)]
    tokens = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    for text in texts:
        find_all(text)
    seconds = time.perf_counter() - started
    return {"speeches": len(texts), "tokens": tokens, "seconds": seconds, "tokens_per_second": tokens / seconds}


def _speed(fast: dict[str, float]) -> str:
    return f"{fast['tokens']:,.0f} tokens in {fast['seconds']:.2f} s = {fast['tokens_per_second']:,.0f} tokens/s"


def routes(paths: list[Path], with_model: Score, fast: dict[str, float] | None) -> str:
    """A table of the whole half scored twice: by the rules alone and by the rules with the model's finds."""
    discover.MODEL_FINDS = False
    try:
        rules = evaluate(paths)[0]["all"]
        rules_fast = speed(SPEED_SPEECHES) if fast else None
    finally:
        discover.MODEL_FINDS = True
    lines = ["| route | recall | precision | F1 | person/other typing | split | names stage, tokens/s |", "|---|---:|---:|---:|---:|---:|---:|"]
    for label, s, timing in (("rules alone", rules, rules_fast), ("rules + model (chosen)", with_model, fast)):
        f = s.figures()
        shown = " | ".join(f"{f[k]:.2f}" for k in ("recall", "precision", "f1", "typing", "split"))
        per_second = f"{timing['tokens_per_second']:,.0f}" if timing else "-"
        lines.append(f"| {label} | {shown} | {per_second} |")
    return "\n".join(lines)


def table(rows: dict[str, Score]) -> str:
    lines = [
        "| genre | gold entities | found | pages | right | recall | precision | F1 | person/other typing | split |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for genre, s in rows.items():
        f = s.figures()
        shown = " | ".join(f"{f[k]:.2f}" for k in ("recall", "precision", "f1", "typing", "split"))
        lines.append(f"| {genre} | {s.gold} | {s.found} | {s.pages} | {s.right} | {shown} |")
    return "\n".join(lines)


def evaluate(paths: list[Path]) -> tuple[dict[str, Score], list[str], list[str]]:
    per_genre: dict[str, Score] = defaultdict(Score)
    misses: list[str] = []
    wrong: list[str] = []
    for path in paths:
        doc = load(path)
        doc.pages = built_pages(path.with_name(path.name.replace(".gold.json", ".txt")))
        per_genre[doc.genre].add(score(doc, misses, wrong))
    total = Score()
    for s in per_genre.values():
        total.add(s)
    rows = dict(sorted(per_genre.items()))
    rows["all"] = total
    return rows, misses, wrong


def speed_only(readme: bool) -> int:
    """``--speed-only``: the names stage's tokens/s on the UN speeches, as the build runs it and by the rules alone."""
    fast = speed(SPEED_SPEECHES)
    if fast is None:
        print(f"{SPEECHES}: UN speeches not found", file=sys.stderr)
        return 2
    discover.MODEL_FINDS = False
    try:
        rules = speed(SPEED_SPEECHES)
    finally:
        discover.MODEL_FINDS = True
    assert rules is not None
    report = (
        f"Names stage (`find_all`) on {fast['speeches']} UN speeches, one core: {_speed(fast)} "
        f"(the rules alone: {rules['tokens_per_second']:,.0f} tokens/s; target 30,000)."
    )
    print(report)
    if readme:
        replace_section("names-speed", report)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the gum-entities folder (default: ../shared/corpora/gum-entities)")
    parser.add_argument("--half", choices=("tune", "held", "all"), default="held", help="which half to score (default: held)")
    parser.add_argument("--genre", help="only documents of this genre")
    parser.add_argument("--show", type=int, default=0, help="print up to N missed entities and N wrong pages")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--readme", action="store_true", help="also write the table into README.md between the names markers (needs --half held)")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed figure")
    parser.add_argument("--rules-only", action="store_true", help="without the statistical tagger's finds (the rules alone)")
    parser.add_argument("--speed-only", action="store_true", help="only the names stage's speed on the UN speeches (no GUM needed); --readme writes it")
    args = parser.parse_args(argv)
    discover.MODEL_FINDS = not args.rules_only
    if args.speed_only:
        return speed_only(args.readme)
    if args.readme and (args.half != "held" or args.genre or args.rules_only):
        print("names_eval: --readme reports the whole held half, both routes: use --half held without --genre or --rules-only", file=sys.stderr)
        return 2
    if args.readme and any(marker not in README.read_text(encoding="utf-8") for marker in markers("names")):
        print(f"names_eval: {README} has no names markers: add them where the table belongs, then rerun with --readme", file=sys.stderr)
        return 2
    paths = sorted(args.corpus.glob("*.gold.json"))
    if not paths:
        print(f"{args.corpus}: corpus not found", file=sys.stderr)
        return 2
    chosen = [p for p in paths if args.half == "all" or half(p.name.replace(".gold.json", "")) == args.half]
    chosen = [p for p in chosen if not args.genre or json.loads(p.read_text(encoding="utf-8"))["genre"] == args.genre]
    print(f"half {args.half}: {len(chosen)} of {len(paths)} documents: {', '.join(p.name.replace('.gold.json', '') for p in chosen)}\n")
    rows, misses, wrong = evaluate(chosen)
    report = table(rows)
    fast = None if args.no_speed else speed(SPEED_SPEECHES)
    if fast:
        report += f"\n\nNames stage (`find_all`) on {fast['speeches']} UN speeches, one core: {_speed(fast)}."
    if args.readme:  # both routes side by side: the rules alone, and the rules with the statistical tagger
        report = f"{routes(chosen, rows['all'], fast)}\n\nPer genre, rules and model:\n\n{report}"
    print(report)
    for label, items in (("missed", misses), ("wrong pages, mistyped and split entities", wrong)):
        if args.show:
            print(f"\n{label} ({len(items)}):")
            print("\n".join(f"  {item}" for item in items[: args.show]))
    if args.json:
        figures = {genre: vars(s) | s.figures() for genre, s in rows.items()}
        args.json.write_text(json.dumps({"half": args.half, "rows": figures, "speed": fast, "missed": misses, "wrong": wrong}, indent=1), encoding="utf-8")
    if args.readme:
        replace_section("names", f"Held half ({len(chosen)} documents), each built alone with empty registries:\n\n{report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
