"""Which épreuve a dossier fits: the real offline engine on a dev-set E3 dossier."""

from __future__ import annotations

from pathlib import Path

from assistant.epreuve_fit import EpreuveFit, better_fit, fits
from assistant.services import build_services
from assistant.settings import PROJECT_ROOT, Settings

E3_DOSSIER = PROJECT_ROOT / "eval" / "devset" / "e3-03-bocal-vrac-epicerie.md"


def test_an_e3_dossier_fits_e3_and_warns_when_filed_as_e1(tmp_path: Path) -> None:
    services = build_services(Settings(home=tmp_path / "home"))
    epreuves = [e.id for e in services.referentiel.epreuves]
    known = {"E1": services.review.assess(E3_DOSSIER, "E1")}
    found = fits(services.review, services.review.document(E3_DOSSIER), epreuves, known)
    assert found[0].epreuve == "E3"
    assert sorted(f.epreuve for f in found) == sorted(epreuves)
    better = better_fit(found, "E1")
    assert better is not None and better.epreuve == "E3"
    assert better_fit(found, "E3") is None


def test_the_warning_needs_a_clear_margin() -> None:
    found = [EpreuveFit(epreuve="E1", coverage=0.5), EpreuveFit(epreuve="E3", coverage=0.65)]
    assert better_fit(found, "E1") is None  # 15 points: not clearly better
    assert better_fit(found, "E1", margin=0.1) == found[1]
    assert better_fit([], "E1") is None
