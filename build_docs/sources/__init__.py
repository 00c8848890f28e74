"""Stage 1, disk → :class:`~build_docs.sources.read.SourceDoc`: reading what was received.

In: the ``seeds/`` folder. Out: one ``SourceDoc`` per article file (decoded text with
``\\n`` line ends, front matter, its catalog entry) and the editorial catalog
(:mod:`~build_docs.sources.catalog`).

Owns: file discovery, encodings, front matter, the catalog, the limits on input
(``limits.py``) and taking out characters that reverse or hide text (``sanitise.py``). Must not touch: the
text's meaning (no cleaning, no extraction) and ``docs/``. Files are read, never
written.
"""
