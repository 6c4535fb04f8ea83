"""Bytes to text: the declared or detected encoding, never an assumed one."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from maktub.errors import RefusedInput

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def decode(
    source: str, data: bytes, html: bool = False, declared: str | None = None
) -> tuple[str, str | None]:
    """Decode a page (server-declared charset, then <meta charset>, UTF-8, detection); warn when guessed."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RefusedInput(source, "binary file (NUL bytes): not a text, HTML or WARC page")
    if declared:
        try:
            return data.decode(declared.lower()).lstrip("\ufeff"), None
        except (LookupError, UnicodeDecodeError):
            pass
    if html:
        match = META_CHARSET.search(data[:4096])
        if match:
            declared = match.group(1).decode("ascii", "ignore").lower()
            try:
                return data.decode(declared).lstrip("\ufeff"), None
            except (LookupError, UnicodeDecodeError):
                pass
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise RefusedInput(source, "binary file: no text encoding fits its bytes")
    text = data.decode(best.encoding, errors="replace")
    if _mostly_control(text):
        raise RefusedInput(source, "binary file: decodes only to control characters")
    return text, f"not valid UTF-8; read as {best.encoding}"


def _mostly_control(text: str) -> bool:
    sample = text[:4096]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f")
    return bad > len(sample) * 0.05
