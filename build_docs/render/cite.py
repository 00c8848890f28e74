"""Citation data for every article: two styles (Chicago, APA) and three formats (BibTeX, RIS, CSL-JSON).

Two things are citable. The **original** is the article as published: its title, authors,
publication, date and address when the source states them. The **edition** is this site's
cleaned page for it (:class:`Edition`); every edition entry names the site and the original.

Contracts, shared by every function here:

* Nothing is invented. A missing date is ``n.d.`` in the styles and absent from the data
  formats; a date estimated from an undated text (``estimate``, e.g. ``c. 2014``) is only ever
  an addition to that: ``n.d. [c. 2014]`` in the styles, a note in the data formats, never a
  date field; a missing publication is left out; unknown authors give no author field, and the
  styles then start with the title. The edition has no date of its own (neither publication
  nor access date): only the original's date is given, as the original's.
* Names are read into family and given names (:mod:`.names`: family-first Chinese, Korean and
  Vietnamese names recognised, organisations kept whole) and written as each format and style
  wants them (:mod:`.cite_names`): BibTeX ``author = {Li, Ziguo and Müller, Jean-Noël}``, CSL
  ``{"family": "Li", "given": "Ziguo"}``, RIS ``AU  - Li, Ziguo``; Chicago ``Li Ziguo`` (a
  family-first name is not inverted) and APA ``Li, Z.``. The prose of a note names them as written.
* Titles are ``title: subtitle``, as in :mod:`build_docs.render.citation`; letter case is kept as
  published (APA's sentence case would need to know which words are proper nouns).
* Output is deterministic: no clock, no locale (month names are spelled here), fixed order.

Format decisions:

* Keys come from ``article.id`` alone: the id itself when it is a safe key (page ids are
  slugs), otherwise the id with unsafe characters replaced and a short hash of the id added,
  so two ids never share a key. The edition's key is ``key + "-edition"``.
* BibTeX: ``@article`` when the publication is known, else ``@misc``; the edition is
  ``@misc`` with ``howpublished``, ``url``, ``note`` and biblatex's ``origdate``. Dates give
  ``year``, ``month`` (a month macro) and biblatex's ``date``. Titles are double-braced so
  styles keep their capitals. In text values ``{ } \\ # $ % & ~ _ ^`` are written as LaTeX
  commands (``\\%``, ``\\textbraceleft{}`` …; a lone ``\\{`` would unbalance BibTeX's brace
  count), whitespace is collapsed and non-ASCII stays UTF-8. ``url`` is verbatim except
  ``{ } \\`` and whitespace, which cannot occur in a valid URL, are percent-encoded.
* RIS: ``TY`` JOUR (publication known) / GEN / ELEC (edition), ``TI`` title, one ``AU`` per
  name, ``T2`` publication (or site), ``PY`` year, ``DA`` ``YYYY/MM/DD`` (``YYYY/MM`` when only
  the month is known), ``UR``, ``N1`` note, ``ER``. Each value on one line (whitespace
  collapsed); lines end in LF; records in a file are separated by a blank line.
* CSL-JSON: ``article-journal`` / ``article`` / ``webpage`` (edition, with ``genre``,
  ``original-title`` and ``original-date``); dates as ``date-parts``.
* Pages (an article read from a PDF): the original's range, BibTeX ``pages = {7--9}``, RIS
  ``SP``/``EP``, CSL ``page`` ``7-9``; in Chicago and APA after the publication (``7–9``), which
  is where both styles put it. Without a publication the styles leave the range out.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from build_docs.clean.article import Article
from build_docs.render.cite_names import apa_name, bibtex_name, chicago_name, csl_name, names, ris_name
from build_docs.render.jsondata import dumps
from build_docs.render.page_cites import page_range

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
EDITION_LABEL = "Cleaned edition"

_SAFE_KEY = re.compile(r"[^A-Za-z0-9_.:-]+")
_BIBTEX_SPECIAL = {
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "\\": r"\textbackslash{}",
    "#": r"\#",
    "$": r"\$",
    "%": r"\%",
    "&": r"\&",
    "~": r"\textasciitilde{}",
    "_": r"\_",
    "^": r"\textasciicircum{}",
}
_BIBTEX_SPECIAL_RE = re.compile("[" + re.escape("".join(_BIBTEX_SPECIAL)) + "]")
_URL_UNSAFE_RE = re.compile(r"[{}\\\s]")


@dataclass(frozen=True)
class Edition:
    """This site's cleaned page for an article."""

    site_name: str
    page: str  # site-relative, e.g. "articles/an-evolving-partnership/"
    site_url: str = ""  # absolute base URL when the site has one configured

    @property
    def url(self) -> str:
        if not self.site_url:
            return self.page
        return self.site_url.rstrip("/") + "/" + self.page.lstrip("/")


