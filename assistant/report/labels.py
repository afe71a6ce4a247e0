"""French wording of statuses, verdicts and alert kinds.

Each label carries a symbol and a text so that no status is conveyed by colour alone; the
``tone`` only picks a colour in the HTML and PDF reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.assessment import AlertKind, Status, Verdict

Tone = Literal["good", "mixed", "bad", "neutral"]

PRE_ASSESSMENT_NOTICE = (
    "Pré-évaluation automatique destinée au jury : elle ne constitue pas une décision."
)


@dataclass(frozen=True)
class Label:
    text: str
    symbol: str
    tone: Tone

    def __str__(self) -> str:
        return f"{self.symbol} {self.text}"


STATUS_LABELS: dict[Status, Label] = {
    "present": Label("Présent", "✔", "good"),
    "partial": Label("Partiel", "◐", "mixed"),
    "absent": Label("Absent", "✘", "bad"),
}

VERDICT_LABELS: dict[Verdict, Label] = {
    "satisfait": Label("Satisfait", "✔", "good"),
    "partiellement_satisfait": Label("Partiellement satisfait", "◐", "mixed"),
    "non_satisfait": Label("Non satisfait", "✘", "bad"),
    "non_evaluable": Label("Non évaluable", "?", "neutral"),
}

ALERT_LABELS: dict[AlertKind, str] = {
    "prompt_injection": "Instructions adressées à l'évaluateur (injection)",
    "hidden_text": "Texte masqué dans le fichier",
    "calculation_error": "Erreur de calcul",
    "unverified_calculation": "Calcul non vérifiable",
}

MODE_LABELS = {"offline": "hors ligne", "llm": "avec modèle de langage"}

# Calculation alert details: the engine's keys in English, the figures it used in French.
DETAIL_LABELS = {
    "expected": "valeur attendue (recalculée)",
    "found": "valeur trouvée dans le dossier",
}
HIDDEN_DETAILS = frozenset({"check", "unit"})
UNIT_SUFFIXES = {"currency": " €", "percent": " %", "days": " jours", "months": " mois"}
