"""What the arithmetic checks report: one ``CalcCheck`` per computation looked at."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.assessment import Alert, Evidence
from assistant.referentiel.models import Calculation

CheckKind = Literal[
    "seuil_rentabilite",
    "seuil_quantite",
    "point_mort",
    "taux_mcv",
    "marge_sur_cout_variable",
    "marge_unitaire",
    "total",
    "repartition",
    "part_budget",
    "tresorerie_solde",
    "tresorerie_report",
    "expression",
]
CheckStatus = Literal["ok", "error", "unverified"]


class CalcCheck(BaseModel):
    """One computation of the dossier, redone: the figures used, what was expected and found."""

    kind: CheckKind
    status: CheckStatus
    figures: dict[str, float] = Field(
        default_factory=dict, description="Figures used, by French name, e.g. 'charges fixes'."
    )
    expected: float | None = Field(None, description="Value the figures lead to.")
    found: float | None = Field(None, description="Value written in the dossier.")
    unit: str | None = Field(None, description="'currency', 'percent', 'days', 'months'...")
    page: int | None = None
    quote: str = Field("", description="Verbatim sentence or table row holding the found value.")
    message: str = Field(description="French sentence for the jury and the candidate.")
    span: tuple[int, int] | None = Field(
        None, description="Offsets of the found value in Document.text (deduplication)."
    )
    evidence: dict[Calculation, list[Evidence]] = Field(
        default_factory=dict,
        description="Evidence this computation gives (when it holds), by what it computed; "
        "the référentiel's ``Checkpoint.calculations`` say which checkpoints it serves.",
    )


class CalcReport(BaseModel):
    """Everything the arithmetic checks found in one dossier."""

    alerts: list[Alert] = Field(default_factory=list, description="calculation_error alerts.")
    evidence: dict[Calculation, list[Evidence]] = Field(
        default_factory=dict,
        description="Evidence by computation: breakeven, cash_flow, cost_structure.",
    )
    unverified: list[str] = Field(
        default_factory=list, description="French notes on computations that could not be checked."
    )
    checks: list[CalcCheck] = Field(default_factory=list)
