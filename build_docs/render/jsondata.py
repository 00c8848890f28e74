"""The one format of every JSON file the site publishes: UTF-8, indented, keys in the order given, a final newline."""

from __future__ import annotations

import json


def dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def dump_bytes(data: object) -> bytes:
    return dumps(data).encode("utf-8")
