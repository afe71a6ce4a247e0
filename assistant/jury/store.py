"""The jury's store of record: one SQLite file in the data home (``home/jury.sqlite3``).

Embedded, no server. WAL journal and a busy timeout so that several app workers and the CLI
share it; every write is one short ``BEGIN IMMEDIATE`` transaction. The schema is migrated
by the code (``PRAGMA user_version``). A decision never overwrites the AI's result: the
assessment shown to the jury is kept as it was, decisions and sign-offs are appended (the
latest wins) and deleting a dossier deletes all of them (``ON DELETE CASCADE``).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from assistant.assessment import Assessment
from assistant.errors import InputError
from assistant.jury.models import (
    CHECKPOINT_DECISIONS,
    COMPETENCY_DECISIONS,
    Decision,
    DossierRecord,
    SignOff,
    StoredAssessment,
    TargetKind,
)
from assistant.jury.similarity import SharedPassage, SimilarPair

log = logging.getLogger(__name__)

FILENAME = "jury.sqlite3"

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE dossiers (
        sha256 TEXT PRIMARY KEY,
        filename TEXT NOT NULL,
        epreuve TEXT NOT NULL,
        added_at TEXT NOT NULL
    );
    CREATE TABLE assessments (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL REFERENCES dossiers(sha256) ON DELETE CASCADE,
        epreuve TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        referentiel_hash TEXT NOT NULL,
        settings_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        assessment TEXT NOT NULL,
        UNIQUE (sha256, epreuve, engine_version, referentiel_hash, settings_hash)
    );
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL REFERENCES dossiers(sha256) ON DELETE CASCADE,
        epreuve TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('checkpoint', 'competency')),
        target TEXT NOT NULL,
        decision TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        juror TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        assessment_id INTEGER REFERENCES assessments(id) ON DELETE SET NULL
    );
    CREATE INDEX decisions_target ON decisions (sha256, epreuve, kind, target, id);
    CREATE TABLE signoffs (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL REFERENCES dossiers(sha256) ON DELETE CASCADE,
        epreuve TEXT NOT NULL,
        juror TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        verdicts TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX signoffs_dossier ON signoffs (sha256, epreuve, id);
    """,
    """
    CREATE TABLE similar_passages (
        id INTEGER PRIMARY KEY,
        first TEXT NOT NULL REFERENCES dossiers(sha256) ON DELETE CASCADE,
        second TEXT NOT NULL REFERENCES dossiers(sha256) ON DELETE CASCADE,
        passage TEXT NOT NULL
    );
    CREATE INDEX similar_first ON similar_passages (first);
    CREATE INDEX similar_second ON similar_passages (second);
    CREATE TABLE epreuve_fits (
        sha256 TEXT NOT NULL REFERENCES dossiers(sha256) ON DELETE CASCADE,
        epreuve TEXT NOT NULL,
        coverage REAL NOT NULL,
        PRIMARY KEY (sha256, epreuve)
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

_LAST_ACTIVITY = """
    SELECT d.sha256, max(
        d.added_at,
        coalesce((SELECT max(created_at) FROM assessments a WHERE a.sha256 = d.sha256), ''),
        coalesce((SELECT max(decided_at) FROM decisions x WHERE x.sha256 = d.sha256), ''),
        coalesce((SELECT max(signed_at) FROM signoffs s WHERE s.sha256 = d.sha256), '')
    ) AS last
    FROM dossiers d ORDER BY last
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class JuryStore:
    """Decisions and sign-offs of the jury. One connection per call: safe across threads
    (Gradio handlers) and processes (app workers, the CLI)."""

    def __init__(self, path: Path, busy_timeout_s: float = 30.0) -> None:
        self.path = Path(path)
        self.busy_timeout_ms = int(busy_timeout_s * 1000)
        self._create_private()
        self.migrate()

    @classmethod
    def in_home(cls, home: Path) -> JuryStore:
        return cls(Path(home) / FILENAME)

    # ------------------------------------------------------------------ plumbing

    def _create_private(self) -> None:
        """Create the file readable by its owner only, before SQLite opens it (its WAL and
        shared-memory files take the same permissions)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        os.close(fd)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, timeout=self.busy_timeout_ms / 1000, isolation_level=None)
        with closing(conn):
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {self.busy_timeout_ms}")
            conn.execute("PRAGMA foreign_keys = ON")
            yield conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction, taking the write lock at once (no upgrade deadlock)."""
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def migrate(self) -> None:
        with self._connect() as conn:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
        with self._write() as conn:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise InputError(
                    f"La base du jury « {self.path} » a été créée par une version plus récente "
                    "de dossier-review : mettez l'outil à jour."
                )
            for number, script in enumerate(MIGRATIONS[version:], version + 1):
                for statement in script.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
                log.info("jury store %s migrated to version %d", self.path, number)

    def schema_version(self) -> int:
        with self._connect() as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    # ------------------------------------------------------------------ dossiers

    def record_assessment(self, assessment: Assessment, filename: str | None = None) -> int:
        """Keep the assessment shown to the jury (and its dossier); returns its id. The same
        dossier, épreuve, engine, référentiel and settings keep one row."""
        doc, engine = assessment.document, assessment.engine
        now = _now()
        with self._write() as conn:
            conn.execute(
                "INSERT INTO dossiers (sha256, filename, epreuve, added_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (sha256) DO UPDATE SET filename = excluded.filename, "
                "epreuve = excluded.epreuve",
                (doc.sha256, filename or doc.filename, assessment.epreuve, now),
            )
            key = (
                doc.sha256,
                assessment.epreuve,
                engine.version,
                engine.referentiel_hash,
                engine.settings_hash,
            )
            conn.execute(
                "INSERT INTO assessments (sha256, epreuve, engine_version, referentiel_hash, "
                "settings_hash, created_at, assessment) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT DO UPDATE SET assessment = excluded.assessment",
                (*key, now, assessment.model_dump_json()),
            )
            row = conn.execute(
                "SELECT id FROM assessments WHERE sha256 = ? AND epreuve = ? AND "
                "engine_version = ? AND referentiel_hash = ? AND settings_hash = ?",
                key,
            ).fetchone()
        return int(row["id"])

    def set_epreuve(self, sha256: str, epreuve: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE dossiers SET epreuve = ? WHERE sha256 = ?", (epreuve, sha256))

    def dossier(self, sha256: str) -> DossierRecord | None:
        with self._connect() as conn:
            row = conn.execute("SELECT * FROM dossiers WHERE sha256 = ?", (sha256,)).fetchone()
        return DossierRecord.model_validate(dict(row)) if row else None

    def dossiers(self) -> list[DossierRecord]:
        with self._connect() as conn:
            rows = conn.execute("SELECT * FROM dossiers ORDER BY added_at, filename").fetchall()
        return [DossierRecord.model_validate(dict(row)) for row in rows]

    def delete_dossier(self, sha256: str) -> bool:
        """Delete a dossier with its assessments, decisions and sign-offs."""
        with self._write() as conn:
            return conn.execute("DELETE FROM dossiers WHERE sha256 = ?", (sha256,)).rowcount > 0

    def delete_by_prefix(self, key: str) -> int:
        """Delete the dossiers whose sha256 starts with ``key`` (purge's short hash)."""
        with self._write() as conn:
            return conn.execute(
                "DELETE FROM dossiers WHERE substr(sha256, 1, ?) = ?", (len(key), key)
            ).rowcount

    def delete_idle_since(self, limit: datetime) -> list[str]:
        """Delete the dossiers with no activity (added, assessed, decided, signed) since
        ``limit``; their sha256, oldest first. A decision taken last week keeps a dossier
        added two years ago."""
        with self._write() as conn:
            rows = conn.execute(_LAST_ACTIVITY).fetchall()
            stamp = limit.astimezone(UTC).isoformat(timespec="microseconds")
            idle = [row["sha256"] for row in rows if row["last"] < stamp]
            conn.executemany("DELETE FROM dossiers WHERE sha256 = ?", [(sha,) for sha in idle])
        return idle

    def latest_assessment(self, sha256: str, epreuve: str) -> StoredAssessment | None:
        with self._connect() as conn:
            row = conn.execute(
                "SELECT * FROM assessments WHERE sha256 = ? AND epreuve = ? "
                "ORDER BY created_at DESC, id DESC LIMIT 1",
                (sha256, epreuve),
            ).fetchone()
        return _stored(row) if row else None

    def assessment(self, assessment_id: int) -> StoredAssessment | None:
        with self._connect() as conn:
            row = conn.execute(
                "SELECT * FROM assessments WHERE id = ?", (assessment_id,)
            ).fetchone()
        return _stored(row) if row else None

    # ------------------------------------------------------------------ decisions

    def decide(
        self,
        sha256: str,
        epreuve: str,
        kind: TargetKind,
        target: str,
        decision: str,
        juror: str,
        comment: str = "",
    ) -> bool:
        """Append a decision unless it repeats the latest one for the same target (decision,
        comment and juror); returns whether one was recorded."""
        return (
            self.decide_many([(sha256, epreuve, kind, target, decision, comment)], juror=juror) == 1
        )

    def decide_many(
        self, items: list[tuple[str, str, TargetKind, str, str, str]], juror: str
    ) -> int:
        """Record many decisions ``(sha256, epreuve, kind, target, decision, comment)`` in
        one transaction: all or nothing. Repeats of the latest decision are skipped; returns
        how many were recorded."""
        for item in items:
            _check_decision(item[2], item[4])
        juror = _check_juror(juror)
        recorded = 0
        with self._write() as conn:
            for sha256, epreuve, kind, target, decision, comment in items:
                recorded += _append_decision(
                    conn, sha256, epreuve, kind, target, decision, comment.strip(), juror
                )
        return recorded

    def decisions(self, sha256: str | None = None, epreuve: str | None = None) -> list[Decision]:
        """The latest decision of each target (of one dossier, or of the whole store)."""
        query = (
            "SELECT d.* FROM decisions d JOIN (SELECT MAX(id) AS id FROM decisions "
            "GROUP BY sha256, epreuve, kind, target) latest ON latest.id = d.id"
        )
        where, params = _filters(sha256, epreuve, prefix="d.")
        with self._connect() as conn:
            rows = conn.execute(f"{query}{where} ORDER BY d.id", params).fetchall()
        return [Decision.model_validate(dict(row)) for row in rows]

    def history(self, sha256: str, epreuve: str | None = None) -> list[Decision]:
        """Every decision ever recorded for a dossier, oldest first."""
        where, params = _filters(sha256, epreuve)
        with self._connect() as conn:
            rows = conn.execute(f"SELECT * FROM decisions{where} ORDER BY id", params).fetchall()
        return [Decision.model_validate(dict(row)) for row in rows]

    # ------------------------------------------------------------------ sign-off

    def sign_off(
        self,
        sha256: str,
        epreuve: str,
        juror: str,
        verdicts: dict[str, str],
        comment: str = "",
    ) -> SignOff:
        for verdict in verdicts.values():
            _check_decision("competency", verdict)
        signed = SignOff(
            sha256=sha256,
            epreuve=epreuve,
            juror=_check_juror(juror),
            signed_at=datetime.now(UTC),
            verdicts=verdicts,
            comment=comment.strip(),
        )
        with self._write() as conn:
            conn.execute(
                "INSERT INTO signoffs (sha256, epreuve, juror, signed_at, verdicts, comment) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    sha256,
                    epreuve,
                    signed.juror,
                    signed.signed_at.isoformat(timespec="microseconds"),
                    json.dumps(verdicts, ensure_ascii=False),
                    signed.comment,
                ),
            )
        return signed

    def signoff_of(self, sha256: str, epreuve: str) -> SignOff | None:
        """The latest sign-off of a dossier, if any."""
        with self._connect() as conn:
            row = conn.execute(
                "SELECT * FROM signoffs WHERE sha256 = ? AND epreuve = ? ORDER BY id DESC LIMIT 1",
                (sha256, epreuve),
            ).fetchone()
        if row is None:
            return None
        data = dict(row)
        data["verdicts"] = json.loads(data["verdicts"])
        return SignOff.model_validate(data)


