"""Parse one file whose kind is known: the work done inside the isolated child process."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from assistant.document import Document
from assistant.errors import EmptyFileError, NoTextError, TooLargeError
from assistant.ingest.archive import check_archive
from assistant.ingest.assemble import assemble
from assistant.ingest.raw import RawDocument
from assistant.settings import LimitsSettings

_WORD = re.compile(r"\w+")


def parse_file(path: Path, filename: str, kind: str, limits: LimitsSettings) -> Document:
    """The Document of ``path`` (``kind`` as sniffed), without language detection."""
    raw = read_file(kind, path, filename, limits)
    _check_pages(raw.pages, filename, limits)
    _check_raw_words(raw, filename, limits)  # before the text is scanned and assembled
    document = assemble(raw, filename=filename, sha256=_sha256(path))
    _check_text(document, filename)
    _check_words(document, filename, limits)
    return document


def check_limits(document: Document, filename: str, limits: LimitsSettings) -> None:
    """The page and word limits applied to a Document already read (e.g. from the cache)."""
    _check_pages(document.meta.pages, filename, limits)
    _check_words(document, filename, limits)


def _check_pages(pages: int | None, filename: str, limits: LimitsSettings) -> None:
    if pages is not None and pages > limits.max_pages:
        raise TooLargeError(
            f"Le document « {filename} » compte {pages} pages, au-delà de la limite de "
            f"{limits.max_pages} pages ; envoyez le dossier sans ses annexes volumineuses.",
        )


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

        return read_md(path.read_bytes(), filename)
    from assistant.ingest.txt_reader import read_txt

    return read_txt(path.read_bytes(), filename)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _check_raw_words(raw: RawDocument, filename: str, limits: LimitsSettings) -> None:
    _refuse_words(sum(sum(1 for _ in _WORD.finditer(b.text)) for b in raw.blocks), filename, limits)


def _check_words(document: Document, filename: str, limits: LimitsSettings) -> None:
    _refuse_words(sum(1 for _ in _WORD.finditer(document.text)), filename, limits)


def _refuse_words(words: int, filename: str, limits: LimitsSettings) -> None:
    if words > limits.max_words:
        raise TooLargeError(
            f"Le document « {filename} » contient {_french(words)} mots, au-delà de la limite "
            f"de {_french(limits.max_words)} mots ; envoyez le dossier sans ses annexes "
            "volumineuses.",
        )


def _french(number: int) -> str:
    """1234567 -> '1 234 567' (narrow no-break spaces, as French typography writes it)."""
    return f"{number:,}".replace(",", "\u202f")


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
