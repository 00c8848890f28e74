"""Stage 6, everything known → :class:`~build_docs.render.pages.RenderedPage`: Markdown pages and data files.

In: the ``Site``, the knowledge, the links and the events. Out: every file of
``docs/`` as a path and its exact bytes, in memory. :mod:`.pages` renders the
articles, indexes and sources through the Jinja2 templates in
``build_docs/templates/``; :mod:`.knowledge_pages` the entity and glossary pages,
:mod:`.timeline_pages` the timeline, :mod:`.report_pages` the cleaning reports;
:mod:`.cite` and :mod:`.citation` the citation formats; :mod:`.markdown` is the
escaping every value passes through; :mod:`.jsondata` writes the data files.

Must not touch: disk (writing is the site stage's) or any decision about what
the corpus says. Text from a source is escaped, never passed through as markup.
Output is deterministic: sorted inputs, no timestamps.
"""
