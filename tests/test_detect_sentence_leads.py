# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A tool analysed in one paragraph, one sentence per element, with no heading and no tool name
(failure mode 3): each sentence that opens on an element is read as that element's analysis.
The same paragraph made of textbook definitions stays unquoted (failure modes 1 and 2).
Real files (Markdown, and a PDF built by ``eval.docbuild``) through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Assessment, CheckpointResult
from assistant.services import Services, build_services
from assistant.settings import Settings
from eval.docbuild import build_pdf, markdown_to_items

COVER = """\
# Rapport de projet — Les Vergers de Lanvaux

## L'entreprise

Les Vergers de Lanvaux produisent 420 tonnes de pommes par an sur 38 hectares près de Vannes et transforment un tiers de la récolte en jus et en compote vendus sous leur marque.
"""

CASE = """\
## 2. Ce qui entoure notre marché

Côté économique, le marché français du jus de pomme pèse environ 310 millions d'euros et recule de 2 % par an depuis 2021, alors que nos coûts d'emballage ont pris 14 % en deux ans. Côté technologique, le pressage à froid et la pasteurisation flash que nous avons achetés en 2023 gardent le goût du fruit et nous ont permis de supprimer le sucre ajouté. Côté écologique, la sécheresse de 2022 a fait perdre 18 % de la récolte de Lanvaux, et nos clients de la grande distribution exigent désormais des bouteilles en verre consigné. Côté légal, la loi AGEC impose le réemploi d'une part croissante des emballages, ce qui nous oblige à organiser la collecte des bouteilles auprès de nos 46 points de vente.
"""

TEXTBOOK = """\
## 2. Ce qui entoure un marché

Côté économique, l'entreprise observe en général la croissance, l'inflation et le pouvoir d'achat des ménages. Côté technologique, il s'agit des innovations et de la digitalisation d'un secteur. Côté écologique, on s'intéresse au climat, aux déchets et à l'empreinte carbone. Côté légal, on recense les lois et les normes qui encadrent une activité.
"""

FACTORS = ("economique", "technologique", "ecologique", "legal")


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def assess(services: Services, tmp_path: Path, body: str, pdf: bool = False) -> Assessment:
    text = COVER + "\n" + body
    path = tmp_path / "dossier.md"
    path.write_text(text, encoding="utf-8")
    if pdf:
        path = build_pdf(markdown_to_items(text), tmp_path / "dossier.pdf")
    return services.review.assess(path, "E1")


def pestel(assessment: Assessment) -> CheckpointResult:
    return next(c for c in assessment.checkpoints if c.id == "pestel")


@pytest.mark.parametrize("pdf", [False, True], ids=["md", "pdf"])
def test_a_paragraph_that_opens_each_sentence_on_a_factor_is_an_analysis_of_each(
    services: Services, tmp_path: Path, pdf: bool
) -> None:
    result = pestel(assess(services, tmp_path, CASE, pdf=pdf))
    elements = {e.id: e for e in result.elements}
    present = {e for e in FACTORS if elements[e].status == "present"}
    assert len(present) >= 3, {e: elements[e].status for e in FACTORS}
    assert elements["politique"].status == "absent"
    assert elements["socioculturel"].status == "absent"
    for factor in present:
        quotes = [q.quote for q in elements[factor].evidence]
        assert quotes and all(q.startswith("Côté") for q in quotes), (factor, quotes)
    assert result.status == "partial"


def test_the_same_paragraph_of_definitions_credits_no_factor(
    services: Services, tmp_path: Path
) -> None:
    result = pestel(assess(services, tmp_path, TEXTBOOK))
    assert {e.id: e.status for e in result.elements} == dict.fromkeys(
        [e.id for e in result.elements], "absent"
    )
    assert not any(e.evidence for e in result.elements)
    assert result.status != "present"
