"""One text repaired (:func:`repair`): the text-level rules first (dropped capital, split
numbers), then every word, each by the family of rules that owns it; the edits of a passage that
reads as foreign or garbage are dropped, names are restored last, and the edits are applied.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from build_docs.clean.ocr.context import _Context, _Place, _Policy
from build_docs.clean.ocr.corrections import RULES, Repair, _apply, _Edit
from build_docs.clean.ocr.incontext import _in_context
from build_docs.clean.ocr.joins import _LINE_HYPHEN, _dropped_capital, _fix_hyphenated, _line_hyphen, _split_word
from build_docs.clean.ocr.lexicon import Lexicon
from build_docs.clean.ocr.numbers import _misread_number, _split_numbers
from build_docs.clean.ocr.phrases import _phrases
from build_docs.clean.ocr.quality import gate
from build_docs.clean.ocr.words import _fix_plain

MAX_WORD = 30  # longer tokens are not words

#: A word: letters and digits, with the glyphs OCR puts for letters (``|``, ``!``) and an
#: apostrophe, hyphen, or ``r,`` (a misread ``n``) inside it.
_WORD = re.compile(r"(?:[^\W_]|[|!](?=[^\W\d_]))(?:[^\W_]|[|!](?=[^\W_])|['\u2019-](?=[^\W_])|(?<=r),(?=[^\W\d_]))*")


def repair(text: str, lexicon: Lexicon, rules: Collection[str] = RULES) -> Repair:
    """Repair OCR errors in `text` (may contain newlines; newlines are kept except where an end-of-line hyphenation is joined).

    ``rules`` names the rules to apply (default: all of :data:`RULES`): ``confusion``
    (misread letters, see :func:`_fix_plain`), ``number-confusion`` (``l8`` → ``18``),
    ``split-number`` (``201 3`` → ``2013``), ``split-word`` (``ra tes`` → ``rates``),
    ``hyphenation`` (``en-ergy``, ``en-`` + newline + ``ergy`` → ``energy``; without it a
    broken word is still repaired but stays broken), ``joined-words`` (``lnternalimpetus`` →
    ``Internal impetus``, ``ChinaRussia`` → ``China-Russia`` from the extra words),
    ``dropped-capital`` (``A`` + newline + ``n the`` → ``In the``), ``phrase``
    (``X Jinping`` → ``Xi Jinping`` from the extra words) and ``context`` (``arc opposed``
    → ``are opposed``: a word the others leave, read by its neighbours, see :mod:`.incontext`).
    """
    rules = frozenset(rules)
    edits: list[_Edit] = []
    if "dropped-capital" in rules:
        edits += _dropped_capital(text, lexicon)
    if "split-number" in rules:
        edits += _split_numbers(text)
    edits.sort()
    words = list(_WORD.finditer(text))
    context = _Context(text, words, lexicon)
    policy = _Policy(rules, modern=not context.early_modern(), noisy_accents=context.noisy_accents())
    proposed, hopeless = _propose(context, policy, edits)
    spelled = [w.group() for w in words]
    for i, found in proposed.items():
        if not context.foreign(i, hopeless):
            edits += found
            if len(found) == 1 and found[0][:2] == words[i].span():
                spelled[i] = found[0][2]
    if "context" in rules:
        edits += _in_context(context, policy, gate(text, lexicon), spelled, _changed(words, edits), hopeless)
    if "phrase" in rules:
        edits = _phrases(text, [(w.start(), w.end(), spelled[i]) for i, w in enumerate(words)], lexicon, edits)
    return _apply(text, edits)


def _changed(words: list[re.Match[str]], edits: list[_Edit]) -> set[int]:
    """The indices of the words some edit touches (one pass over both, in text order)."""
    spans = sorted((start, end) for start, end, _, _ in edits)
    changed: set[int] = set()
    k = 0
    for i, word in enumerate(words):
        while k < len(spans) and spans[k][1] <= word.start():
            k += 1
        m = k
        while m < len(spans) and spans[m][0] < word.end():
            if word.start() < spans[m][1]:
                changed.add(i)
                break
            m += 1
    return changed


def _propose(context: _Context, policy: _Policy, taken: list[_Edit]) -> tuple[dict[int, list[_Edit]], list[bool]]:
    """Repairs by word index (a broken word's under its first half), and which unknown words have none.

    Words inside ``taken`` (text-level edits, sorted) are left out.
    """
    text, words, lexicon = context.text, context.words, context.lexicon
    proposed: dict[int, list[_Edit]] = {}
    hopeless = [False] * len(words)
    t, i = 0, 0
    while i < len(words):
        word, following = words[i], words[i + 1] if i + 1 < len(words) else None
        while t < len(taken) and taken[t][1] <= word.start():
            t += 1
        if t < len(taken) and taken[t][0] < word.end():
            i += 1
            continue
        hyphen = _LINE_HYPHEN.match(text, word.end())
        if following is not None and hyphen is not None and following.start() == hyphen.end():
            proposed[i] = _line_hyphen(word, following, lexicon, context.place(i), policy)
            i += 2
            continue
        joined = _split_word(context, i, policy) if following is not None and "split-word" in policy.rules else None
        if joined is not None:
            proposed[i] = [joined]
            i += 2
            continue
        fixed = _fix_word(word.group(), lexicon, context.place(i), policy) if context.repairable(i, policy) else None
        if fixed is not None:
            proposed[i] = [(word.start(), word.end(), *fixed)]
        hopeless[i] = fixed is None and not context.known[i]
        i += 1
    return proposed, hopeless


def _fix_word(word: str, lexicon: Lexicon, place: _Place, policy: _Policy) -> tuple[str, str] | None:
    """The repaired word and the rule that repaired it, or None to keep ``word``.

    A word goes to the rule family that owns it: a number (:mod:`.numbers`), a hyphenated word
    (:mod:`.joins`), an extra compound written without its separators, or a plain word (:mod:`.words`).
    """
    if len(word) > MAX_WORD or lexicon.known(word):
        return None
    number = _misread_number(word) if "number-confusion" in policy.rules else None
    if number is not None:
        return number, "number-confusion"
    possessive = ""
    if word[-2:] in ("'s", "\u2019s") and len(word) > 3:
        word, possessive = word[:-2], word[-2:]
    if "-" in word:
        fixed = _fix_hyphenated(word, lexicon, place, policy)
    else:
        compound = lexicon.joined(word) if "joined-words" in policy.rules else None
        fixed = (compound, "joined-words") if compound is not None else _fix_plain(word, lexicon, place, policy)
    return None if fixed is None or fixed[0] == word else (fixed[0] + possessive, fixed[1])
