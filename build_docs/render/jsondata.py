"""The one format of every JSON file the site publishes: UTF-8, indented, keys in the order given, a final newline.

orjson writes it (the same bytes as ``json.dumps(data, ensure_ascii=False, indent=2)``, except
that a float in exponent notation is written ``1e-7`` rather than ``1e-07``, the same number; in a
tenth of the time: the standard library's encoder falls back to pure Python when it
indents, and the data files hold every mention of the corpus). What orjson refuses
(a key that is not a string, a number too large for 64 bits) goes to the standard
library, which writes it as before.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import orjson


def dumps(data: object) -> str:
    return dump_bytes(data).decode("utf-8")


def dump_bytes(data: object) -> bytes:
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def item_bytes(item: object) -> bytes:
    """``item`` as :func:`dump_bytes` writes it as one item of a list, indented as the list's items are: :func:`list_bytes`
    joins such items, so that a list of items kept between builds is not encoded again as a whole (a string in JSON
    holds no line break, so every line break is the layout's)."""
    return b"  " + dump_bytes(item)[:-1].replace(b"\n", b"\n  ")


def list_bytes(items: Sequence[bytes]) -> bytes:
    """:func:`dump_bytes` of the list whose items :func:`item_bytes` wrote, byte for byte."""
    if not items:
        return b"[]\n"
    return b"[\n" + b",\n".join(items) + b"\n]\n"
