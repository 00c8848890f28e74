"""The PDF reader (``.pdf``): the text layer of a born-digital PDF, page by page, in reading order.

Read with pdfminer.six, which gives every line of text with its position on the page;
:mod:`.pdf_layout` puts the lines in reading order (columns one after the other). Running
heads, footers and page numbers are left in the text, so the cleaner removes them by its
general furniture rules and lists them in the cleaning report; words broken at a line end
are joined there too (:mod:`build_docs.clean.cleaner`).

What the :class:`~build_docs.sources.reading.Reading` carries besides the text:

* ``pages``: the first text line of each page and the page's label, from the PDF's page
  labels when it has them (a journal's ``7``, ``8``, … or ``iv``), else the physical page
  number, so a paragraph can be cited by its page;
* ``document_info``: title, authors and date from the PDF's document information (Title,
  Author, CreationDate), which fill in what the text does not say.

A PDF without a text layer (a scan), an encrypted one, or a damaged or truncated one is
reported with the file's name and what to do, never a traceback.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator, Mapping
from types import MappingProxyType

from build_docs.diagnostics import Diagnostic, warning
from build_docs.sources.pdf_layout import Line, reading_runs, run_text, usual_gap
from build_docs.sources.reading import Reading

#: A line of text the PDF's fonts cannot map to Unicode: pdfminer writes ``(cid:NN)`` for each glyph.
_CID = re.compile(r"\(cid:\d+\)")
#: Document-info titles that name a file, not the work ("Microsoft Word - draft.docx", "untitled").
_FILE_TITLE = re.compile(r"(?:\.\w{2,4}|^untitled)$|^microsoft \w+ - ", re.I)
_PDF_DATE = re.compile(r"^(?:D:)?(?P<y>\d{4})(?P<m>0[1-9]|1[0-2])?(?P<d>0[1-9]|[12]\d|3[01])?")
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:;|\band\b|&)\s*")
TEXT_LAYER = "the PDF's text layer"  # what the text was "decoded from", as the reports say
OCR_ADVICE = "run OCR on it (e.g. `ocrmypdf IN.pdf OUT.pdf`) and put the result in seeds/, or provide the text as a .txt file"
DAMAGED_ADVICE = "get a complete copy of the file, or provide the text as a .txt file"
TEXT_ADVICE = "save a copy without the password (e.g. `qpdf --decrypt IN.pdf OUT.pdf`) or provide the text as a .txt file"


def read_pdf(raw: bytes, shown: str) -> tuple[Reading | None, list[Diagnostic]]:
    """A born-digital PDF: its text in reading order, its page map and its document information."""
    try:
        pages, info = _layout(raw)
    except _Unreadable as exc:
        return None, [warning(shown, 0, f"{exc} (the file is skipped)")]
    problems: list[Diagnostic] = []
    lines: list[str] = []
    starts: list[tuple[int, str]] = []
    gap = usual_gap([runs for _, runs in pages])
    empty: list[str] = []
    for label, runs in pages:
        text = [t for run in runs for t in run_text(run, gap)]
        if not any(t.strip() for t in text):
            empty.append(label)
            continue
        if lines and lines[-1].strip():
            text = ["", *text] if _starts_paragraph(text) else text
        starts.append((len(lines) + 1 + (not text[0].strip()), label))
        lines += text
    if not starts:
        return None, [warning(shown, 0, f"this PDF has no text layer (a scan?): {len(pages)} page(s) of images, nothing to read; {OCR_ADVICE}")]
    if empty:
        problems.append(warning(shown, 0, f"page(s) {', '.join(empty)} have no text layer (scanned?) and are left out; {OCR_ADVICE}"))
    unmapped = sum(bool(_CID.search(t)) for t in lines)
    if unmapped > 0.2 * sum(bool(t.strip()) for t in lines):
        problems.append(warning(shown, 0, f"{unmapped} lines use fonts without a Unicode mapping and read as '(cid:NN)'; {OCR_ADVICE}"))
    return Reading("\n".join(lines) + "\n", TEXT_LAYER, "pdf", pages=tuple(starts), document_info=_document_info(info, shown, problems)), problems


def _starts_paragraph(text: list[str]) -> bool:
    """A page whose first line is indented starts a new paragraph (a blank line keeps it from the page before)."""
    first = next((t for t in text if t.strip()), "")
    return first.startswith(" ")


class _Unreadable(Exception):
    """The file cannot be read as a PDF; the message says why and what to do."""


def _layout(raw: bytes) -> tuple[list[tuple[str, list[list[Line]]]], dict[str, object]]:
    """Every page's label and its lines in reading order, and the document information."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    if not raw.lstrip()[:5].startswith(b"%PDF"):
        raise _Unreadable("not a PDF file (it does not start with '%PDF'); check the file or rename it")
    try:
        document = PDFDocument(PDFParser(io.BytesIO(raw)))
        manager = PDFResourceManager()
        device = PDFPageAggregator(manager, laparams=LAParams(all_texts=True, boxes_flow=None))
        interpreter = PDFPageInterpreter(manager, device)
        pages = []
        for number, page in enumerate(PDFPage.create_pages(document), 1):
            interpreter.process_page(page)
            pages.append((page.label or str(number), reading_runs(list(_lines(device.get_result())))))
        info = _info(document)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise _Unreadable(f"encrypted PDF: its text cannot be read without its password; {TEXT_ADVICE}") from exc
    except Exception as exc:  # noqa: BLE001 - a parser of untrusted bytes fails in many ways; each is a damaged file
        raise _Unreadable(f"damaged or truncated PDF ({type(exc).__name__}: {exc}); {DAMAGED_ADVICE}") from exc
    if not pages:
        raise _Unreadable(f"no pages could be read: the PDF is damaged or truncated; {DAMAGED_ADVICE}")
    return pages, info


