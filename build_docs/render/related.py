"""Entities and terms related by being named in the same paragraphs (the Related section and the infobox of an entity page)."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable

from build_docs.link.mentions import Links

RELATED = 12  # entities listed as related, most shared paragraphs first
_CROWDED = 64  # keys in one paragraph beyond which its pairs are not counted one by one (see related)


def related(links: Links, limit: int = RELATED) -> dict[str, list[tuple[str, int]]]:
    """Keys mentioned in the same paragraph, most shared paragraphs first: the first ``limit`` of each key.

    A paragraph naming up to ``_CROWDED`` keys is counted pair by pair. One naming more (a text without
    paragraph breaks) would make that the square of its length, so its pairs are not written out: the keys
    it names are grouped by the crowded paragraphs they share, every key of a group has the same count
    with a given key, and only the first few of a group, alphabetically, can be among that key's first ``limit``.
    """
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
    crowded: dict[str, list[int]] = defaultdict(list)  # key -> the crowded paragraphs naming it
    count = 0
    for mentions in links.by_block.values():
        keys = sorted({m.key for m in mentions})
        if len(keys) <= _CROWDED:
            for key in keys:
                pairs[key].update(keys)  # itself too, in C: taken out below
        else:
            for key in keys:
                crowded[key].append(count)
            count += 1
    for key, counts in pairs.items():
        del counts[key]
    if not crowded:
        return {key: _first(counts.items(), limit) for key, counts in pairs.items()}
    groups: dict[tuple[int, ...], list[str]] = defaultdict(list)  # the crowded paragraphs a key is in -> those keys
    for key in sorted(crowded):
        groups[tuple(crowded[key])].append(key)
    by_paragraph: dict[int, list[tuple[int, ...]]] = defaultdict(list)
    for shared in groups:
        for paragraph in shared:
            by_paragraph[paragraph].append(shared)
    related = {}
    for key in pairs.keys() | crowded.keys():
        mine = set(crowded.get(key, ()))
        found = {other: n + len(mine.intersection(crowded.get(other, ()))) for other, n in pairs[key].items()} if mine else dict(pairs[key])
        for shared in dict.fromkeys(g for paragraph in sorted(mine) for g in by_paragraph[paragraph]):
            n = len(mine.intersection(shared))
            taken = 0
            for other in groups[shared]:
                if taken == limit:
                    break
                if other != key and other not in pairs[key]:
                    found[other] = n
                    taken += 1
        related[key] = _first(found.items(), limit)
    return related


def _first(counts: Iterable[tuple[str, int]], limit: int) -> list[tuple[str, int]]:
    """The first ``limit`` of ``counts``, most shared first (``sorted(...)[:limit]``, without sorting them all)."""
    return heapq.nsmallest(limit, counts, key=_most_shared)


def _most_shared(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]
