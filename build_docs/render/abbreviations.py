"""The abbreviations a page uses, written into the page: every acronym shows its expansion on hover.

Python-Markdown's ``abbr`` reads ``*[SCO]: Shanghai Cooperation Organization`` lines anywhere on a
page and marks every whole-word ``SCO`` on it (with Material's ``content.tooltips``). The list
used to be appended to every page (``pymdownx.snippets`` ``auto_append``), so every page carried,
and MkDocs matched, every abbreviation of the corpus; now each page carries only the lines of
the forms it contains. The whole list stays in ``docs/snippets/abbreviations.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from build_docs.render.templating import RenderedPage

RAW_TEXT = '<pre class="raw-source">'  # a raw source view is shown as received: no abbreviations in it

_Trie = dict[str, "_Trie"]  # a character -> what may follow it; "" -> a form ends here


def with_abbreviations(pages: Iterable[RenderedPage], lines: Mapping[str, str]) -> list[RenderedPage]:
    """Each Markdown page with the definitions of the abbreviated forms it contains appended."""
    return abbreviator(lines)(pages)


def abbreviator(lines: Mapping[str, str]) -> Callable[[Iterable[RenderedPage]], list[RenderedPage]]:
    """:func:`with_abbreviations` for ``lines``, its pattern compiled once for any number of calls."""
    # Longest first, so "MDGs" is found before "MDG"; \b as abbr itself matches (whole words).
    forms = re.compile(r"\b(?:" + _longest_first(lines) + r")\b") if lines else None

    def append(pages: Iterable[RenderedPage]) -> list[RenderedPage]:
        if forms is None:
            return list(pages)
        result = []
        for page in pages:
            if not page.path.endswith(".md"):
                result.append(page)
                continue
            text = page.content.decode("utf-8")
            used = sorted({lines[m.group()] for m in forms.finditer(text.partition(RAW_TEXT)[0])})
            if used:
                # One definition per block: Python-Markdown re-reads a block's remaining lines after
                # each definition, so a block of k definitions costs k².
                text = text + "\n" + "\n\n".join(used) + "\n"
            result.append(RenderedPage(page.path, text.encode("utf-8")))
        return result

    return append


def _longest_first(forms: Iterable[str]) -> str:
    """A pattern matching any of ``forms``, the longest first where several begin at one place, as a trie
    ("MDG(?:s)?"): finding a form costs its length, not one attempt per form on the page."""
    trie: _Trie = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(trie)


def _branches(node: _Trie) -> str:
    """The continuations of ``node``, each tried before the form that ends here (greedy ``?``)."""
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
    return body + "?" if "" in node else body
