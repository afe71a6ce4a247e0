"""The name under which a dossier is shown: in messages, reports and the document's metadata.

A file name comes from the candidate (an upload) or the file system, so it may hold folders
(``../../x.pdf``), control characters (a terminal escape, a newline that forges a log line),
bidirectional overrides (``dossier\\u202efdp.exe`` shown as ``dossierexe.pdf``) or a NUL byte.
None of these may reach a terminal, a log line or a report: they are removed here.
"""

from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 120
FALLBACK = "dossier"
_SPACES = re.compile(r"\s+")


def display_name(name: str) -> str:
    """The last component of ``name`` without control or format characters, at most
    ``MAX_CHARS`` long (the extension kept), or ``"dossier"`` when nothing is left."""
    base = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    kept = "".join(" " if _is_separator(c) else c for c in base if not _is_invisible(c))
    clean = _SPACES.sub(" ", kept).strip(" .")
    if not clean:
        return FALLBACK
    if len(clean) <= MAX_CHARS:
        return clean
    stem, dot, suffix = clean.rpartition(".")
    if dot and 0 < len(suffix) <= 10:
        return f"{stem[: MAX_CHARS - len(suffix) - 2]}….{suffix}"
    return clean[: MAX_CHARS - 1] + "…"


def _is_invisible(char: str) -> bool:
    """Control (Cc except whitespace), format (Cf: bidi overrides, zero-width), surrogate,
    private-use or unassigned characters."""
    category = unicodedata.category(char)
    if category == "Cc":
        return not char.isspace()
    return category in ("Cf", "Cs", "Co", "Cn")


def _is_separator(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) in ("Zl", "Zp")
