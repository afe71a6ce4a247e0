"""DOCX and ODT are zip archives: check one before any parser opens it (member count,
declared uncompressed size, compression ratio, nested archives) and tell which it is.

Declared sizes bound what Python's zipfile will inflate (it stops at the declared size and
fails the CRC check), so checking them is enough; the child's memory limit is the backstop."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from assistant.errors import (
    CorruptFileError,
    EncryptedFileError,
    TooLargeError,
    UnsupportedFileError,
)
from assistant.ingest.sniff import SUPPORTED
from assistant.settings import LimitsSettings

MAX_MEMBERS = 5000
MAX_NESTED_ARCHIVES = 50  # embedded spreadsheets of charts are archives too: never opened
RATIO_CHECK_FROM = 1024 * 1024  # small members compress very well and harm no one
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_NESTED_SUFFIXES = (
    ".zip",
    ".docx",
    ".xlsx",
    ".pptx",
    ".odt",
    ".ods",
    ".odp",
    ".jar",
    ".gz",
    ".7z",
    ".rar",
    ".bin",
)
_MB = 1024 * 1024
_READABLE = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # what Word and LibreOffice write
_ENCRYPTED_FLAG = 0x1
ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error, NotImplementedError)
"""What reading a damaged archive may raise (a negative seek is an OSError)."""


def check_archive(path: Path, filename: str, limits: LimitsSettings) -> str:
    """'docx' or 'odt' for a safe archive; a ReviewError otherwise."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_members(members, filename, limits)
            _check_layout(members, path.stat().st_size, filename)
            return _kind(archive, filename)
    except ZIP_ERRORS as err:
        raise CorruptFileError(
            f"Le fichier « {filename} » est une archive endommagée ou incomplète ; "
            "enregistrez de nouveau le document depuis votre traitement de texte.",
            detail=str(err),
        ) from err


def _check_members(members: list[zipfile.ZipInfo], filename: str, limits: LimitsSettings) -> None:
    bomb = TooLargeError(
        f"Le fichier « {filename} » se décompresse en un volume anormal (archive piégée "
        "ou dossier trop lourd) ; exportez-le en PDF et envoyez ce PDF.",
    )
    if len(members) > MAX_MEMBERS:
        bomb.detail = f"{len(members)} members"
        raise bomb
    total = sum(m.file_size for m in members)
    if total > limits.max_uncompressed_mb * _MB:
        bomb.detail = f"{total} bytes uncompressed"
        raise bomb
    for member in members:
        big = member.file_size >= RATIO_CHECK_FROM
        ratio = member.file_size / max(member.compress_size, 1)
        if big and ratio > limits.max_compression_ratio:
            bomb.detail = f"{member.filename}: ratio {ratio:.0f}"
            raise bomb
    nested = sum(m.filename.lower().endswith(_NESTED_SUFFIXES) for m in members)
    if nested > MAX_NESTED_ARCHIVES:
        bomb.detail = f"{nested} nested archives"
        raise bomb


def _check_layout(members: list[zipfile.ZipInfo], size: int, filename: str) -> None:
    """Every member starts inside the file and is stored or deflated, without encryption: the
    readers behind (python-docx, odfpy) then meet no seek outside the file or exotic codec."""
    for member in members:
        if member.flag_bits & _ENCRYPTED_FLAG:
            raise EncryptedFileError(
                f"Le document « {filename} » est protégé par un mot de passe ; enregistrez-en "
                "une copie sans mot de passe et envoyez-la.",
                detail=f"{member.filename}: encrypted zip member",
            )
        if member.compress_type not in _READABLE or not 0 <= member.header_offset < size:
            raise zipfile.BadZipFile(
                f"{member.filename}: method {member.compress_type}, offset {member.header_offset}"
            )


def _kind(archive: zipfile.ZipFile, filename: str) -> str:
    names = set(archive.namelist())
    if "word/document.xml" in names:
        return "docx"
    if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
        manifest = "META-INF/manifest.xml"
        if manifest in names and b"encryption-data" in archive.read(manifest):
            raise EncryptedFileError(
                f"Le document « {filename} » est protégé par un mot de passe ; enregistrez-en "
                "une copie sans mot de passe et envoyez-la.",
                detail="ODF manifest with encryption-data",
            )
        return "odt"
    what = "un tableur ou une présentation" if _office_other(names) else "une archive ZIP"
    raise UnsupportedFileError(
        f"Le fichier « {filename} » est {what}, pas un dossier lisible ; "
        f"envoyez votre dossier au format {SUPPORTED}.",
        detail=f"zip members: {sorted(names)[:10]}",
    )


def _office_other(names: set[str]) -> bool:
    return bool(names & {"xl/workbook.xml", "ppt/presentation.xml", "content.xml"})
