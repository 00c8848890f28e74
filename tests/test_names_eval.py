"""The names evaluation's reading of GUM's mentions (benchmarks/names_eval.py): what counts as a name's forms."""

from __future__ import annotations

from benchmarks.names_eval import forms


def test_a_title_in_front_is_also_dropped_with_its_abbreviation_point():
    """GUM keeps a title in a mention; "Dr. William Glennie" and "Dr William Glennie" both name William Glennie."""
    assert "william glennie" in forms("Dr. William Glennie")
    assert "william glennie" in forms("Dr William Glennie")
    assert forms("General George Washington") >= {"general george washington", "george washington"}
    assert forms("Mr.") == {"mr."}  # a title alone stays what it is
