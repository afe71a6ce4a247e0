# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Element attribution (``detect.attribution``): an analysis written without the element's
name can still be found, quoted from the paragraph that treats it; without headings each
element goes to its own paragraph, not a neighbour's; nothing untreated is made present and a
denial is never quoted. Real Markdown files, the shipped embedder and weights."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from assistant.detect import detect_outcomes, layout_of
from assistant.detect.attribution import (
    FEATURES,
    MODEL,
    element_features,
)
from assistant.detect.judgment import judge, load_judgment, reading_of
from assistant.detect.results import to_result
from assistant.index.embedding import UseEmbedder
from assistant.services import Services, build_services
from assistant.settings import Settings
from eval import train_attribution
from tests.dossiers import checkpoints, scanned, shipped_attribution, write

# failure mode 5: five paragraphs, no heading, no factor named; each says one factor
NO_HEADINGS = """\
# Dossier E1 — Les Alpages du Vercors

Les Alpages du Vercors sont une coopérative laitière de Villard-de-Lans créée en 1974 ; ses 38 éleveurs livrent 9 millions de litres par an, transformés en bleu du Vercors-Sassenage et en tommes vendues en grande surface et dans deux magasins.

Depuis l'an dernier, la hausse du prix du gazole et des aliments pour le bétail a renchéri de 14 % le coût de collecte du lait, alors que les enseignes refusent de relever leurs prix d'achat de plus de 3 %.

Le décret sur l'étiquetage de l'origine du lait, prolongé jusqu'en 2027, oblige la coopérative à indiquer le pays de collecte sur chaque emballage et à conserver la traçabilité de chaque citerne pendant cinq ans.

Les consommateurs de 25-40 ans achètent moins de fromage à la coupe et davantage de produits en libre-service, mais recherchent des produits « de montagne » avec une histoire : nos ventes en libre-service ont progressé de 11 %.

Les étés plus secs de 2022 et 2023 ont réduit l'herbe disponible sur les alpages : les éleveurs ont dû acheter du foin et les vaches ont donné 6 % de lait en moins en août.
"""

# failure mode 3: five factors under their names, the ecological one as plain prose
UNNAMED_FACTOR = """\
# Dossier E1 — Les Alpages du Vercors

## Présentation

Les Alpages du Vercors sont une coopérative laitière de Villard-de-Lans créée en 1974 ; ses 38 éleveurs livrent 9 millions de litres par an, transformés en bleu du Vercors-Sassenage et en tommes.

## Analyse PESTEL

Politique : la région Auvergne-Rhône-Alpes finance depuis 2024 la moitié des investissements des fromageries de montagne ; notre nouvelle cave d'affinage de 420 000 € en a bénéficié.

Économique : la hausse du prix du gazole et des aliments pour le bétail a renchéri de 14 % notre coût de collecte, alors que les enseignes refusent de relever leurs prix d'achat de plus de 3 %.

Socioculturel : les 25-40 ans achètent moins de fromage à la coupe et davantage en libre-service, mais recherchent des produits de montagne avec une histoire ; nos ventes en libre-service ont progressé de 11 %.

Technologique : la traite robotisée, installée chez 9 de nos éleveurs, réduit de 2 heures par jour le temps de travail mais coûte 150 000 € par robot.

Les étés 2022 et 2023, plus secs, ont réduit l'herbe des alpages : nos éleveurs ont acheté 1 800 tonnes de foin, et le lait d'été a perdu 6 % de matière grasse, ce qui baisse le rendement fromager.

Légal : le décret sur l'étiquetage de l'origine du lait, prolongé jusqu'en 2027, nous oblige à indiquer le pays de collecte sur chaque emballage et à conserver la traçabilité de chaque citerne pendant cinq ans.
"""

# the ecological factor only as a denial, beside a real economic paragraph
DENIED = """\
# Dossier E1 — Les Alpages du Vercors

Les Alpages du Vercors sont une coopérative laitière de Villard-de-Lans créée en 1974 ; ses 38 éleveurs livrent 9 millions de litres par an.

Depuis l'an dernier, la hausse du prix du gazole et des aliments pour le bétail a renchéri de 14 % le coût de collecte du lait, alors que les enseignes refusent de relever leurs prix d'achat de plus de 3 %.

Nous n'avons pas eu le temps d'étudier les effets de la sécheresse sur les alpages.
"""

