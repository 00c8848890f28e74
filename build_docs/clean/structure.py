"""Body lines → :class:`Block` s: paragraphs, headings, list items and captions.

Layout breaks are undone here: hard-wrapped lines are rejoined, a paragraph
broken around a photo caption or a page break is joined again (the caption is
kept, after it), and run-in headings ("A. Title Words. Body …") are split off.
Paragraphs, items and captions are numbered ``p1``, ``p2``, … in reading order;
those anchors are what readers cite, so they depend only on this article's text.

An OCR scan (``scan=True``) has headlines set in capitals on a line of their own
("TOWN LOTS.", a second article's "THE GOLD FIELDS."): each becomes a heading over the
paragraphs that follow it. A page that holds several articles thus stays one article with
each part under its own heading. That is the simpler and safer choice: one file stays one
citable page whose address does not change, while splitting it into several articles would
need a title, byline and date for each, which a scan rarely states and a wrong guess would
invent. A scan has no list markup either: a line starting "13. 7. 1 rood" carries on a
sentence ("No. 8 of section" / "13. …"), so no number is taken for a list marker and dropped;
nor is a line split into a run-in heading: "E. Batten. L. Cooper." is two names, not a heading
"E. Batten" over a paragraph "L. Cooper.".

A letter's own short lines are text, not headings: the place and address lines above its greeting
("General Delivery" over "Dear Jean:", when only short lines come before the greeting) and a line
after one ending with a comma, as a signature under its closing ("Love and faithful feelings," /
"Zora"): no heading follows a comma.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace

from build_docs import data
from build_docs.clean.scan import is_headline
from build_docs.clean.titles import is_greeting
from build_docs.sources.reading import Span

SENTENCE_END = (".", "!", "?", ":", "\u201d", '"')
UNWRAPPED_LINE = 150  # a block whose lines are this long holds one paragraph per line
HEADING_WORDS = 12
_ROMAN_HEADING = re.compile(r"^(?:[IVX]+|\d+)\.\s+\S")
_HYPHEN_END = re.compile(r"[^\W\d_]-\s*$")
_LETTER_HEADING = re.compile(r"^(?P<mark>[A-Z])\.\s+(?P<title>[A-Z][^.!?]{2,120}?)\.\s+(?P<body>[A-Z\u201c\"].*)$")
_BULLET = re.compile(r"^(?:[-*\u2022\u00b7\u25aa]|\d+[.)])\s+(?P<text>\S.*)$")
_MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
#: "EXPANDING COOPERATION: Chinese President …" — an all-caps lead-in marks a photo caption.
_CAPTION = re.compile(r"^(?P<lead>[A-Z][A-Z0-9'\u2019&\- ]{2,50}[A-Z0-9]):\s+(?P<text>\S.*)$")
#: Blocks that get a paragraph number. Headings, code, tables and pull quotes (which repeat the body) do not.
CITABLE = ("paragraph", "item", "caption", "quote", "image", "note")
#: Words a title does not end on: a short line ending with one is a fragment of a sentence.
DANGLING = data.words("clean/dangling-words.txt")
#: Words that start a caption's or a credit's words after a comma ("..., by Giovanni Bellini"): no heading says that.
CAPTION_PREPOSITIONS = data.words("clean/caption-prepositions.txt")
#: Abbreviations whose full stop ends no sentence ("St.", "Dr."), lower case without the stop (as sentences read them).
_ABBREVIATIONS = data.words("sentences/abbreviations.txt")
_REFERENCE_MARKS = re.compile(r"(?:\s*\[\d+\])+$")  # "... a full-time vegan. [24] [25]"
_ADDRESS = re.compile(r"https?://|www\.\w|[\w.+-]+@[\w-]+\.\w")  # a web or an e-mail address
#: A full stop after a word of two letters or more, then the next sentence: "Austen, Jane. Pride and Prejudice".
_SENTENCE_END = re.compile(r"(?<![^\W\d_.])(?P<word>[^\W\d_]{2,})[.!?][\"\u201d\u2019)]*\s+[\"\u201c\u2018(]?[^\W\d_]")
_AFTER_COMMA = re.compile(r",\s+(?P<word>[a-z]+)\b")
#: A label and what it says in lower case ("Keywords: mutation operators; ..."), or a semicolon: a title has neither.
_LOWER_AFTER_COLON = re.compile(r"[:;]\s+[a-z]")
_LIST_WORDS = frozenset({"and", "or", "&"})


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, list item or caption (and, from structured sources, a quote, pull quote, image,
    code, table or note); ``anchor`` is ``p<N>`` for citable text."""

    kind: str  # "heading" | "paragraph" | "item" | "caption" | "quote" | "pullquote" | "image" | "code" | "table" | "note"
    text: str  # plain text, what extractors read
    line: int  # line in the source file where the block starts
    anchor: str = ""
    level: int = 0  # heading level: 2 for sections, 3 for subsections
    spans: tuple[Span, ...] = ()  # inline formatting and links a structured source states over ``text``
    rows: tuple[tuple[str, ...], ...] = ()  # a table's cells
    label: str = ""  # a note's label
    page: str = ""  # label of the page it starts on, for a paginated source (PDF); "" otherwise

    def __repr__(self) -> str:
        return f"{self.kind}#{self.anchor or '-'}@{self.line}: {self.text[:40]!r}"


