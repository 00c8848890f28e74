"""``python -m build_docs`` runs the command-line interface, then ends the process.

A build holds its whole corpus in memory: millions of small objects (articles, mentions, kept
results read back), few of them in reference cycles. So the command line's process runs without
the cyclic garbage collector (objects are still freed as soon as nothing refers to them): its
passes over that heap, even made rare (:mod:`build_docs.collector`), cost a second of a one-edit
rebuild at 1,000 speeches and 3 s of CPU of a cold build, and peak memory was the same without
them (633 MB with, 635 MB without; forked workers inherit the setting).

Freeing those objects one by one when the build returns, then letting the interpreter walk what
is left at exit, took another 0.4 s. Everything the build writes is written and closed by then
(``docs/`` and the kept results are moved into place before :func:`~build_docs.cli.run` returns;
worker pools are shut down after each step), so the process ends here with :func:`os._exit` once
its output is flushed, the build's results still held. Called as a function (the tests do), the
build keeps the collector as it finds it and frees its results as usual.
"""

import gc

gc.disable()  # from the first import on

import os  # noqa: E402
import sys  # noqa: E402

from build_docs.cli import run  # noqa: E402

status, held = run()
sys.stdout.flush()
sys.stderr.flush()
os._exit(status)
