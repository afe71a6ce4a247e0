# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Dossier-level judgment on passages that assert nothing about the case: a contents list run
on as one line, a heading over a course definition, intentions and wishes, what a denial's
justification says. Real Markdown files, through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.services import Services, build_services
from assistant.settings import Settings

COVER = """\
# Dossier — Brûlerie Castagne

## Présentation de l'entreprise

La Brûlerie Castagne torréfie du café de spécialité à Clermont-Ferrand depuis 2015 ; elle emploie 7 personnes, réalise 880 000 € de chiffre d'affaires et vend 45 % de ses cafés à des restaurants de la région.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def assess(services: Services, tmp_path: Path, name: str, epreuve: str, *parts: str) -> Assessment:
    path = tmp_path / name
    path.write_text("\n".join(parts), encoding="utf-8")
    return services.review.assess(path, epreuve)


def status(assessment: Assessment, checkpoint: str) -> str:
    return next(c.status for c in assessment.checkpoints if c.id == checkpoint)


def quotes(assessment: Assessment) -> list[str]:
    out = []
    for cp in assessment.checkpoints:
        out += [ev.quote for ev in cp.evidence]
        out += [ev.quote for el in cp.elements for ev in el.evidence]
    return out


RUN_ON_CONTENTS = """\
## Sommaire
Première partie : contexte de la brûlerie, analyse PESTEL, cinq forces de Porter, matrice SWOT, facteurs clés de succès, problématique
Deuxième partie : préconisations, plan de communication, budget, rétroplanning, indicateurs
"""


def test_a_contents_list_run_on_as_one_line_is_never_evidence(
    services: Services, tmp_path: Path
) -> None:
    assessment = assess(services, tmp_path, "runon.md", "E5-P2", RUN_ON_CONTENTS, COVER)
    for checkpoint in ("porter", "fcs", "swot", "gantt", "preconisations"):
        assert status(assessment, checkpoint) == "absent", checkpoint
    assert not [q for q in quotes(assessment) if "Première partie" in q]
