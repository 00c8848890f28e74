"""The README's figures are computed, not typed: they must match what the scripts compute now."""

from __future__ import annotations

import importlib.util

from benchmarks.readme_section import markers, shown
from tests.conftest import REPO


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_cleaning_figures_in_readme_are_current():
    figures = load("cleaning_figures")
    assert shown("cleaning") == figures.figures(REPO / "seeds"), "run: .venv/bin/python benchmarks/cleaning_figures.py --readme"


def test_readme_documents_every_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in ("make serve", "make test", "make bench", "make golden", "build_docs build", "build_docs check", "build_docs clean"):
        assert command in readme, f"README does not document {command!r}"


def test_readme_has_the_names_evaluation_section():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start, end = markers("names")
    assert start in readme and end in readme.split(start, 1)[1], "README needs the names markers: benchmarks/names_eval.py --readme writes between them"
    assert "| all |" in shown("names"), "run: .venv/bin/python benchmarks/names_eval.py --half held --readme"


def test_readme_shows_the_names_stage_speed():
    assert "tokens/s" in shown("names-speed"), "run: .venv/bin/python benchmarks/names_eval.py --speed-only --readme (make bench)"
