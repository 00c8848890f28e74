"""The site's JSON files: orjson's bytes must be the standard library's indented output, and what
orjson refuses must still be written."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from build_docs.render.jsondata import dump_bytes, dumps, item_bytes, list_bytes


def standard(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def test_the_bytes_are_the_standard_librarys_indented_output():
    data = {
        "title": "Си Цзиньпин, 习近平 and “quotes”",
        "controls": "tab\there\nline \x00 \u2028 \\ \"",
        "numbers": [0, -3, 2**53, 1.5, 0.1, 0.0001, 123456789.125],
        "empty": [[], {}, ""],
        "nested": [{"a": None, "b": True, "c": False, "z": [1, [2, [3]]]}],
    }
    assert dump_bytes(data) == standard(data)
    assert dumps(data) == standard(data).decode("utf-8")


def test_a_float_in_exponent_notation_keeps_its_value():
    data = {"rate": 1e-7, "large": 1.5e16}
    assert json.loads(dump_bytes(data)) == data  # "1e-7" where the standard library writes "1e-07": the same number


def test_what_orjson_refuses_is_written_by_the_standard_library():
    data = {1: "a key that is a number", "big": 2**70}
    assert dump_bytes(data) == standard(data)


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@given(st.lists(JSONISH, max_size=5))
def test_a_list_joined_from_its_items_is_the_list_written_whole(items: list[object]):
    """Items encoded one by one (kept between builds) join into the very bytes of the whole list: any text
    (line breaks, U+2028), nesting, empty containers, and what only the standard library writes (large numbers)."""
    assert list_bytes([item_bytes(item) for item in items]) == dump_bytes(items) == standard(items)