def segment(lines: list[tuple[int, str]], markdown: bool = False, scan: bool = False) -> list[Block]:
    """Split body lines into blocks at blank lines and rejoin hard-wrapped lines (``scan``: an OCR scan's, see above)."""
    blocks: list[Block] = []
    joined: dict[int, list[str]] = {}  # block index -> the texts of the parts joined to it, joined once at the end
    for group in _groups(lines):
        runs = _wrapped_runs(group, scan) if is_wrapped([t.strip() for _, t in group]) else [[(no, text.strip())] for no, text in group]
        for run in runs:
            for block in _blocks(run, markdown, scan):
                _append(blocks, block, joined)
    blocks = [replace(b, text=" ".join([b.text, *joined[i]])) if i in joined else b for i, b in enumerate(blocks)]
    return blocks if markdown else _letter_lines(blocks)


LETTER_HEAD_WORDS = 8  # a letter's place, address and date lines above its greeting are this short
LETTER_HEAD_LINES = 8  # and this few
SIGNATURE_WORDS = 4  # a signature under a letter's closing is this short


def _letter_lines(blocks: list[Block]) -> list[Block]:
    """A letter's lines read as text, not headings: those above its greeting when only short lines come
    before it (its place and address), and one after a block ending with a comma (a signature under the
    closing "Love and faithful feelings,")."""
    head = 0
    for index, block in enumerate(blocks[: LETTER_HEAD_LINES + 1]):
        if block.kind == "paragraph" and is_greeting(block.text):
            head = index  # the greeting: "Dear Jean:", "Mum,"
            break
        if len(block.text.split()) > LETTER_HEAD_WORDS or block.kind not in ("paragraph", "heading"):
            break
    return [
        replace(b, kind="paragraph", level=0)
        if b.kind == "heading" and (i < head or i and blocks[i - 1].text.endswith(",") and blocks[i - 1].kind == "paragraph")
        else b
        for i, b in enumerate(blocks)
    ]


def _append(blocks: list[Block], block: Block, joined: dict[int, list[str]]) -> None:
    """Add ``block``, or note it as a part of a paragraph that a caption or page break interrupted."""
    if block.kind == "paragraph":
        last = len(blocks) - 1
        while last >= 0 and blocks[last].kind == "caption":
            last -= 1
        if last >= 0 and _continues(blocks[last], block, joined.get(last, [blocks[last].text])[-1]):
            joined.setdefault(last, []).append(block.text)
            return
    blocks.append(block)


def _continues(previous: Block, block: Block, ending: str) -> bool:
    """A paragraph broken by layout (``ending`` is its last part): no closing punctuation, and the next part starts in lower case."""
    return previous.kind == "paragraph" and not ending.endswith((*SENTENCE_END, ")")) and block.text[:1].islower()


