"""French rendering of an épreuve (assistant.referentiel.describe)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import UnknownEpreuveError
from assistant.referentiel.describe import describe_epreuve
from assistant.referentiel.loader import load_referentiel
from assistant.referentiel.models import Referentiel
from tests.dossiers import EPREUVE_IDS

DATA = Path(__file__).resolve().parents[1] / "referentiel"


@pytest.fixture(scope="module")
def ref() -> Referentiel:
    return load_referentiel(DATA)


def _flat(text: str) -> str:
    return " ".join(text.replace("•", " ").split())


@pytest.mark.parametrize("epreuve_id", EPREUVE_IDS)
def test_every_competency_criterion_and_checkpoint_of_the_epreuve_is_shown(
    ref: Referentiel, epreuve_id: str
) -> None:
    text = describe_epreuve(ref, epreuve_id)
    flat = _flat(text)
    epreuve = ref.epreuve(epreuve_id)
    assert flat.startswith(f"Épreuve {epreuve.id} — {epreuve.title} Bloc ")
    assert _flat(epreuve.modality) in flat and _flat(epreuve.deliverable) in flat
    for competency in ref.competencies_for(epreuve_id):
        assert f"{competency.id} — {competency.title}" in text
        assert _flat(competency.text) in flat
    for criterion in ref.criteria_for(epreuve_id):
        assert _flat(criterion.text) in flat, criterion.id
    for checkpoint in ref.checkpoints_for(epreuve_id):
        assert f"{checkpoint.id} — " in text
        for element in checkpoint.elements:
            assert f"{element.label} ({element.id})" in flat
    assert max(len(line) for line in text.splitlines()) <= 100


def test_shared_criteria_notes_and_orphan_checkpoints_are_explained(ref: Referentiel) -> None:
    e4 = _flat(describe_epreuve(ref, "E4"))
    assert "(commun avec C17)" in e4 and "(commun avec C16)" in e4
    e5 = _flat(describe_epreuve(ref, "E5-P2"))
    assert "Remarque : Le référentiel source l'intitule « Pour CP3-3 »" in e5
    e1 = describe_epreuve(ref, "E1")
    orphans = e1.split("Autres points de contrôle vérifiés dans cette épreuve\n")[1]
    assert "fcs — " in orphans and "presentation_entreprise — " in orphans
    assert "pestel — " not in orphans


def test_unknown_epreuve_is_a_french_sentence(ref: Referentiel) -> None:
    with pytest.raises(UnknownEpreuveError, match="« E8 » n'existe pas"):
        describe_epreuve(ref, "E8")
