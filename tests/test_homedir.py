"""The data folder is private: 0700 folders, 0600 files, old permissions tightened."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from assistant.homedir import secure_home
from assistant.settings import PROJECT_ROOT


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_secure_home_tightens_an_old_home_and_sets_the_umask(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "chroma" / "seg").mkdir(parents=True, mode=0o755)
    (home / "chroma" / "chroma.sqlite3").write_bytes(b"x")
    os.chmod(home / "chroma" / "chroma.sqlite3", 0o644)
    os.chmod(home, 0o755)
    previous = os.umask(0o022)
    try:
        secure_home(home)
        fresh = home / "cache" / "documents"
        fresh.mkdir(parents=True)
        (fresh / "doc.json").write_text("{}")
    finally:
        os.umask(previous)
    for path in [home, *home.rglob("*")]:
        assert _mode(path) & 0o077 == 0, f"{path}: {oct(_mode(path))}"


def test_the_cli_makes_its_home_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "DOSSIER_REVIEW_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "purge", "--all"],
        capture_output=True,
        env=env,
        cwd=PROJECT_ROOT,
        timeout=120,
    )
    assert home.is_dir(), done.stderr.decode()
    assert _mode(home) & 0o077 == 0
