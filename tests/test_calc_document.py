import json
from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.calc import check_document
from assistant.settings import Settings
from tests.calc_docs import dossier, plain, report_of

NO_COMPUTATION = """
# 1. Diagnostic

Fondée en 2019, la marque compte 3 500 abonnés sur Instagram et vise 10 000 abonnés d'ici
décembre 2025. Le marché français du thé pèse 2,3 Md€, en hausse de 12 % par an ; 65 % des
acheteurs sont des femmes. Notre prix moyen est de 25 € et le panier moyen de 42,50 €.

Le site respecte le RGAA 4.1 (compétences C14 et CP1-2, épreuve E5-P1). Contact : 06 12 34
56 78, le 12/03/2025 à 14h30.

| Concurrent | Prix moyen | Part de marché |
|---|---|---|
| Kusmi Tea | 18 € | 12 % |
| Mariage Frères | 24 € | 9 % |
| Palais des Thés | 20 € | 7 % |
"""


def test_a_dossier_with_figures_but_nothing_to_compute_raises_nothing(tmp_path: Path) -> None:
    report = report_of(NO_COMPUTATION, tmp_path, "docx")
    assert report.alerts == []
    assert report.unverified == []
    assert [c for c in report.checks if c.status != "ok"] == []


REALISTIC = """
# 3. Gestion budgétaire et financière

## 3.1 Structure des coûts

Le projet repose sur des charges fixes (loyer de l'atelier, salaires, abonnements logiciels)
et des charges variables (matières premières, emballages, commissions de la plateforme).

| Charges | Nature | Montant annuel |
|---|---|---|
| Loyer de l'atelier | Fixe | 9 600 € |
| Salaires | Fixe | 9 000 € |
| Abonnements logiciels | Fixe | 2 400 € |
| Total charges fixes | | 21 000 € |

## 3.2 Seuil de rentabilité

Pour la première année, nous prévoyons un chiffre d'affaires de 120 000 € pour 72 000 € de
charges variables, soit une marge sur coût variable de 48 000 € et un taux de marge sur coût
variable de 40 %. Le seuil de rentabilité est de 52 500 € (21 000 / 0,40 = 52 500 €) ; il
sera atteint au bout de 5,25 mois, soit début juin 2025.

<!-- pagebreak -->

## 3.3 Budget de communication

Le budget de communication de 25 000 € se répartit comme suit :

- réseaux sociaux : 50 % ;
- salon professionnel : 30 % ;
- relations presse : 20 %.

| Poste | Montant | % |
|---|---|---|
| Réseaux sociaux | 12 500 € | 50 % |
| Salon professionnel | 7 500 € | 30 % |
| Relations presse | 5 000 € | 20 % |
| Total | 25 000 € | 100 % |

## 3.4 Plan de trésorerie

| | Janvier | Février | Mars |
|---|---|---|---|
| Trésorerie début de mois | 15 000 | 11 000 | 9 500 |
| Total encaissements | 6 000 | 8 500 | 12 000 |
| Total décaissements | 10 000 | 10 000 | 9 000 |
| Trésorerie fin de mois | 11 000 | 9 500 | 12 500 |

Nous visons un taux d'engagement de 4 % et 3 000 visiteurs par mois sur le site.
"""


@pytest.mark.parametrize("fmt", ["pdf", "docx", "odt", "md"])
def test_a_realistic_financial_section_with_right_figures_raises_nothing(
    fmt: str, tmp_path: Path
) -> None:
    report = report_of(REALISTIC, tmp_path, fmt)
    assert report.alerts == [], [a.message for a in report.alerts]
    assert set(report.evidence) == {"breakeven", "cost_structure", "cash_flow"}
    ok = {c.kind for c in report.checks if c.status == "ok"}
    assert {"seuil_rentabilite", "point_mort", "total", "repartition", "expression"} <= ok
    assert {"tresorerie_solde", "taux_mcv", "marge_sur_cout_variable"} <= ok
    doc = dossier(REALISTIC, tmp_path, fmt)
    normalised = " ".join(doc.text.split())
    for items in report.evidence.values():
        for evidence in items:
            assert " ".join(evidence.quote.split()) in normalised


