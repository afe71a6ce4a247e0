"""Screenshots of each tab of the app, with a result shown, at 1280 px and 390 px wide.

    python scripts/screenshots.py [OUT_FOLDER]

Starts the real app on a free port with a temporary DOSSIER_REVIEW_HOME, drives Debian's
headless Chromium, and writes candidat-1280.png, jury-390.png... (default: a new temp folder).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import AppServer, launch_chromium  # noqa: E402

WIDTHS = (1280, 390)
TIMEOUT_MS = 180_000


def _dossiers(folder: Path) -> list[Path]:
    from eval.docbuild import build_docx, build_pdf, markdown_to_items

    devset = ROOT / "eval" / "devset"
    herbea = (devset / "e1-01-herbea-cosmetique-bio.md").read_text(encoding="utf-8")
    pages = (devset / "e1-02-pages-vagabondes-librairie.md").read_text(encoding="utf-8")
    corrupt = folder / "dossier-corrompu.pdf"
    corrupt.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    return [
        build_pdf(markdown_to_items(herbea), folder / "herbea.pdf"),
        build_docx(markdown_to_items(pages), folder / "pages-vagabondes.docx"),
        corrupt,
    ]


def _candidate(page: Any, dossier: Path) -> None:
    page.set_input_files("#candidat-upload input[type=file]", str(dossier))
    page.get_by_role("button", name="Analyser mon dossier").click()
    page.locator("table.dr-table").wait_for(timeout=TIMEOUT_MS)
    page.locator("button.dr-quote").first.click()
    page.locator("#candidat-page img").wait_for(timeout=30_000)


def _jury(page: Any, dossiers: list[Path]) -> None:
    page.get_by_role("tab", name="Jury").click()
    page.set_input_files("#jury-upload input[type=file]", [str(d) for d in dossiers])
    page.get_by_role("button", name="Analyser les dossiers").click()
    page.get_by_text("en erreur").wait_for(timeout=TIMEOUT_MS)


def _tutor(page: Any) -> None:
    page.get_by_role("tab", name="Tuteur").click()
    page.get_by_label("Votre question").fill("Qu'attend le jury pour C14 ?")
    page.get_by_role("button", name="Poser la question").click()
    page.get_by_text("Sources du référentiel", exact=False).wait_for(timeout=60_000)


def shoot(out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="screenshots-"))
    dossiers = _dossiers(work)
    server = AppServer(home=work / "home").start()
    shots = []
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": 900}, locale="fr-FR")
                page.goto(server.url)
                for name, act in (
                    ("candidat", lambda p: _candidate(p, dossiers[0])),
                    ("jury", lambda p: _jury(p, dossiers)),
                    ("tuteur", _tutor),
                ):
                    act(page)
                    page.wait_for_timeout(800)
                    shots.append(out / f"{name}-{width}.png")
                    page.screenshot(path=str(shots[-1]), full_page=True)
                page.close()
            browser.close()
    finally:
        server.stop()
    return shots


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="dr-shots-"))
    out.mkdir(parents=True, exist_ok=True)
    for path in shoot(out):
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
