"""YAML read as nodes, so every value keeps its line for messages (catalog, registries).

YAML's safe loader builds no objects of its own, but an alias (``*a``) repeats what its anchor
(``&a``) holds, and anything that walks the values walks every repetition: nine lines can stand
for 10⁹ values (a "billion laughs"), and an anchor can hold an alias of itself. :func:`oversized`
refuses such YAML before anything walks it, and YAML nested deeper than PyYAML's recursion allows.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from build_docs.diagnostics import Diagnostic, error
from build_docs.sources.limits import MAX_YAML_DEPTH, MAX_YAML_VALUES

ADVICE = "write the values out instead of repeating them with aliases (&, *), and nest less"

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
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        where = exc.problem_mark.line + 1 if exc.problem_mark else 1
        return None, [error(shown, where, f"malformed YAML: {exc.problem or exc}; fix the syntax on this line")]
    except RecursionError:
        return None, [error(shown, 1, f"YAML nested too deeply to read (more than {MAX_YAML_DEPTH} levels?); {ADVICE}")]
    finally:
        loader.dispose()
    if root is not None and (found := oversized(root)):
        why, node = found
        return None, [error(shown, line(node) if isinstance(node, yaml.Node) else 1, f"{why}; {ADVICE}")]
    return root, []


def oversized(root: object, values: int = MAX_YAML_VALUES, depth: int = MAX_YAML_DEPTH) -> tuple[str, object] | None:
    """Why YAML (nodes, or the values the safe loader made of them) is too big to walk, and where: more than
    ``values`` values reached again through aliases (a value written once counts once, however large the file),
    or collections nested more than ``depth`` deep. The walk stops at the limit, so it is bounded however the
    aliases nest, or loop; ``None`` when within both."""
    again, met, stack = 0, set(), [(root, 1, False)]
    while stack:
        value, level, repeated = stack.pop()
        children = _children(value)
        if children or isinstance(value, yaml.Node):  # a collection or a node: an alias shares the same object
            repeated = repeated or id(value) in met
            met.add(id(value))
        if repeated:
            again += 1
            if again > values:
                return f"its aliases (&, *) expand to more than {values:,} values", value
        if level > depth:
            return f"collections nested more than {depth} levels deep (or an alias inside its own anchor)", value
        stack.extend((child, level + 1, repeated) for child in children)
    return None


def _children(value: object) -> list[object]:
    if isinstance(value, yaml.MappingNode):
        return [node for pair in value.value for node in pair]
    if isinstance(value, yaml.SequenceNode):
        return list(value.value)
    if isinstance(value, dict):
        return [*value.keys(), *value.values()]
    if isinstance(value, list | tuple | set):
        return list(value)
    return []


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
