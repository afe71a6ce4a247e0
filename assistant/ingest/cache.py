"""The ingested Document of each dossier, kept by the sha256 of the file's bytes, so that an
unchanged dossier is read again without parsing. A cached Document still passes the current
page and word limits, and takes the name of the file it was read from this time."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from assistant.atomic import write_atomic
from assistant.document import Document
from assistant.ingest.caps import check_limits
from assistant.ingest.names import display_name
from assistant.ingest.pipeline import ingest_file
from assistant.resources import weights_digest
from assistant.settings import LimitsSettings

log = logging.getLogger(__name__)

CACHE_VERSION = "10"
"""Bump when a Document read from the same bytes changes: older entries are then ignored
(2: instructions flagged at ingestion; 3: the learned reading; 4: suspect blocks; 5: sentences
in other scripts, sentences in other languages read twice; 6: a candidate read with each of
its neighbours; 8: sentences that ask the reader for something marked suspect; 9: the
confirmation alarms alone below the first reading's alarm, text past a fixed text box, ODT
hidden-paragraph and user fields, PDF text squeezed to zero width; 10: requests that name no
reader, table rows and the claim beside a flagged request marked suspect). Entries
are also keyed by the learned reading's weights (``INJECTION_WEIGHTS``): a retrained model
flags anew."""

INJECTION_WEIGHTS = "injection/model/*"


class DocumentCache:
    """Reads dossiers through ``ingest_file``, keeping each Document under ``folder``."""

    def __init__(self, folder: Path, limits: LimitsSettings, weights: str | None = None) -> None:
        self.folder = folder
        self.limits = limits
        self.weights = weights or weights_digest(INJECTION_WEIGHTS)[:12]
        """What the Documents depend on beside the bytes: the learned reading's weights."""

    def read(self, path: Path, before_parsing: Callable[[], None] = lambda: None) -> Document:
        """The Document of the file at ``path``: from the cache when the same bytes were read
        before, else ingested (``before_parsing`` runs first) and kept (ReviewError if bad)."""
        path = Path(path)
        digest = self._digest(path)
        entry = self.entry(digest) if digest else None
        if entry and entry.is_file():
            cached = self._cached(entry, path)
            if cached is not None:
                return cached
        before_parsing()
        doc = ingest_file(path, self.limits)
        if entry:  # atomic: a process killed while writing leaves no half entry
            write_atomic(entry, doc.model_dump_json().encode("utf-8"))
        return doc

    def entry(self, digest: str) -> Path:
        """Where the Document of the bytes whose sha256 is ``digest`` is kept."""
        return self.folder / f"{digest}-v{CACHE_VERSION}-{self.weights}.json"

    def _cached(self, entry: Path, path: Path) -> Document | None:
        try:
            doc = Document.model_validate_json(entry.read_text(encoding="utf-8"))
        except ValueError:
            log.warning("ignoring unreadable cache entry %s", entry)
            return None
        name = display_name(path.name)
        check_limits(doc, name, self.limits)
        return doc.model_copy(update={"meta": doc.meta.model_copy(update={"filename": name})})

    def _digest(self, path: Path) -> str | None:
        """sha256 of the file, streamed; None when ingestion must judge it first (missing,
        or over the size limit: it is then refused without being read into memory)."""
        try:
            size = path.stat().st_size if path.is_file() else None
        except OSError:
            return None
        if size is None or size > self.limits.max_file_mb * 1024 * 1024:
            return None
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