def _lines(item: object) -> Iterator[Line]:
    """Every horizontal line of text in a page's layout, wherever it is nested (boxes, figures)."""
    from pdfminer.layout import LTTextLineHorizontal

    if isinstance(item, LTTextLineHorizontal):
        text = _clean(item.get_text())
        if text:
            yield Line(item.x0, item.y0, item.x1, item.y1, text)
        return
    if hasattr(item, "__iter__"):
        for child in item:
            yield from _lines(child)


def _clean(text: str) -> str:
    """One line as text: ligatures (``ﬁ``) spelled out, spaces folded."""
    text = "".join(unicodedata.normalize("NFKC", c) if "\ufb00" <= c <= "\ufb06" else c for c in text)
    return " ".join(unicodedata.normalize("NFC", text).split())


def _info(document: object) -> dict[str, object]:
    """The PDF's document information dictionary, its values decoded to text."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    found: dict[str, object] = {}
    for entry in getattr(document, "info", []) or []:
        for key, value in dict(resolve1(entry) or {}).items():
            value = resolve1(value)
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str) and value.strip():
                found.setdefault(str(key), " ".join(value.split()))
    return found


def _document_info(info: Mapping[str, object], shown: str, problems: list[Diagnostic]) -> Mapping[str, object]:
    """Title, authors and date, in the form front matter gives them; values that name a file are ignored."""
    meta: dict[str, object] = {}
    title = str(info.get("Title", ""))
    if title and not _FILE_TITLE.search(title):
        meta["title"] = title
    authors = [a for a in _AUTHOR_SEPARATORS.split(str(info.get("Author", ""))) if a]
    if authors:
        meta["authors"] = tuple(authors)
    created = str(info.get("CreationDate", ""))
    if match := _PDF_DATE.match(created):
        meta["date"] = "-".join(p for p in (match["y"], match["m"], match["d"]) if p)
    elif created:
        problems.append(warning(shown, 0, f"the PDF's creation date {created!r} is not a PDF date (D:YYYYMMDD…); it is ignored"))
    return MappingProxyType(meta)
