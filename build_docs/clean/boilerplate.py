"""Page furniture: lines that belong to the page a text was printed on, not to the text.

General rules, no per-file lists:

* ``interface`` — a website's controls: "Back to Top", "Adjust font size: + -",
  "Language : English 简体 繁體" (a known interface phrase followed by nothing
  but symbols, or short labels in other scripts);
* ``link`` — a line that is only web addresses, or a row of short links;
* ``no words`` — page numbers, document numbers, rules: a line without words;
* ``repeated`` — a short line, not a sentence, that stands in several different
  sources (a site's footer) or three times in one (a running head);
* ``after the text`` — short lines that are not sentences after the article's last sentence,
  unless one of them carries a sentence on (a wrapped text that stops mid-sentence).

An OCR scan (``scan=True``) loses a line only with positive evidence (:mod:`.scan`): a line
of web addresses, a running head (repeated three times in the scan: a short line shared with
another scan is as often a section headline, "SHIPPING."), a line without any letter (symbols,
or a bare page number). A scan has no site chrome, and its short lines after a full stop are most
often a second article's headline and text, so neither ``interface`` nor ``after the text``
is guessed for it, and a line of figures or initials is text.

Every line removed is returned with its reason, for the cleaning report.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from build_docs import data
from build_docs.clean.scan import is_scan_furniture
from build_docs.clean.structure import DANGLING, is_caption
from build_docs.clean.structure import SENTENCE_END as LINE_ENDS  # this module's SENTENCE_END also ends a caption, at ")"

#: Interface phrases of web pages ("adjust font size", "read more"), longest first.
INTERFACE_PHRASES = data.lines("clean/interface-phrases.txt")
_INTERFACE = re.compile(r"^(?:" + "|".join(re.escape(p) for p in sorted(INTERFACE_PHRASES, key=len, reverse=True)) + r")\b(?P<rest>.*)$", re.I)
#: An address; a bare domain is looked for only from the start of a run of non-spaces, so a long run is read once, not once per character.
_URL = re.compile(r"(?:https?:?/?/?|www\.)\S+|(?<!\S)\S+\.(?:com|org|net|gov|edu|cn|ru)(?:/\S*)?", re.I)
_WORD = re.compile(r"[^\W\d_]{2,}")
#: A separator, maybe one capitalised word, then only non-ASCII letters and spaces. Written so no two repeats can
#: take the same character: "(?:[^\x00-\x7f]+\s*)*" said the same and took exponential time on a long run that fails at its end.
_LABELS = re.compile(r"\s*[:|](?:\s*[A-Z][a-z]+)?[\s\x80-\U0010ffff]*")
SENTENCE_END = (".", "!", "?", "\u201d", '"', ")")
SHORT = 8  # words


@dataclass(frozen=True)
class Removal:
    """One line taken out of the text, and why."""

    line: int
    text: str
    reason: str


def is_interface(text: str) -> bool:
    match = _INTERFACE.match(text.strip())
    if not match:
        return False
    rest = match["rest"]
    # Nothing but symbols, or short labels that are not Latin-script words (language names, arrows).
    return not re.search(r"[A-Za-z]{2,}", rest) or bool(_LABELS.fullmatch(rest))


def is_link_row(text: str) -> bool:
    stripped = _URL.sub("", text).strip(" |\u2022\u00b7-–—,;")
    if text.strip() and not stripped:
        return True
    cells = [c.strip() for c in re.split(r"\s[|\u2022\u00b7]\s", text) if c.strip()]
    return len(cells) >= 3 and all(len(c.split()) <= 3 and not c.endswith(".") for c in cells)


def has_no_words(text: str) -> bool:
    """Page and document numbers, rules. A lone capital letter is kept: it may be a dropped initial."""
    return not _WORD.search(text) and not re.fullmatch(r"\s*[A-Z]\s*", text)


def is_sentence(text: str) -> bool:
    return text.rstrip().endswith(SENTENCE_END) and len(text.split()) > 3


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def shared_lines(sources: Iterable[tuple[str, Iterable[str]]], groups: Iterable[Sequence[str]] = ()) -> frozenset[str]:
    """Short non-sentence lines found in two or more unrelated sources.

    ``sources``: each source's name and its lines. ``groups`` are witnesses of one article: lines
    they share are the article's, not furniture.
    """
    return shared_short_lines(((name, short_lines(lines)) for name, lines in sources), groups)


def shared_short_lines(sources: Iterable[tuple[str, Iterable[str]]], groups: Iterable[Sequence[str]] = ()) -> frozenset[str]:
    """:func:`shared_lines` given each source's :func:`short_lines` (kept between builds), not all its lines."""
    family = {name: index for index, group in enumerate(groups) for name in group}
    seen: dict[str, set[object]] = {}
    for name, lines in sources:
        owner = family.get(name, name)
        for text in lines:
            seen.setdefault(text, set()).add(owner)
    return frozenset(line for line, owners in seen.items() if len(owners) >= 2)


def short_lines(lines: Iterable[str]) -> tuple[str, ...]:
    """A source's short non-sentence lines, normalised, each once: all :func:`shared_lines` reads of it."""
    return tuple(sorted({normalise(t) for t in lines if t.strip() and len(t.split()) <= SHORT and not is_sentence(t)}))


