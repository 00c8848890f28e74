"""A letter's people: whom it is written to ("Dear Hannah:") and who signs it ("Yours," / "Bill").

A letter names its addressee after "Dear" and its writer on a line of their own under the closing, often by a
given name alone, which no other evidence would type or publish: :data:`SALUTATION` types a name after "Dear" a
person (:func:`~build_docs.extract.discover.names._kind`), and :func:`signature` finds the name a signature
paragraph gives (rule ``signature``), strong on one mention.
"""

from __future__ import annotations

import re

from build_docs.extract.discover import lexicon
from build_docs.extract.discover.found import Found, span
from build_docs.extract.discover.tokens import is_entity_word

SALUTATION = re.compile(r"(?:^|\n)[ \t]*(?:Dear|My[ \t]+dear|Dearest)[ \t]+$")  # before a name: whom the letter is written to
CLOSING_WORDS = 6  # the most words of a closing ("Love and faithful feelings,")
_NAME = re.compile(r"[ \t]*([A-Z][\w'\u2019.\-]*(?:[ \t]+[A-Z][\w'\u2019.\-]*){0,2})[ \t]*")


def signature(closing: str, text: str) -> Found | None:
    """The person a paragraph ``text`` signs, when it is one to three capitalised words and nothing else, and the
    paragraph before it (``closing``) is a closing: a few words ending in a comma ("Yours,", "Best wishes,", "Love &
    xxx, to all,"). No title, nationality or function word alone ("Sincerely,\n\nThe Editors" signs no person), and no
    heading in capitals."""
    if not closing.rstrip().endswith(",") or not closing.lstrip()[:1].isupper() or len(closing.split()) > CLOSING_WORDS:
        return None  # the cheap tests first: every paragraph of an article is some paragraph's "closing"
    match = _NAME.fullmatch(text)
    if match is None:
        return None
    names = match.group(1).split()
    if any(w.rstrip(".").lower() in lexicon.FUNCTION_WORDS or is_entity_word(w.rstrip(".")) for w in names):
        return None
    if any(len(w) > 1 and w.isupper() for w in names):
        return None  # "ADMINISTRATION", "FAQ": a heading or an acronym, no one's name
    start, end = match.span(1)
    return Found("person", span(text, start, end), start, end, "signature", strong=True, basis="context")
