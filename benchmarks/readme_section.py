"""Write a script's figures into README.md between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def shown(name: str, readme: Path = README) -> str:
    """What the README shows between the markers now."""
    start, end = markers(name)
    return readme.read_text(encoding="utf-8").split(start, 1)[1].split(end, 1)[0].strip()


def replace_section(name: str, report: str, readme: Path = README) -> None:
    """Replace the section; exit with a message naming the markers when they are missing."""
    start, end = markers(name)
    text = readme.read_text(encoding="utf-8")
    if start not in text or end not in text.split(start, 1)[1]:
        raise SystemExit(f"{readme} has no {start} ... {end} markers: add them where the figures belong, then rerun")
    head, rest = text.split(start, 1)
    readme.write_text(f"{head}{start}\n{report}\n{end}{rest.split(end, 1)[1]}", encoding="utf-8")
