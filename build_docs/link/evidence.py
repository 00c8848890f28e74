"""What pass 1 of linking reads of one article, gathered article by article.

Pass 1 (:mod:`.knowledge`) decides from the whole corpus, but what it reads of each
article depends on that article alone: the names extraction found there, each with the
sentence that quotes it; how often each capitalised word stands in the text, and next
to which word; the acronyms it uses; the capitalised phrases that could spell them out; the lower-case words that could spell
an acronym out (:mod:`.spelled`).
:func:`evidence` gathers that once per article, so a build that kept it (``kept``
results, keyed by the article) reads an unchanged article's evidence back instead of
reading its text again, and pass 1 merges what is left in corpus order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from build_docs.clean.article import Article
from build_docs.extract.discover import Found
from build_docs.extract.extractors import texts
from build_docs.link.model import Quote, Quoter
from build_docs.link.spelled import Runs, lowercase_runs

WORDS = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
ACRONYM = re.compile(r"(?<![\w.])(?=[A-Z0-9&]*[A-Z][A-Z0-9&]*[A-Z])[A-Z][A-Z0-9&]{1,7}(?!\w|\.\w)")
CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w\u2019'\-]*)(?:\s+(?:(?:of|and|for|the|on|&)\s+)*[A-Z][\w\u2019'\-]*)+")


@dataclass(frozen=True)
class Evidence:
    """One article's evidence for pass 1, in reading order."""

    article: str
    # the sentence quoting each name a pattern found, in the order extraction found them (the names themselves are
    # the extraction's: kept with it, not again here; :func:`quoted_finds` pairs them up)
    quotes: tuple[Quote, ...]
    capitalised: Mapping[str, int]  # capitalised word -> how often it occurs
    pairs: Mapping[tuple[str, str], int]  # two words side by side, one of them capitalised -> how often
    acronyms: tuple[tuple[str, str, int, int], ...]  # (acronym, anchor, start, end) of every acronym used
    spelled: tuple[tuple[str, str], ...]  # (initials, capitalised phrase), the first phrase for each
    runs: Runs  # the lower-case words that may spell an acronym (:mod:`.spelled`)


def evidence(article: str, paragraphs: Sequence[tuple[str, str]], finds: Sequence[tuple[str, Found]]) -> Evidence:
    """The evidence of ``article``: its ``(anchor, text)`` paragraphs and the ``(anchor, name)`` finds in them."""
    texts = dict(paragraphs)
    quote = Quoter()
    quoted = tuple(quote(article, anchor, texts[anchor], found.start, found.end) for anchor, found in finds)
    capitalised: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    acronyms: list[tuple[str, str, int, int]] = []
    spelled: dict[str, str] = {}
    for anchor, text in paragraphs:
        tokens = WORDS.findall(text)
        capitalised.update(t for t in tokens if t[:1].isupper())
        # Only a pair with a capitalised word is ever looked up: a surname must be capitalised to count.
        pairs.update(p for p in zip(tokens, tokens[1:], strict=False) if p[0][:1].isupper() or p[1][:1].isupper())
        acronyms += ((m.group(), anchor, m.start(), m.end()) for m in ACRONYM.finditer(text))
        for run in CAPITALISED_RUN.finditer(text):
            phrase = " ".join(run.group().split())
            spelled.setdefault(initials(phrase), phrase)
    runs = lowercase_runs(text for _, text in paragraphs)
    return Evidence(article, quoted, dict(capitalised), dict(pairs), tuple(acronyms), tuple(spelled.items()), runs)


def evidence_of(paragraphs: Sequence[tuple[str, str, str]], finds: Sequence[tuple[str, str, Found]]) -> list[Evidence]:
    """:func:`evidence` for every article of ``paragraphs`` ((article, anchor, text), in reading order)."""
    texts: dict[str, list[tuple[str, str]]] = {}
    for article, anchor, text in paragraphs:
        texts.setdefault(article, []).append((anchor, text))
    found: dict[str, list[tuple[str, Found]]] = {}
    for article, anchor, item in finds:
        found.setdefault(article, []).append((anchor, item))
    return [evidence(article, texts[article], found.get(article, [])) for article in texts]


def quoted_finds(evidence: Sequence[Evidence], names: Sequence[tuple[str, str, Found]]) -> list[tuple[Found, Quote]]:
    """Each name of ``names`` ((article, anchor, name), the finds the evidence was gathered from) with the sentence
    quoting it, in the evidence's order."""
    found: dict[str, list[Found]] = {}
    for article, _, item in names:
        found.setdefault(article, []).append(item)
    return [pair for e in evidence for pair in zip(found.get(e.article, ()), e.quotes, strict=True)]


def initials(phrase: str) -> str:
    """The capitals that start the words of ``phrase``: what an acronym of it would be."""
    return "".join(part[0] for part in re.split(r"[\s\-]+", phrase) if part[:1].isupper())


def article_evidence(item: tuple[Article, Sequence[tuple[str, Found]]]) -> Evidence:
    """:func:`evidence` of an article and the ``(anchor, name)`` finds extraction made in it."""
    article, finds = item
    return evidence(article.id, texts(article), finds)
