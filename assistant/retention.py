"""Deleting what the services keep about a dossier (a candidate's right to erasure)."""

from __future__ import annotations

import logging
import shutil
from typing import Protocol

from assistant.settings import Settings

log = logging.getLogger(__name__)


class DossierStore(Protocol):
    def delete_dossier(self, sha: str) -> int: ...


def forget_dossier(sha256: str, settings: Settings, store: DossierStore) -> int:
    """Drop the dossier's vector collections and any stored report named after its hash.

    Returns how many things were deleted.
    """
    deleted = store.delete_dossier(sha256)
    reports = settings.reports_dir
    if reports.is_dir():
        for path in reports.iterdir():
            if path.name.startswith(sha256[:16]):
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                deleted += 1
    log.info("forgot dossier %s (%d items)", sha256[:16], deleted)
    return deleted
