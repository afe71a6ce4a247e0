"""Jury login: with accounts configured, the jury view sits at /jury/ behind Gradio's login."""

from __future__ import annotations

import urllib.error
import urllib.request
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


@pytest.fixture(scope="module")
def protected(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    env = {"DOSSIER_REVIEW_UI__JURY_USERS": "jury1:motdepasse-long"}
    server = AppServer(home=tmp_path_factory.mktemp("home-auth"), env=env).start()
    yield server
    server.stop()


def _login(page: Any, url: str, password: str) -> None:
    page.goto(url + "jury/")
    page.locator("input[type=password]").wait_for(timeout=30_000)
    page.locator("input:not([type=password])").first.fill("jury1")
    page.locator("input[type=password]").fill(password)
    page.locator("input[type=password]").press("Enter")


def test_jury_view_needs_a_login_and_the_public_app_links_to_it(
    protected: AppServer, tmp_path: Path, browser: Any
) -> None:
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(protected.url + "jury/config")
    assert refused.value.code == 401
    page = browser.new_page(locale="fr-FR")
    page.goto(protected.url)
    page.get_by_role("tab", name="Jury").click()
    assert page.get_by_role("link", name="Ouvrir l'espace jury (connexion requise)").is_visible()
    assert page.get_by_text("Déposez les dossiers du lot").count() == 0

    _login(page, protected.url, "mauvais")
    page.wait_for_timeout(1500)
    assert page.get_by_text("Déposez les dossiers du lot").count() == 0

    _login(page, protected.url, "motdepasse-long")
    page.get_by_text("Déposez les dossiers du lot").wait_for(timeout=30_000)
    page.close()
