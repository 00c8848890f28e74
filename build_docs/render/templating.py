"""Pages from templates: :class:`RenderedPage`, the Jinja2 environment, and :func:`page`.

Templates live in ``build_docs/templates/`` (Jinja2, which MkDocs already
brings). The environment escapes every value by default with
:func:`build_docs.render.markdown.escape`; only
:class:`~build_docs.render.markdown.Md` values written by the build pass as they
are. Every page opens with front matter saying it is generated (:func:`marker`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

import jinja2
import yaml

from build_docs.cache import folder
from build_docs.render.markdown import Md, attr_value, escape
from build_docs.render.page_cites import tip
from build_docs.results import Blob, vanished


class RenderedPage:
    """One file to write under ``docs/``: a POSIX path and its exact bytes, and their SHA-256 (hex), which the
    manifest lists; made with the page, so a page kept between builds is not hashed again.

    A page read back from the kept results (:mod:`build_docs.results`) holds its bytes unread, as a
    :class:`~build_docs.results.Blob`, with what :meth:`linked` says of them: most kept pages are already in
    ``docs/`` as they are, and publishing knows that from their digests. Its bytes are read, and checked against
    the digest, when :attr:`content` is first asked for."""

    __slots__ = ("_body", "_linked", "digest", "path")

    def __init__(self, path: str, content: bytes) -> None:
        self.path = path
        self._body: bytes | Blob = content
        self.digest = hashlib.sha256(content).hexdigest()
        self._linked: frozenset[str] | None = None

    @classmethod
    def _kept(cls, path: str, body: Blob, digest: str, linked: frozenset[str]) -> RenderedPage:
        """A page as pickled (:meth:`__reduce__`): its bytes are read on first use."""
        page = cls.__new__(cls)
        page.path, page._body, page.digest, page._linked = path, body, digest, linked
        return page

    @property
    def content(self) -> bytes:
        body = self._body
        if isinstance(body, bytes):
            return body
        data = body.data()
        if hashlib.sha256(data).hexdigest() != self.digest:
            raise vanished(self.path)
        self._body = data
        return data

    def linked(self) -> frozenset[str]:
        """The names of the Markdown files this page may link to a place in (``x`` for ``../articles/x.md#p3``): for
        each ``.md#`` in its bytes, what comes before it back to a slash, parenthesis or space. Every link the build
        writes to a paragraph is among them (:mod:`.relink` needs no more), and a kept page knows them unread."""
        if self._linked is None:
            names = set()
            for piece in self.content.split(b".md#")[:-1]:
                tail = piece[-_NAME_ROOM:]
                if _name_start(tail) < 0 and len(piece) > len(tail):  # a name longer than the room: read back further
                    tail = piece
                names.add(tail[_name_start(tail) + 1 :].decode("utf-8", "replace"))
            self._linked = frozenset(names)
        return self._linked

    def recorded_links(self) -> frozenset[str] | None:
        """What :meth:`linked` says, when that is known without reading the page (a kept page); else ``None``."""
        return self._linked

    def __reduce__(self) -> tuple[object, ...]:
        body = self._body if isinstance(self._body, Blob) else Blob(self._body)
        return (RenderedPage._kept, (self.path, body, self.digest, self.linked()))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RenderedPage):
            return NotImplemented
        return self.path == other.path and self.digest == other.digest and self.content == other.content

    def __hash__(self) -> int:
        return hash((self.path, self.digest))

    def __repr__(self) -> str:
        return f"RenderedPage({self.path!r}, {self.digest[:12]})"


_NAME_ROOM = 256  # bytes before ".md#" that hold a page's name (a slug of a few words)


def _name_start(before: bytes) -> int:
    """Where the name that ends ``before`` starts, less one: its last slash, parenthesis, space or line end (-1: none)."""
    return max(before.rfind(b"/"), before.rfind(b"("), before.rfind(b" "), before.rfind(b"\n"))


def _finalize(value: object) -> object:
    return value if isinstance(value, Md) else escape(str(value))


def _slug(value: str) -> Md:
    """Identifiers (page names, anchors) go into links and attribute lists unescaped."""
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
        raise ValueError(f"not a slug: {value!r}")
    return Md(value)


def _compiled() -> jinja2.BytecodeCache | None:
    """Jinja's cache of compiled templates, in the cache folder (:mod:`build_docs.cache`): compiling them
    takes a quarter of a second per build. Jinja checks each against its template's source and its own version."""
    where = folder()
    if where is None:
        return None
    try:
        (where / "templates").mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a folder that cannot be written is no error: templates are compiled each time
    return jinja2.FileSystemBytecodeCache(str(where / "templates"))


ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("build_docs", "templates"),
    bytecode_cache=_compiled(),
    finalize=_finalize,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
    autoescape=False,
)
ENV.filters["slug"] = _slug
ENV.filters["attr"] = attr_value
ENV.filters["tip"] = tip  # a quote's tooltip, with its page when it has one


#: libyaml's emitter when PyYAML was built with it: the same text as PyYAML's own, five times faster
#: (every page's citation data goes through it).
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def marker(sources: list[str], meta: Mapping[str, object] | None = None) -> str:
    """Front matter that opens every generated page: says it is generated and from what.

    It is front matter, not an HTML comment, because MkDocs takes a page's title
    from its first element only when that element is the ``# heading``. ``meta``
    (citation data) is written as YAML data, so source text in it stays data.
    """
    origin = f" from {', '.join(sources)}" if sources else ""
    note = f"Generated by build_docs{origin}. Do not edit: change seeds/ and rebuild."
    extra = yaml.dump(dict(meta), Dumper=_Dumper, allow_unicode=True, sort_keys=True, width=10_000) if meta else ""
    return f"---\n# {' '.join(note.split())}\ngenerator: build_docs\n{extra}---"


def page(
    path: str,
    template: str,
    context: Mapping[str, object] | None = None,
    *,
    sources: list[str] | None = None,
    meta: Mapping[str, object] | None = None,
    **more: object,
) -> RenderedPage:
    """``docs/<path>`` from ``templates/<template>`` with ``context`` and ``more``; ``sources`` are named in its marker."""
    text = ENV.get_template(template).render(**(context or {}), **more)
    text = marker(sources or [], meta) + "\n\n" + re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    return RenderedPage(path, text.encode("utf-8"))
