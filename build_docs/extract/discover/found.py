"""What every finder returns: :class:`Found`, one mention with its span, and how finds are named and de-duplicated."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    """One mention: ``text[start:end]`` is the name as written; ``name`` has its whitespace folded."""

    kind: str  # "person" | "organization" | "place"
    name: str
    start: int
    end: int
    # "title-before" | "appositive-title" | "epithet" | "deity" | "org-head" | "gazetteer" | "feature" | "celestial" | "appositive-place"
    # | "located-place" | "road" | "name-run" | "model"
    rule: str
    role: str = ""
    strong: bool = False
    # the name its page goes by: a gazetteer place's ("United States" for "U.S."), a road's ("I-44" for "Interstate 44"), a
    # person's set in capitals ("Warnock" for "WARNOCK"), an author's in reading order (:mod:`.inverted`)
    canonical: str = ""
    # for a name-run, what gave its kind: "context", "called", "saying", "shape", "given" or "default" (:func:`.names._kind`);
    # "guess": :func:`._guess`
    basis: str = ""
    alone: bool = False  # confident on one mention if the rest of its text never writes its words in lower case (:func:`confirmed`)

    def __repr__(self) -> str:
        extra = f", role={self.role!r}" if self.role else ""
        flags = (", strong" if self.strong else "") + (", alone" if self.alone else "")
        return f"Found({self.kind} {self.name!r} {self.start}:{self.end} {self.rule}{extra}{flags})"


def span(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with its whitespace folded: a name as :attr:`Found.name` holds it."""
    return " ".join(text[start:end].split())


def dedupe(found: list[Found]) -> list[Found]:
    """One find per span: the one with a role, else the strong one."""
    best: dict[tuple[int, int], Found] = {}
    for f in found:
        known = best.get((f.start, f.end))
        if known is None or (bool(f.role), f.strong) > (bool(known.role), known.strong):
            best[(f.start, f.end)] = f
    return sorted(best.values(), key=lambda f: (f.start, f.end))