class BatchNotes:
    """What a batch found beside each assessment: shared passages and épreuve fits."""

    def __init__(self, store: JuryStore) -> None:
        self.store = store

    def replace_similar(self, keys: list[str], pairs: list[SimilarPair]) -> None:
        """The shared passages among ``keys``, replacing what an earlier run found."""
        marks = ", ".join("?" * len(keys))
        with self.store._write() as conn:
            conn.execute(
                f"DELETE FROM similar_passages WHERE first IN ({marks}) AND second IN ({marks})",
                (*keys, *keys),
            )
            conn.executemany(
                "INSERT INTO similar_passages (first, second, passage) VALUES (?, ?, ?)",
                [
                    (pair.first, pair.second, passage.model_dump_json())
                    for pair in pairs
                    for passage in pair.passages
                ],
            )

    def similar(self) -> list[SimilarPair]:
        with self.store._connect() as conn:
            rows = conn.execute("SELECT * FROM similar_passages ORDER BY id").fetchall()
        grouped: dict[tuple[str, str], list[SharedPassage]] = {}
        for row in rows:
            passage = SharedPassage.model_validate_json(row["passage"])
            grouped.setdefault((row["first"], row["second"]), []).append(passage)
        return [SimilarPair(first=a, second=b, passages=p) for (a, b), p in grouped.items()]

    def record_fits(self, sha256: str, fits: dict[str, float]) -> None:
        with self.store._write() as conn:
            conn.executemany(
                "INSERT INTO epreuve_fits (sha256, epreuve, coverage) VALUES (?, ?, ?) "
                "ON CONFLICT DO UPDATE SET coverage = excluded.coverage",
                [(sha256, epreuve, value) for epreuve, value in fits.items()],
            )

    def fits(self, sha256: str) -> dict[str, float]:
        with self.store._connect() as conn:
            rows = conn.execute(
                "SELECT epreuve, coverage FROM epreuve_fits WHERE sha256 = ?", (sha256,)
            ).fetchall()
        return {row["epreuve"]: float(row["coverage"]) for row in rows}


