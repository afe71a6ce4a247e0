"""Parse one file whose kind is known: the work done inside the isolated child process."""

from __future__ import annotations

import hashlib
from pathlib import Path

from assistant.document import Document
from assistant.errors import EmptyFileError, NoTextError
from assistant.ingest.archive import check_archive
from assistant.ingest.assemble import assemble
from assistant.ingest.caps import check_pages, check_raw, check_words, text_bytes
from assistant.ingest.raw import RawDocument
from assistant.settings import LimitsSettings


def parse_file(path: Path, filename: str, kind: str, limits: LimitsSettings) -> Document:
    """The Document of ``path`` (``kind`` as sniffed), without language detection."""
    raw = read_file(kind, path, filename, limits)
    check_pages(raw.pages, filename, limits)
    check_raw(raw, filename, limits)
    document = assemble(raw, filename=filename, sha256=_sha256(path))
    _check_text(document, filename)
    check_words(document.text, filename, limits)
    return document


def read_file(kind: str, path: Path, filename: str, limits: LimitsSettings) -> RawDocument:
    """The reader for ``kind`` applied to ``path`` (readers are imported on demand)."""
    if kind == "zip":
        kind = check_archive(path, filename, limits)
    if kind == "pdf":
        from assistant.ingest.pdf_reader import read_pdf

        return read_pdf(path, filename, limits)
    if kind == "docx":
        from assistant.ingest.docx_reader import read_docx

        return read_docx(path, filename)
    if kind == "odt":
        from assistant.ingest.odt_reader import read_odt

        return read_odt(path, filename)
    if kind == "md":
        from assistant.ingest.md_reader import read_md

        return read_md(text_bytes(path, filename, limits), filename)
    from assistant.ingest.txt_reader import read_txt

    return read_txt(text_bytes(path, filename, limits), filename)


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
