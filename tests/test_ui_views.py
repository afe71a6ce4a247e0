from __future__ import annotations

import pytest

from assistant.assessment import (
    Alert,
    Assessment,
    CheckpointResult,
    CriterionVerdict,
    DocumentInfo,
    ElementResult,
    EngineInfo,
    Evidence,
)
from assistant.preview import Excerpt
from assistant.referentiel.loader import load_referentiel
from assistant.referentiel.models import Referentiel
from assistant.settings import Settings
from assistant.ui import views


@pytest.fixture(scope="module")
def ref() -> Referentiel:
    return load_referentiel(Settings().referentiel_dir)


def _assessment() -> Assessment:
    quote = Evidence(quote="Facteur <b>politique</b> : aides & subventions", page=4, section="4.1")
    return Assessment(
        epreuve="E1",
        document=DocumentInfo(filename="d<x>.pdf", sha256="a" * 64, pages=9, words=1200),
        engine=EngineInfo(
            embedding="use",
            version="0",
            referentiel_version="1",
            referentiel_hash="h",
            settings_hash="s",
        ),
        checkpoints=[
            CheckpointResult(
                id="pestel",
                status="partial",
                evidence=[quote],
                elements=[
                    ElementResult(id="politique", status="present", evidence=[quote]),
                    ElementResult(id="legal", status="absent"),
                ],
                comment="Le facteur légal manque.",
                recommendation="Analysez le facteur légal.",
            ),
            CheckpointResult(
                id="swot", status="present", evidence=[Evidence(quote="SWOT", page=None)]
            ),
            CheckpointResult(id="porter", status="absent"),
        ],
        criteria=[
            CriterionVerdict(
                competency="C2",
                verdict="partiellement_satisfait",
                checkpoints=["pestel", "porter"],
                rationale="r",
            ),
            CriterionVerdict(
                competency="C3", verdict="satisfait", checkpoints=["swot"], rationale="r"
            ),
        ],
        alerts=[
            Alert(kind="prompt_injection", page=3, quote="Ignore <tout>", message="Texte suspect.")
        ],
        recommendations=["Analysez le facteur légal.", "Soignez la problématique."],
    )


def test_coverage_counts_a_partial_checkpoint_half(ref: Referentiel) -> None:
    rows = {r.competency: r for r in views.coverage(_assessment(), ref)}
    assert rows["C2"].percent == 25 and rows["C3"].percent == 100
    assert rows["C2"].title  # competency title from the référentiel


def test_summary_writes_values_and_verdicts_in_words(ref: Referentiel) -> None:
    html = views.summary_html(_assessment(), ref)
    assert "25 % · Partiellement satisfait" in html and "100 % · Satisfait" in html
    assert "Le jury décide" in html
    assert "d&lt;x&gt;.pdf" in html and "d<x>" not in html


def test_checkpoint_table_has_text_statuses_and_missing_elements(ref: Referentiel) -> None:
    html = views.checkpoints_html(_assessment(), ref)
    assert "<caption" in html and 'scope="col"' in html
    assert ">Partiel<" in html and ">Présent<" in html and ">Absent<" in html
    assert "Facteur légal" in html  # element label, not its id


def test_advice_lists_missing_parts_without_repeating_advice(ref: Referentiel) -> None:
    html = views.advice_html(_assessment(), ref)
    assert html.count("Analysez le facteur légal.") == 1
    assert "Soignez la problématique." in html


def test_quotes_are_escaped_buttons_with_their_page(ref: Referentiel) -> None:
    html = views.evidence_html(_assessment(), ref)
    assert '<button type="button" class="dr-quote" data-ev="0">' in html
    assert "&lt;b&gt;politique&lt;/b&gt;" in html and "<b>" not in html
    assert "(p. 4, 4.1)" in html and "(sans page)" in html
    assert len(views.evidence_items(_assessment())) == 2


def test_alerts_and_excerpts_are_escaped() -> None:
    assert "Ignore &lt;tout&gt;" in views.alerts_html(_assessment())
    ev = Evidence(quote="x", page=None)
    html = views.excerpt_html(Excerpt("avant <i>", "cité", " après"), ev)
    assert "<mark>cité</mark>" in html and "&lt;i&gt;" in html
    assert 'role="status"' in views.excerpt_html(None, ev) or "introuvable" in views.excerpt_html(
        None, ev
    )


def test_error_messages_are_announced() -> None:
    assert 'role="alert"' in views.message_html("Erreur <x>", "error")
    assert "&lt;x&gt;" in views.message_html("Erreur <x>", "error")


def test_the_summary_leads_with_what_needs_attention(ref: Referentiel) -> None:
    html = views.summary_html(_assessment(), ref, "Ce dossier semble écrit pour l'épreuve E4.")
    warning = html.index("Ce dossier semble écrit pour l&#x27;épreuve E4.")
    attention = html.index("À regarder en premier")
    alert = html.index("Instruction adressée à l&#x27;évaluateur</strong> (p. 3)")
    weak = html.index("<strong>C2</strong>")
    score = html.index("Compétences par avis")
    assert warning < attention < alert < weak < score  # the warning comes before any score
    assert "partiellement satisfait" in html[weak:score]
    assert "<strong>C3</strong>" not in html[attention:score]  # a satisfied one is not listed
    assert "Épreuve à vérifier" not in views.summary_html(_assessment(), ref)


def test_advice_says_where_to_add_what_is_missing(ref: Referentiel) -> None:
    html = views.advice_html(_assessment(), ref)
    assert "Manque : Facteur légal." in html
    assert "Où l'ajouter : dans la partie « 4.1 » (p. 4), à la suite" in html
    porter = html[html.index("Porter") :]
    assert "dans une partie à créer, intitulée « Matrice des 5 forces de Porter" in porter
