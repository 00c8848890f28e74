"""Authors as each citation style and format writes them, from their names read by :mod:`.names`.

Conventions followed (and tested in ``tests/test_cite_names.py``):

* **Data formats** carry the parts: CSL-JSON ``{"family", "given"}`` (with ``"suffix"``, and
  ``"static-ordering": true`` for a romanised family-first name, so CSL processors print
  "Li Ziguo", not "Ziguo Li"); BibTeX ``Family, Given`` (``Family, Suffix, Given`` with a
  suffix, BibTeX's own order); RIS ``Family, Given`` (``Family, Given, Suffix``, the RIS order).
  An organisation, or a name the reader could not part, is one value: CSL ``{"literal"}``,
  BibTeX in braces (so BibTeX neither reorders nor abbreviates it), RIS without a comma.
* **Chicago** (17th ed., 14.72–14.76 and 15.82): the first author inverted (``Smith, John``),
  the others in their own order; names written family name first (Chinese, Korean,
  Vietnamese) are never inverted and take no comma (``Li Ziguo``).
* **APA** (7th ed., 9.8): every author ``Family, I.`` with the given names as initials
  (``Moon, J.-i.``, ``Li, Z.``: one initial per word or hyphen-joined part, in the case it is
  written, so a romanised East Asian given name written as one word is one initial). A name in Chinese characters or Hangul, and an
  organisation, are written whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from build_docs.render.names import Name, parse_name


def names(authors: Sequence[str]) -> tuple[Name, ...]:
    return tuple(parse_name(a) for a in authors)


def natural(name: Name) -> str:
    """The name in its own order, as a reader says it: "Li Ziguo", "John Smith Jr."."""
    if name.literal or "," not in name.written:
        return name.written
    if name.family_first:
        return f"{name.family} {name.given}"
    return f"{name.given} {name.family}" + (f" {name.suffix}" if name.suffix else "")


def chicago_name(name: Name, first: bool) -> str:
    if not first or name.literal or name.family_first:
        return natural(name)
    return f"{name.family}, {name.given}" + (f", {name.suffix}" if name.suffix else "")


def apa_name(name: Name) -> str:
    if name.literal or name.script:
        return name.written
    return f"{name.family}, {initials(name.given)}" + (f", {name.suffix}" if name.suffix else "")


def initials(given: str) -> str:
    """``Jean-Noël`` → ``J.-N.``; ``Mary Ann`` → ``M. A.``; ``J. R. R.`` stays as it is."""
    return " ".join("-".join(part[:1] + "." for part in word.split("-") if part) for word in given.split())


def bibtex_name(name: Name, text: Callable[[str], str]) -> str:
    """One name of a BibTeX ``author`` field, each part escaped by ``text``."""
    if name.literal:
        return "{" + text(name.written) + "}"
    parts = [name.family, name.suffix, name.given] if name.suffix else [name.family, name.given]
    return ", ".join(text(p) for p in parts)


def ris_name(name: Name) -> str:
    if name.literal:
        return name.written
    return ", ".join(p for p in (name.family, name.given, name.suffix) if p)


def csl_name(name: Name) -> dict[str, object]:
    if name.literal:
        return {"literal": name.written}
    found: dict[str, object] = {"family": name.family, "given": name.given}
    if name.suffix:
        found["suffix"] = name.suffix
    if name.family_first and not name.script:
        found["static-ordering"] = True
    return found
