"""How much one source may ask of the build: every limit on input in one place (the README lists them).

Each is far above what a real article needs, and low enough that a careless or hostile
file (a page of 20,000 nested elements, a YAML "billion laughs") costs a bounded amount of
time and memory. Passing one is never a traceback: the file is skipped, or the part beyond
the limit is read more simply, with a warning that names the file, the limit and what to do.
"""

from __future__ import annotations

#: Bytes in one seed file. A larger file is skipped unread (stat, not read: memory stays bounded);
#: reading only its start would publish part of an article as if it were whole, and cut a PDF or page
#: in the middle of its structure. The longest real seeds (book-length PDFs) are a few megabytes.
MAX_FILE_BYTES = 32 * 1024 * 1024

#: Values YAML (front matter, catalog, registries) may hold once every alias is expanded: a "billion
#: laughs" is a few lines whose aliases expand to 10⁹ values. Real front matter holds dozens.
MAX_YAML_VALUES = 10_000

#: Nesting of YAML collections (lists in lists …): PyYAML reads them recursively.
MAX_YAML_DEPTH = 100

#: Elements nested in a page, as lxml (trafilatura's parser) reads them: it stops at 256, and what is
#: deeper, and everything after it, is lost. A page nested this deep is read as its visible text, block
#: by block (:mod:`build_docs.sources.html`), with a warning.
MAX_HTML_DEPTH = 255

#: Quotes and lists nested in Markdown, in markdown-it's levels (a quote is one, a list item two):
#: markdown-it stops reading a block nested deeper. Lines it did not read are kept as plain paragraphs,
#: with a warning (:mod:`build_docs.sources.commonmark`).
MAX_MARKDOWN_NESTING = 20

#: Parts of one source (a structured source's paragraphs, headings, items …; a text's blocks between blank lines).
#: A source with more is skipped: split it into several files. A 300-page book has a few thousand.
MAX_PARTS = 50_000
