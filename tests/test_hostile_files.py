"""The hostile-file corpus: damaged, protected, malicious or merely strange files, all made by
the tests. Each is either refused with its ReviewError subclass and one French sentence, or
read correctly; parsing stays within the settings' limits (an isolated child process with a
time and memory cap) and the test process survives.

Decision on mismatched extension and content: the content decides (a DOCX named ``.pdf`` is
read as the DOCX it is); a program, an image or an archive under a dossier's name is refused.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.document import Document
from assistant.errors import (
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    InputError,
    NoTextError,
    ReviewError,
    TooLargeError,
    UnsupportedFileError,
)
from assistant.ingest import ingest_bytes, ingest_file
from assistant.settings import PROJECT_ROOT, LimitsSettings
from tests import hostile
from tests.hostile import VISIBLE

FRENCH_HINTS = ("fichier", "document", "pdf", "dossier")
CONTROL = {chr(c) for c in range(32)} - {"\n"} | {"\x7f", "\u202e", "\u200b"}


@dataclass(frozen=True)
class Refused:
    error: type[ReviewError]
    says: str


@dataclass(frozen=True)
class Read:
    format: str
    says: str
    never: str | None = None  # what must not become text


Outcome = Refused | Read
CORPUS: dict[str, tuple[Callable[[Path], Path], Outcome]] = {
    # damaged, protected or mislabelled (the ingest branch's suite)
    "encrypted pdf": (hostile.encrypted_pdf, Refused(EncryptedFileError, "mot de passe")),
    "truncated pdf": (hostile.truncated_pdf, Refused(CorruptFileError, "endommagé")),
    "image-only pdf": (
        hostile.image_only_pdf,
        Refused(
            NoTextError,
            "Le fichier semble être une image numérisée ; exportez-le en PDF texte depuis "
            "votre traitement de texte.",
        ),
    ),
    "empty pdf": (hostile.empty("vide.pdf"), Refused(EmptyFileError, "vide (0 octet)")),
    "zero-page pdf": (hostile.zero_page_pdf, Refused(EmptyFileError, "aucune page")),
    "exe renamed pdf": (hostile.exe_named_pdf, Refused(UnsupportedFileError, "programme")),
    "garbage renamed docx": (hostile.garbage_named_docx, Refused(CorruptFileError, "extension")),
    "docx zip bomb": (hostile.docx_zip_bomb, Refused(TooLargeError, "décompresse")),
    "password-protected docx": (hostile.ole_docx, Refused(EncryptedFileError, "mot de passe")),
    "empty docx": (hostile.empty("vide.docx"), Refused(EmptyFileError, "vide (0 octet)")),
    "encrypted odt": (hostile.encrypted_odt, Refused(EncryptedFileError, "mot de passe")),
    "spreadsheet named docx": (hostile.spreadsheet_zip, Refused(UnsupportedFileError, "tableur")),
    "corrupt docx xml": (hostile.broken_docx, Refused(CorruptFileError, "endommagé")),
    "odt external entity": (hostile.odt_with_entity, Refused(CorruptFileError, "endommagé")),
    # hostile PDF structure
    "10,000-deep arrays": (hostile.nested_arrays_pdf, Read("pdf", VISIBLE)),
    "10,000-deep dictionaries": (hostile.nested_dicts_pdf, Read("pdf", VISIBLE)),
    "50,000 x 50,000 image": (hostile.huge_image_pdf, Read("pdf", VISIBLE)),
    "10,000 tiny pages": (hostile.many_pages_pdf, Refused(TooLargeError, "compte 10000 pages")),
    "infinite /Prev loop": (hostile.prev_loop_pdf, Read("pdf", VISIBLE)),
    "javascript action": (hostile.javascript_pdf, Read("pdf", VISIBLE, never="app.alert")),
    "pdf+zip polyglot": (
        hostile.polyglot_pdf_zip,
        Read("pdf", VISIBLE, never="Texte caché dans l'archive"),
    ),
    # hostile DOCX / ODT
    "100,000 runs": (hostile.many_runs_docx, Read("docx", "mot7919 mot15838")),
    "billion laughs docx": (hostile.billion_laughs_docx, Refused(CorruptFileError, "endommagé")),
    "billion laughs odt": (hostile.billion_laughs_odt, Refused(CorruptFileError, "endommagé")),
    "../../evil member": (hostile.traversal_member_docx, Read("docx", VISIBLE, never="owned")),
    "docx named .pdf": (hostile.docx_named_pdf, Read("docx", VISIBLE)),
    "pdf named .docx": (hostile.pdf_named_docx, Read("pdf", VISIBLE)),
    # text
    "10 MB single-line markdown": (
        hostile.long_line_md,
        Refused(TooLargeError, "dépasse la limite de 1\u202f500\u202f000 caractères"),
    ),
    "1 MB without spaces": (
        hostile.spaceless_txt(1),
        Refused(TooLargeError, "mots, au-delà de la limite de 150\u202f000 mots"),
    ),
    "45 MB without spaces": (
        hostile.spaceless_txt(45, "immense.md"),
        Refused(TooLargeError, "dépasse la limite de 1\u202f500\u202f000 caractères"),
    ),
    "pdf compression bomb": (
        hostile.flate_bomb_pdf,
        Refused(CorruptFileError, "« bombe.pdf » n'a pas pu être lu"),
    ),
    "character flood pdf": (
        hostile.char_flood_pdf,
        Refused(TooLargeError, "La page 1 du document « deluge.pdf » dépasse la limite"),
    ),
    "zip-first polyglot named pdf": (
        hostile.zip_first_polyglot("polyglotte-zip.pdf"),
        Refused(CorruptFileError, "à la fois un PDF et une archive"),
    ),
    "zip-first polyglot named docx": (
        hostile.zip_first_polyglot("polyglotte-zip.docx"),
        Read("docx", "Paragraphe 89 du document Word.", never="Dix mots du PDF"),
    ),
    "utf-16 text": (hostile.utf16_txt, Read("txt", "Deuxième ligne à lire.")),
    "latin-1 text": (hostile.latin1_txt, Read("txt", "Deuxième ligne à lire.")),
    "nul bytes in text": (hostile.nul_bytes_txt, Read("txt", "Lyon. Suite du texte.")),
    "nul bytes late in text": (hostile.nul_bytes_late_txt, Read("txt", "Lyon. Fin du texte.")),
    "binary named txt": (hostile.binary_named_txt, Refused(CorruptFileError, "ne correspond pas")),
}


def _check_read(doc: Document, outcome: Read) -> None:
    assert doc.meta.format == outcome.format
    assert outcome.says in doc.text
    assert outcome.never is None or outcome.never not in doc.text
    assert not CONTROL & set(doc.text)
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text


def _check_message(err: ReviewError, says: str) -> None:
    message = err.message
    assert says in message
    assert message.endswith(".") and message.count(" ; ") <= 1
    assert any(hint in message.lower() for hint in FRENCH_HINTS)


@pytest.mark.timeout(90)
@pytest.mark.parametrize("case", list(CORPUS))
def test_hostile_file(case: str, tmp_path: Path, limits: LimitsSettings) -> None:
    build, outcome = CORPUS[case]
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    path = build(folder)
    if isinstance(outcome, Refused):
        with pytest.raises(outcome.error) as raised:
            ingest_file(path, limits)
        _check_message(raised.value, outcome.says)
    else:
        _check_read(ingest_file(path, limits), outcome)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a"]  # nothing extracted outside


def test_ten_thousand_pages_are_refused_before_the_time_limit(tmp_path: Path) -> None:
    """The page count is checked before any page is read: refused, not timed out."""
    with pytest.raises(TooLargeError):
        ingest_file(hostile.many_pages_pdf(tmp_path), LimitsSettings(parse_timeout_s=20))


def test_long_text_under_the_word_limit_is_read(tmp_path: Path) -> None:
    """The single-line Markdown is refused for its length alone: under the limit, it reads."""
    limits = LimitsSettings(parse_timeout_s=60, max_words=2_000_000, max_chars=12_000_000)
    _check_read(ingest_file(hostile.long_line_md(tmp_path), limits), Read("md", VISIBLE))


def test_corpus_has_at_least_25_kinds() -> None:
    assert len(CORPUS) >= 25


# --------------------------------------------------------------------------- file names

HOSTILE_NAMES = {
    "../../etc/evil.pdf": "evil.pdf",
    "..\\..\\windows\\evil.pdf": "evil.pdf",
    "dos\x1b[31msier\n.pdf": "dos[31msier .pdf",
    "dossier\u202efdp.exe": "dossierfdp.exe",
    "dossier\x00.pdf": "dossier.pdf",
    "\x07\x08": "dossier",
}


@pytest.mark.parametrize("name", list(HOSTILE_NAMES))
def test_upload_name_is_shown_without_folders_or_controls(
    name: str, tmp_path: Path, limits: LimitsSettings
) -> None:
    data = hostile.exe_named_pdf(tmp_path).read_bytes()
    with pytest.raises(UnsupportedFileError) as raised:
        ingest_bytes(data, name, limits)
    assert f"« {HOSTILE_NAMES[name]} »" in raised.value.message


def test_uploaded_dossier_keeps_a_clean_name_and_is_read(
    tmp_path: Path, limits: LimitsSettings
) -> None:
    data = hostile.traversal_member_docx(tmp_path).read_bytes()
    doc = ingest_bytes(data, "../../\x1b[2Jmon dossier\u202e.docx", limits)
    assert doc.meta.filename == "[2Jmon dossier.docx"
    assert VISIBLE in doc.text


def test_file_with_control_characters_in_its_name(tmp_path: Path, limits: LimitsSettings) -> None:
    path = hostile.latin1_txt(tmp_path).rename(tmp_path / "mon\x1b[31m\tdossier\r.txt")
    doc = ingest_file(path, limits)
    assert doc.meta.filename == "mon[31m dossier .txt"


def test_path_with_a_nul_byte_is_an_input_error(tmp_path: Path, limits: LimitsSettings) -> None:
    with pytest.raises(InputError) as raised:
        ingest_file(tmp_path / "dossier\x00.pdf", limits)
    assert "« dossier.pdf » est introuvable" in raised.value.message


def test_cli_names_a_hostile_file_without_its_control_characters(tmp_path: Path) -> None:
    """The terminal never receives the escape sequences hidden in a file name."""
    folder = tmp_path / "sub"
    folder.mkdir()
    path = folder / "dos\x1b]0;pwned\x07sier\x1b[2J.pdf"
    path.write_bytes(hostile.exe_named_pdf(tmp_path).read_bytes())
    env = {**os.environ, "DOSSIER_REVIEW_HOME": str(tmp_path / "home")}
    argument = str(folder / ".." / "sub" / path.name)
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "assess", argument, "--epreuve", "E1"],
        capture_output=True,
        env=env,
        cwd=PROJECT_ROOT,
        timeout=120,
    )
    assert done.returncode == 2
    stderr = done.stderr.decode()
    assert "« dos]0;pwnedsier[2J.pdf » est un programme Windows" in stderr
    assert not CONTROL & set(stderr)
