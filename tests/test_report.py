from __future__ import annotations

import io
import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from assistant.assessment import Alert, Assessment, Evidence
from assistant.referentiel.models import Referentiel
from assistant.report import PRE_ASSESSMENT_NOTICE, build_view, render
from assistant.report.view import evidence_location
from assistant.services import build_services
from assistant.settings import Settings
from tests.sample_assessment import SCRIPT_QUOTE, make_assessment

WHEN = datetime(2026, 3, 14, 9, 30)


@pytest.fixture(scope="module")
def referentiel(tmp_path_factory: pytest.TempPathFactory) -> Referentiel:
    home = tmp_path_factory.mktemp("home")
    return build_services(Settings(home=home)).referentiel


@pytest.fixture
def assessment(referentiel: Referentiel) -> Assessment:
    return make_assessment(referentiel, "E1", filename="dossier <b>Durand</b>.pdf")


def _text(assessment: Assessment, referentiel: Referentiel, fmt: str) -> str:
    return render(assessment, referentiel, fmt, generated_at=WHEN).decode()  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_report_states_it_is_a_pre_assessment_with_versions_and_every_checkpoint(
    assessment: Assessment, referentiel: Referentiel, fmt: str
) -> None:
    text = _text(assessment, referentiel, fmt)
    assert PRE_ASSESSMENT_NOTICE.replace("'", "&#39;" if fmt == "html" else "'") in text
    for fact in (referentiel.version, "0.1.0", "0123456789ab", "14/03/2026 09:30", "hors ligne"):
        assert fact in text
    for checkpoint in assessment.checkpoints:
        assert checkpoint.id in text
    for label in ("✔ Présent", "◐ Partiel", "✘ Absent", "Partiellement satisfait"):
        assert label in text


def test_markdown_summary_counts_match_the_assessment(
    assessment: Assessment, referentiel: Referentiel
) -> None:
    text = _text(assessment, referentiel, "md")
    statuses = [cp.status for cp in assessment.checkpoints]
    line = next(line for line in text.splitlines() if line.startswith("- Points de contrôle"))
    assert f"({len(statuses)})" in line
    assert f"✔ Présent : {statuses.count('present')}" in line
    assert f"◐ Partiel : {statuses.count('partial')}" in line
    assert f"✘ Absent : {statuses.count('absent')}" in line


def test_quotes_carry_page_and_section(assessment: Assessment, referentiel: Referentiel) -> None:
    text = _text(assessment, referentiel, "md")
    first = assessment.checkpoints[0]
    assert f"p. {first.evidence[0].page}, 2.3 Analyse" in text
    assert evidence_location(12, "2.3 Analyse PESTEL") == "p. 12, 2.3 Analyse PESTEL"
    assert evidence_location(None, None) == "sans page"


def test_calculation_alert_shows_expected_and_found_figures(
    assessment: Assessment, referentiel: Referentiel
) -> None:
    text = _text(assessment, referentiel, "md")
    assert "valeur attendue (recalculée) : 50\u202f000 €" in text
    assert "valeur trouvée dans le dossier : 40\u202f000 €" in text
    assert "charges fixes : 20\u202f000" in text
    assert "Erreur de calcul" in text and "breakeven" not in text


def test_every_gap_has_a_recommendation_for_the_candidate(
    assessment: Assessment, referentiel: Referentiel
) -> None:
    view = build_view(assessment, referentiel, WHEN)
    gaps = [cp for cp in view.checkpoints if cp.status.text != "Présent"]
    assert gaps
    for cp in gaps:
        assert cp.recommendation, cp.id
        assert cp.recommendation in view.recommendations
    assert "Relisez la conclusion." in view.recommendations


def test_html_escapes_dossier_text(assessment: Assessment, referentiel: Referentiel) -> None:
    html = _text(assessment, referentiel, "html")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<b>Durand</b>" not in html


def test_markdown_neutralises_dossier_markup(
    assessment: Assessment, referentiel: Referentiel
) -> None:
    markdown = _text(assessment, referentiel, "md")
    rendered = MarkdownIt("commonmark", {"html": True}).render(markdown)
    assert "<script>" not in rendered
    assert "<b>Durand</b>" not in rendered
    assert "alert(&quot;x&quot;)" in rendered  # the quote is shown, as text


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.th_without_scope = 0
        self.external: list[str] = []
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "th" and values.get("scope") not in ("col", "row"):
            self.th_without_scope += 1
        for name in ("src", "href"):
            if values.get(name):
                self.external.append(str(values[name]))
        if tag in ("link", "script", "img", "iframe"):
            self.external.append(tag)


def test_html_is_self_contained_and_accessible(
    assessment: Assessment, referentiel: Referentiel
) -> None:
    outline = _Outline()
    outline.feed(_text(assessment, referentiel, "html"))
    assert outline.lang == "fr"
    assert outline.external == []
    assert outline.th_without_scope == 0
    assert outline.headings[0] == 1 and outline.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(outline.headings, outline.headings[1:], strict=False))


def test_json_is_the_contract(assessment: Assessment, referentiel: Referentiel) -> None:
    data = render(assessment, referentiel, "json")
    assert Assessment.model_validate_json(data) == assessment


def test_pdf_report_opens_and_holds_the_key_french_texts(
    assessment: Assessment, referentiel: Referentiel, tmp_path: Path
) -> None:
    assessment.checkpoints[0].evidence.append(Evidence(quote="Un <b>gras</b> & <i>", page=4))
    data = render(assessment, referentiel, "pdf", generated_at=WHEN)
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert len(reader.pages) >= 2
    for expected in (
        "Pré-évaluation automatique destinée au jury",
        "Synthèse",
        "Présent",
        "Partiellement satisfait",
        "Recommandations pour le candidat",
        "Un <b>gras</b> & <i>",
        SCRIPT_QUOTE,
        f"page 1 / {len(reader.pages)}",
        referentiel.version,
    ):
        assert expected in text, expected
    for checkpoint in assessment.checkpoints:
        assert checkpoint.id in text
    assert reader.metadata is not None and "Pré-évaluation" in str(reader.metadata.title)


def test_ids_unknown_to_this_referentiel_are_shown_as_they_are(
    assessment: Assessment, referentiel: Referentiel
) -> None:
    future = assessment.model_copy(deep=True)
    future.checkpoints[0].id = "nouveau_point"
    future.criteria[0].competency = "C99"
    text = _text(future, referentiel, "md")
    assert "`nouveau_point` nouveau_point" in text
    assert "`C99` — compétence inconnue de ce référentiel" in text


def test_pdf_report_with_many_long_alerts_breaks_across_pages(
    assessment: Assessment, referentiel: Referentiel
) -> None:
    long_quote = "Texte masqué en blanc sur blanc : " + "consigne cachée " * 30
    many = assessment.model_copy(deep=True)
    many.alerts = [
        Alert(kind="hidden_text", page=i, quote=long_quote, message="Texte invisible.")
        for i in range(1, 31)
    ]
    reader = PdfReader(io.BytesIO(render(many, referentiel, "pdf")))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Alertes (30)" in text
    assert text.count("Texte invisible.") == 30