def test_the_same_section_with_wrong_figures_raises_one_alert_each(tmp_path: Path) -> None:
    wrong = (
        REALISTIC.replace(
            "Le seuil de rentabilité est de 52 500 €", "Le seuil de rentabilité est de 50 000 €"
        )
        .replace("| Total charges fixes | | 21 000 € |", "| Total charges fixes | | 22 000 € |")
        .replace("| 9 500 | 12 500 |", "| 9 500 | 13 500 |")
    )
    report = report_of(wrong, tmp_path, "pdf")
    by_check = {a.details["check"]: a for a in report.alerts if a.details}
    assert set(by_check) == {"seuil_rentabilite", "total", "tresorerie_solde"}
    assert by_check["seuil_rentabilite"].page == 1
    assert by_check["tresorerie_solde"].page == 2
    assert by_check["total"].details and by_check["total"].details["expected"] == 21000


def test_text_hidden_in_the_file_is_never_checked(tmp_path: Path) -> None:
    report = report_of(
        """
        # Budget

        Les charges fixes s'élèvent à 21 000 € et le taux de MCV est de 40 %.

        <!-- hidden:white Le seuil de rentabilité est de 10 000 €. -->
        """,
        tmp_path,
        "pdf",
    )
    assert report.alerts == []
    assert report.checks == []


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Coût du salon : 3 × 2 500 € = 7 500 €.", "ok"),
        ("Coût du salon : 3 × 2 500 € = 8 500 €.", "error"),
        ("Taux de conversion : 150 / 5 000 = 3 %.", "ok"),
        ("Taux de conversion : 150 / 5 000 × 100 = 3 %.", "ok"),
        ("Marge : (120 000 − 72 000) / 120 000 = 40 %.", "ok"),
        ("Marge : (120 000 − 72 000) / 120 000 = 45 %.", "error"),
        ("Remise : 1 200 € − 10 % = 1 080 €.", None),
        ("TVA 20 % : 10 000 € × 20 % = 2 000 €.", "ok"),
        ("Coût d'acquisition : 9 650 € / 19 clients = 508 €.", "ok"),
        ("ROI = (CA − coût) / coût = (12 000 − 4 000) / 4 000 = 200 %.", "ok"),
        ("Notre devise : 1 + 1 = 3.", None),
    ],
)
def test_computations_written_in_prose(sentence: str, status: str | None, tmp_path: Path) -> None:
    report = report_of(f"# Calculs\n\n{sentence}", tmp_path)
    statuses = [c.status for c in report.checks if c.kind == "expression"]
    assert statuses == ([status] if status else [])
    assert len(report.alerts) == (status == "error")


def test_a_wrong_written_computation_says_what_it_gives(tmp_path: Path) -> None:
    report = report_of("# Calculs\n\nCoût du salon : 3 × 2 500 € = 8 500 €.", tmp_path)
    (alert,) = report.alerts
    assert plain(alert.message) == (
        "Calcul erroné : « 3 × 2 500 € = 8 500 € » ; le calcul donne 7 500 €."
    )
    assert alert.details and (alert.details["expected"], alert.details["found"]) == (7500, 8500)


def test_the_report_fits_the_assessment_contract(tmp_path: Path) -> None:
    doc = dossier(REALISTIC.replace("| 9 500 | 12 500 |", "| 9 500 | 13 500 |"), tmp_path)
    before = doc.model_dump()
    report = check_document(doc)
    assert doc.model_dump() == before  # pure: the document is left as it was
    payload = json.loads(report.model_dump_json())
    assert payload["alerts"][0]["kind"] == "calculation_error"
    assessment = Assessment.model_validate(
        {
            "epreuve": "E3",
            "document": {"filename": "d.md", "sha256": "0", "pages": None, "words": 1},
            "engine": {
                "embedding": "use",
                "version": "0",
                "referentiel_version": "0",
                "referentiel_hash": "0",
                "settings_hash": "0",
            },
            "checkpoints": [],
            "criteria": [],
            "alerts": payload["alerts"],
        }
    )
    assert assessment.alerts[0].message == report.alerts[0].message


def test_tolerances_come_from_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_REVIEW_CALC__TOLERANCE", "0.05")
    settings = Settings()
    assert settings.calc.tolerance == 0.05
    doc = dossier(
        "# Seuil\n\nCharges fixes : 21 000 €. Taux de MCV : 40 %. Seuil de rentabilité : 51 000 €.",
        tmp_path,
    )
    assert len(check_document(doc).alerts) == 1
    assert check_document(doc, **settings.calc.model_dump()).alerts == []