# one paragraph, three sentences: the market's size and growth (economic), then the families'
# new habit of playing together (socio-cultural), then the company's own plans (no factor)
MIXED = """\
# Dossier E1 — Ludéo

Ludéo est une maison d'édition nantaise de 24 salariés qui conçoit des jeux de société familiaux, vendus dans 320 boutiques spécialisées et sur son site.

Le marché français du jeu de société atteint 780 millions d'euros de ventes et progresse de 6 % par an depuis 2019, malgré l'inflation qui pèse sur le budget loisirs des ménages. Pendant les confinements, beaucoup de familles ont redécouvert le plaisir de jouer ensemble le soir, et les soirées jeux entre amis sont devenues une habitude chez les 25-40 ans. Ludéo a sorti quatre nouveautés cette année et vise 15 % de croissance.
"""


@pytest.fixture(scope="module")
def embedder() -> Iterator[UseEmbedder]:
    yield UseEmbedder()


def test_the_shipped_weights_match_their_features_and_hold_no_text() -> None:
    model = shipped_attribution()
    assert model.weights.shape == (len(FEATURES),)
    assert model.directions.shape[1] == 513  # USE dimension, then the bias
    assert all(k.count(".") == 1 for k in model.keys)
    assert 0.5 < model.threshold <= 1.0
    with np.load(MODEL, allow_pickle=False) as data:
        assert set(data.files) == {"keys", "directions", "mean", "std", "weights", "meta"}
        assert "heldout" not in str(data["meta"])
    assert MODEL.stat().st_size < 200_000


def test_without_headings_each_factor_goes_to_its_own_paragraph(
    tmp_path: Path, embedder: UseEmbedder
) -> None:
    doc, found = scanned(write(tmp_path, "alpages.md", NO_HEADINGS), embedder, "pestel")
    outcome = detect_outcomes(checkpoints("pestel"), layout_of(doc))[0]
    expected = {
        "economique": "gazole",
        "legal": "étiquetage",
        "socioculturel": "libre-service",
        "ecologique": "étés plus secs",
    }
    for element in outcome.elements:
        if element.element.id not in expected:
            continue
        features = element_features(
            outcome, element, outcome.elements, found, shipped_attribution()
        )
        assert features is not None
        assert expected[element.element.id] in found.passages[features[1]].text


def test_an_unnamed_factor_is_quoted_from_the_paragraph_that_treats_it(
    tmp_path: Path, embedder: UseEmbedder
) -> None:
    """With the threshold lowered, the factor the rules miss (written without its name) is
    made present from the dry-summer paragraph, quoted verbatim; the named factors keep the
    rules' findings."""
    doc, found = scanned(write(tmp_path, "alpages.md", UNNAMED_FACTOR), embedder, "pestel")
    outcome = detect_outcomes(checkpoints("pestel"), layout_of(doc))[0]
    reading = reading_of(found)
    before = judge(outcome, reading, load_judgment(), attribution=shipped_attribution())
    ecological = next(e for e in before.elements if e.element.id == "ecologique")
    if ecological.status == "absent":  # the shipped threshold is cautious: lower it
        eager = dataclasses.replace(shipped_attribution(), threshold=0.0)
        after = to_result(judge(outcome, reading, load_judgment(), attribution=eager), doc.text)
    else:
        after = to_result(before, doc.text)
    element = next(e for e in after.elements if e.id == "ecologique")
    assert element.status == "present" and element.evidence
    assert all("foin" in e.quote or "étés" in e.quote for e in element.evidence)
    assert all(e.quote in doc.text for e in element.evidence)
    assert after.status == "present"


