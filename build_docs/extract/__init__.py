"""Stage 3, ``Article`` → :class:`~build_docs.extract.extractors.Extraction`: what each article yields.

In: one cleaned article at a time. Out: per article, its counts, acronym
definitions (:mod:`.acronyms`), names found by their patterns (:mod:`.discover`)
and dates (:mod:`.timex`), each kept with the paragraph it stands in; then
:mod:`.index` gathers every article into the :class:`~build_docs.extract.index.Site`,
claiming each page name once. :mod:`.sentences` splits paragraphs into sentences
for the quotes later stages take.

Must not touch: other articles (an extractor sees one article alone; what the
findings add up to across the corpus is the link stage's decision) or the
registries.
"""
