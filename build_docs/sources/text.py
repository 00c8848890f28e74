"""The plain-text reader (``.txt``), and decoding bytes to text for every text-based reader.

A raw file arrives as whatever its sender saved: UTF-8 with or without a
byte-order mark, UTF-16 with one, or a legacy encoding (detected with
charset-normalizer, tried first on the encodings news text arrives in, and
reported). Line ends become ``\\n`` and the text is NFC-normalised. A few control
characters in a text (a stray NUL, an escape) are removed, and said so; a file that is
mostly not text, or has no text, is skipped with a warning that names it, as MkDocs does
with a file it cannot use: one odd file never stops the others from building (``--strict``
turns the warning into a failure).
"""

from __future__ import annotations

import codecs
import unicodedata

from build_docs.diagnostics import Diagnostic, warning
from build_docs.sources.reading import Reading
from build_docs.sources.sanitise import visible_text
from build_docs.textsafety import CONTROL

#: Above this share of control characters a file is not text but binary data.
BINARY_SHARE = 0.01
SKIPPED = "the file is skipped"
#: Legacy encodings news text arrives in (Western, Chinese, Russian, Japanese, Korean),
#: tried first: on short texts, open detection can prefer a rare code page.
COMMON_ENCODINGS = ["cp1252", "iso8859_15", "gb18030", "big5", "cp1251", "koi8_r", "shift_jis", "euc_kr", "mac_roman"]


def read_text(raw: bytes, shown: str) -> tuple[Reading | None, list[Diagnostic]]:
    """A plain-text article: its decoded text, as it stands."""
    text, encoding, problems = text_of(raw, shown)
    if text is None:
        return None, problems
    return Reading(text, encoding, "text"), problems


def text_of(raw: bytes, shown: str) -> tuple[str | None, str, list[Diagnostic]]:
    """Decoded text with ``\\n`` line ends, NFC; ``None`` (and a warning) for a binary or empty file."""
    text, encoding, problems = decode(raw, shown)
    if text is None:
        return None, encoding, problems
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text, found = visible_text(text, shown)
    problems += found
    if not text.strip():
        return None, encoding, [*problems, warning(shown, 1, f"empty file: there is no text to publish, {SKIPPED}; add the article text or delete the file")]
    return text, encoding, problems


def decode(raw: bytes, shown: str) -> tuple[str | None, str, list[Diagnostic]]:
    """Bytes → text. UTF-8 (with or without BOM) and UTF-16 with BOM pass quietly;
    anything else is detected, decoded and reported as a warning."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            try:
                return _checked(raw[len(bom) :].decode(codec), codec, shown)
            except UnicodeDecodeError:
                break
    try:
        utf8 = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:  # NULs decode as UTF-8 too: UTF-16 without a byte-order mark is left to detection below
        if b"\x00" not in raw or not _binary(utf8):
            return _checked(utf8, "utf-8", shown)
    if damaged := _damaged_utf8(raw, shown):
        return damaged
    import charset_normalizer  # here: a tenth of a second to import, and most corpora are UTF-8 throughout

    best = charset_normalizer.from_bytes(raw, cp_isolation=COMMON_ENCODINGS).best() or charset_normalizer.from_bytes(raw).best()
    if best is None or b"\x00" in raw and best.encoding.startswith("utf_8"):
        return None, "", [warning(shown, 0, f"binary file, not text: {SKIPPED}; convert it to text (.txt, .md, .html or .pdf) or move it out of seeds/")]
    text, encoding, problems = _checked(str(best), best.encoding, shown)
    if text is not None:
        problems.append(warning(shown, 0, f"not UTF-8: decoded as {best.encoding} (detected); check the accented letters and re-save the file as UTF-8"))
    return text, encoding, problems


def _damaged_utf8(raw: bytes, shown: str) -> tuple[str | None, str, list[Diagnostic]] | None:
    """UTF-8 with a few bytes that are not (a file cut or joined mid-character): more well-formed characters
    beyond ASCII than bad bytes. Each bad byte becomes U+FFFD, and the warning says where the first is; a
    legacy encoding (``café`` in cp1252) has no well-formed UTF-8 sequences and goes on to detection."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    good = sum(1 for c in text if c > "\x7f" and c != "\ufffd")
    if not 0 < bad <= good:
        return None
    line = text.count("\n", 0, text.index("\ufffd")) + 1
    decoded, encoding, problems = _checked(text, "utf-8", shown)
    what = f"{bad} byte{'s that are' if bad > 1 else ' that is'} not UTF-8 replaced with U+FFFD (\ufffd)"
    return decoded, encoding, [*problems, warning(shown, line, f"{what}: the file is damaged or mixes encodings; re-save it as UTF-8")]


def _binary(text: str) -> bool:
    """Mostly not text: more control characters than a stray one or two, and more than :data:`BINARY_SHARE` of it."""
    count = len(CONTROL.findall(text))
    return count > 2 and count > BINARY_SHARE * len(text)


def _checked(text: str, encoding: str, shown: str) -> tuple[str | None, str, list[Diagnostic]]:
    """``text`` without its control characters, when they are few; ``None`` when the file is mostly not text."""
    bad = CONTROL.search(text)
    if not bad:
        return text, encoding, []
    line = text.count("\n", 0, bad.start()) + 1
    count = len(CONTROL.findall(text))
    if _binary(text):
        what = f"binary file, not text ({count} control characters, the first U+{ord(bad.group()):04X})"
        return None, encoding, [warning(shown, line, f"{what}: {SKIPPED}; convert it to text or move it out of seeds/")]
    what = f"{count} control character{'s' if count > 1 else ''} removed (the first U+{ord(bad.group()):04X})"
    return CONTROL.sub("", text), encoding, [warning(shown, line, f"{what}: they are not text; check that the file was saved as text")]
