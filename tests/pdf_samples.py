"""Born-digital PDFs made on the fly for the PDF reader's tests (fpdf2; nothing binary is committed).

:func:`journal_pdf` lays out an article as a journal prints it: a title and byline across the
page, then two columns per page, a running head at the top of every page and the page
number at the bottom, paragraphs set apart by space and first-line indents, a word broken
with a hyphen at a line end and another across a page break. :func:`scanned_pdf` is a page
with an image and no text layer.
"""

from __future__ import annotations

import datetime as dt

from fpdf import FPDF

RUNNING_HEAD = "Journal of River Studies"
TITLE = "Trade Along the Northern River"
BYLINE = "By Anna Petrova"

# Each page: (left column, right column); "" is the space between two paragraphs.
# A line starting with two spaces is a paragraph's indented first line.
PAGES: list[tuple[list[str], list[str]]] = [
    (
        [
            "  The river has carried goods between",
            "the two banks for centuries. Boats",
            "took grain downstream in the summer",
            "and brought timber back in the autumn.",
            "",
            "  Merchants on both banks kept their",
            "own ledgers, and the long negoti-",
            "ations over tolls were settled by",
            "a treaty that both towns still keep.",
        ],
        [
            "  The treaty fixed the tolls for each",
            "kind of boat. It also named a clerk",
            "on each bank who kept the register",
            "of every cargo that passed the",
            "crossing, so that a dispute could be",
            "settled from the written record.",
            "",
            "  Today the crossing is busier than",
            "ever, and the clerks write a new agree-",
        ],
    ),
    (
        [
            "ment every spring that both councils",
            "sign before the ice breaks up.",
            "",
            "  Second page paragraph: the ferry",
            "timetable is printed in both languages",
            "and posted on the landing stage.",
        ],
        [
            "  Winter changes everything. When the",
            "river freezes, sledges cross the ice",
            "on a marked road that the clerks",
            "inspect every morning.",
        ],
    ),
    (
        [
            "  Third page paragraph: the spring",
            "thaw closes the crossing for two weeks,",
            "and the merchants use that time to",
            "settle their accounts.",
        ],
        [
            "  Historians read the old registers to",
            "learn what the towns traded and how",
            "prices changed from year to year.",
        ],
    ),
]

LEFT, GUTTER, WIDTH, TOP, LEADING = 20.0, 10.0, 80.0, 45.0, 5.0


def journal_pdf(
    pages: list[tuple[list[str], list[str]]] = PAGES,
    *,
    labels_from: int | None = None,
    info: bool = True,
    encrypt: str | None = None,
) -> bytes:
    """The article on its pages; ``labels_from`` gives the PDF page labels starting there (a journal's pagination)."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=10)
    if info:
        pdf.set_title("Trade Along the Northern River (document title)")
        pdf.set_author("Anna Petrova; Ivan Sokolov")
        pdf.set_creation_date(dt.datetime(2019, 5, 14, 9, 30, tzinfo=dt.UTC))
    for number, (left, right) in enumerate(pages, 1):
        pdf.add_page()
        if labels_from is not None and number == 1:
            pdf.set_page_label(label_style="D", label_start=labels_from)
        shown = number if labels_from is None else labels_from + number - 1
        pdf.set_font("helvetica", size=8)
        pdf.text(LEFT + WIDTH + GUTTER / 2 - pdf.get_string_width(RUNNING_HEAD) / 2, 12, RUNNING_HEAD)
        pdf.text(LEFT + WIDTH + GUTTER / 2 - pdf.get_string_width(str(shown)) / 2, 285, str(shown))
        top = 25.0
        if number == 1:
            pdf.set_font("helvetica", "B", size=16)
            pdf.text(LEFT, 28, TITLE)
            pdf.set_font("helvetica", size=10)
            pdf.text(LEFT, 36, BYLINE)
            top = TOP
        pdf.set_font("helvetica", size=10)
        for column, lines in enumerate((left, right)):
            _column(pdf, LEFT + column * (WIDTH + GUTTER), top, lines)
    if encrypt is not None:
        pdf.set_encryption(owner_password="owner", user_password=encrypt)
    return bytes(pdf.output())


def _column(pdf: FPDF, x: float, y: float, lines: list[str]) -> None:
    for line in lines:
        if not line:
            y += LEADING  # space between paragraphs
            continue
        indent = 4.0 if line.startswith("  ") else 0.0
        pdf.text(x + indent, y, line.strip())
        y += LEADING


def scanned_pdf() -> bytes:
    """A page that is only a picture (of a grey rectangle): no text layer, as a scanner makes it."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.add_page()
    pdf.set_fill_color(200, 200, 200)
    pdf.rect(20, 20, 170, 250, style="F")
    try:
        from PIL import Image
    except ImportError:  # fpdf2 depends on Pillow, so this does not happen
        return bytes(pdf.output())
    image = Image.new("L", (60, 80), color=180)
    pdf.image(image, x=20, y=20, w=170)
    return bytes(pdf.output())
