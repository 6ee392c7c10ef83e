"""Bytes to text without crashing and without storing mojibake silently.

Arabic sites still serve Windows-1256; files arrive with or without a BOM. The order is: BOM,
the charset the source declares, strict UTF-8, then detection (charset-normalizer). Text that
decodes only with replacement characters, or bytes that are plainly binary, are refused with a
reason instead of being stored.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.I)
_ARABIC_ENCODINGS = ("cp1256", "iso8859_6")
# Encodings that decode any byte, which servers declare by default: a declaration of one of
# them does not prove the page is not Windows-1256.
_LATIN_DEFAULTS = {"iso8859-1", "cp1252", "iso8859-15"}


class DecodeError(ValueError):
    """The bytes are not text we can trust; the message is the one-line reason."""


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset a response header, HTML meta tag or XML declaration names, if any."""
    if content_type:
        match = re.search(r"charset=([\w\-:.]+)", content_type, re.I)
        if match:
            return match.group(1).strip("\"'")
    head = data[:4096]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match:
            return match.group(1).decode("ascii", "ignore")
    return None


def _known(encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def _mostly_arabic_as_cp1256(data: bytes) -> bool:
    """True when the non-ASCII letters of ``data`` read as Windows-1256 are Arabic.

    French or German text in Latin-1 stays Latin under Windows-1256 (it keeps é, è, à, ç ...
    where Latin-1 has them), so only genuinely Arabic bytes pass.
    """
    letters = [c for c in data.decode("cp1256", "replace") if ord(c) > 127 and c.isalpha()]
    return len(letters) >= 20 and sum("\u0600" <= c <= "\u06ff" for c in letters) > 0.8 * len(letters)


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise DecodeError with a one-line reason."""
    if not data.strip():
        raise DecodeError("empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (NUL bytes), not text")
    candidates = [_known(declared), "utf-8"]
    for encoding in filter(None, dict.fromkeys(candidates)):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if encoding in _LATIN_DEFAULTS and _mostly_arabic_as_cp1256(data):
            return data.decode("cp1256"), "cp1256"
        return text, encoding
    best = from_bytes(data, cp_isolation=None).best()
    if best is None:
        raise DecodeError("undecodable: not text in any known encoding")
    encoding = best.encoding
    # Detection on short Arabic text often says cp1252/latin-1 (it decodes anything); when the
    # bytes decode as Windows-1256 into mostly Arabic letters, that is the honest answer.
    if encoding not in _ARABIC_ENCODINGS:
        for arabic in _ARABIC_ENCODINGS:
            try:
                text = data.decode(arabic)
            except UnicodeDecodeError:
                continue
            letters = [c for c in text if c.isalpha()]
            if letters and sum("\u0600" <= c <= "\u06ff" for c in letters) / len(letters) > 0.5:
                return text, arabic
    text = str(best)
    if text.count("\ufffd") > max(3, len(text) // 1000):
        raise DecodeError(f"undecodable: too many invalid characters as {encoding}")
    return text, encoding
