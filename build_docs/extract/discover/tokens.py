"""Word tokens: the capitalised words of a text and the few lowercase words the patterns read, with where each stands.

A token knows whether it starts a sentence, follows the previous token after nothing but
whitespace (``spaced``; ``joined`` when that token is not possessive, so the two may be words of
one name), is the rest of a word broken across lines, and stands in a headline. Any other
lowercase word, and any number, is no token: it only separates names, which keeps the scan fast.
Also here: what kind of word a token is (a function word, an initial, a title or nationality) and
the token runs every finder walks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache

from build_docs.extract.discover import lexicon
from build_docs.extract.discover.lexicon import is_common

TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['\u2019\-][^\W_]+)*|&")
_SENTENCE_CHARS = frozenset('.!?:;"\u201c\u201d([\u2022\u2014\u2013')
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
# Lowercase words the patterns read: connectors (kept only right after another kept word), particles, lowercase titles and
# "former"; any other lowercase word, and any number, only separates names. Lowercase words with a hyphen or an apostrophe
# are kept too ("al-Assad", "then-president", "d'Ivoire").
_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "to", "in", "&"})
#: what joins two items of a list: a comma, "and", "or", "&" ("Cruse and Croft", "Presidents Obama, Ahmadinejad or Chávez")
LIST_JOIN = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)")


@cache
def _keep_lower() -> frozenset[str]:
    """The lowercase words kept besides connectors: words inside place names, particles, lowercase titles, "former"."""
    return lexicon.LOWER_IN_NAMES | lexicon.PARTICLES | lexicon.LOWER_TITLES | {w for w in lexicon.ROLE_PREFIXES if w.islower()}


class Tok:
    """A word token. ``word`` is its text for lookups (curly apostrophe straightened, possessive cut, but for a plural
    noun's whose possessive is a word of a name: "People's" of "National People's Congress", ``name-possessives.txt``);
    ``bare`` without a period."""

    __slots__ = ("start", "end", "core", "word", "bare", "cap", "spaced", "joined", "sentence", "possessive", "headline", "broken")

    def __init__(self, text: str, start: int, end: int, word: str) -> None:
        if text[end : end + 1] == "." and (word in lexicon.ABBREVIATIONS or len(word) == 1 and word.isupper()):
            end += 1
            word += "."
        if "\u2019" in word:
            word = word.replace("\u2019", "'")
        self.cap = word[0].isupper()
        self.possessive = self.cap and word.endswith("'s") and len(word) > 3 and word[:-2] not in lexicon.NAME_POSSESSIVES
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


def tokenize(text: str, headlines: bool = True) -> list[Tok]:
    """The capitalised words of ``text`` and the lowercase words the patterns read; other words only break runs.

    Without ``headlines``, no token is flagged as standing in a headline (for a name looked up alone).
    """
    keep_lower = _keep_lower()
    tokens: list[Tok] = []
    prev: Tok | None = None
    kept = False  # the previous word is a token
    for match in TOKEN.finditer(text):
        word = match.group()
        if not word[0].isupper():
            if word in _CONNECTORS:
                if not kept:
                    continue
            elif word not in keep_lower and "-" not in word and "'" not in word and "\u2019" not in word:
                kept = False
                continue
        kept = True
        start, end = match.span()
        if prev is not None and start < prev.end:
            continue  # the previous token took this one's period
        tok = Tok(text, start, end, word)
        gap = text[prev.end if prev else 0 : start]
        if gap == " ":
            tok.spaced, tok.sentence = prev is not None, False
        else:
            before = gap.rstrip()
            blank = _BLANK_LINE.search(gap, len(before)) is not None
            tok.sentence = not before or before[-1] in _SENTENCE_CHARS or blank
            tok.spaced = prev is not None and not before and not blank
            tok.broken = before == "-" and gap[0] == "-"
        tok.joined = tok.spaced and prev is not None and not prev.possessive  # spaced implies a previous token
        tokens.append(tok)
        prev = tok
    if headlines:
        _mark_headlines(text, tokens)
    return tokens


_QUOTED_TITLE = re.compile(r"\u201c([^\u201c\u201d\n]{12,200})\u201d")


def _mark_headlines(text: str, tokens: list[Tok]) -> None:
    """Flag the tokens of a short paragraph set in title case without a full stop ("Xi Visits Moscow For Talks"), and of
    a title in curly quotation marks set so (a report's “A New Partnership Agenda: Charting a New Horizon for UN
    Peacekeeping”)."""
    bounds = [0, *(m.end() for m in _BLANK_LINE.finditer(text)), len(text)]
    starts = [t.start for t in tokens]
    spans = [(a, b, False) for a, b in zip(bounds, bounds[1:], strict=False)]
    spans += [(*m.span(1), True) for m in _QUOTED_TITLE.finditer(text)]
    for a, b, quoted in spans:
        para = text[a:b].strip()
        if not para or len(para) > 200 or not quoted and para[-1] in ".!?":
            continue  # a sentence; a quoted title may end in its sentence's full stop
        long = [w for w in TOKEN.findall(para) if len(w) >= 4 and w[0].isalpha()]
        capitals = [w for w in long if w[0].isupper()]
        if len(long) < 3 or len(capitals) < 0.8 * len(long):
            continue
        if sum(1 for w in capitals if is_common(w, 5_000) and not is_entity_word(w)) >= 2:
            for k in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)):
                tokens[k].headline = True


# -- what kind of word a token is ---------------------------------------------------------


def is_entity_word(word: str) -> bool:
    """A word that says what a name is rather than being one: a title or its modifier (titles joined by hyphens too:
    "Major-General"), a nationality, a head word, a date."""
    return (
        word in lexicon.HEAD_TITLES
        or word in lexicon.TITLE_MODIFIERS
        or word in lexicon.DEMONYMS
        or word in lexicon.ORG_HEADS
        or word in lexicon.MONTHS
        or word in lexicon.WEEKDAYS
        or "-" in word and lexicon.compound_title(word) != ""
    )


def is_function(tok: Tok) -> bool:
    return tok.bare.lower() in lexicon.FUNCTION_WORDS


def inside_run(tokens: list[Tok], k: int) -> bool:
    """``tokens[k]`` goes on a capitalised run begun before it (no function word between): it does not open one."""
    return k > 0 and tokens[k].joined and tokens[k - 1].cap and not is_function(tokens[k - 1])


def is_acronym(word: str) -> bool:
    """Two capital letters or more and nothing else ("NATO", "CARICOM"; not "U.S.", "A")."""
    return len(word) > 1 and word.isupper() and word.isalpha()


def is_initial(tok: Tok) -> bool:
    return len(tok.word) == 2 and tok.word[0].isupper() and tok.word[1] == "."


ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_AFTER_I = re.compile(r"[ \t]*(?:[,.;:)]|of\b|$)")


def regnal(text: str, tokens: list[Tok], k: int) -> bool:
    """Token ``k`` is a regnal number right after a name ("Elizabeth II", "Louis XV", "Pope Damasus I"); "I" only before
    a comma, a full stop or "of" (elsewhere it is the pronoun: "as Abbas I think ...")."""
    if k >= len(tokens) or not tokens[k].joined or not ROMAN.fullmatch(tokens[k].word):
        return False
    return tokens[k].word != "I" or _AFTER_I.match(text, tokens[k].end) is not None


# -- runs of tokens -----------------------------------------------------------------------


def run_key(tokens: list[Tok]) -> str:
    """The lookup key of a run of tokens: their words joined by a space, a possessive inside kept ("People's")."""
    last = len(tokens) - 1
    return " ".join(t.word + "'s" if t.possessive and k < last else t.word for k, t in enumerate(tokens))


def commas(text: str, tokens: list[Tok]) -> list[int]:
    """Indexes of capitalised tokens right before a comma."""
    return [i for i, t in enumerate(tokens) if t.cap and text[t.end : t.end + 1] == "," and not t.possessive]


def run_before(tokens: list[Tok], i: int, word: Callable[[Tok], bool], limit: int) -> int | None:
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


_PREFIXED = re.compile(r"([a-z]+)(?:-|')(?=[A-Z])")


def particle_prefixed(word: str) -> bool:
    """A lowercase particle joined to a capitalised name by a hyphen ("al-Assad", "el-Sisi") or, elided, by an apostrophe
    ("d'Escoto", "d'Estaing", "dell'Acqua": "de", "della" before a vowel; ``particles.txt``)."""
    m = _PREFIXED.match(word.replace("\u2019", "'"))
    if m is None:
        return False
    head = m.group(1)
    if word[len(head)] == "-":
        return head in lexicon.PARTICLES
    return head + "e" in lexicon.PARTICLES or head + "a" in lexicon.PARTICLES