def furniture(lines: Sequence[tuple[int, str]], shared: frozenset[str] = frozenset(), scan: bool = False) -> list[Removal]:
    """Classify one source's body lines; return those to remove, in line order (``scan``: see the module docstring)."""
    counts = Counter(normalise(t) for _, t in lines if t.strip() and len(t.split()) <= SHORT and not is_sentence(t))
    wrapped = frozenset() if scan else _wrapped(lines)
    removals: list[Removal] = []
    for no, text in lines:
        reason = _scan_reason(text, counts, shared) if scan else _reason(text, counts, shared, no in wrapped)
        if reason:
            removals.append(Removal(no, text.strip(), reason))
    removed = {r.line for r in removals}
    if not scan:
        removals += _after_the_text([(no, t) for no, t in lines if no not in removed])
    return sorted(removals, key=lambda r: r.line)


def _scan_reason(text: str, counts: Counter[str], shared: frozenset[str]) -> str:
    if not text.strip():
        return ""
    if _URL.search(text) and not _URL.sub("", text).strip(" |\u2022\u00b7-–—,;"):
        return "link"
    return is_scan_furniture(text) or _repeated(text, counts, frozenset())  # another scan's "SHIPPING." is a headline too


def _reason(text: str, counts: Counter[str], shared: frozenset[str], wrapped: bool = False) -> str:
    if not text.strip():
        return ""
    if is_interface(text):
        return "interface"
    if is_link_row(text):
        return "link"
    if has_no_words(text) and not (wrapped and text.rstrip().endswith(_STOPS)):
        return "no words"  # but "... the work of the Organization" / "(A/65/1)." ends a sentence
    return "" if wrapped else _repeated(text, counts, shared)


def _wrapped(lines: Sequence[tuple[int, str]]) -> frozenset[int]:
    """The numbers of the lines that are pieces of a hard-wrapped sentence: the line right above is prose (:func:`_prose`)
    with no end of a sentence, so this one carries it on ("... within the United" / "Nations system."), or ends it after
    a name broken off (:func:`_mixed`: "... Convention on Climate" / "Change."); or this line ends no sentence and the
    line right below goes on with it, in lower case or as prose ("I" / "should like ...", "Mr. President," / "I have the
    honour ..."), or it stops where no sentence can ("Long live the"). A hard-wrapped text repeats such lines across files ("Nations system.",
    "Let me start by" end and open sentences in many UN speeches), but they are its words, never page furniture. A line
    with no lowercase letter ("BEIJING REVIEW JULY 2014", "A/65/PV.12") or made of links is furniture wherever it stands,
    unless it ends the sentence the line above broke off ("(A/65/1).")."""
    found = set()
    for k, (no, text) in enumerate(lines):
        if not text.strip():
            continue
        before = lines[k - 1][1] if k > 0 and lines[k - 1][0] == no - 1 else ""
        after = lines[k + 1][1].lstrip() if k + 1 < len(lines) and lines[k + 1][0] == no + 1 else ""
        ends = text.rstrip().endswith(_STOPS)
        carried = not before.rstrip().endswith(_STOPS) and (_prose(before) or ends and _mixed(before))
        if not any(c.islower() for c in text) and text.strip() not in ("I", "A") or is_link_row(text):
            if carried and ends:
                found.add(no)  # "... the work of our Organization" / "(A/65/1).": a citation ends the sentence
            continue
        if carried or not ends and (after[:1].islower() or _prose(after) or after and _goes_on(text)):
            found.add(no)
    return frozenset(found)


def _prose(line: str) -> bool:
    """A line of running text: :data:`_PROSE_WORDS` words or more, most of them in lower case or the last one ("... the
    Millennium Development Goals in the")."""
    words = line.split()
    return len(words) >= _PROSE_WORDS and (2 * sum(w[:1].islower() for w in words) >= len(words) or words[-1][:1].islower())


def _mixed(line: str) -> bool:
    """A line of :data:`_PROSE_WORDS` words or more with a lowercase word among capitalised ones: a name or a title broken
    off at the end of a line ("United Nations Framework Convention on Climate" / "Change."), not a row of links."""
    words = line.split()
    return len(words) >= _PROSE_WORDS and any(w[:1].islower() for w in words)


_PROSE_WORDS = 5  # words of a line of prose, the narrowest column's
_STOPS = (*LINE_ENDS, ";")  # where a sentence or a clause ends a line


def _repeated(text: str, counts: Counter[str], shared: frozenset[str]) -> str:
    key = normalise(text)
    if key in shared:
        return "repeated across sources"
    if counts.get(key, 0) >= 3:
        return "repeated in the source"
    return ""


def _goes_on(text: str) -> bool:
    """A wrapped line of a sentence, not a link or a label: it starts in lower case or stops where
    a sentence cannot ("appeared for", "Sproule, and Co,"): the text ran past its last full stop."""
    return text[:1].islower() or text.endswith((",", ";")) or text.split()[-1] in DANGLING


def _after_the_text(lines: Sequence[tuple[int, str]]) -> list[Removal]:
    """Short non-sentences after the last sentence (captions excepted) are the page's, not the article's."""
    filled = [(no, t.strip()) for no, t in lines if t.strip()]
    last = max((i for i, (_, t) in enumerate(filled) if t.endswith(SENTENCE_END) or is_caption(t)), default=None)
    if last is None:
        return []
    tail = filled[last + 1 :]
    if any(len(t.split()) > SHORT or is_caption(t) or t.endswith("-") or _goes_on(t) for _, t in tail):
        return []
    return [Removal(no, t, "after the text") for no, t in tail]
