"""A source's metadata and where each fact came from: the catalog over what the file states
(front matter, a page's metadata, a PDF's properties) over what its text says (the header)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from build_docs.clean.header import Header
from build_docs.sources.catalog import CatalogEntry
from build_docs.sources.read import SourceDoc

METADATA = ("title", "subtitle", "section", "authors", "affiliation", "publication", "date", "url", "kind", "tags", "extra")


def facts_of(doc: SourceDoc, header: Header, kind: str | None, stated_by: str = "front matter") -> tuple[Mapping[str, object], Mapping[str, str]]:
    """A source's metadata and where each fact came from: the catalog, what the file states, the text,
    then a PDF's document information where all of them are silent, and the kind of source."""
    meta, origin = merge_metadata(doc.catalog, doc.front_matter, header, stated_by, doc.origins)
    for name, value in doc.document_info.items():
        if name not in meta and value:
            meta[name], origin[name] = value, "document info"
    if kind and "kind" not in meta:
        meta["kind"], origin["kind"] = kind, "text"
    return MappingProxyType(meta), MappingProxyType(origin)


def merge_metadata(
    entry: CatalogEntry | None,
    front: Mapping[str, object],
    header: Header,
    stated_by: str = "front matter",
    origins: Mapping[str, str] | None = None,
) -> tuple[dict[str, object], dict[str, str]]:
    """Catalog over what the file states (front matter, a page's metadata; ``origins`` names another source of
    one of its facts, such as a date from the file name) over the text; empty values never win."""
    meta: dict[str, object] = {}
    origin: dict[str, str] = {}
    for name in METADATA:
        stated = (origins or {}).get(name, stated_by)
        for where, value in (("catalog", getattr(entry, name, None)), (stated, front.get(name)), ("text", getattr(header, name, None))):
            if value:
                meta[name], origin[name] = value, where
                break
    return meta, origin
