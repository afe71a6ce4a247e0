"""The one entry point of ingestion: a file in, a Document out, or a French ReviewError."""

from __future__ import annotations

import hashlib
import logging
import tempfile
from pathlib import Path

from assistant.document import Document
from assistant.errors import EmptyFileError, InputError, NoTextError, TooLargeError
from assistant.ingest.archive import check_archive
from assistant.ingest.assemble import assemble
from assistant.ingest.md_reader import read_md
from assistant.ingest.raw import RawDocument
from assistant.ingest.sniff import sniff_format
from assistant.ingest.txt_reader import read_txt
from assistant.settings import LimitsSettings

logger = logging.getLogger(__name__)

_MB = 1024 * 1024


def ingest_file(path: Path, limits: LimitsSettings) -> Document:
    """Read a dossier (PDF, DOCX, ODT, Markdown or text) into a Document.

    Raises a ReviewError subclass with a French sentence for any file that cannot be used."""
    return _ingest(Path(path), Path(path).name, limits)


def ingest_bytes(data: bytes, filename: str, limits: LimitsSettings) -> Document:
    """Same as ``ingest_file`` for an upload held in memory; ``filename`` names it."""
    with tempfile.TemporaryDirectory(prefix="dossier-review-") as folder:
        path = Path(folder) / (Path(filename).name or "dossier")
        path.write_bytes(data)
        return _ingest(path, Path(filename).name, limits)


def _ingest(path: Path, filename: str, limits: LimitsSettings) -> Document:
    size = _checked_size(path, filename, limits)
    with path.open("rb") as handle:
        head = handle.read(2048)
    kind = sniff_format(path, head)
    raw = read_file(kind, path, filename, limits)
    document = assemble(raw, filename=filename, sha256=_sha256(path))
    _check_text(document, filename)
    logger.info("ingested %s: %d bytes, %d blocks", filename, size, len(document.blocks))
    return document


def _checked_size(path: Path, filename: str, limits: LimitsSettings) -> int:
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(
            f"Le fichier « {filename} » est introuvable ou illisible ; vérifiez son chemin.",
            detail=str(err),
        ) from err
    if size == 0:
        raise EmptyFileError(
            f"Le fichier « {filename} » est vide (0 octet) ; envoyez le dossier complet."
        )
    if size > limits.max_file_mb * _MB:
        raise TooLargeError(
            f"Le fichier « {filename} » pèse {size / _MB:.1f} Mo, au-delà de la limite de "
            f"{limits.max_file_mb:g} Mo ; compressez les images ou scindez le dossier.",
        )
    return size


def read_file(kind: str, path: Path, filename: str, limits: LimitsSettings) -> RawDocument:
    """The reader for ``kind`` (as sniffed) applied to ``path``."""
    if kind == "pdf":
        from assistant.ingest.pdf_reader import read_pdf

        return read_pdf(path, filename, limits)
    if kind == "zip":
        kind = check_archive(path, filename, limits)
    if kind == "docx":
        from assistant.ingest.docx_reader import read_docx

        return read_docx(path, filename)
    if kind == "odt":
        from assistant.ingest.odt_reader import read_odt

        return read_odt(path, filename)
    if kind == "md":
        return read_md(path.read_bytes(), filename)
    return read_txt(path.read_bytes(), filename)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _check_text(document: Document, filename: str) -> None:
    """A document with no usable text is refused: a scan, or an empty document."""
    if document.meta.words > 0:
        return
    if document.meta.format == "pdf" and document.meta.pages:
        raise NoTextError(
            "Le fichier semble être une image numérisée ; exportez-le en PDF texte depuis "
            "votre traitement de texte.",
            detail=f"{filename}: {document.meta.pages} pages, no text layer",
        )
    raise EmptyFileError(
        f"Le fichier « {filename} » ne contient aucun texte ; vérifiez que vous avez envoyé "
        "le bon fichier."
    )
