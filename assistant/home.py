"""The data home (``DOSSIER_REVIEW_HOME``): every folder the program keeps state in, named once.

- ``cache/documents/``: the ingested text of each dossier (``<sha256>-v<n>.json``);
- ``cache/results/``: finished assessments (``<sha256>-<key>.json``, ``assistant.review.results``);
- ``cache/queries/``: the vectors of the référentiel's paraphrase queries;
- ``chroma/``: the embedded vector store;
- ``audit/<sha16>/``: the LLM audit records;
- ``jury.sqlite3``: the jury's decisions and sign-offs (store of record).

The home is private: ``secure_home`` is called once by each entry point (``python app.py``, the
CLI) before any service runs. It sets the process umask to 077, so that everything created
afterwards is private, creates the home folder, and removes group and other permissions from
what an older version left behind (folders 0700, files 0600: dossiers are personal data).
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)
PRIVATE_UMASK = 0o077


@dataclass(frozen=True)
class Home:
    """The folders under ``root`` (none is created here)."""

    root: Path

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    @property
    def documents(self) -> Path:
        """Ingested dossiers, by the sha256 of their bytes."""
        return self.cache / "documents"

    @property
    def results(self) -> Path:
        """Finished assessments, by the sha256 of the dossier and what shaped the result."""
        return self.cache / "results"

    @property
    def queries(self) -> Path:
        """Query vectors, by référentiel and embedder."""
        return self.cache / "queries"

    @property
    def chroma(self) -> Path:
        """The embedded Chroma store."""
        return self.root / "chroma"

    @property
    def jury(self) -> Path:
        """The jury's store of record (SQLite): decisions, sign-offs, agreement."""
        return self.root / "jury.sqlite3"

    @property
    def audit(self) -> Path:
        """LLM audit records, one folder per dossier."""
        return self.root / "audit"


PRIVATE_UMASK = 0o077


def secure_home(home: Path) -> None:
    os.umask(PRIVATE_UMASK)
    try:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        _tighten(home)
        for root, folders, files in os.walk(home):
            for name in folders + files:
                _tighten(Path(root) / name)
    except OSError as err:  # a read-only or foreign home: the services will say so
        log.warning("could not make %s private: %s", home, err)


def _tighten(path: Path) -> None:
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        return
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o077:
        path.chmod(mode & 0o700)
