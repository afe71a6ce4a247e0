"""Serving the app: one FastAPI application, private upload folder, optional jury login.

Gradio's login protects a whole Blocks app, not one tab. When jury accounts are configured the
jury view is therefore a separate Blocks app mounted at ``/jury/`` behind the login, and the
public app (Candidat, Tuteur) links to it; without accounts the Jury tab sits in the public
app. Uploads, reports and page previews live in one private temporary folder (mode 0700) that
is also Gradio's cache; it is deleted when the server stops.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from assistant.errors import InputError
from assistant.services import Services
from assistant.settings import UISettings

log = logging.getLogger(__name__)

JURY_PATH = "/jury"


def _parse_accounts(lines: list[str], origin: str) -> list[tuple[str, str]]:
    accounts = []
    for line in (item.strip() for item in lines):
        if not line or line.startswith("#"):
            continue
        user, sep, password = line.partition(":")
        if not sep or not user.strip() or not password:
            raise InputError(
                f"Compte jury mal écrit dans {origin} : utilisez « identifiant:mot_de_passe »."
            )
        accounts.append((user.strip(), password))
    return accounts


def jury_accounts(ui: UISettings) -> list[tuple[str, str]]:
    """Jury logins from ``jury_users`` ('user:pass,user2:pass2') and ``jury_users_file``."""
    accounts = _parse_accounts((ui.jury_users or "").split(","), "DOSSIER_REVIEW_UI__JURY_USERS")
    if ui.jury_users_file is not None:
        try:
            text = ui.jury_users_file.read_text(encoding="utf-8")
        except OSError as err:
            raise InputError(
                f"Fichier des comptes jury illisible ({ui.jury_users_file}) : vérifiez le chemin."
            ) from err
        accounts += _parse_accounts(text.splitlines(), str(ui.jury_users_file))
    return accounts


def server_port(ui: UISettings) -> int:
    """``GRADIO_SERVER_PORT`` wins over the settings."""
    return int(os.environ.get("GRADIO_SERVER_PORT") or ui.port)


def _mount_options(ui: UISettings) -> dict[str, Any]:
    from assistant.ui.app import CSS_PATH, HEAD, theme

    return {
        "max_file_size": int(ui.max_file_mb * 1024 * 1024),
        "footer_links": ["api", "settings"],
        "show_error": False,
        "ssr_mode": False,
        "pwa": False,
        "mcp_server": False,
        "enable_monitoring": False,
        "css": CSS_PATH.read_text(encoding="utf-8"),
        "head": HEAD,
        "theme": theme(),
    }


def create_app(services: Services, private_dir: Path) -> Any:
    """The FastAPI application serving the UI; ``private_dir`` becomes Gradio's cache."""
    os.environ["GRADIO_TEMP_DIR"] = str(private_dir)  # read by every Blocks built below
    import gradio as gr
    from fastapi import FastAPI

    from assistant.ui.app import build_blocks, build_jury_blocks
    from assistant.ui.context import AppContext

    ui = services.settings.ui
    ctx = AppContext(services, private_dir / "sessions")
    accounts = jury_accounts(ui)
    options = _mount_options(ui)
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    if accounts:
        auth_message = "Espace jury : connectez-vous avec le compte fourni par l'établissement."
        jury_app = build_jury_blocks(ctx)
        gr.mount_gradio_app(
            app, jury_app, JURY_PATH, auth=accounts, auth_message=auth_message, **options
        )
    main = build_blocks(ctx, jury_path=f"{JURY_PATH}/" if accounts else None)
    return gr.mount_gradio_app(app, main, "", **options)


def serve(services: Services) -> None:
    """Serve the app until interrupted, then delete every uploaded file."""
    import uvicorn

    ui = services.settings.ui
    private_dir = Path(tempfile.mkdtemp(prefix="dossier-review-ui-"))
    try:
        app = create_app(services, private_dir)
        port = server_port(ui)
        log.warning("dossier-review : application sur http://%s:%d/", ui.host, port)
        uvicorn.run(app, host=ui.host, port=port, log_level="warning")
    finally:
        shutil.rmtree(private_dir, ignore_errors=True)
