"""Serving the app: one FastAPI application, private upload folder, optional jury login.

Gradio's login protects a whole Blocks app, not one tab. When jury accounts are configured the
jury view is therefore a separate Blocks app mounted at ``/jury/`` behind the login, and the
public app (Candidat, Tuteur) links to it; without accounts the Jury tab sits in the public
app. Uploads, reports and page previews live in one private temporary folder (mode 0700) that
is also Gradio's cache; it is deleted when the server stops (SIGTERM and SIGINT included).

Every request first crosses the ``Gateway`` (opaque file names bound to their browser, the
file check of ``jail``, security headers, login throttling): see SECURITY.md.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import tempfile
from pathlib import Path
from types import FrameType
from typing import Any

from starlette.requests import Request

from assistant.errors import InputError
from assistant.services import Services
from assistant.settings import UISettings

log = logging.getLogger(__name__)

JURY_PATH = "/jury"
GRACE_S = 3  # seconds given to open connections when the server stops


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
    """The ASGI application serving the UI; ``private_dir`` becomes Gradio's cache."""
    os.environ["GRADIO_TEMP_DIR"] = str(private_dir)  # read by every Blocks built below
    import gradio as gr
    from fastapi import FastAPI

    from assistant.ingest.isolation import set_worker_limit
    from assistant.ui.app import TITLE, build_blocks, build_jury_blocks
    from assistant.ui.context import AppContext
    from assistant.ui.gateway import Gateway

    ui = services.settings.ui
    set_worker_limit(ui.concurrency)  # one parse or preview child per running assessment
    ctx = AppContext(services, private_dir / "sessions")
    accounts = jury_accounts(ui)
    options = _mount_options(ui)
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    if accounts:
        auth_message = "Espace jury : connectez-vous avec le compte fourni par l'établissement."
        jury_app = build_jury_blocks(ctx)
        _jury_routes(app)
        gr.mount_gradio_app(
            app, jury_app, JURY_PATH, auth=accounts, auth_message=auth_message, **options
        )
    main = build_blocks(ctx, jury_path=f"{JURY_PATH}/" if accounts else None)
    gr.mount_gradio_app(app, main, "", **options)
    return Gateway(app, private_dir, int(ui.max_file_mb * 1024 * 1024), page_title=TITLE)


def _jury_routes(app: Any) -> None:
    """``/jury`` leads to ``/jury/``; ``/jury/logout`` ends every session of the account."""
    from fastapi.responses import RedirectResponse

    def jury_root() -> RedirectResponse:
        return RedirectResponse(f"{JURY_PATH}/", status_code=307)

    def jury_logout(request: Request) -> RedirectResponse:
        gradio_app = _mounted(app, JURY_PATH)
        response = RedirectResponse(f"{JURY_PATH}/", status_code=302)
        if gradio_app is not None:
            names = [f"access-token-{gradio_app.cookie_id}"]
            names.append(f"access-token-unsecure-{gradio_app.cookie_id}")
            user = next(
                (gradio_app.tokens.get(request.cookies[n]) for n in names if n in request.cookies),
                None,
            )
            for token in [t for t, u in gradio_app.tokens.items() if user and u == user]:
                del gradio_app.tokens[token]
            for name in names:
                for path in ("/", JURY_PATH, f"{JURY_PATH}/"):
                    response.delete_cookie(name, path=path)
        return response

    app.add_api_route(JURY_PATH, jury_root, methods=["GET"], include_in_schema=False)
    app.add_api_route(f"{JURY_PATH}/logout", jury_logout, methods=["GET"], include_in_schema=False)


def _mounted(app: Any, path: str) -> Any:
    from starlette.routing import Mount

    for route in app.routes:
        if isinstance(route, Mount) and route.path == path:
            return route.app
    return None


def serve(services: Services) -> None:
    """Serve the app until interrupted, then delete every uploaded file.

    SIGTERM and SIGINT stop uvicorn, which waits at most ``GRACE_S`` for open connections (a
    browser's heartbeat stream never ends by itself), then the private folder is deleted on
    the way out (``finally``)."""
    import uvicorn

    ui = services.settings.ui
    private_dir = Path(tempfile.mkdtemp(prefix="dossier-review-ui-"))
    # uvicorn stops gracefully on SIGTERM, then raises the signal again with the handler that
    # was there before it: make that one unwind the stack, so that ``finally`` runs
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        app = create_app(services, private_dir)
        port = server_port(ui)
        log.warning("dossier-review : application sur http://%s:%d/", ui.host, port)
        config = uvicorn.Config(
            app, host=ui.host, port=port, log_level="warning", timeout_graceful_shutdown=GRACE_S
        )
        uvicorn.Server(config).run()
    finally:
        shutil.rmtree(private_dir, ignore_errors=True)
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
