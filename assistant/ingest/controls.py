"""Invisible control characters: zero-width and bidirectional overrides.

They are used to hide or reorder text for a machine reader (prompt injection, split keywords);
they are removed from the text and reported. Soft hyphens, pdfium's line-end hyphen marker
(U+FFFE, "e\ufffesport"), replacement characters (U+FFFD, a glyph the PDF could not map) and
stray C0 controls are removed silently: they are ordinary extraction noise, and a quote must
never carry them.
"""

from __future__ import annotations

import re

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_SUSPICIOUS = re.compile(f"[{ZERO_WIDTH}{BIDI}]")
_NOISE = re.compile("[\u00ad\ufffe\ufffd\x00-\x08\x0b\x0e-\x1f\x7f]")


def strip_controls(text: str) -> tuple[str, int]:
    """``text`` without suspicious control characters, and how many were removed."""
    cleaned, count = _SUSPICIOUS.subn("", text)
    return _NOISE.sub("", cleaned), count