# --- facts shared by every style and format ---------------------------------------------


def key(article: Article) -> str:
    """The citation key of the original: stable, derived from ``article.id`` only."""
    safe = _SAFE_KEY.sub("-", article.id).strip("-")
    if safe == article.id:
        return safe
    digest = hashlib.sha1(article.id.encode("utf-8")).hexdigest()[:8]
    return f"{safe or 'article'}-{digest}"


def edition_key(article: Article) -> str:
    return key(article) + "-edition"


def _title(article: Article) -> str:
    return article.title + (f": {article.subtitle}" if article.subtitle else "")


def _date_parts(article: Article) -> tuple[int, ...]:
    """``"2014-11"`` → ``(2014, 11)``; ``()`` when the date is unknown."""
    if not article.date:
        return ()
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", article.date):
        raise ValueError(f"{article.id}: date {article.date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return tuple(int(p) for p in article.date.split("-"))


def _long_date(parts: tuple[int, ...]) -> str:
    """``(2014, 11, 21)`` → ``November 21, 2014`` (Chicago's form)."""
    if len(parts) == 3:
        return f"{MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0]) if parts else ""


def _end(text: str, mark: str = ".") -> str:
    """Close a sentence part with ``mark`` unless it already ends in punctuation."""
    return text if text.endswith((".", "?", "!")) else text + mark


def _series(names: tuple[str, ...], conjunction: str) -> str:
    """``A and B``; ``A, B, and C`` (serial comma)."""
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return f"{names[0]} {conjunction} {names[1]}"
    return ", ".join(names[:-1]) + f", {conjunction} " + names[-1]


def _edition_note(article: Article, estimate: str = "") -> str:
    """Prose naming the original, for the data formats (no ``n.d.``: unknown parts are left out)."""
    note = f"{EDITION_LABEL} of \u201c{_title(article)}\u201d"
    if article.authors:
        note += " by " + _series(article.authors, "and")
    where = [f"in {article.publication}"] if article.publication else []
    if article.date:
        where.append(_long_date(_date_parts(article)))
    if where:
        note += ", originally published " + ", ".join(where)
    if article.url:
        note += f" ({article.url})" if where else f", originally published at {article.url}"
    return note + "." + (" " + _estimate_note(estimate) if estimate else "")


def _style_pages(article: Article) -> str:
    """``", 7–9"`` after the publication in Chicago and APA; ``""`` without pages."""
    return f", {page_range(article)}" if article.pages else ""


# --- Chicago (notes-bibliography, bibliography entry) -----------------------------------


def _chicago_authors(written: tuple[str, ...]) -> str:
    authors = tuple(chicago_name(name, i == 0) for i, name in enumerate(names(written)))
    shown = authors if len(authors) <= 10 else (*authors[:7], "et al")
    if len(shown) < len(authors):
        return _end(", ".join(shown))
    if len(shown) == 2 and "," in shown[0]:  # "Ward, Geoffrey C., and Ken Burns": the inverted name is closed by a comma
        return _end(f"{shown[0]}, and {shown[1]}")
    return _end(_series(shown, "and"))


def _no_date(estimate: str) -> str:
    """``n.d.``, or ``n.d. [c. 2014]`` with an estimate (the bracketed date of the styles' guides)."""
    return f"n.d. [{estimate}]" if estimate else "n.d."


def _estimate_note(estimate: str) -> str:
    return f"Date not stated in the source; estimated {estimate} from its text." if estimate else ""


def chicago(article: Article, edition: Edition | None = None, estimate: str = "") -> str:
    """A Chicago bibliography entry, plain text; with ``edition``, cite the edition and name the original."""
    parts = [_chicago_authors(article.authors)] if article.authors else []
    parts.append(f"\u201c{_end(_title(article))}\u201d")
    date = _long_date(_date_parts(article)) or _no_date(estimate)
    if edition is None:
        parts.append(_end(f"{article.publication}, {date}{_style_pages(article)}" if article.publication else date))
        if article.url:
            parts.append(article.url + ".")
        return " ".join(parts)
    parts.append(f"{EDITION_LABEL} in {edition.site_name}, {edition.url}.")
    original = f"Originally published in {article.publication}, {date}{_style_pages(article)}" if article.publication else f"Originally published {date}"
    parts.append(_end(original + (f", {article.url}" if article.url else "")))
    return " ".join(parts)


# --- APA 7 -------------------------------------------------------------------------------


def _apa_authors(written: tuple[str, ...]) -> str:
    authors = tuple(apa_name(name) for name in names(written))
    if len(authors) > 20:
        return _end(", ".join(authors[:19]) + ", . . . " + authors[-1])
    if len(authors) == 1:
        return _end(authors[0])
    return _end(", ".join(authors[:-1]) + ", & " + authors[-1])


def _apa_date(parts: tuple[int, ...], estimate: str = "") -> str:
    if not parts:
        return f"({_no_date(estimate)})."
    month = f", {MONTHS[parts[1] - 1]}" if len(parts) > 1 else ""
    day = f" {parts[2]}" if len(parts) > 2 else ""
    return f"({parts[0]}{month}{day})."


def apa(article: Article, edition: Edition | None = None, estimate: str = "") -> str:
    """An APA 7 reference, plain text (the italics of title or source cannot be shown)."""
    parts = _apa_date_and_title(article, edition, estimate)
    if edition is None:
        if article.publication:
            parts.append(_end(article.publication + _style_pages(article)))
        if article.url:
            parts.append(article.url)
        return " ".join(parts)
    parts += [_end(edition.site_name), edition.url]
    original = [f"in {article.publication}"] if article.publication else []
    original.append(str(_date_parts(article)[0]) if article.date else _no_date(estimate))
    if article.url:
        original.append(article.url)
    parts.append("(Original work published " + ", ".join(original) + ")")
    return " ".join(parts)


def _apa_date_and_title(article: Article, edition: Edition | None, estimate: str = "") -> list[str]:
    """Author, date, title — or title, date when there is no author (APA moves the title up)."""
    title = _title(article) + (f" [{EDITION_LABEL}]" if edition else "")
    date = _apa_date(() if edition else _date_parts(article), "" if edition else estimate)
    if article.authors:
        return [_apa_authors(article.authors), date, _end(title)]
    return [_end(title), date]


# --- BibTeX ------------------------------------------------------------------------------


def _bib_text(value: str) -> str:
    """Escape a text value for BibTeX/LaTeX; whitespace collapsed, non-ASCII kept."""
    return _BIBTEX_SPECIAL_RE.sub(lambda m: _BIBTEX_SPECIAL[m.group()], " ".join(value.split()))


def _bib_url(url: str) -> str:
    return _URL_UNSAFE_RE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), url.strip())


