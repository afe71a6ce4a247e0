"""Deleting what the services keep about a dossier (a candidate's right to erasure)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Protocol

from assistant.settings import Settings

log = logging.getLogger(__name__)


class DossierStore(Protocol):
    def delete_dossier(self, sha: str) -> int: ...


def forget_dossier(sha256: str, settings: Settings, store: DossierStore) -> int:
    """Drop the dossier's vector collections and every cached document or stored report
    named after its hash (``home/cache/**``, ``reports/**``). Returns how many were deleted."""
    if len(sha256) < 16:
        raise ValueError("a dossier is forgotten by its full sha256")
    deleted = store.delete_dossier(sha256)
    for folder in (settings.home / "cache", settings.reports_dir):
        deleted += _delete_named(folder, sha256[:16])
    log.info("forgot dossier %s (%d items)", sha256[:16], deleted)
    return deleted


def _delete_named(folder: Path, prefix: str) -> int:
    if not folder.is_dir():
        return 0
    found = [p for p in folder.rglob(f"{prefix}*") if p.exists()]
    for path in found:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return len(found)
