"""The agreement report as the CLI and the app export it: JSON (``overall``, ``checkpoints``,
``confusion``, plus ``competencies``) or a French Markdown page."""

from __future__ import annotations

import json
from typing import Any

from assistant.jury.agreement import AgreementReport, Confusion, Figures

STATUS_LABELS = {"present": "présent", "partial": "partiel", "absent": "absent"}
VERDICT_LABELS = {
    "satisfait": "satisfait",
    "partiellement_satisfait": "partiellement satisfait",
    "non_satisfait": "non satisfait",
    "non_evaluable": "non évaluable",
}


def _figures(figures: Figures) -> dict[str, Any]:
    return figures.model_dump(include={"n", "agreement", "kappa"})


def agreement_json(report: AgreementReport) -> dict[str, Any]:
    return {
        "overall": _figures(report.overall),
        "checkpoints": {cp: _figures(f) for cp, f in report.checkpoints.items()},
        "confusion": report.confusion,
        "competencies": {c: _figures(f) for c, f in report.competencies.items()},
    }


def agreement_json_bytes(report: AgreementReport) -> bytes:
    return (json.dumps(agreement_json(report), ensure_ascii=False, indent=2) + "\n").encode()


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{round(100 * value)} %"


def _kappa(value: float | None) -> str:
    return "non défini" if value is None else f"{value:.2f}".replace(".", ",")


def _table(title: str, rows: dict[str, Figures]) -> list[str]:
    lines = [f"## {title}", "", "| | n | accord | kappa |", "|---|---:|---:|---:|"]
    lines += [f"| {k} | {f.n} | {_pct(f.agreement)} | {_kappa(f.kappa)} |" for k, f in rows.items()]
    return [*lines, ""] if rows else [f"## {title}", "", "Aucune décision du jury.", ""]


def _matrix(title: str, matrix: Confusion, labels: dict[str, str]) -> list[str]:
    tools = list(labels)
    lines = [
        f"## {title}",
        "",
        "| jury \\ outil | " + " | ".join(labels[t] for t in tools) + " |",
        "|---|" + "---:|" * len(tools),
    ]
    for jury in tools:
        counts = matrix.get(jury, {})
        lines.append(
            f"| {labels[jury]} | " + " | ".join(str(counts.get(t, 0)) for t in tools) + " |"
        )
    return [*lines, ""]


def agreement_markdown(report: AgreementReport, epreuve: str | None = None) -> str:
    scope = f" — épreuve {epreuve}" if epreuve else ""
    overall = report.overall
    lines = [
        f"# Accord entre le jury et l'outil{scope}",
        "",
        f"Points de contrôle décidés : **{overall.n}** ; accord : **{_pct(overall.agreement)}** ;"
        f" kappa de Cohen : **{_kappa(overall.kappa)}**.",
        "",
        "Le kappa corrige l'accord de la part due au hasard ; il n'est pas défini quand le "
        "jury et l'outil ont toujours donné une seule et même réponse.",
        "",
        *_table("Par point de contrôle", report.checkpoints),
        *_matrix("Matrice de confusion (points de contrôle)", report.confusion, STATUS_LABELS),
        *_table("Par compétence", report.competencies),
    ]
    if report.competencies:
        lines += _matrix(
            "Matrice de confusion (compétences)", report.competency_confusion, VERDICT_LABELS
        )
    return "\n".join(lines).rstrip() + "\n"
