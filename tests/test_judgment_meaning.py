# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""The passage model: shipped weights, small, deterministic, numpy only; what it attributes
to an element counts without a heading or a tool name but still needs case substance; through
the review service, definitions of the forces stay absent. Real Markdown files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.detect import detect_checkpoints, detect_outcomes, layout_of
from assistant.detect.meaning import FEATURES, WEIGHTS, load_model
from assistant.index.embedding import UseEmbedder
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import checkpoints, ingest, write

PROSE = """\
# Les Vergers du Lac — dossier E1

Les Vergers du Lac est une coopérative de 35 arboriculteurs du Léman qui transforme ses pommes en jus et en compotes vendus dans 120 magasins de Savoie ; elle réalise 4,8 millions d'euros de chiffre d'affaires.

## Ce qui se passe autour de nous

Les acheteurs de la grande distribution régionale sont peu nombreux : trois centrales pèsent 62 % de nos ventes et imposent chaque année une baisse de tarif de 2 à 4 %, sous peine de déréférencement, ce qui réduit notre marge de négociation.

Nos fournisseurs de bouteilles en verre sont eux aussi concentrés : depuis 2022, l'unique verrier de la région a augmenté ses prix de 18 %, et nous ne pouvons pas changer de flacon sans refaire nos étiquettes.
"""

DEFINITIONS = """\
# Les Vergers du Lac — dossier E1

Les Vergers du Lac est une coopérative de 35 arboriculteurs du Léman qui transforme ses pommes en jus et en compotes vendus dans 120 magasins de Savoie.

## Cadre théorique

Le pouvoir de négociation des clients désigne la capacité des acheteurs à faire baisser les prix d'un secteur.

Le pouvoir de négociation des fournisseurs correspond à l'ensemble des moyens dont disposent les fournisseurs pour imposer leurs conditions.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def elements(services: Services, path: Path) -> dict[str, str]:
    assessment = services.review.assess(path, "E1")
    porter = next(c for c in assessment.checkpoints if c.id == "porter")
    return {e.id: e.status for e in porter.elements}


def test_the_shipped_model_is_small_and_matches_the_features() -> None:
    model = load_model()
    assert model is not None
    assert model.weights.shape == (len(FEATURES),)
    assert model.embedder == UseEmbedder.name
    assert 0.5 < model.threshold < 1.0
    # every learned part of detection together (passage model, verdict, dossier decision,
    # completeness, attribution: 557 kB in session 7) stays well under a megabyte
    size = sum(p.stat().st_size for p in WEIGHTS.parent.iterdir() if p.is_file())
    assert size < 800_000


def test_passages_the_model_attributes_count_only_with_substance(tmp_path: Path) -> None:
    """What the model attributes to an element is a finding anywhere in the dossier (no
    heading or tool name needed), still weighed: a case paragraph makes the element present,
    a definition attributed to it does not."""
    doc = ingest(write(tmp_path, "prose.md", PROSE))
    layout = layout_of(doc)
    porter = checkpoints("porter")
    buyers = [u for u in layout.units if u.text.startswith("Les acheteurs")]
    suppliers = [u for u in layout.units if u.text.startswith("Nos fournisseurs")]
    assert buyers and suppliers
    # the cue rules alone (``forces`` reads such prose too, after them: not what is tested)
    rules_only = detect_outcomes(porter, layout)[0]
    semantic = {"porter": {"pouvoir_clients": buyers, "pouvoir_fournisseurs": suppliers}}
    with_model = detect_checkpoints(doc, porter, layout=layout, semantic=semantic)[0]
    before = {e.element.id: e.status for e in rules_only.elements}
    after = {e.id: e.status for e in with_model.elements}
    assert before["pouvoir_clients"] == "absent"
    assert after["pouvoir_clients"] == after["pouvoir_fournisseurs"] == "present"
    assert after["substituts"] == "absent"
    quote = next(e for e in with_model.elements if e.id == "pouvoir_clients").evidence[0].quote
    assert "62 %" in quote

    definitions = ingest(write(tmp_path, "def.md", DEFINITIONS))
    layout = layout_of(definitions)
    defined = [u for u in layout.units if u.text.startswith("Le pouvoir")]
    semantic = {"porter": {"pouvoir_clients": defined, "pouvoir_fournisseurs": defined}}
    result = detect_checkpoints(definitions, porter, layout=layout, semantic=semantic)[0]
    assert {e.status for e in result.elements} == {"absent"}


def test_definitions_of_the_same_forces_stay_absent(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "definitions.md"
    path.write_text(DEFINITIONS, encoding="utf-8")
    assert set(elements(services, path).values()) == {"absent"}


def test_the_model_scores_the_same_features_the_same_way() -> None:
    model = load_model()
    assert model is not None
    rng = np.random.default_rng(7)
    features = rng.normal(size=(20, 5, len(FEATURES))).astype(np.float32)
    first = model.probabilities(features)
    assert np.array_equal(first, model.probabilities(features.copy()))
    assert first.shape == (20, 5)
    assert ((first >= 0) & (first <= 1)).all()
