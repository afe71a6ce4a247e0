"""Dossier ingestion: any supported file in, one typed Document out (see pipeline)."""

from assistant.ingest.pipeline import ingest_bytes, ingest_file

__all__ = ["ingest_bytes", "ingest_file"]
