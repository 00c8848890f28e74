"""Stage 4, corpus-wide: the registries and every article's findings → entities, terms and mentions.

In: the editorial registries (:mod:`.registry`), the ``Site`` and its extractions.
Out: :class:`~build_docs.link.knowledge.Knowledge` (pass 1, :mod:`.knowledge`:
which names are entities and terms, with their aliases and quoted descriptions)
and :class:`~build_docs.link.mentions.Links` (pass 2, :mod:`.mentions`: every
mention, found in one Aho–Corasick pass per paragraph by :mod:`.matcher`).

Decided from the whole corpus before any text is linked (autorefs' two passes).
Must not touch: the article text (mentions are offsets into it) or page markup.
"""
