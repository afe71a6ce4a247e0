"""Erasure of dossiers (a candidate's right to erasure, and the retention period).

A dossier leaves, under ``settings.home`` (``assistant.home.Home``), keyed by the first 16 hex
digits of its sha256:

- ``cache/documents/<sha256>-v*.json``: the ingested Document, its whole text;
- ``cache/results/<sha256>-*.json``: its finished assessments (quotes from its text);
- ``audit/<sha16>/``: the LLM audit records (prompts and answers);
- the Chroma collections ``dossier-<sha16>-*``: vectors and positions;
- in the jury workspace (``jury.sqlite3``): the dossier, its assessments, decisions and
  sign-offs. The jury's records are the store of record of a certification session: the app's
  "Supprimer mon dossier" and the end of a browser session leave them; the CLI's explicit
  erasure (``purge FICHIER`` / ``--sha`` / ``--all``) removes them, and ``--expired`` removes
  those idle for more than ``jury_retention_days``.

Purging deletes all of these, then compacts the store so that the deleted vectors are gone
from the disk too (``store_compact``), not only from Chroma's view.
"""

from __future__ import annotations

import logging
import re
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from assistant.errors import InputError
from assistant.index.store_compact import Compaction
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.jury.store import JuryStore

log = logging.getLogger(__name__)

KEY_LENGTH = 16
_HEX = re.compile(r"^[0-9a-f]{16,64}$")
_DAY_S = 86_400


class DossierStore(Protocol):
    def delete_dossier(self, sha: str) -> int: ...

    def list_dossiers(self) -> list[str]: ...

    def compact(self) -> Compaction | None: ...


@dataclass
class PurgeResult:
    """What a purge deleted."""

    dossiers: list[str] = field(default_factory=list)
    files: int = 0
    collections: int = 0
    jury: int = 0
    compaction: Compaction | None = None


class PurgeService:
    """Deletes dossiers everywhere the services keep them. Build it with ``build_services``."""

    def __init__(self, settings: Settings, store: Callable[[], DossierStore]) -> None:
        self.settings = settings
        self._store = store

    def purge_dossier(self, sha: str, jury: bool = False) -> PurgeResult:
        """Delete one dossier given its sha256 (or its first 16 hex digits at least); with
        ``jury``, its records in the jury workspace too."""
        key = _key(sha)
        result = self._purge([key])
        if jury and self._has_jury():
            result.jury = self._jury().delete_by_prefix(key)
        return result

    def purge_file(self, path: Path, jury: bool = False) -> PurgeResult:
        """Delete the dossier whose bytes are those of the file at ``path``."""
        import hashlib

        try:
            digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except (OSError, ValueError) as err:
            raise InputError(
                f"Le fichier « {Path(path).name} » est introuvable ou illisible ; donnez le "
                "dossier tel qu'il a été envoyé, ou son empreinte avec --sha.",
                detail=str(err),
            ) from err
        return self.purge_dossier(digest, jury=jury)

    def purge_expired(self, now: float | None = None) -> PurgeResult:
        """Delete every dossier stored more than ``retention_days`` ago. A dossier known only
        to the vector store (no dated file) counts as expired: nothing shows it is recent.
        The jury workspace keeps a dossier ``jury_retention_days`` after its last activity."""
        now = time.time() if now is None else now
        limit = now - self.settings.retention_days * _DAY_S
        dated = self._dated_keys()
        undated = set(self._stored_keys()) - set(dated)
        expired = sorted(k for k, stamp in dated.items() if stamp < limit) + sorted(undated)
        result = self._purge(expired)
        if self._has_jury():
            jury_limit = now - self.settings.jury_retention_days * _DAY_S
            idle = self._jury().delete_idle_since(datetime.fromtimestamp(jury_limit, UTC))
            result.jury = len(idle)
        return result

    def purge_all(self) -> PurgeResult:
        """Delete every dossier, the jury workspace's records included."""
        result = self._purge(sorted(set(self._dated_keys()) | set(self._stored_keys())))
        if self._has_jury():
            jury = self._jury()
            result.jury = sum(jury.delete_dossier(d.sha256) for d in jury.dossiers())
        return result

    def known_dossiers(self) -> list[str]:
        """Short hashes (16 hex digits) of every dossier with something kept."""
        return sorted(set(self._dated_keys()) | set(self._stored_keys()))

    # ------------------------------------------------------------ internals

    def _purge(self, keys: list[str]) -> PurgeResult:
        result = PurgeResult(dossiers=keys)
        for key in keys:
            result.files += sum(_delete(path) for path in self._files_of(key))
        if self._has_store():
            store = self._store()
            result.collections = sum(store.delete_dossier(key) for key in keys)
            result.compaction = store.compact()
        log.info(
            "purged %d dossier(s): %d files, %d collections",
            len(keys),
            result.files,
            result.collections,
        )
        return result

    def _files_of(self, key: str) -> list[Path]:
        home = self.settings.folders
        found = [home.audit / key]
        if home.cache.is_dir():
            found.extend(home.cache.rglob(f"{key}*"))
        return [path for path in found if path.exists()]

    def _dated_keys(self) -> dict[str, float]:
        """Short hash -> time of the newest file kept about the dossier."""
        stamps: dict[str, float] = {}
        for path in self._all_files():
            key = path.name[:KEY_LENGTH]
            if _HEX.match(key):
                stamp = path.stat().st_mtime
                stamps[key] = max(stamps.get(key, stamp), stamp)
        return stamps

    def _all_files(self) -> Iterable[Path]:
        home = self.settings.folders
        if home.audit.is_dir():
            yield from (p for p in home.audit.iterdir() if p.is_dir())
        for folder in (home.documents, home.results):
            if folder.is_dir():
                yield from (p for p in folder.rglob("*") if p.is_file())

    def _stored_keys(self) -> list[str]:
        return self._store().list_dossiers() if self._has_store() else []

    def _has_jury(self) -> bool:
        """The jury workspace exists (never create one here)."""
        return self.settings.folders.jury.is_file()

    def _jury(self) -> JuryStore:
        from assistant.jury.store import JuryStore

        return JuryStore(self.settings.folders.jury)

    def _has_store(self) -> bool:
        """A Chroma server, or an embedded store already created (never create one here)."""
        return bool(self.settings.store_url) or self.settings.folders.chroma.is_dir()


def _key(sha: str) -> str:
    clean = sha.strip().lower()
    if not _HEX.match(clean):
        raise InputError(
            f"L'empreinte « {sha[:80]} » n'est pas valide : donnez le sha256 du dossier "
            "(64 caractères hexadécimaux) ou au moins ses 16 premiers caractères."
        )
    return clean[:KEY_LENGTH]


def _delete(path: Path) -> int:
    """Delete a file or a folder; the number of files it held."""
    if path.is_dir():
        count = sum(1 for p in path.rglob("*") if p.is_file())
        shutil.rmtree(path)
        return count
    path.unlink(missing_ok=True)
    return 1
