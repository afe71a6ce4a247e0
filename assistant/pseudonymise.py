"""Pseudonymisation before any LLM call: people's names, e-mail addresses and phone numbers are
replaced by placeholders ("[PERSONNE_1]"), and restored in what comes back.

Names are found offline by their context: a civility (M., Mme, Madame...), a role marker
("Réalisé par", "Tuteur :", "Nom :"...), or the French "Prénom NOM" shape. Every later
occurrence of a found name, or of its parts, is masked too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_UPPER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
_LOWER = "a-zàâäçéèêëîïôöùûüÿæœ"
_NAME_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_SURNAME_CAPS = rf"[{_UPPER}]{{2,}}(?:[- ][{_UPPER}]{{2,}})?"
_FULL_NAME = rf"{_NAME_WORD}(?: {_NAME_WORD})?(?: {_SURNAME_CAPS}| {_NAME_WORD})"

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)(?:\+33[\s.]?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)")
CIVILITY = re.compile(
    r"\b(?:M\.|Mme|Mlle|Monsieur|Madame|Mademoiselle|Dr\.?)\s+"
    rf"({_NAME_WORD}(?: {_SURNAME_CAPS}| {_NAME_WORD})?)"
)
ROLE = re.compile(
    r"(?i:réalisé par|rédigé par|présenté par|candidat(?:e)?|étudiant(?:e)?|auteur|nom|"
    r"prénom(?: et nom)?|tut(?:eur|rice)|maître d'apprentissage|responsable|manager|"
    r"direct(?:eur|rice)|fondat(?:eur|rice)|gérant(?:e)?|contact)\s*:?\s+"
    rf"({_FULL_NAME})"
)
CAPS_NAME = re.compile(rf"\b({_NAME_WORD} {_SURNAME_CAPS})\b")
_NOT_NAMES = {
    "Analyse",
    "Matrice",
    "Plan",
    "Politique",
    "Économique",
    "France",
    "Paris",
    "Total",
    "Bloc",
    "Épreuve",
    "Le",
    "La",
    "Les",
    "Une",
    "Un",
    "Des",
    "Pour",
    "Dans",
    "Notre",
}


@dataclass
class Pseudonymiser:
    """A reversible mapping from real values to placeholders for one dossier."""

    mapping: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_text(cls, text: str, extra_names: tuple[str, ...] = ()) -> Pseudonymiser:
        found = cls()
        for value in EMAIL.findall(text):
            found._add(value, "EMAIL")
        for value in PHONE.findall(text):
            found._add(value, "TELEPHONE")
        for name in [*extra_names, *_names_in(text)]:
            found._add(name, "PERSONNE")
            for part in name.split():
                if len(part) >= 3 and part.title() not in _NOT_NAMES:
                    found._add(part, "PERSONNE")
        return found

    def _add(self, value: str, kind: str) -> None:
        if value not in self.mapping:
            count = sum(1 for p in self.mapping.values() if p.startswith(f"[{kind}_"))
            self.mapping[value] = f"[{kind}_{count + 1}]"

    def mask(self, text: str) -> str:
        for value in sorted(self.mapping, key=len, reverse=True):
            text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", self.mapping[value], text)
        return text

    def unmask(self, text: str) -> str:
        for value, placeholder in sorted(self.mapping.items(), key=lambda kv: -len(kv[1])):
            text = text.replace(placeholder, value)
        return text


def _names_in(text: str) -> list[str]:
    names: list[str] = []
    for pattern in (CIVILITY, ROLE, CAPS_NAME):
        for match in pattern.finditer(text):
            candidate = match.group(1).strip()
            if candidate.split()[0] not in _NOT_NAMES:
                names.append(candidate)
    return names
