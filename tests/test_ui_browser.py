"""End-to-end: the real app (``python app.py``) driven in Debian's headless Chromium.

Skipped only when /usr/bin/chromium is absent (CI installs it with scripts/install-browser.sh).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.assessment import Assessment
from tests.browser import CHROMIUM, AppServer, assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Chromium absent (/usr/bin/chromium) : lancez scripts/install-browser.sh",
    ),
]

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "eval" / "devset"
RESULT_TIMEOUT_MS = 180_000


@pytest.fixture(scope="session")
def dossiers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two real dossiers (PDF, DOCX) made from the dev set, and a corrupt PDF."""
    from eval.docbuild import build_docx, build_pdf, markdown_to_items

    folder = tmp_path_factory.mktemp("dossiers")
    herbea = (DEVSET / "e1-01-herbea-cosmetique-bio.md").read_text(encoding="utf-8")
    pages = (DEVSET / "e1-02-pages-vagabondes-librairie.md").read_text(encoding="utf-8")
    corrupt = folder / "dossier-corrompu.pdf"
    corrupt.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    return {
        "pdf": build_pdf(markdown_to_items(herbea), folder / "herbea.pdf"),
        "docx": build_docx(markdown_to_items(pages), folder / "pages-vagabondes.docx"),
        "corrupt": corrupt,
    }


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    server = AppServer(home=tmp_path_factory.mktemp("home")).start()
    yield server
    server.stop()


@pytest.fixture
def page(browser: Any, app_server: AppServer) -> Iterator[Any]:
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(app_server.url)
    tab.get_by_role("tab", name="Candidat").wait_for()
    yield tab
    context.close()


def test_every_tab_passes_axe_before_use(page: Any) -> None:
    assert page.evaluate("document.documentElement.lang") == "fr"
    for name in ("Candidat", "Jury", "Tuteur"):
        page.get_by_role("tab", name=name).click()
        page.wait_for_timeout(300)
        assert_accessible(page, f"onglet {name}")


def test_candidate_sees_checkpoints_quotes_and_the_quoted_page(
    page: Any, dossiers: dict[str, Path], app_server: AppServer
) -> None:
    page.set_input_files("#candidat-upload input[type=file]", str(dossiers["pdf"]))
    page.get_by_role("button", name="Analyser mon dossier").click()
    table = page.locator("table.dr-table")
    table.wait_for(timeout=RESULT_TIMEOUT_MS)
    assert "Analyse PESTEL du macro-environnement" in table.inner_text()
    statuses = page.locator(".dr-status").all_inner_texts()
    assert statuses and set(statuses) <= {"Présent", "Partiel", "Absent"}
    assert "Le jury décide" in page.locator(".dr-summary").inner_text()
    quote = page.locator("button.dr-quote").first
    assert "(p. " in quote.inner_text()
    quote.click()
    image = page.locator("#candidat-page img")
    image.wait_for(timeout=30_000)
    assert "passage surligné" in page.locator("#candidat-page").inner_text()
    for label in ("Rapport HTML", "Rapport PDF", "Données JSON"):
        assert page.get_by_role("button", name=label).is_visible()
    assert_accessible(page, "onglet Candidat avec résultat")

    sha = hashlib.sha256(dossiers["pdf"].read_bytes()).hexdigest()
    cached = list((app_server.home / "cache").rglob(f"{sha}*"))
    assert cached  # the assessment left its cached text behind...
    page.get_by_role("button", name="Supprimer mon dossier").click()
    page.get_by_text("ont été supprimés").wait_for(timeout=30_000)
    assert not table.is_visible()
    assert not any(path.exists() for path in cached)  # ...and the button erased it


def test_candidate_sees_a_french_error_for_a_corrupt_file(
    page: Any, dossiers: dict[str, Path]
) -> None:
    page.set_input_files("#candidat-upload input[type=file]", str(dossiers["corrupt"]))
    page.get_by_role("button", name="Analyser mon dossier").click()
    alert = page.locator("#candidat-message [role=alert]")
    alert.wait_for(timeout=RESULT_TIMEOUT_MS)
    assert "endommagé" in alert.inner_text()
    assert "Traceback" not in page.content()


def test_jury_sees_two_results_and_one_french_error(page: Any, dossiers: dict[str, Path]) -> None:
    page.get_by_role("tab", name="Jury").click()
    files = [str(dossiers[k]) for k in ("pdf", "docx", "corrupt")]
    page.set_input_files("#jury-upload input[type=file]", files)
    page.locator("#jury-plan").get_by_text("dossier-corrompu.pdf").wait_for(timeout=30_000)
    page.get_by_role("button", name="Analyser les dossiers").click()
    page.get_by_text("2 dossier(s) analysé(s), 1 en erreur").wait_for(timeout=RESULT_TIMEOUT_MS)
    errors = page.locator("#jury-message [role=alert]").all_inner_texts()
    assert len(errors) == 1 and "dossier-corrompu.pdf" in errors[0] and "endommagé" in errors[0]
    rows = page.locator("#jury-batch tbody tr")
    texts = [rows.nth(i).inner_text() for i in range(rows.count())]
    assert sorted(t.split("\t")[0] for t in texts) == ["herbea.pdf", "pages-vagabondes.docx"]

    page.get_by_label("Filtrer les dossiers").fill("herbea")
    page.wait_for_function(
        "document.querySelectorAll('#jury-batch tbody tr').length === 1", timeout=15_000
    )
    assert_accessible(page, "onglet Jury avec résultats")

    page.locator("#jury-batch tbody tr", has_text="herbea.pdf").click()
    page.locator("#jury-dossier").get_by_text("herbea.pdf").wait_for(timeout=30_000)
    assert page.locator("#jury-checkpoints tbody tr").count() > 5
    page.wait_for_function(  # Gradio dims an output (opacity .2) while its event runs
        "!document.querySelector('#jury-dossier-view .pending, #jury-table .pending')",
        timeout=30_000,
    )
    assert_accessible(page, "dossier ouvert dans l'onglet Jury")


def test_tutor_answers_with_a_cited_criterion(page: Any) -> None:
    page.get_by_role("tab", name="Tuteur").click()
    page.get_by_label("Votre question").fill("Qu'attend le jury pour C14 ?")
    page.get_by_role("button", name="Poser la question").click()
    answer = page.get_by_text("Sources du référentiel", exact=False)
    answer.wait_for(timeout=60_000)
    chat = page.locator("#tuteur-chat").inner_text()
    assert "Pour C14" in chat and "seuil de rentabilité" in chat
    assert_accessible(page, "onglet Tuteur avec réponse")


def test_assess_endpoint_returns_the_contract_json(
    app_server: AppServer, dossiers: dict[str, Path]
) -> None:
    from gradio_client import Client, handle_file

    client = Client(app_server.url, verbose=False)
    result = client.predict(handle_file(str(dossiers["pdf"])), "E1", api_name="/assess")
    assessment = Assessment.model_validate_json(result)
    assert assessment.epreuve == "E1"
    assert assessment.document.filename == "herbea.pdf"
    assert any(c.id == "pestel" for c in assessment.checkpoints)
    with pytest.raises(Exception, match="épreuve"):
        client.predict(handle_file(str(dossiers["pdf"])), "E9", api_name="/assess")
