"""Names the extra words give (rule ``phrase``): a multi-word entry written with one word one
letter off (``X Jinping`` → ``Xi Jinping``).
"""

from __future__ import annotations

import bisect

from build_docs.clean.ocr.corrections import _Edit
from build_docs.clean.ocr.english import _fold
from build_docs.clean.ocr.lexicon import Lexicon


def _phrases(text: str, spelled: list[tuple[int, int, str]], lexicon: Lexicon, edits: list[_Edit]) -> list[_Edit]:
    """``X Jinping`` → ``Xi Jinping``: a multi-word extra entry with one unknown word one letter off.

    ``spelled`` is every word as repaired so far; a phrase replaces the edits inside it.
    """
    found: list[_Edit] = []
    for j, (_, end, word) in enumerate(spelled):
        for phrase in lexicon.phrases(word):
            window = spelled[j + 1 - len(phrase) : j + 1]
            if len(window) != len(phrase) or found and found[-1][1] > window[0][0]:
                continue
            if any(text[a[1] : b[0]] != " " for a, b in zip(window, window[1:], strict=False)):
                continue
            wrong = [(w[2], p) for w, p in zip(window, phrase, strict=True) if _fold(w[2]) != _fold(p)]
            if len(wrong) == 1 and not lexicon.known(wrong[0][0]) and _one_letter_apart(*wrong[0]):
                found.append((window[0][0], end, " ".join(phrase), "phrase"))
    if not found:
        return edits
    starts = [f[0] for f in found]
    kept = []
    for edit in edits:
        k = bisect.bisect_right(starts, edit[0]) - 1
        if k < 0 or edit[0] >= found[k][1]:
            kept.append(edit)
    return kept + found


def _one_letter_apart(seen: str, printed: str) -> bool:
    a, b = _fold(seen), _fold(printed)
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
