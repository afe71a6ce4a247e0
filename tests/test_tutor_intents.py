"""The tutor answers the question's intent: what the jury expects for X, whether the loaded
dossier treats X, a refusal to write the dossier; with the sample dossier, a dossier that never
mentions the topic, a dossier whose only passage on it is an injection, and none loaded."""

from __future__ import annotations

import pytest

from assistant.services import Services, build_services
from assistant.settings import Settings
from assistant.tutor import REFUSAL, IndexedDossier
from assistant.tutor.intent import classify_intent
from tests.tutor_dossiers import INJECTED, INJECTION_LINE, SAMPLE, SILENT, write

EXPECTATION = [
    "Qu'attend le jury pour l'analyse PESTEL en E1 ?",
    "Que faut-il mettre dans une matrice SWOT ?",
    "Quelles sont les attentes du jury sur le seuil de rentabilité ?",
    "Comment est évalué le plan de trésorerie ?",
    "Quels sont les critères pour la RSE ?",
    "Que doit contenir la partie sur le RGAA ?",
    "Que dois-je mettre dans ma SWOT ?",
    "C'est quoi l'attendu pour le diagramme de Gantt ?",
    "Qu'est-ce que le référentiel demande pour les 5 forces de Porter ?",
    "comment traiter le facteur écologique du PESTEL",
    "Qu’attendent les examinateurs concernant la problématique ?",
    "Qu'est-ce qu'une bonne analyse PESTEL pour le jury ?",
    "que demande le jury sur l'accessibilité numérique",
    "Le jury exige-t-il des chiffres dans le PESTEL ?",
    "Quelles exigences pour les KPI en E4 ?",
    "Faut-il une matrice de Porter en E1 ?",
    "Comment rédiger ma conclusion ?",
]
COVERAGE = [
    "Mon dossier traite-t-il le RGAA ?",
    "Est-ce que mon dossier aborde la RSE ?",
    "Ai-je bien parlé du seuil de rentabilité ?",
    "Mon PESTEL est-il complet ?",
    "Qu'est-ce qui manque dans ma SWOT ?",
    "Le dossier couvre-t-il le plan de trésorerie ?",
    "Est-ce que j'ai traité le facteur écologique ?",
    "Ma matrice de Porter est-elle suffisante ?",
    "Mon dossier mentionne-t-il l'accessibilité numérique ?",
    "Est-ce que mon analyse PESTEL tient la route ?",
    "Le candidat présente-t-il une matrice SWOT ?",
    "J'ai oublié le facteur légal ?",
    "mon dossier parle de RGAA ou pas",
    "Y a-t-il un diagramme de Gantt dans mon dossier ?",
    "Est-ce que ma problématique est présente dans le dossier ?",
    "Dans mon dossier, le facteur écologique est-il développé ?",
    "Mon mémoire respecte-t-il les attentes sur la RSE ?",
]
GHOSTWRITING = [
    "Écris-moi la conclusion de mon dossier",
    "Rédige ma partie SWOT pour mon dossier E1",
    "Peux-tu rédiger mon analyse PESTEL ?",
    "Tu peux m'écrire l'introduction ?",
    "Réécris mon paragraphe sur la RSE",
    "Reformule ma problématique s'il te plaît",
    "Pourrais-tu écrire le dossier à ma place ?",
    "Fais-moi la matrice de Porter",
    "Génère une conclusion pour mon dossier",
    "Je voudrais que tu rédiges mon bilan personnel",
    "Complète ma partie sur le seuil de rentabilité",
    "Améliore le texte de mon plan de communication",
    "Donne-moi un texte pour ma présentation de l'entreprise",
    "Est-ce que tu peux écrire la partie RGAA pour moi ?",
    "Rédigez la synthèse de mon diagnostic",
    "merci de réécrire mon introduction",
    "Corrige ma conclusion et réécris-la",
]
RETRIEVAL = [
    "Où le candidat parle-t-il de RSE ?",
    "Quelle heure est-il ?",
    "Des conseils pour écrire mon introduction ?",
    "Où est mon budget ?",
]
PESTEL = "Qu'attend le jury pour l'analyse PESTEL en E1 ?"
RGAA = "Mon dossier traite-t-il le RGAA ?"
CONCLUSION = "Écris-moi la conclusion de mon dossier"


@pytest.mark.parametrize(
    ("question", "intent"),
    [(q, "expectation") for q in EXPECTATION]
    + [(q, "coverage") for q in COVERAGE]
    + [(q, "ghostwriting") for q in GHOSTWRITING]
    + [(q, "retrieval") for q in RETRIEVAL],
)
def test_the_intent_is_read_from_the_wording(question: str, intent: str) -> None:
    assert classify_intent(question) == intent


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


@pytest.fixture(scope="module")
def dossiers(
    services: Services, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, IndexedDossier | None]:
    folder = tmp_path_factory.mktemp("dossiers")
    return {
        "sample": services.index_dossier(services.ingest(SAMPLE), "E1"),
        "silent": services.index_dossier(services.ingest(write(folder, "silent.md", SILENT))),
        "injected": services.index_dossier(
            services.ingest(write(folder, "injected.md", INJECTED)), "E2"
        ),
        "none": None,
    }


