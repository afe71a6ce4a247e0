"""BM25 over a dossier's chunks, and the quiet logs it owes the application."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from assistant.chunking import chunk_document
from assistant.lexical import LexicalIndex
from tests.dossiers import PESTEL_FULL, PRESENTATION, ingest, write


def test_building_an_index_logs_nothing_at_the_default_level(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    chunks = chunk_document(ingest(write(tmp_path, "d.md", PRESENTATION, PESTEL_FULL)))
    caplog.set_level(logging.WARNING)
    index = LexicalIndex.build(chunks)
    assert index.search("inflation pouvoir d'achat", 1)
    assert not [r for r in caplog.records if r.name.startswith("bm25s")]
    assert not logging.getLogger("bm25s").isEnabledFor(logging.DEBUG)
