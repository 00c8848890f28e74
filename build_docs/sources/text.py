"""The plain-text reader (``.txt``), and decoding bytes to text for every text-based reader.

A raw file arrives as whatever its sender saved: UTF-8 with or without a
byte-order mark, UTF-16 with one, or a legacy encoding (detected with
charset-normalizer, tried first on the encodings news text arrives in, and
reported). Line ends become ``\\n`` and the text is NFC-normalised. Binary and
empty files are errors that name the file.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from build_docs.diagnostics import Diagnostic, error, warning
from build_docs.sources.reading import Reading

#: Control characters that never occur in text (tab, newline and form feed do).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
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
    """Decoded text with ``\\n`` line ends, NFC; ``None`` (and an error) for a binary or empty file."""
    text, encoding, problems = decode(raw, shown)
    if text is None:
        return None, encoding, problems
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        return None, encoding, [*problems, error(shown, 1, "empty file: there is no text to publish; add the article text or delete the file")]
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
    if b"\x00" not in raw:
        try:
            return _checked(raw.decode("utf-8"), "utf-8", shown)
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(raw, cp_isolation=COMMON_ENCODINGS).best() or charset_normalizer.from_bytes(raw).best()
    if best is None or b"\x00" in raw and best.encoding.startswith("utf_8"):
        return None, "", [error(shown, 0, "binary file, not text: articles must be plain text (.txt) or Markdown (.md); convert it or move it out of seeds/")]
    text, encoding, problems = _checked(str(best), best.encoding, shown)
    if text is not None:
        problems.append(warning(shown, 0, f"not UTF-8: decoded as {best.encoding} (detected); check the accented letters and re-save the file as UTF-8"))
    return text, encoding, problems


def _checked(text: str, encoding: str, shown: str) -> tuple[str | None, str, list[Diagnostic]]:
    bad = CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        what = f"binary file, not text (control character U+{ord(bad.group()):04X})"
        return None, encoding, [error(shown, line, f"{what}; convert it to plain text or move it out of seeds/")]
    return text, encoding, []