@pytest.mark.parametrize("which", ["sample", "silent", "none"])
def test_the_expectation_for_a_topic_is_that_topic_only(
    services: Services, dossiers: dict[str, IndexedDossier | None], which: str
) -> None:
    answer = services.tutor.answer(PESTEL, dossiers[which])
    assert answer.intent == "expectation" and answer.found
    assert [(s.kind, s.id) for s in answer.sources] == [
        ("checkpoint", "pestel"),
        ("criterion", "crit-C2"),
    ]
    assert answer.text.startswith("Pour « Analyse PESTEL du macro-environnement » (pestel) en E1")
    assert "[crit-C2]" in answer.text and "outil de diagnostic PESTEL" in answer.text
    assert "Épreuve E1" not in answer.text and "SWOT" not in answer.text  # not all of E1


def test_an_element_is_a_topic_of_its_own(services: Services) -> None:
    answer = services.tutor.answer("Comment traiter le facteur écologique du PESTEL ?")
    assert answer.text.startswith("Pour le « Facteur écologique »")
    assert ("element", "pestel.ecologique") in [(s.kind, s.id) for s in answer.sources]
    assert "empreinte carbone" in answer.text


def test_coverage_on_the_sample_gives_the_verdict_with_verbatim_quotes_and_pages(
    services: Services, dossiers: dict[str, IndexedDossier | None]
) -> None:
    sample = dossiers["sample"]
    assert sample is not None
    rgaa = services.tutor.answer(RGAA, sample)
    assert (rgaa.intent, rgaa.verdict) == ("coverage", "non")
    assert rgaa.text.startswith("Votre dossier traite-t-il « Accessibilité numérique")
    assert "? Non, d'après le moteur" in rgaa.text and "Conseil :" in rgaa.text
    pestel = services.tutor.answer("Mon analyse PESTEL est-elle complète ?", sample)
    assert pestel.verdict == "en_partie"
    passages = [s for s in pestel.sources if s.kind == "passage"]
    assert passages and all(p.page for p in passages)
    assert all(" ".join(p.text.split()) in " ".join(sample.document.text.split()) for p in passages)
    assert f"p. {passages[0].page} «" in pestel.text
    assert "Ce qui manque : " in pestel.text and "Facteur légal" in pestel.text
    assessment = sample.assess("E1")
    engine = next(r for r in assessment.checkpoints if r.id == "pestel")
    assert engine.status == "partial"  # the same verdict as the engine's


def test_coverage_of_a_dossier_that_never_mentions_the_topic_says_no(
    services: Services, dossiers: dict[str, IndexedDossier | None]
) -> None:
    for question in (RGAA, "Mon dossier contient-il une analyse PESTEL ?"):
        answer = services.tutor.answer(question, dossiers["silent"])
        assert answer.verdict == "non", question
        assert not [s for s in answer.sources if s.kind == "passage"]
        assert "Aucun passage de votre dossier ne traite" in answer.text


def test_coverage_without_a_dossier_says_none_is_loaded(services: Services) -> None:
    answer = services.tutor.answer(RGAA)
    assert answer.needs_dossier and answer.verdict is None
    assert answer.text.startswith("Aucun dossier n'est chargé")
    assert "Déposez votre dossier" in answer.text and "RGAA 4.1" in answer.text


def test_an_injection_is_never_quoted_and_is_reported(
    services: Services, dossiers: dict[str, IndexedDossier | None]
) -> None:
    injected = dossiers["injected"]
    answers = [
        services.tutor.answer(RGAA, injected),
        services.tutor.answer("Où le candidat parle-t-il du RGAA 4.1 ?", injected),
        services.tutor.answer("accessibilité RGAA assistant IA consignes", injected),
    ]
    assert answers[0].verdict == "non" and "Attention : ce dossier contient 1 passage" in (
        answers[0].text
    )
    for answer in answers:
        assert "parfaitement appliqué" not in answer.text
        assert all("ignore tes consignes" not in s.text for s in answer.sources)
    assert INJECTION_LINE in injected.document.text  # it is there, and left out


@pytest.mark.parametrize("which", ["sample", "silent", "none"])
def test_writing_the_dossier_is_refused_politely(
    services: Services, dossiers: dict[str, IndexedDossier | None], which: str
) -> None:
    answer = services.tutor.answer(CONCLUSION, dossiers[which])
    assert answer.intent == "ghostwriting" and answer.text.startswith(REFUSAL)
    assert "Qu'attend le jury pour la SWOT" in answer.text
    assert "PESTEL" not in answer.text or which == "sample"
    if which == "sample":  # the épreuve is known: what to work on first
        assert "Dans votre dossier, travaillez d'abord : " in answer.text
    swot = services.tutor.answer("Rédige ma partie SWOT", dossiers[which])
    assert swot.text.startswith(REFUSAL) and "(swot)" in swot.text
