"""Dossier ingestion: any supported file in, one typed Document out (see pipeline).

The pipeline is imported on first use, so that ``assistant.ingest.names`` stays cheap."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.ingest.pipeline import ingest_bytes, ingest_file

__all__ = ["ingest_bytes", "ingest_file"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from assistant.ingest import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
