"""Finished pre-assessments, kept so that an unchanged dossier is answered without parsing,
embedding or detecting again (and without importing the store or the models).

An entry is ``<sha256>-<key>.json`` under ``home/cache/results/``: the sha256 of the dossier's
bytes first (so that the purge service finds it by the dossier's hash), then a short hash of
everything else that shapes the answer: the épreuve, the référentiel's content hash, the
settings fingerprint (LLM endpoint and model included), the file limits, the engine
version and the learned weights shipped in the package (``assistant/*/model/``: retrained
weights must not be answered by results of the old ones). A result that the LLM failed to
refine is not kept: the next run tries again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from assistant.assessment import Assessment
from assistant.atomic import write_atomic
from assistant.resources import weights_digest

log = logging.getLogger(__name__)

RESULTS_VERSION = "1"
"""Bump when an Assessment computed from the same inputs changes: older entries are ignored."""


def result_key(
    epreuve: str, referentiel_hash: str, fingerprint: str, limits: str, version: str
) -> str:
    """A short hash of what, beside the dossier's bytes, shapes an assessment."""
    shaping = [RESULTS_VERSION, epreuve, referentiel_hash, fingerprint, limits, version]
    shaping.append(weights_digest())
    return hashlib.sha256(json.dumps(shaping).encode()).hexdigest()[:16]


class ResultCache:
    """Assessments kept under ``folder`` by dossier hash and ``result_key``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def entry(self, digest: str, key: str) -> Path:
        return self.folder / f"{digest}-{key}.json"

    def get(self, digest: str, key: str, filename: str) -> Assessment | None:
        """The kept assessment, renamed to ``filename`` (the file it is read from this time);
        None when there is none or it cannot be read."""
        entry = self.entry(digest, key)
        if not entry.is_file():
            return None
        try:
            found = Assessment.model_validate_json(entry.read_bytes())
        except (OSError, ValueError):
            log.warning("ignoring unreadable result entry %s", entry)
            return None
        if found.document.sha256 != digest:
            return None
        document = found.document.model_copy(update={"filename": filename})
        return found.model_copy(update={"document": document})

    def put(self, digest: str, key: str, assessment: Assessment) -> None:
        """Keep ``assessment`` (atomically: a killed process leaves no half entry)."""
        if assessment.document.sha256 != digest:
            return
        write_atomic(self.entry(digest, key), assessment.model_dump_json().encode("utf-8"))


def file_digest(path: Path, max_file_mb: float) -> str | None:
    """sha256 of the file's bytes, streamed; None when ingestion must judge it first
    (missing, unreadable, or over the size limit: refused then without being read)."""
    try:
        if not path.is_file() or path.stat().st_size > max_file_mb * 1024 * 1024:
            return None
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except (OSError, ValueError):
        return None