def _groups(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    groups: list[list[tuple[int, str]]] = [[]]
    for no, text in lines:
        if text.strip():
            groups[-1].append((no, text.rstrip()))  # leading indentation marks paragraph starts
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def is_wrapped(texts: list[str]) -> bool:
    """Hard-wrapped text: many lines stop in the middle of a sentence. Text with a
    paragraph (or heading) per line ends almost every line with a full stop or a title."""
    if len(texts) < 2 or statistics.median(len(t) for t in texts) >= UNWRAPPED_LINE:
        return False
    open_ends = sum(
        not line.endswith(SENTENCE_END) and (not is_heading(line) or following[:1].islower()) for line, following in zip(texts, texts[1:], strict=False)
    )
    return open_ends >= 0.4 * (len(texts) - 1)


def _wrapped_runs(group: list[tuple[int, str]], scan: bool = False) -> list[list[tuple[int, str]]]:
    """Wrapped lines join into one paragraph; a bullet line, a caption lead-in, a line
    after a short finished one, or an indented line after a finished sentence starts a new one."""
    lengths = sorted(len(t.strip()) for _, t in group)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    runs: list[list[tuple[int, str]]] = []
    for no, raw in group:
        text = raw.strip()
        previous = runs[-1][-1][1] if runs else ""
        indented_start = raw[:1].isspace() and previous.endswith(SENTENCE_END)
        # a short line ends its run, unless the next line carries its sentence on in lower case ("I join" / "previous speakers")
        heading_end = is_heading(previous) and not text[:1].islower()
        short_end = bool(previous) and len(previous) < 0.6 * width and (previous.endswith(SENTENCE_END) or heading_end)
        headline = scan and (_headline(text) and previous.endswith(SENTENCE_END) or _headline(previous) and not text[:1].islower())
        if not runs or not scan and _BULLET.match(text) or _CAPTION.match(text) or indented_start or short_end or headline:
            runs.append([(no, text)])
        else:
            runs[-1].append((no, text))
    return runs


def _headline(text: str) -> bool:
    return is_headline(text) and not _CAPTION.match(text)


def _joined(texts: list[str], scan: bool) -> str:
    """The lines of a run as one text: in a scan, a line ending in a hyphen after a letter goes on into
    the next without a space (a compound or name that repair left broken: ``Thorns-`` / ``hope``)."""
    if not scan:
        return " ".join(texts)
    parts = [texts[0]] if texts else []
    for text in texts[1:]:
        parts.append("" if _HYPHEN_END.search(parts[-1]) and text.strip()[:1].isalpha() else " ")
        parts.append(text)
    return "".join(parts)


def _blocks(run: list[tuple[int, str]], markdown: bool, scan: bool = False) -> list[Block]:
    line = run[0][0]
    text = " ".join(_joined([t for _, t in run], scan).split())  # also folds no-break and wide spaces
    if markdown and (heading := _MD_HEADING.match(text)):
        return [Block("heading", heading["text"], line, level=min(max(len(heading["hashes"]), 2), 4))]
    if not scan and (bullet := _BULLET.match(text)):
        return [Block("item", bullet["text"], line)]
    if _CAPTION.match(text):
        return [Block("caption", text, line)]
    if len(run) == 1 and (is_heading(text) and not running_text(text) or scan and _headline(text)):
        return [Block("heading", text, line, level=3 if re.match(r"^[A-HJ-UWYZ]\.\s", text) else 2)]
    if not scan and (runin := _LETTER_HEADING.match(text)) and _title_case(runin["title"]):
        title = f"{runin['mark']}. {runin['title']}"
        return [Block("heading", title, line, level=3), Block("paragraph", runin["body"], line)]
    return [Block("paragraph", text, line)]


def is_caption(text: str) -> bool:
    """ "EXPANDING COOPERATION: Chinese President …": a photo caption with an all-caps lead-in."""
    return bool(_CAPTION.match(text))


def is_heading(text: str) -> bool:
    """A short line without closing punctuation, or a numbered section title."""
    if _ROMAN_HEADING.match(text) and len(text.split()) <= 16 and not text.endswith("."):
        return True
    words = text.split()
    closing = (".", ",", ";", ":", "!", "?", "\u201d", '"', "-")
    if not (1 <= len(words) <= HEADING_WORDS and text[0].isupper() and not text.endswith(closing) and len(text) > 3):
        return False
    return words[-1] not in DANGLING  # "Text that stops in the" is a broken line, not a title


def running_text(text: str) -> bool:
    """A short line shaped like a heading that is text to read, not a title: a sentence with its reference marks after
    its full stop ("Marbles became a full-time vegan. [24]"), a line with a web or an e-mail address (an author's
    contact line, a credit), one holding the end of a sentence ("Austen, Jane. Pride and Prejudice"; "... particle
    tracks. Image: NASA"), or a caption's or a credit's words after a comma ("St. Jerome in the Desert, by Giovanni
    Bellini (1505)"), a label whose value goes on in lower case ("Pointe-à-Pitre: with its suburbs, it is ..."), or
    three parts or more set apart by commas with no "and" or "or" to make them a heading's list ("Buddhist prayer
    flags, Wat Arun, Bangkok"; not in title case). Names in it are read like any paragraph's. A line set in capitals
    stays a heading, and so does a title-case headline unless it holds a sentence's end, an address or reference marks."""
    if text.upper() == text:
        return False
    if _REFERENCE_MARKS.search(text) and _REFERENCE_MARKS.sub("", text).endswith((".", "!", "?")):
        return True
    if _ADDRESS.search(text):
        return True
    for end in _SENTENCE_END.finditer(text):
        if end.start() > 0 and end["word"].lower() not in _ABBREVIATIONS:
            return True
    if any(after["word"] in CAPTION_PREPOSITIONS for after in _AFTER_COMMA.finditer(text)) or _LOWER_AFTER_COLON.search(text):
        return True
    return text.count(",") >= 2 and not any(w in _LIST_WORDS for w in text.split()) and not _title_case(text)


def _title_case(text: str) -> bool:
    long_words = [w for w in text.split() if len(w) >= 4]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)


def number(blocks: list[Block]) -> tuple[Block, ...]:
    """Give every citable block its anchor ``p1``, ``p2``, … in reading order."""
    numbered: list[Block] = []
    count = 0
    for block in blocks:
        if block.kind in CITABLE:
            count += 1
            block = replace(block, anchor=f"p{count}")
        numbered.append(block)
    return tuple(numbered)


def ends_mid_sentence(blocks: tuple[Block, ...]) -> bool:
    """True when the last paragraph stops without closing punctuation (a truncated source); not a letter's
    signature, a short capitalised line under its closing ("Love and faithful feelings," / "Zora")."""
    body = [b for b in blocks if b.kind in ("paragraph", "item")]
    if not body or body[-1].text.rstrip().endswith((*SENTENCE_END, ")", "\u2019", "'")):
        return False
    last = body[-1].text.split()
    return not (len(body) > 1 and body[-2].text.rstrip().endswith(",") and len(last) <= SIGNATURE_WORDS and last[0][:1].isupper())