def test_a_mixed_paragraph_credits_each_factor_from_its_own_sentence(
    tmp_path: Path, embedder: UseEmbedder
) -> None:
    """The market sentence is read as economic, the lockdown sentence as socio-cultural; with
    the threshold lowered below them, both become present, each quoted by its own sentence
    alone, and no political (nor legal, nor ecological) factor is credited."""
    doc, found = scanned(write(tmp_path, "ludeo.md", MIXED), embedder, "pestel")
    outcome = detect_outcomes(checkpoints("pestel"), layout_of(doc))[0]
    own = {"economique": "780 millions", "socioculturel": "confinements"}
    for element in outcome.elements:
        if element.element.id in own:
            features = element_features(
                outcome, element, outcome.elements, found, shipped_attribution()
            )
            assert features is not None and features[2] is not None
            assert own[element.element.id] in features[2].unit.text
    eager = dataclasses.replace(shipped_attribution(), threshold=0.3)
    result = to_result(
        judge(outcome, reading_of(found), load_judgment(), attribution=eager), doc.text
    )
    status = {e.id: e for e in result.elements}
    for element, words in own.items():
        assert status[element].status == "present"
        quotes = [ev.quote for ev in status[element].evidence]
        assert quotes and all(words in q and q in doc.text for q in quotes)
        assert all(other not in q for q in quotes for other in own.values() if other != words)
    for element in ("politique", "legal", "ecologique"):
        assert status[element].status == "absent" and not status[element].evidence


def test_a_scan_without_its_embedder_reads_no_sentence(
    tmp_path: Path, embedder: UseEmbedder
) -> None:
    doc, found = scanned(write(tmp_path, "ludeo.md", MIXED), embedder, "pestel")
    bare = dataclasses.replace(found, embed=None)
    outcome = detect_outcomes(checkpoints("pestel"), layout_of(doc))[0]
    element = next(e for e in outcome.elements if e.element.id == "economique")
    features = element_features(outcome, element, outcome.elements, bare, shipped_attribution())
    assert features is not None and features[2] is None
    assert bare.unit_vectors(list(found.passages[0].units)) is None


def test_a_denial_is_never_quoted_even_with_no_threshold(
    tmp_path: Path, embedder: UseEmbedder
) -> None:
    doc, found = scanned(write(tmp_path, "alpages.md", DENIED), embedder, "pestel")
    outcome = detect_outcomes(checkpoints("pestel"), layout_of(doc))[0]
    eager = dataclasses.replace(shipped_attribution(), threshold=0.0)
    result = to_result(
        judge(outcome, reading_of(found), load_judgment(), attribution=eager), doc.text
    )
    quotes = " ".join(ev.quote for e in result.elements for ev in e.evidence)
    assert "pas eu le temps" not in quotes


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def test_through_the_service_nothing_untreated_is_made_present(
    services: Services, tmp_path: Path
) -> None:
    """No paragraph of the headingless dossier is political: whatever the attribution finds,
    the political factor stays absent and every quote is the dossier's own text."""
    path = write(tmp_path, "alpages.md", NO_HEADINGS)
    assessment = services.review.assess(path, "E1")
    pestel = next(c for c in assessment.checkpoints if c.id == "pestel")
    political = next(e for e in pestel.elements if e.id == "politique")
    assert political.status == "absent" and not political.evidence
    text = path.read_text(encoding="utf-8")
    for element in pestel.elements:
        assert all(" ".join(ev.quote.split()) in " ".join(text.split()) for ev in element.evidence)


def test_the_trainer_is_deterministic_and_refuses_held_out_data() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(80, 512))
    data = {"a.b": (list(x), list((x[:, 0] > 0).astype(float)), [1.0] * 80)}
    first = train_attribution.fit_ridges(data)
    second = train_attribution.fit_ridges(data)
    assert np.array_equal(first["a.b"], second["a.b"])
    assert ((x @ first["a.b"][:-1] + first["a.b"][-1] > 0) == (x[:, 0] > 0)).mean() > 0.9
    with pytest.raises(SystemExit):
        train_attribution.parse_args(["--train", "eval/styles/heldout2", "--no-write"])
    with pytest.raises(SystemExit):
        train_attribution.parse_args(["--passages", "eval/passages/heldout-w3.jsonl"])
