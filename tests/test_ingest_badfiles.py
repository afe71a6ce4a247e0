"""Bad and hostile files: each gets its ReviewError subclass with one French sentence, within
the time limit, without taking the test process down."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

from assistant.errors import (
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    NoTextError,
    ParseTimeoutError,
    ReviewError,
    TooLargeError,
    UnsupportedFileError,
)
from assistant.ingest import ingest_bytes, ingest_file
from assistant.settings import LimitsSettings
from eval.docbuild import (
    Paragraph,
    build_docx,
    build_image_pdf,
    build_odt,
    build_pdf,
    dossier_items,
)

FRENCH_HINTS = ("fichier", "document", "pdf", "dossier")
Builder = Callable[[Path], Path]


def _sample_pdf(folder: Path, pages: int = 1) -> Path:
    return build_pdf(dossier_items(pages), folder / "source.pdf")


def _encrypted_pdf(folder: Path) -> Path:
    writer = pypdf.PdfWriter(clone_from=_sample_pdf(folder))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    path = folder / "chiffre.pdf"
    writer.write(path)
    return path


def _truncated_pdf(folder: Path) -> Path:
    data = _sample_pdf(folder, 3).read_bytes()
    path = folder / "tronque.pdf"
    path.write_bytes(data[: len(data) // 3])
    return path


def _zero_page_pdf(folder: Path) -> Path:
    path = folder / "vide.pdf"
    pypdf.PdfWriter().write(path)
    return path


def _exe_named_pdf(folder: Path) -> Path:
    path = folder / "dossier.pdf"
    path.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00" + bytes(range(256)) * 8)
    return path


def _garbage_named_docx(folder: Path) -> Path:
    path = folder / "dossier.docx"
    path.write_bytes(b"ceci n'est pas un document Word " * 20)
    return path


def _docx_zip_bomb(folder: Path) -> Path:
    """A DOCX whose document.xml inflates about 1000 times (20 MB of spaces)."""
    path = folder / "bombe.docx"
    source = build_docx([Paragraph("Texte")], folder / "source.docx")
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as bomb,
    ):
        for item in original.infolist():
            if item.filename != "word/document.xml":
                bomb.writestr(item.filename, original.read(item.filename))
        with bomb.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(20):
                member.write(b" " * (1024 * 1024))
    return path


def _ole_docx(folder: Path) -> Path:
    """What Word writes for a password-protected .docx: an OLE compound file."""
    path = folder / "protege.docx"
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    path.write_bytes(header + bytes(512 - len(header)) + bytes(4096))
    return path


def _encrypted_odt(folder: Path) -> Path:
    source = build_odt([Paragraph("Texte secret")], folder / "source.odt")
    path = folder / "chiffre.odt"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as hostile:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "META-INF/manifest.xml":
                data = data.replace(
                    b'manifest:full-path="content.xml"',
                    b'manifest:full-path="content.xml"><manifest:encryption-data '
                    b'manifest:checksum-type="SHA1" manifest:checksum="x"/></manifest:file-entry'
                    b'><manifest:file-entry manifest:media-type="" manifest:full-path="x"',
                    1,
                )
            hostile.writestr(item, data)
    return path


def _spreadsheet_zip(folder: Path) -> Path:
    path = folder / "dossier.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return path


def _broken_docx(folder: Path) -> Path:
    source = build_docx([Paragraph("Texte")], folder / "source.docx")
    path = folder / "casse.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as broken:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            broken.writestr(item, data)
    return path


def _odt_with_entity(folder: Path) -> Path:
    """An ODT whose content.xml declares an external entity (odfpy parses with defusedxml)."""
    source = build_odt([Paragraph("Bonjour le jury")], folder / "source.odt")
    path = folder / "entite.odt"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as hostile:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "content.xml":
                doctype = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                data = data.replace(b"?>", b"?>" + doctype, 1).replace(b"Bonjour", b"&xxe;")
            hostile.writestr(item, data)
    return path


def _empty(name: str) -> Builder:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(b"")
        return path

    return build


CASES: dict[str, tuple[Builder, type[ReviewError], str]] = {
    "encrypted pdf": (_encrypted_pdf, EncryptedFileError, "mot de passe"),
    "truncated pdf": (_truncated_pdf, CorruptFileError, "endommagé"),
    "image-only pdf": (
        lambda folder: build_image_pdf(folder / "scan.pdf", pages=2),
        NoTextError,
        "Le fichier semble être une image numérisée ; exportez-le en PDF texte depuis "
        "votre traitement de texte.",
    ),
    "empty pdf": (_empty("vide.pdf"), EmptyFileError, "vide (0 octet)"),
    "zero-page pdf": (_zero_page_pdf, EmptyFileError, "aucune page"),
    "exe renamed pdf": (_exe_named_pdf, UnsupportedFileError, "programme"),
    "garbage renamed docx": (_garbage_named_docx, CorruptFileError, "extension"),
    "docx zip bomb": (_docx_zip_bomb, TooLargeError, "décompresse"),
    "password-protected docx": (_ole_docx, EncryptedFileError, "mot de passe"),
    "empty docx": (_empty("vide.docx"), EmptyFileError, "vide (0 octet)"),
    "encrypted odt": (_encrypted_odt, EncryptedFileError, "mot de passe"),
    "spreadsheet named docx": (_spreadsheet_zip, UnsupportedFileError, "tableur"),
    "corrupt docx xml": (_broken_docx, CorruptFileError, "endommagé"),
    "odt external entity": (_odt_with_entity, CorruptFileError, "endommagé"),
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_gets_a_french_error(case: str, tmp_path: Path, limits: LimitsSettings) -> None:
    build, error, expected = CASES[case]
    with pytest.raises(error) as raised:
        ingest_file(build(tmp_path), limits)
    message = raised.value.message
    assert expected in message
    assert message.endswith(".") and message.count(" ; ") <= 1
    assert any(hint in message.lower() for hint in FRENCH_HINTS)


@pytest.mark.timeout(60)
def test_rtf_file_is_unsupported(limits: LimitsSettings) -> None:
    with pytest.raises(UnsupportedFileError) as raised:
        ingest_bytes(b"{\\rtf1\\ansi Bonjour}", "dossier.rtf", limits)
    assert "RTF" in raised.value.message


@pytest.mark.timeout(60)
def test_oversized_file_refused_before_parsing(tmp_path: Path) -> None:
    path = _sample_pdf(tmp_path, 2)
    with pytest.raises(TooLargeError) as raised:
        ingest_file(path, LimitsSettings(max_file_mb=0.001))
    assert "au-delà de la limite de 0.001 Mo" in raised.value.message


@pytest.mark.timeout(60)
def test_too_many_pages(tmp_path: Path) -> None:
    with pytest.raises(TooLargeError) as raised:
        ingest_file(_sample_pdf(tmp_path, 3), LimitsSettings(max_pages=2))
    assert "compte 3 pages, au-delà de la limite de 2 pages" in raised.value.message


@pytest.mark.timeout(60)
def test_too_many_pages_in_docx(tmp_path: Path) -> None:
    path = build_docx(dossier_items(3), tmp_path / "dossier.docx")
    with pytest.raises(TooLargeError) as raised:
        ingest_file(path, LimitsSettings(max_pages=2))
    assert "compte 3 pages" in raised.value.message


@pytest.mark.timeout(60)
def test_archive_over_uncompressed_limit(tmp_path: Path) -> None:
    path = build_docx(dossier_items(3), tmp_path / "dossier.docx")
    with pytest.raises(TooLargeError):
        ingest_file(path, LimitsSettings(max_uncompressed_mb=0.01))


@pytest.mark.timeout(60)
def test_parse_timeout_kills_the_child(tmp_path: Path) -> None:
    path = _sample_pdf(tmp_path, 2)
    with pytest.raises(ParseTimeoutError) as raised:
        ingest_file(path, LimitsSettings(parse_timeout_s=0.05))
    assert "a dépassé 0.05 s" in raised.value.message


@pytest.mark.timeout(60)
def test_child_out_of_memory_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = _sample_pdf(tmp_path, 2)
    with pytest.raises((TooLargeError, CorruptFileError)) as raised:
        ingest_file(path, LimitsSettings(parse_memory_mb=48))
    assert "fichier « source.pdf »" in raised.value.message
    ingest_file(path, LimitsSettings())  # the service still works afterwards


@pytest.mark.timeout(60)
def test_missing_file(tmp_path: Path, limits: LimitsSettings) -> None:
    with pytest.raises(ReviewError) as raised:
        ingest_file(tmp_path / "absent.pdf", limits)
    assert "introuvable" in raised.value.message
