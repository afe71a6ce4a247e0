"""End-to-end, as a candidate and a tutor would use the app, at 1366 px and at 390 px (a phone):
alerts first, the épreuve warning before a misleading score, results kept across a reload,
advice that says where, excerpts cut at word boundaries, French everywhere, the phone layout,
axe-core on every tab, and a tutor that answers the question asked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import CHROMIUM, AppServer, assert_accessible
from tests.tutor_dossiers import INJECTION_LINE, SAMPLE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Chromium absent (/usr/bin/chromium) : lancez scripts/install-browser.sh",
    ),
]

RESULT_TIMEOUT_MS = 180_000
WIDTHS = [1366, 390]
SAMPLE_MD = SAMPLE.with_suffix(".md")
# Strings Gradio shows in English when nothing translates them (texts, aria-labels, titles).
ENGLISH = [
    "Click to upload",
    "Drop File Here",
    "Drop files here",
    "Fullscreen",
    "Share",
    "Must be on Spaces",
    "Copy table data",
    "Copied to clipboard",
    "Table actions",
    "chatbot conversation",
    "Gradio footer navigation",
    "Use via API",
    "Built with Gradio",
    "Settings",
    "Stop Recording",
    "Open cell menu",
    "Clear",
    "Submit",
    "Loading",
    "Loading content",
    "Download",
    "Remove",
    "Close",
    "Copy",
    "Error",
    "common.complete",
    "upload_text.",
    "Cliquez pour télécharger",
]
VISIBLE_LABELS_JS = """() => Array.from(document.querySelectorAll('[aria-label],[title],[alt]'))
  .filter(e => e.checkVisibility())
  .flatMap(e => ['aria-label', 'title', 'alt'].map(a => e.getAttribute(a)).filter(Boolean))"""


@pytest.fixture(scope="module")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    server = AppServer(home=tmp_path_factory.mktemp("home")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def injected_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from eval.docbuild import build_pdf, markdown_to_items

    folder = tmp_path_factory.mktemp("dossiers")
    text = SAMPLE_MD.read_text(encoding="utf-8") + f"\n\n## Note\n\n{INJECTION_LINE}\n"
    return build_pdf(markdown_to_items(text), folder / "atelier-nomade-note.pdf")


@pytest.fixture(params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def page(request: pytest.FixtureRequest, browser: Any, app_server: AppServer) -> Iterator[Any]:
    context = browser.new_context(locale="fr-FR", viewport={"width": request.param, "height": 900})
    tab = context.new_page()
    tab.goto(app_server.url)
    tab.get_by_role("tab", name="Candidat").wait_for()
    yield tab
    context.close()


def analyse(page: Any, path: Path, epreuve: str = "E1") -> None:
    page.set_input_files("#candidat-upload input[type=file]", str(path))
    if epreuve != "E1":
        page.get_by_label("Épreuve").click()
        page.get_by_role("option", name=f"{epreuve} —").click()
    page.get_by_role("button", name="Analyser mon dossier").click()
    page.locator("table.dr-table").wait_for(timeout=RESULT_TIMEOUT_MS)


def assert_french(page: Any, where: str) -> None:
    text = page.evaluate("document.body.innerText")
    labels = page.evaluate(VISIBLE_LABELS_JS)
    found = [
        s
        for s in ENGLISH
        if re.search(rf"(?<![\wÀ-ÿ]){re.escape(s)}(?![\wÀ-ÿ])", text)
        or any(re.search(rf"(?<![\wÀ-ÿ]){re.escape(s)}(?![\wÀ-ÿ])", v) for v in labels)
    ]
    assert not found, f"{where}: anglais visible {found}"


def test_every_tab_is_french_and_accessible(page: Any) -> None:
    for name in ("Candidat", "Jury", "Tuteur"):
        page.get_by_role("tab", name=name).click()
        page.wait_for_timeout(300)
        assert_french(page, f"onglet {name}")
        assert_accessible(page, f"onglet {name}")
    page.get_by_role("tab", name="Candidat").click()
    assert page.get_by_text("Cliquez pour téléverser un fichier").first.is_visible()
    assert page.get_by_role("button", name="Partager").count() == 0


def test_the_summary_leads_with_alerts_and_the_epreuve_warning(
    page: Any, injected_pdf: Path
) -> None:
    analyse(page, injected_pdf, "E4")
    summary = page.locator(".dr-summary").inner_text()
    warning = summary.index("Épreuve à vérifier")
    attention = summary.index("À regarder en premier")
    alert = summary.index("Instruction adressée à l'évaluateur (p. ")
    weak = summary.index("Compétences non satisfaites")
    score = summary.index("Couverture des points de contrôle")
    assert warning < attention < alert < weak < score
    assert "semble écrit pour l'épreuve E1 plutôt que E4" in summary
    advice = page.locator(".dr-advice").inner_text()
    assert "Où l'ajouter : dans une partie à créer" in advice
    for name in ("Candidat", "Jury", "Tuteur"):
        page.get_by_role("tab", name=name).click()
        page.wait_for_timeout(300)
        assert_french(page, f"onglet {name} avec résultat")
        assert_accessible(page, f"onglet {name} avec résultat")


def test_results_survive_a_reload_until_deleted(page: Any) -> None:
    analyse(page, SAMPLE)
    before = page.locator("table.dr-table").inner_text()
    assert "Où l'ajouter : dans la partie" in page.locator(".dr-advice").inner_text()
    page.reload()
    page.locator("table.dr-table").wait_for(timeout=30_000)
    assert page.locator("table.dr-table").inner_text() == before
    assert "conservés pour cette session" in page.locator("#candidat-message").inner_text()
    page.get_by_role("button", name="Supprimer mon dossier").click()
    page.get_by_text("ont été supprimés").wait_for(timeout=30_000)
    page.reload()
    page.get_by_role("tab", name="Candidat").wait_for()
    page.wait_for_timeout(2_000)
    assert page.locator("table.dr-table").count() == 0


def test_an_excerpt_starts_and_ends_on_whole_words(page: Any) -> None:
    analyse(page, SAMPLE_MD)
    words = set(re.findall(r"[\wÀ-ÿ'’-]+", SAMPLE_MD.read_text(encoding="utf-8")))
    quotes = page.locator("button.dr-quote")
    for index in range(min(4, quotes.count())):
        quotes.nth(index).click()
        block = page.locator("#candidat-passage blockquote")
        block.wait_for(timeout=30_000)
        text = block.inner_text().strip().removeprefix("…").removesuffix("…").strip()
        first = re.findall(r"[\wÀ-ÿ'’-]+", text)[0]
        last = re.findall(r"[\wÀ-ÿ'’-]+", text)[-1]
        assert first in words and last in words, (first, last)


def test_phone_layout_has_no_overlap_and_no_stray_separator(page: Any) -> None:
    # no footer at all: Gradio's API and settings panels are in English, and on phones it
    # left a stray "·" where "Utiliser via API" was
    assert page.locator("footer").count() == 0 or not page.locator("footer").first.is_visible()
    assert "·" not in page.evaluate("document.body.innerText").split("Analyser mon dossier")[-1]
    page.locator("#candidat-epreuve input").wait_for()
    page.locator("#candidat-epreuve svg").first.wait_for()
    gap = page.evaluate(
        """() => { const input = document.querySelector('#candidat-epreuve input');
        const arrow = document.querySelector('#candidat-epreuve .icon-wrap, #candidat-epreuve svg');
        const box = input.getBoundingClientRect();
        const text = box.right - parseFloat(getComputedStyle(input).paddingRight);
        return arrow.getBoundingClientRect().left - text; }"""
    )
    assert gap >= 0, "le nom de l'épreuve passe sous la flèche"
    page.get_by_role("tab", name="Tuteur").click()
    page.get_by_label("Votre question").fill("Qu'attend le jury pour la SWOT ?")
    page.get_by_role("button", name="Poser la question").click()
    page.get_by_text("Sources du référentiel", exact=False).wait_for(timeout=60_000)
    page.locator("#tuteur-chat .message").first.wait_for()
    # the messages scroll inside a clipping box: the label must stand outside (above) it
    gap = page.evaluate(
        """() => { const label = document.querySelector(
              '#tuteur-chat label[data-testid=block-label]').getBoundingClientRect();
            let box = document.querySelector('#tuteur-chat .message');
            while (box && !['auto', 'scroll', 'hidden'].includes(getComputedStyle(box).overflowY)) {
              box = box.parentElement;
            }
            return box.getBoundingClientRect().top - label.bottom; }"""
    )
    assert gap >= -1, "l'étiquette de la conversation recouvre ses premières lignes"


def ask(page: Any, question: str, expected: str) -> str:
    """Ask, and wait for the answer (the last message) to hold ``expected``."""
    messages = page.locator("#tuteur-chat .message")
    before = messages.count()
    page.get_by_label("Votre question").fill(question)
    page.get_by_role("button", name="Poser la question").click()
    page.wait_for_function(
        """([before, expected]) => {
            const all = document.querySelectorAll('#tuteur-chat .message');
            return all.length >= before + 2 && all[all.length - 1].innerText.includes(expected);
        }""",
        arg=[before, expected],
        timeout=RESULT_TIMEOUT_MS,
    )
    return str(messages.last.inner_text())


def test_the_tutor_answers_the_question_asked(page: Any) -> None:
    page.get_by_role("tab", name="Tuteur").click()
    pestel = ask(page, "Qu'attend le jury pour l'analyse PESTEL en E1 ?", "(pestel) en E1")
    assert "crit-C2" in pestel and "Épreuve E1 —" not in pestel and "SWOT" not in pestel
    none = ask(page, "Mon dossier traite-t-il le RGAA ?", "Aucun dossier n'est chargé")
    assert "Déposez votre dossier" in none
    refusal = ask(page, "Écris-moi la conclusion de mon dossier", "Je ne rédige pas")
    assert "Qu'attend le jury pour la SWOT" in refusal
    page.set_input_files("#tuteur-upload input[type=file]", str(SAMPLE))
    rgaa = ask(page, "Mon dossier traite-t-il le RGAA ?", "d'après le moteur")
    assert "? Non, d'après le moteur" in rgaa and "Conseil :" in rgaa
    pestel_here = ask(page, "Mon analyse PESTEL est-elle complète ?", "d'après le moteur")
    assert "En partie" in pestel_here and "p. 5 «" in pestel_here
    assert_french(page, "onglet Tuteur avec réponses")
    assert_accessible(page, "onglet Tuteur avec réponses")
    page.locator("#tuteur-effacer").click()
    page.get_by_text("ont été effacés").wait_for(timeout=30_000)
    assert page.locator("#tuteur-chat .message").count() == 0
    after = ask(page, "Mon dossier traite-t-il le RGAA ?", "Aucun dossier n'est chargé")
    assert "Non, d'après le moteur" not in after
