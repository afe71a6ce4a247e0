"""The épreuve a dossier fits best, from one pass over its text, and the warning before a
misleading score."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.epreuve_fit import CLEAR_MARGIN, EpreuveFit, best_epreuve
from assistant.referentiel.loader import load_referentiel
from assistant.referentiel.models import Referentiel
from assistant.services import build_services
from assistant.settings import Settings
from tests.tutor_dossiers import SAMPLE, SILENT, write

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def ref() -> Referentiel:
    return load_referentiel(ROOT / "referentiel")


def test_the_sample_fits_e1_and_is_warned_against_e4(ref: Referentiel, tmp_path: Path) -> None:
    document = build_services(Settings(home=tmp_path)).ingest(SAMPLE)
    fit = best_epreuve(document, ref)
    assert fit.best == "E1" and fit.scores["E1"] > 0.8 and fit.scores["E4"] < 0.1
    assert fit.warning("E1") is None
    warning = fit.warning("E4")
    assert warning is not None
    assert warning.startswith("Ce dossier semble écrit pour l'épreuve E1 plutôt que E4")
    assert "Vérifiez l'épreuve choisie" in warning and " %" in warning


@pytest.mark.parametrize(
    "name",
    [
        "e1-02-pages-vagabondes-librairie",
        "e2-03-padel-club-rennes",
        "e3-02-atelier-lumen-evenementiel",
        "e4-01-nuage-metrique-saas",
    ],
)
def test_devset_dossiers_fit_their_own_epreuve(ref: Referentiel, tmp_path: Path, name: str) -> None:
    document = build_services(Settings(home=tmp_path)).ingest(
        ROOT / "eval" / "devset" / f"{name}.md"
    )
    epreuve = name.split("-")[0].upper()
    fit = best_epreuve(document, ref)
    assert fit.best == epreuve and fit.fits(epreuve)
    others = [e for e in fit.scores if not fit.fits(e)]
    assert others, "at least one other épreuve is clearly worse"


def test_a_dossier_naming_nothing_is_warned_about_nothing(ref: Referentiel, tmp_path: Path) -> None:
    path = write(tmp_path, "vide.md", "# Notes\n\nUn texte sans aucun outil du référentiel.\n")
    fit = best_epreuve(build_services(Settings(home=tmp_path)).ingest(path), ref)
    assert set(fit.scores) == {e.id for e in ref.epreuves}
    assert all(score == 0 for score in fit.scores.values())
    assert all(fit.warning(e) is None for e in fit.scores)
    silent = best_epreuve(
        build_services(Settings(home=tmp_path)).ingest(write(tmp_path, "s.md", SILENT)), ref
    )
    assert 0 < silent.scores["E3"] < 1


def test_the_margin_decides() -> None:
    fit = EpreuveFit({"E1": 0.6, "E2": 0.6 - CLEAR_MARGIN + 0.01, "E3": 0.6 - CLEAR_MARGIN})
    assert fit.best == "E1" and fit.fits("E2") and not fit.fits("E3")
    assert fit.warning("E2") is None and fit.warning("E3") is not None
