"""Decide a file's format from its content (magic bytes), the extension only breaking ties.

A program renamed ``.pdf`` is refused; a PDF renamed ``.docx`` is read as the PDF it is.

A polyglot, a file that is both a PDF and a ZIP (a DOCX or an ODT), would show one text to
one reader and another text to another: it is read only when its extension and its first bytes
agree (a ``.pdf`` that starts as a PDF, a ``.docx``/``.odt`` that starts as a ZIP), and refused
otherwise.
"""

from __future__ import annotations

from pathlib import Path

from assistant.errors import CorruptFileError, EncryptedFileError, UnsupportedFileError

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
DOCUMENT_SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".odt": "odt"}
SUPPORTED = "PDF, DOCX, ODT, Markdown (.md) ou texte (.txt)"

_PDF = b"%PDF-"
_ZIP = b"PK\x03\x04"
_ZIP_END = b"PK\x05\x06"  # end of central directory: a ZIP appended to something else
TAIL_BYTES = 65_557  # the end-of-central-directory record is within the last 64 KiB + 22
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16 text is full of NUL bytes, legitimately
_OTHER_MAGIC = {
    b"MZ": "un programme Windows",
    b"\x7fELF": "un programme",
    b"\x89PNG": "une image PNG",
    b"\xff\xd8\xff": "une image JPEG",
    b"GIF8": "une image GIF",
    b"II*\x00": "une image TIFF",
    b"MM\x00*": "une image TIFF",
    b"Rar!": "une archive RAR",
    b"7z\xbc\xaf": "une archive 7-Zip",
    b"\x1f\x8b": "une archive gzip",
    b"{\\rtf": "un document RTF",
}


def sniff_format(path: Path, head: bytes, filename: str | None = None, tail: bytes = b"") -> str:
    """'pdf', 'zip' (DOCX or ODT, told apart by their members), 'md' or 'txt'.

    ``filename`` is the name shown in messages (``path``'s own name by default); ``tail``,
    the file's last ``TAIL_BYTES``, reveals a ZIP appended to a PDF."""
    name, suffix = filename or path.name, path.suffix.lower()
    has_pdf, has_zip = _PDF in head[:1024], head.startswith(_ZIP) or _ZIP_END in tail
    if has_pdf and has_zip:
        return _polyglot(name, suffix, head)
    if has_pdf:
        return "pdf"
    if head.startswith(_ZIP):
        return "zip"
    if head.startswith(_CFB):
        return _cfb_error(name, suffix)
    for magic, what in _OTHER_MAGIC.items():
        if head.startswith(magic):
            raise UnsupportedFileError(
                f"Le fichier « {name} » est {what}, pas un dossier lisible ; "
                f"envoyez votre dossier au format {SUPPORTED}.",
                detail=f"magic {head[:8]!r}",
            )
    if suffix in TEXT_SUFFIXES and _looks_like_text(head):
        return TEXT_SUFFIXES[suffix]
    if suffix in DOCUMENT_SUFFIXES or suffix in TEXT_SUFFIXES:
        raise CorruptFileError(
            f"Le fichier « {name} » n'est pas un vrai fichier {suffix[1:].upper()} "
            "(son contenu ne correspond pas à son extension) ; exportez-le de nouveau "
            "depuis votre traitement de texte.",
            detail=f"magic {head[:8]!r}",
        )
    raise UnsupportedFileError(
        f"Le format du fichier « {name} » n'est pas pris en charge ; "
        f"envoyez votre dossier au format {SUPPORTED}.",
        detail=f"suffix {suffix!r}, magic {head[:8]!r}",
    )


def _polyglot(name: str, suffix: str, head: bytes) -> str:
    """A PDF and a ZIP at once: the format its extension names, if it also starts with it."""
    if suffix == ".pdf" and head.startswith(_PDF):
        return "pdf"
    if suffix in (".docx", ".odt") and head.startswith(_ZIP):
        return "zip"
    raise CorruptFileError(
        f"Le fichier « {name} » est à la fois un PDF et une archive, et son extension ne dit pas "
        "lequel lire ; exportez de nouveau votre dossier en PDF depuis votre traitement de texte.",
        detail=f"polyglot, suffix {suffix!r}, magic {head[:8]!r}",
    )


def _looks_like_text(head: bytes) -> bool:
    """UTF-16 with its BOM, or bytes where NUL is rare (a stray NUL is removed later, with
    the other control characters; binary data is full of them)."""
    return head.startswith(_UTF16_BOMS) or head.count(0) * 10 <= len(head)


def _cfb_error(name: str, suffix: str) -> str:
    """An OLE compound file: a password-protected Office file, or an old .doc."""
    if suffix in (".docx", ".odt", ".pdf"):
        raise EncryptedFileError(
            f"Le fichier « {name} » est protégé par un mot de passe ; enregistrez-en une copie "
            "sans mot de passe (ou exportez-le en PDF) et envoyez-la.",
            detail="OLE compound file (encrypted OOXML package)",
        )
    raise UnsupportedFileError(
        f"Le fichier « {name} » est au format Word 97-2003 (.doc), non pris en charge ; "
        "enregistrez-le en .docx ou exportez-le en PDF.",
        detail="OLE compound file",
    )
