"""The juror's day in the browser: the real app behind the jury login, headless Chromium.

Triage a mixed batch (one dossier filed under the wrong épreuve, one with a copied paragraph),
open a dossier from the table, override three checkpoints, comment, sign off, reload: every
decision and the sign-off are still there, and the agreement view counts them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import CHROMIUM, AppServer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Chromium absent (/usr/bin/chromium) : lancez scripts/install-browser.sh",
    ),
]

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "eval" / "devset"
RESULT_TIMEOUT_MS = 300_000
USER, PASSWORD = "anne", "mot-de-passe-du-jury"
COPIED_OPENING = "Les concurrents directs sont Melvita"


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """An E1 dossier, another E1 dossier carrying one of its paragraphs, an E3 dossier."""
    folder = tmp_path_factory.mktemp("lot")
    herbea = (DEVSET / "e1-01-herbea-cosmetique-bio.md").read_text(encoding="utf-8")
    copied = next(b for b in herbea.split("\n\n") if b.startswith(COPIED_OPENING))
    pages = (DEVSET / "e1-02-pages-vagabondes-librairie.md").read_text(encoding="utf-8")
    blocks = pages.split("\n\n")
    files = {
        "herbea.md": herbea,
        "pages.md": "\n\n".join([*blocks[:12], copied, *blocks[12:]]),
        "bocal.md": (DEVSET / "e3-03-bocal-vrac-epicerie.md").read_text(encoding="utf-8"),
        "theatre.md": (DEVSET / "e3-04-theatre-des-quais-tournee.md").read_text(encoding="utf-8"),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in files]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    env = {"DOSSIER_REVIEW_UI__JURY_USERS": f"{USER}:{PASSWORD}"}
    app = AppServer(home=tmp_path_factory.mktemp("home"), env=env).start(timeout=120)
    yield app
    app.stop()


def login(page: Any, server: AppServer) -> None:
    page.goto(server.url + "jury/")
    page.locator("input[type=text], input[name=username]").first.fill(USER)
    page.locator("input[type=password]").fill(PASSWORD)
    page.locator("input[type=password]").press("Enter")
    page.get_by_role("heading", name="Espace jury").wait_for(timeout=60_000)


def row_texts(page: Any) -> list[str]:
    rows = page.locator("#jury-batch tbody tr")
    return [rows.nth(i).inner_text() for i in range(rows.count())]


def test_triage_decide_sign_off_reload(browser: Any, server: AppServer, batch: list[Path]) -> None:
    context = browser.new_context(locale="fr-FR", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    login(page, server)

    # a mixed batch: each dossier gets its own épreuve; bocal is an E3 dossier filed as E1
    page.set_input_files("#jury-upload input[type=file]", [str(p) for p in batch])
    plan = page.locator("#jury-plan")
    plan.get_by_test_id("cell-3-0").get_by_text("theatre.md").wait_for(timeout=30_000)
    plan.get_by_test_id("cell-3-1").dblclick()
    page.keyboard.press("Control+A")
    page.keyboard.type("E3")
    page.keyboard.press("Enter")
    plan.get_by_test_id("cell-3-1").get_by_text("E3").first.wait_for(timeout=10_000)
    page.get_by_role("button", name="Analyser les dossiers").click()
    page.get_by_text("4 dossier(s) analysé(s), 0 en erreur").wait_for(timeout=RESULT_TIMEOUT_MS)
    texts = row_texts(page)
    assert len(texts) == 4, texts
    theatre = next(t for t in texts if "theatre.md" in t)
    assert theatre.split("\t")[1] == "E3" and "correspond mieux" not in theatre, theatre
    with page.expect_download() as grid:
        page.get_by_role("button", name="Télécharger la grille du lot (CSV)").click()
    grid_text = Path(grid.value.path()).read_text(encoding="utf-8-sig")
    assert grid_text.startswith("fichier;empreinte;epreuve;point_de_controle;avis_outil;")
    assert "bocal.md" in grid_text
    bocal = next(t for t in texts if "bocal.md" in t)
    assert "correspond mieux à E3" in bocal
    assert all("correspond mieux" not in t for t in texts if "bocal.md" not in t)
    shared = {t.split("\t")[0]: t.split("\t")[6] for t in texts}
    assert shared == {"herbea.md": "1", "pages.md": "1", "bocal.md": "0", "theatre.md": "0"}

    # sort by clicking a header: coverage ascending then descending
    page.locator("#jury-batch thead button", has_text="Couverture").click()
    covers = [int(t.split("\t")[2].rstrip(" %")) for t in row_texts(page)]
    assert covers == sorted(covers)
    page.locator("#jury-batch thead button", has_text="Couverture").click()
    covers = [int(t.split("\t")[2].rstrip(" %")) for t in row_texts(page)]
    assert covers == sorted(covers, reverse=True)
    header = page.locator("#jury-batch thead th", has_text="Couverture")
    assert header.get_attribute("aria-sort") == "descending"

    # open a dossier by clicking its row
    page.locator("#jury-batch tbody tr", has_text="herbea.md").click()
    page.locator("#jury-dossier").get_by_text("herbea.md").wait_for(timeout=30_000)
    assert "Passages communs" in page.locator("#jury-shared").inner_text()
    assert COPIED_OPENING in page.locator("#jury-shared").inner_text()

    # a quote opens its context (a Markdown dossier has no page to draw)
    page.locator("#jury-checkpoints button.dr-quote").first.click()
    page.locator("#jury-excerpt").wait_for(state="visible", timeout=30_000)
    assert page.locator("#jury-excerpt").inner_text().strip()

    # override three checkpoints, one of them with a comment
    tool = {
        row.get_attribute("data-checkpoint"): row.locator("td").first.inner_text()
        for row in page.locator("#jury-checkpoints tbody tr").all()
    }
    overridden = ["pestel", "swot", "plan_communication"]
    for checkpoint in overridden:
        other = "Absent" if "Absent" not in tool[checkpoint] else "Partiel"
        label = page.locator(f"#jury-checkpoints tr[data-checkpoint={checkpoint}] th").inner_text()
        page.locator("#jury-cp input").click()
        page.get_by_role("option", name=label, exact=True).click()
        page.locator("#jury-cp-decision").get_by_label(other, exact=True).check()
        comment = "Aucun facteur légal analysé." if checkpoint == "pestel" else ""
        page.locator("#jury-cp-comment textarea").fill(comment)
        page.locator("#jury-cp-save").click()
        page.locator(f"#jury-checkpoints tr[data-checkpoint={checkpoint}]").get_by_text(
            f"({USER})"
        ).wait_for(timeout=30_000)
    page.locator("#jury-signoff-comment textarea").fill("Dossier solide ; veille à étoffer.")
    page.locator("#jury-signoff").click()
    page.locator("#jury-signoff-status").get_by_text(f"Signé par {USER}").wait_for(timeout=30_000)
    page.locator("#jury-agreement").get_by_text("Points de contrôle décidés : 3").wait_for(
        timeout=30_000
    )

    # reload: the batch, the decisions, the comment and the sign-off are still there
    page.reload()
    page.locator("#jury-batch tbody tr", has_text="herbea.md").wait_for(timeout=60_000)
    texts = row_texts(page)
    herbea = next(t for t in texts if "herbea.md" in t)
    assert "3/" in herbea and USER in herbea, herbea
    page.locator("#jury-batch tbody tr", has_text="herbea.md").click()
    page.locator("#jury-dossier").get_by_text(f"Signé par {USER}").wait_for(timeout=30_000)
    assert "veille à étoffer" in page.locator("#jury-dossier").inner_text()
    pestel = page.locator("#jury-checkpoints tr[data-checkpoint=pestel]").inner_text()
    assert "Aucun facteur légal analysé." in pestel and USER in pestel
    agreement = page.locator("#jury-agreement").inner_text()
    assert "Points de contrôle décidés : 3" in agreement
    assert "accord : 0 %" in agreement  # three overrides: the jury disagreed each time

    # the export reflects it too
    page.get_by_role("button", name="Exporter l'accord (JSON et Markdown)").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger le JSON").click()
    import json

    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["overall"]["n"] == 3 and exported["overall"]["agreement"] == 0.0

    # logout ends the session: the jury page asks for the login again
    page.get_by_role("link", name="Se déconnecter").click()
    page.locator("input[type=password]").wait_for(timeout=30_000)

    # restart: the store of record is on disk, the decisions come back with the app
    server.stop()
    server.start(timeout=120)
    login(page, server)
    page.locator("#jury-batch tbody tr", has_text="herbea.md").wait_for(timeout=60_000)
    herbea = next(t for t in row_texts(page) if "herbea.md" in t)
    assert "3/" in herbea and USER in herbea, herbea
    context.close()
