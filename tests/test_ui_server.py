from __future__ import annotations

import stat
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.settings import UISettings
from assistant.ui.server import jury_accounts, server_port
from assistant.ui.workspace import Workspace, delete_session, safe_name, session_dir


def test_jury_accounts_from_variable_and_file(tmp_path: Path) -> None:
    users = tmp_path / "jury.txt"
    users.write_text("# comptes\nmarie:s3cret:avec:deux-points\n\n", encoding="utf-8")
    ui = UISettings(jury_users="paul:pw1, anne:pw2", jury_users_file=users)
    assert jury_accounts(ui) == [
        ("paul", "pw1"),
        ("anne", "pw2"),
        ("marie", "s3cret:avec:deux-points"),
    ]
    assert jury_accounts(UISettings()) == []


@pytest.mark.parametrize("bad", ["paul", "paul:", ":pw"])
def test_a_malformed_jury_account_is_a_french_error(bad: str) -> None:
    with pytest.raises(InputError, match="identifiant:mot_de_passe"):
        jury_accounts(UISettings(jury_users=bad))


def test_a_missing_accounts_file_is_a_french_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="illisible"):
        jury_accounts(UISettings(jury_users_file=tmp_path / "absent.txt"))


def test_gradio_server_port_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRADIO_SERVER_PORT", raising=False)
    assert server_port(UISettings(port=9000)) == 9000
    monkeypatch.setenv("GRADIO_SERVER_PORT", "9123")
    assert server_port(UISettings(port=9000)) == 9123


def test_workspace_adopts_uploads_and_is_deleted_with_its_session(tmp_path: Path) -> None:
    upload_dir = tmp_path / "gradio" / "abc123"
    for _ in range(2):
        upload_dir.mkdir(parents=True)
        (upload_dir / "mon dossier.pdf").write_bytes(b"%PDF")
        ws = Workspace.for_session(tmp_path / "sessions", "session-1", "candidat")
        kept = ws.adopt(upload_dir / "mon dossier.pdf")
    assert sorted(p.name for p in kept.parent.iterdir()) == [
        "mon dossier (2).pdf",
        "mon dossier.pdf",
    ]
    assert not upload_dir.exists()  # Gradio's upload folder went with the file
    assert stat.S_IMODE(kept.parent.stat().st_mode) & 0o077 == 0
    other = Workspace.for_session(tmp_path / "sessions", "session-2", "candidat")
    assert other.root != ws.root
    delete_session(tmp_path / "sessions", "session-1")
    assert not session_dir(tmp_path / "sessions", "session-1").exists()


def test_safe_name_keeps_no_folders() -> None:
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("a/b/Dossier final?.docx") == "Dossier final_.docx"
