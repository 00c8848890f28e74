"""Source text must render as exactly that text, never as markup."""

from __future__ import annotations

import html
import re
import string

import markdown
import pytest
import yaml

from build_docs.render.markdown import escape
from tests.conftest import REPO


def extensions() -> list:
    """The Markdown extensions the site really uses, from mkdocs.yml."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names = []
    for item in config["markdown_extensions"]:
        names.append(next(iter(item)) if isinstance(item, dict) else item)
    return names


def render(text: str) -> str:
    return markdown.markdown(text, extensions=extensions())


def visible_text(rendered: str) -> str:
    assert rendered.startswith("<p>") and rendered.endswith("</p>"), rendered
    inner = rendered[3:-4]
    assert "<" not in inner, f"markup was produced: {rendered}"
    return html.unescape(inner)


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "**bold** and _italic_ and `code`",
    "[link](javascript:alert(1)) ![img](x.png)",
    "# not a heading",
    "1. not a list",
    "- not a list",
    "> not a quote",
    "*[HTML]: Hyper Text",
    "a footnote[^1] ref",
    "{: #id .class } attr list",
    "&lt;already escaped&gt; &amp; &#60;",
    "a | table | row",
    "back\\slash \\*",
    "<!-- comment -->",
    "http://example.org <http://example.org>",
    '--8<-- "secret.txt"',
    string.punctuation,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_source_text_renders_literally(text: str):
    assert visible_text(render(escape(text))) == " ".join(text.split())


def test_all_printable_ascii_survives():
    text = "".join(chr(c) for c in range(33, 127))
    for start in range(0, len(text), 7):
        piece = text[start:] + text[:start]
        assert visible_text(render(escape(piece))) == piece


def test_escape_is_idempotent_in_meaning_for_plain_words():
    plain = "China and Russia signed a treaty in 2001, it said."
    assert escape(plain) == plain


def test_whitespace_is_folded_so_no_hard_breaks_or_code_blocks():
    assert escape("a  \n    b\tc") == "a b c"
    assert re.fullmatch(r"<p>a b</p>", render(escape("    a\n\n    b").replace("\n", " ")))
