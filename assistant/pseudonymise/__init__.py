"""Pseudonymisation before any LLM call: people's names, e-mail addresses, phone numbers,
social handles and profile links are replaced by placeholders ("[PERSONNE_1]"), and restored
in what comes back.

A name once found (see ``names``) is masked everywhere, whatever its case, accents or
hyphenation ("Jean-Pierre Lefèvre", "JEAN PIERRE LEFEVRE", "jean-pierre lefèvre"); its parts
alone are masked when written as names (capital initial or capitals), and a first name from
the list also in lower case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.document import Document
from assistant.pseudonymise.contacts import contacts_in
from assistant.pseudonymise.names import COMMON_WORDS, NOT_NAMES, TOKEN, first_names, names_in
from assistant.textnorm import fold

__all__ = ["Pseudonymiser", "first_names", "names_in"]

_SEP = r"[\s\-‐‑]+"  # between a name's parts: a space, a line break or a hyphen


@dataclass
class Pseudonymiser:
    """A reversible mapping from real values to placeholders for one dossier."""

    mapping: dict[str, str] = field(default_factory=dict)
    _names: set[str] = field(default_factory=set)  # values matched as names (case, accents)

    @classmethod
    def for_document(cls, doc: Document) -> Pseudonymiser:
        return cls.for_text(doc.text)

    @classmethod
    def for_text(cls, text: str, extra_names: tuple[str, ...] = ()) -> Pseudonymiser:
        found = cls()
        for value, kind in contacts_in(text):
            found._add(value, kind)
        for name in [*extra_names, *names_in(text)]:
            found.add_name(name)
        return found

    def add_name(self, name: str) -> None:
        """Mask ``name`` (every case, accent and hyphenation), and its parts written as names."""
        parts = [p for p in TOKEN.findall(name) if fold(p) not in NOT_NAMES]
        if not parts:
            return
        self._add(" ".join(parts), "PERSONNE", name=True)
        for part in parts:
            pieces = [part, *re.split(r"[-‐‑]", part)] if "-" in part else [part]
            for piece in pieces:
                if len(piece) >= 3 and fold(piece) not in NOT_NAMES:
                    self._add(piece, "PERSONNE", name=True)

    def _add(self, value: str, kind: str, name: bool = False) -> None:
        key = _key(value) if name else value
        if any((_key(v) if v in self._names else v) == key for v in self.mapping):
            return
        count = sum(1 for p in self.mapping.values() if p.startswith(f"[{kind}_"))
        self.mapping[value] = f"[{kind}_{count + 1}]"
        if name:
            self._names.add(value)

    def mask(self, text: str) -> str:
        for value in sorted(self.mapping, key=len, reverse=True):
            placeholder = self.mapping[value]
            if value in self._names:
                text = _name_pattern(value).sub(_masker(value, placeholder), text)
            else:
                text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", placeholder, text)
        return text

    def unmask(self, text: str) -> str:
        for value, placeholder in sorted(self.mapping.items(), key=lambda kv: -len(kv[1])):
            text = text.replace(placeholder, value)
        return text


def _masker(value: str, placeholder: str) -> Callable[[re.Match[str]], str]:
    """Replace a name's occurrence; a single word in lower case only if it is a first name
    that is no common word ("sophie", not "pierre" nor "froment")."""
    single = len(TOKEN.findall(value)) == 1 and "-" not in value
    lower_ok = not single or (fold(value) in first_names() and fold(value) not in COMMON_WORDS)

    def replace(match: re.Match[str]) -> str:
        written = match.group()
        if lower_ok or written[:1].isupper():
            return placeholder
        return written

    return replace


def _key(value: str) -> str:
    return " ".join(fold(p) for p in re.split(_SEP, value) if p)


@lru_cache(maxsize=4096)
def _name_pattern(value: str) -> re.Pattern[str]:
    """``value`` in any case, with or without accents, its parts joined by spaces, line
    breaks or hyphens."""
    parts = [p for p in re.split(_SEP, value) if p]
    body = _SEP.join("".join(_letter(c) for c in part) for part in parts)
    return re.compile(rf"(?<![\w\[]){body}(?!\w)", re.IGNORECASE)


def _letter(char: str) -> str:
    base = unicodedata.normalize("NFKD", char.lower())[0]
    if not base.isalpha():
        return re.escape(char)
    variants = {base, char.lower(), *_ACCENTED.get(base, "")}
    return "[" + "".join(sorted(re.escape(v) for v in variants)) + "]"


_ACCENTED = {
    "a": "àâäáã",
    "c": "ç",
    "e": "éèêë",
    "i": "îïíì",
    "o": "ôöóò",
    "u": "ùûüú",
    "y": "ÿý",
    "n": "ñ",
}
