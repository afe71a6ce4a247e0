"""The one entry point of ingestion: a file in, a Document out, or a French ReviewError.

The parent checks the size and sniffs the type from the first bytes; parsing itself runs in a
limited child process (``isolation``) unless ``limits.isolate_parsing`` is off; the language is
detected here, where its model stays loaded between files."""

from __future__ import annotations

import logging
import stat
import tempfile
from pathlib import Path

from assistant.document import Document
from assistant.errors import EmptyFileError, InputError, TooLargeError
from assistant.ingest.isolation import parse_isolated
from assistant.ingest.language import detect_language
from assistant.ingest.names import display_name
from assistant.ingest.sniff import TAIL_BYTES, sniff_format
from assistant.injection.learned import flag_learned
from assistant.injection.requests import keep_out_requests
from assistant.settings import LimitsSettings

logger = logging.getLogger(__name__)

_MB = 1024 * 1024
_HEAD_BYTES = 2048


def ingest_file(path: Path, limits: LimitsSettings) -> Document:
    """Read a dossier (PDF, DOCX, ODT, Markdown or text) into a Document.

    Raises a ReviewError subclass with a French sentence for any file that cannot be used."""
    path = Path(path)
    return _ingest(path, display_name(path.name), limits)


def ingest_bytes(data: bytes, filename: str, limits: LimitsSettings) -> Document:
    """Same as ``ingest_file`` for an upload held in memory; ``filename`` names it."""
    name = display_name(filename)
    _check_size(len(data), name, limits)
    with tempfile.TemporaryDirectory(prefix="dossier-review-") as folder:
        path = Path(folder) / ("dossier" + _suffix(name))
        path.write_bytes(data)
        return _ingest(path, name, limits)


def _ingest(path: Path, filename: str, limits: LimitsSettings) -> Document:
    try:
        info = path.stat()
        size = info.st_size
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or flood
            raise OSError("not a regular file")
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
            handle.seek(max(0, size - TAIL_BYTES))
            tail = handle.read(TAIL_BYTES)
    except (OSError, ValueError) as err:  # ValueError: a NUL byte in the path
        raise InputError(
            f"Le fichier « {filename} » est introuvable ou illisible ; vérifiez son chemin.",
            detail=str(err),
        ) from err
    _check_size(size, filename, limits)
    kind = sniff_format(path, head, filename, tail)
    if limits.isolate_parsing:
        document = parse_isolated(path, filename, kind, limits)
    else:
        from assistant.ingest.parse import parse_file  # the parsers, only when not isolated

        document = parse_file(path, filename, kind, limits)
    document = flag_learned(document)  # here, where the embedding model stays loaded
    document = keep_out_requests(document)  # requests to the reader that raise no alarm
    evidence = " ".join(b.text for b in document.evidence_blocks())
    document.meta.language = detect_language(evidence)
    logger.info("ingested %s: %d bytes, %d blocks", filename, size, len(document.blocks))
    return document


def _suffix(name: str) -> str:
    """The extension of ``name`` as a safe file-name suffix ('.pdf'), or ''."""
    suffix = Path(name).suffix.lower()
    return suffix if suffix[1:].isalnum() and len(suffix) <= 12 else ""


def _check_size(size: int, filename: str, limits: LimitsSettings) -> None:
    if size == 0:
        raise EmptyFileError(
            f"Le fichier « {filename} » est vide (0 octet) ; envoyez le dossier complet."
        )
    if size > limits.max_file_mb * _MB:
        raise TooLargeError(
            f"Le fichier « {filename} » pèse {size / _MB:.1f} Mo, au-delà de la limite de "
            f"{limits.max_file_mb:g} Mo ; compressez les images ou scindez le dossier.",
        )
