"""Stage 7, ``RenderedPage`` → ``docs/``, and what runs around MkDocs.

(Not named ``site``: that is MkDocs' output folder, ignored by every tool.)

:mod:`.write` plans the change against ``docs/`` and its manifest (``check`` is
that plan without applying it), then writes all of it or nothing.
:mod:`.mkdocs_hook` runs the build before ``mkdocs serve`` and ``mkdocs build``;
:mod:`.mkdocs_copy` points the repository's ``mkdocs.yml`` at another ``docs/``
for tests and benchmarks.

The only stage that writes to disk. Must not touch: a file in ``docs/`` that the
build did not write, or one edited by hand since (that is an error, never an
overwrite).
"""
