"""YAML read as nodes, so every value keeps its line for messages (catalog, registries)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from build_docs.diagnostics import Diagnostic, error

#: libyaml's parser when PyYAML was built with it (ten times faster on a catalog of thousands of
#: entries; the same nodes and error lines, with libyaml's wording of the problem), otherwise PyYAML's own.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_root(path: Path, shown: str) -> tuple[yaml.Node | None, list[Diagnostic]]:
    """The root node of the YAML file at ``path`` (``None`` when missing or empty)."""
    if not path.exists():
        return None, []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [error(shown, 1, f"not valid UTF-8 ({exc.reason}); save the file as UTF-8")]
    loader = _Loader(text)
    try:
        return loader.get_single_node(), []
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        problem = exc.problem or str(exc)
        return None, [error(shown, line, f"malformed YAML: {problem}; fix the syntax on this line")]
    finally:
        loader.dispose()


def pairs(node: yaml.MappingNode, shown: str, problems: list[Diagnostic]) -> Iterator[tuple[yaml.ScalarNode, yaml.Node]]:
    """Key/value node pairs of a mapping, reporting duplicate and non-text keys."""
    seen: dict[str, int] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            problems.append(error(shown, line(key), "keys must be plain text"))
            continue
        if key.value in seen:
            problems.append(error(shown, line(key), f"duplicate key {key.value!r} (first at line {seen[key.value]})"))
            continue
        seen[key.value] = line(key)
        yield key, value


def construct(node: yaml.Node) -> object:
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1
