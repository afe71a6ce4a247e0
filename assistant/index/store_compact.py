"""Compaction of a Chroma persistent store (chromadb 1.5) so that deleted dossiers leave
nothing on disk. Deleting a collection is not enough there:

- ``chroma.sqlite3`` keeps the deleted rows' bytes (documents, metadata, queued vectors in
  ``embeddings_queue``, the write-ahead log of the store) in free pages until enough writes
  reuse them: ``VACUUM`` rewrites the file with live pages only;
- the full-text index (``embedding_fulltext_search``, FTS5, trigrams) keeps deleted entries
  in its segments until they are merged: the FTS5 ``optimize`` command merges them first;
- the HNSW folder of a deleted collection's vector segment (``<segment uuid>/``, with the
  normalised vectors in ``data_level0.bin``) stays on disk: folders that no longer belong to
  a segment of the ``segments`` table are removed;
- queued log rows of a collection that no longer exists are deleted (Chroma already deletes
  them with the collection; this covers a process killed in between).

Run it with no Chroma client writing (``VectorStore.compact`` closes its own client first and
holds the store's lock); ``chroma utils vacuum`` does the log purge and ``VACUUM`` part for a
Chroma server's own folder.
"""

from __future__ import annotations

import logging
import re
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

SQLITE_FILE = "chroma.sqlite3"
FTS_TABLE = "embedding_fulltext_search"
BUSY_TIMEOUT_MS = 30_000
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_TOPIC = re.compile(r"^persistent://[^/]+/[^/]+/([0-9a-f-]{36})$")


@dataclass(frozen=True)
class Compaction:
    """What one compaction removed."""

    log_rows: int
    segment_folders: int
    bytes_before: int
    bytes_after: int


def compact_store(path: Path) -> Compaction:
    """Compact the Chroma store in ``path`` (nothing to do when it does not exist)."""
    database = path / SQLITE_FILE
    if not database.is_file():
        return Compaction(0, 0, 0, 0)
    before = _folder_bytes(path)
    with closing(sqlite3.connect(database, timeout=BUSY_TIMEOUT_MS / 1000)) as conn:
        conn.isolation_level = None  # VACUUM cannot run inside a transaction
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        live = {str(row[0]) for row in conn.execute("SELECT id FROM segments")}
        rows = _purge_orphan_log(conn)
        _merge_fulltext_index(conn)
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    folders = _remove_orphan_segments(path, live)
    compaction = Compaction(rows, folders, before, _folder_bytes(path))
    log.info("store compacted: %s", compaction)
    return compaction


def _purge_orphan_log(conn: sqlite3.Connection) -> int:
    """Delete queued rows of collections that no longer exist (only when every topic has
    the layout we know, so that a future Chroma naming never costs live rows)."""
    if not _has_table(conn, "embeddings_queue"):
        return 0
    topics = [str(row[0]) for row in conn.execute("SELECT DISTINCT topic FROM embeddings_queue")]
    matches = [_TOPIC.match(topic) for topic in topics]
    if not all(matches):
        log.warning("unknown Chroma log topics, log left as it is: %s", topics[:3])
        return 0
    live = {str(row[0]) for row in conn.execute("SELECT id FROM collections")}
    orphans = [t for t, m in zip(topics, matches, strict=True) if m and m.group(1) not in live]
    deleted = 0
    for topic in orphans:
        deleted += conn.execute("DELETE FROM embeddings_queue WHERE topic = ?", (topic,)).rowcount
    return deleted


def _merge_fulltext_index(conn: sqlite3.Connection) -> None:
    if _has_table(conn, FTS_TABLE):
        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")


def _remove_orphan_segments(path: Path, live: set[str]) -> int:
    removed = 0
    for child in path.iterdir():
        if child.is_dir() and _UUID.match(child.name) and child.name not in live:
            shutil.rmtree(child)
            removed += 1
    return removed


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    return found is not None


def _folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