def _stored(row: sqlite3.Row) -> StoredAssessment:
    return StoredAssessment(
        id=row["id"],
        sha256=row["sha256"],
        epreuve=row["epreuve"],
        created_at=row["created_at"],
        assessment=Assessment.model_validate_json(row["assessment"]),
    )


def _filters(sha256: str | None, epreuve: str | None, prefix: str = "") -> tuple[str, list[str]]:
    clauses, params = [], []
    if sha256 is not None:
        clauses.append(f"{prefix}sha256 = ?")
        params.append(sha256)
    if epreuve is not None:
        clauses.append(f"{prefix}epreuve = ?")
        params.append(epreuve)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _check_decision(kind: str, decision: str) -> None:
    allowed = CHECKPOINT_DECISIONS if kind == "checkpoint" else COMPETENCY_DECISIONS
    if kind not in ("checkpoint", "competency") or decision not in allowed:
        raise InputError(
            f"Décision « {decision} » invalide : choisissez parmi {', '.join(allowed)}."
        )


def _check_juror(juror: str) -> str:
    juror = juror.strip()
    if not juror:
        raise InputError("Indiquez le nom du juré qui enregistre la décision.")
    return juror


def _append_decision(
    conn: sqlite3.Connection,
    sha256: str,
    epreuve: str,
    kind: TargetKind,
    target: str,
    decision: str,
    comment: str,
    juror: str,
) -> int:
    latest = conn.execute(
        "SELECT decision, comment, juror FROM decisions WHERE sha256 = ? AND epreuve = ? AND "
        "kind = ? AND target = ? ORDER BY id DESC LIMIT 1",
        (sha256, epreuve, kind, target),
    ).fetchone()
    if latest is not None and tuple(latest) == (decision, comment, juror):
        return 0
    shown = conn.execute(
        "SELECT id FROM assessments WHERE sha256 = ? AND epreuve = ? "
        "ORDER BY created_at DESC, id DESC LIMIT 1",
        (sha256, epreuve),
    ).fetchone()
    if shown is None:
        raise InputError(
            "Ce dossier n'a jamais été pré-évalué pour cette épreuve : analysez-le avant "
            "d'enregistrer une décision."
        )
    conn.execute(
        "INSERT INTO decisions (sha256, epreuve, kind, target, decision, comment, juror, "
        "decided_at, assessment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (sha256, epreuve, kind, target, decision, comment, juror, _now(), shown["id"]),
    )
    return 1
