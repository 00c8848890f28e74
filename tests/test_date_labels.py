"""Date labels shown to readers (timeline, entity infobox) read as English: "the mid-1950s", never "mid-the 1950s"."""

from __future__ import annotations

import pytest

from build_docs.extract.timex import find_timexes
from build_docs.timeline.events import display

CASES = [
    ("Industry grew fast in the mid-1950s.", "the mid-1950s"),
    ("Industry grew fast in the middle of the 1950s.", "the mid-1950s"),
    ("Ties cooled in the early 1960s.", "the early 1960s"),
    ("Ties cooled in the late 1960s.", "end of the 1960s"),
    ("It was rebuilt in the early 20th century.", "the early 20th century"),
    ("It was rebuilt in the mid-20th century.", "the mid-20th century"),
    ("Work began in early 2014.", "early 2014"),
    ("Prices fell in mid-2014.", "mid-2014"),
    ("It was common in the 1960s.", "the 1960s"),
]


@pytest.mark.parametrize(("sentence", "label"), CASES)
def test_a_modified_decade_or_century_reads_as_written(sentence: str, label: str) -> None:
    [timex] = [t for t in find_timexes(sentence, "2018-06-07") if t.type == "DATE"]
    assert display(timex) == label
    assert "-the " not in display(timex) and " the the " not in display(timex)
