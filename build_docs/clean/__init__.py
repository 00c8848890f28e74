"""Stage 2, ``SourceDoc`` → :class:`~build_docs.clean.article.Article` and its cleaning report.

In: every ``SourceDoc`` of the corpus. Out: :class:`~build_docs.clean.article.Cleaned`
(:mod:`.article`), the articles (header facts lifted out, numbered blocks) and,
per article, a report of every line removed and every word corrected.

Owns: header facts (:mod:`.header`, :mod:`.dates`), page furniture
(:mod:`.boilerplate`), blocks and paragraph anchors (:mod:`.structure`), OCR repair
(:mod:`.ocr`) and witnesses, two sources of one article merged (:mod:`.witness`);
:mod:`.cleaner` runs them in order. Must not touch: entities, terms or dates in
the text (that is extraction), and nothing here invents text: every published
word is the source's, or a correction the report lists.
"""
