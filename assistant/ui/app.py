"""Assembles the tabs into Gradio Blocks, with the ``/assess`` API endpoint."""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
from pathlib import Path

import gradio as gr
from gradio.data_classes import FileData
from gradio.events import api as api_endpoint

from assistant.errors import ReviewError
from assistant.ui import candidate, jail, jury, tutor
from assistant.ui.context import AppContext
from assistant.ui.workspace import delete_session, safe_name

log = logging.getLogger(__name__)
_MB = 1024 * 1024

TITLE = "dossier-review — pré-évaluation des dossiers de certification"
HEADER = (
    '<header class="dr-header"><h1>Pré-évaluation des dossiers de certification</h1>'
    "<p>Bachelor « Responsable de projet marketing et communication » (RNCP). "
    "L'outil prépare le travail du jury ; il ne décide jamais.</p></header>"
)
CSS_PATH = Path(__file__).with_name("style.css")
# The page is French: tell browsers and screen readers (Gradio's page template says "en"),
# and put Gradio's remaining English strings in French (french.js).
FRENCH_JS = Path(__file__).with_name("french.js")


def head_html() -> str:
    """What the page's <head> receives: the language, and Gradio's strings in French."""
    french = FRENCH_JS.read_text(encoding="utf-8")
    return f"<script>document.documentElement.lang = 'fr';</script><script>{french}</script>"


def theme() -> gr.themes.Base:
    """Gradio's default theme with colours that keep a 4.5:1 contrast (RGAA 3.2) and the
    system's fonts (the default would fetch web fonts: nothing may leave the machine)."""
    return gr.themes.Default(
        primary_hue="indigo",
        neutral_hue="gray",
        font=["system-ui", "Segoe UI", "Roboto", "DejaVu Sans", "sans-serif"],
        font_mono=["ui-monospace", "DejaVu Sans Mono", "monospace"],
    ).set(
        button_primary_background_fill="*primary_700",
        button_primary_background_fill_hover="*primary_800",
        button_primary_text_color="white",
        button_cancel_background_fill="#b91c1c",
        button_cancel_background_fill_hover="#991b1b",
        button_cancel_text_color="white",
        body_text_color_subdued="*neutral_600",
    )


def jury_link_html(path: str) -> str:
    return (
        '<div class="dr-jury-link"><h2>Espace jury</h2><p>L\'espace jury demande une connexion. '
        f'<a href="{path}">Ouvrir l\'espace jury (connexion requise)</a>.</p></div>'
    )


def _api_assess(ctx: AppContext, file: FileData | dict[str, object], epreuve: str) -> str:
    """Assess one dossier and return the JSON document of the output contract."""
    data = file if isinstance(file, dict) else file.model_dump()
    upload = Path(str(data.get("path") or ""))
    try:
        jail.inspect(upload, ctx.sessions_dir.parent, int(ctx.settings.ui.max_file_mb * _MB))
    except ReviewError as err:
        raise gr.Error(err.message, print_exception=False) from err
    (ctx.sessions_dir / "api").mkdir(parents=True, exist_ok=True, mode=0o700)
    folder = Path(tempfile.mkdtemp(dir=ctx.sessions_dir / "api"))
    path = folder / safe_name(str(data.get("orig_name") or upload.name))
    shutil.move(upload, path)
    try:
        return ctx.services.review.assess(path, epreuve).model_dump_json(indent=2)
    except ReviewError as err:
        raise gr.Error(err.message, print_exception=False) from err
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        with contextlib.suppress(OSError):
            upload.parent.rmdir()


def build_blocks(ctx: AppContext, *, jury_path: str | None = None) -> gr.Blocks:
    """The app; with ``jury_path`` the Jury tab only links to the protected jury app."""
    ui = ctx.settings.ui
    age = ui.cache_max_age_s
    blocks = gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(age, age))
    with blocks:

        def assess(file: FileData, epreuve: str) -> str:
            return _api_assess(ctx, file, epreuve)

        # declared first: private events named after their function must not take "/assess"
        api_endpoint(assess, api_name="assess", api_description="Pré-évaluation JSON d'un dossier.")
        gr.HTML(HEADER)
        with gr.Tabs():
            with gr.Tab("Candidat", id="candidat"):
                restore, restored = candidate.build(ctx)
            with gr.Tab("Jury", id="jury"):
                if jury_path:
                    gr.HTML(jury_link_html(jury_path))
                else:
                    jury.build(ctx)
            with gr.Tab("Tuteur", id="tuteur"):
                tutor.build(ctx)

        def forget_session(request: gr.Request) -> None:
            delete_session(ctx.sessions_dir, request.session_hash or "")
            ctx.forget_session(request.session_hash or "")
            ctx.keeper.release(ctx.browser_key(request))  # kept for a reload, then deleted

        blocks.load(restore, None, restored, api_visibility="private")
        blocks.unload(forget_session)
    blocks.queue(default_concurrency_limit=ui.concurrency, max_size=ui.max_queue)
    return blocks


def build_jury_blocks(ctx: AppContext) -> gr.Blocks:
    """The jury view alone, served behind a login."""
    age = ctx.settings.ui.cache_max_age_s
    blocks = gr.Blocks(
        title=f"Espace jury — {TITLE}", analytics_enabled=False, delete_cache=(age, age)
    )
    with blocks:
        gr.HTML(HEADER)
        jury.build(ctx, logout_href="logout")  # relative to /jury/: the login's logout route

        def forget_session(request: gr.Request) -> None:
            delete_session(ctx.sessions_dir, request.session_hash or "")
            ctx.forget_session(request.session_hash or "")

        blocks.unload(forget_session)
    ui = ctx.settings.ui
    blocks.queue(default_concurrency_limit=ui.concurrency, max_size=ui.max_queue)
    return blocks
