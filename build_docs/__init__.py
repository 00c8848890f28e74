"""build_docs: turn raw articles in ``seeds/`` into a MkDocs reference site in ``docs/``.

The pipeline lives in :mod:`build_docs.pipeline`; each stage owns one module.
"""

__version__ = "0.1.0"