def _bib_common(article: Article) -> list[tuple[str, str]]:
    fields = []
    if article.authors:
        fields.append(("author", "{" + " and ".join(bibtex_name(name, _bib_text) for name in names(article.authors)) + "}"))
    fields.append(("title", "{{" + _bib_text(_title(article)) + "}}"))
    return fields


def _bib_entry(entry_type: str, entry_key: str, fields: list[tuple[str, str]]) -> str:
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{entry_type}{{{entry_key},\n{body}\n}}\n"


def bibtex(article: Article, edition: Edition | None = None, estimate: str = "") -> str:
    """One BibTeX entry (biblatex fields ``date``/``origdate`` added), ending in a newline."""
    fields = _bib_common(article)
    parts = _date_parts(article)
    if edition is not None:
        fields += [
            ("howpublished", "{" + _bib_text(f"{EDITION_LABEL} in {edition.site_name}") + "}"),
            ("url", "{" + _bib_url(edition.url) + "}"),
            ("note", "{" + _bib_text(_edition_note(article, estimate)) + "}"),
        ]
        if parts:
            fields.append(("origdate", f"{{{article.date}}}"))
        return _bib_entry("misc", edition_key(article), fields)
    if article.publication:
        fields.append(("journal", "{" + _bib_text(article.publication) + "}"))
    if article.pages:
        fields.append(("pages", "{" + _bib_text(page_range(article, "--")) + "}"))
    if parts:
        fields.append(("year", f"{{{parts[0]}}}"))
    if len(parts) > 1:
        fields.append(("month", MONTHS[parts[1] - 1][:3].lower()))
    if parts:
        fields.append(("date", f"{{{article.date}}}"))
    if article.url:
        fields.append(("url", "{" + _bib_url(article.url) + "}"))
    if estimate and not parts:
        fields.append(("note", "{" + _bib_text(_estimate_note(estimate)) + "}"))
    return _bib_entry("article" if article.publication else "misc", key(article), fields)


# --- RIS ---------------------------------------------------------------------------------


def _ris_record(pairs: list[tuple[str, str]]) -> str:
    lines = [f"{tag}  - {' '.join(value.split())}" for tag, value in pairs if value and value.strip()]
    return "\n".join(lines) + "\nER  - \n"


def ris(article: Article, edition: Edition | None = None, estimate: str = "") -> str:
    """One RIS record, LF line ends, ending in ``ER  - `` and a newline."""
    head = [("AU", ris_name(name)) for name in names(article.authors)]
    if edition is not None:
        pairs = [("TY", "ELEC"), ("ID", edition_key(article)), ("TI", _title(article)), *head]
        pairs += [("T2", edition.site_name), ("UR", edition.url), ("N1", _edition_note(article, estimate))]
        return _ris_record(pairs)
    pairs = [("TY", "JOUR" if article.publication else "GEN"), ("ID", key(article)), ("TI", _title(article)), *head]
    pairs.append(("T2", article.publication or ""))
    if article.pages:
        pairs += [("SP", article.pages[0]), ("EP", article.pages[-1])]
    parts = _date_parts(article)
    if parts:
        pairs += [("PY", str(parts[0]))]
    if len(parts) > 1:
        pairs += [("DA", "/".join(f"{p:02d}" for p in parts))]
    pairs.append(("UR", article.url or ""))
    pairs.append(("N1", "" if parts else _estimate_note(estimate)))
    return _ris_record(pairs)


# --- CSL-JSON ----------------------------------------------------------------------------


def csl(article: Article, edition: Edition | None = None, estimate: str = "") -> dict:
    """One CSL-JSON item (a plain dict, ready for ``json.dumps``)."""
    item: dict = {"id": key(article), "type": "article-journal" if article.publication else "article", "title": _title(article)}
    if article.authors:
        item["author"] = [csl_name(name) for name in names(article.authors)]
    parts = _date_parts(article)
    if edition is not None:
        item.update({"id": edition_key(article), "type": "webpage", "genre": EDITION_LABEL})
        item.update({"container-title": edition.site_name, "URL": edition.url, "note": _edition_note(article, estimate)})
        item["original-title"] = _title(article)
        if parts:
            item["original-date"] = {"date-parts": [list(parts)]}
        return item
    if parts:
        item["issued"] = {"date-parts": [list(parts)]}
    if article.publication:
        item["container-title"] = article.publication
    if article.pages:
        item["page"] = page_range(article, "-")
    if article.url:
        item["URL"] = article.url
    if estimate and not parts:
        item["note"] = _estimate_note(estimate)
    return item


# --- files -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One work's citation in the three data formats, under its key: what a bibliography file lists."""

    key: str
    article: str  # the id of the article it cites (as itself or as its edition)
    bib: str
    ris: str
    csl: dict


def entries(article: Article, edition: Edition | None = None, estimate: str = "") -> tuple[Entry, ...]:
    """The original's entry and, with ``edition``, the edition's: each formatted once, for every file that lists it."""
    cited: list[tuple[str, Edition | None]] = [(key(article), None)]
    if edition is not None:
        cited.append((edition_key(article), edition))
    return tuple(Entry(k, article.id, bibtex(article, e, estimate), ris(article, e, estimate), csl(article, e, estimate)) for k, e in cited)


def files(listed: Iterable[Entry]) -> tuple[str, str, str]:
    """``(bib, ris, csl json)`` file texts listing ``listed``, sorted by key, each ending in a newline.
    Two entries with one key raise ``ValueError`` naming both articles."""
    by_key: dict[str, Entry] = {}
    for entry in listed:
        if entry.key in by_key:
            raise ValueError(f"citation key {entry.key!r} is used by {by_key[entry.key].article!r} and {entry.article!r}")
        by_key[entry.key] = entry
    ordered = [by_key[k] for k in sorted(by_key)]
    return "\n".join(e.bib for e in ordered), "\n".join(e.ris for e in ordered), dumps([e.csl for e in ordered])


def bibliography(
    articles: Iterable[Article], editions: Mapping[str, Edition] | None = None, estimates: Mapping[str, str] | None = None
) -> tuple[str, str, str]:
    """``(bib, ris, csl json)`` file texts for every article (:func:`files` of their :func:`entries`).

    Originals only; with ``editions`` (by article id) each article that has one is also cited
    as its edition; ``estimates`` (by article id) are the dates estimated for undated ones.
    """
    guessed, shown = estimates or {}, editions or {}
    return files(e for a in articles for e in entries(a, shown.get(a.id), guessed.get(a.id, "")))
