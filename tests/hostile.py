"""Builders of hostile files: each writes one file into a folder and returns its path.

Raw PDFs are written object by object (``raw_pdf``) so that the structure itself can be
hostile (deep nesting, a /Prev loop, a JavaScript action); DOCX and ODT start from real
documents made by ``eval.docbuild`` and have one member replaced or added.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pypdf

from eval.docbuild import (
    Paragraph,
    build_docx,
    build_image_pdf,
    build_odt,
    build_pdf,
    dossier_items,
)

Builder = Callable[[Path], Path]

VISIBLE = "Analyse PESTEL du marché des cafés indépendants à Lyon"
"""The one sentence the raw PDFs below show on their page."""


# --------------------------------------------------------------------------- raw PDF writer


def _content_stream(text: str) -> bytes:
    body = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    return b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"


def raw_pdf(
    objects: Sequence[bytes],
    *,
    trailer_extra: bytes = b"",
    startxref: int | None = None,
    tail: bytes = b"",
) -> bytes:
    """A PDF whose object ``n`` (1-based) is ``objects[n-1]``; object 1 is the catalog.
    ``startxref`` overrides where the cross-reference table is said to be."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer_extra)
    out += b"startxref\n%d\n%%%%EOF\n" % (xref if startxref is None else startxref)
    return bytes(out + tail)


def one_page_pdf(
    text: str = VISIBLE, *, page_extra: bytes = b"", catalog_extra: bytes = b""
) -> list[bytes]:
    """Objects of a valid one-page PDF showing ``text`` in Helvetica."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> " + page_extra + b">>",
        _content_stream(text),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def sample_pdf(folder: Path, pages: int = 1) -> Path:
    """A real dossier PDF of ``pages`` pages (``eval.docbuild``)."""
    return build_pdf(dossier_items(pages), folder / "source.pdf")


def image_only_pdf(folder: Path) -> Path:
    return build_image_pdf(folder / "scan.pdf", pages=2)


# --------------------------------------------------------------------------- damaged or protected
# (the ingest branch's bad-file builders)


def encrypted_pdf(folder: Path) -> Path:
    writer = pypdf.PdfWriter(clone_from=sample_pdf(folder))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    path = folder / "chiffre.pdf"
    writer.write(path)
    return path


def truncated_pdf(folder: Path) -> Path:
    data = sample_pdf(folder, 3).read_bytes()
    path = folder / "tronque.pdf"
    path.write_bytes(data[: len(data) // 3])
    return path


def zero_page_pdf(folder: Path) -> Path:
    path = folder / "vide.pdf"
    pypdf.PdfWriter().write(path)
    return path


def exe_named_pdf(folder: Path) -> Path:
    path = folder / "dossier.pdf"
    path.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00" + bytes(range(256)) * 8)
    return path


def garbage_named_docx(folder: Path) -> Path:
    path = folder / "dossier.docx"
    path.write_bytes(b"ceci n'est pas un document Word " * 20)
    return path


def docx_zip_bomb(folder: Path) -> Path:
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


def ole_docx(folder: Path) -> Path:
    """What Word writes for a password-protected .docx: an OLE compound file."""
    path = folder / "protege.docx"
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    path.write_bytes(header + bytes(512 - len(header)) + bytes(4096))
    return path


def encrypted_odt(folder: Path) -> Path:
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


def spreadsheet_zip(folder: Path) -> Path:
    path = folder / "dossier.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return path


def broken_docx(folder: Path) -> Path:
    source = build_docx([Paragraph("Texte")], folder / "source.docx")
    path = folder / "casse.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as broken:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            broken.writestr(item, data)
    return path


def odt_with_entity(folder: Path) -> Path:
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


def empty(name: str) -> Builder:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(b"")
        return path

    return build


# --------------------------------------------------------------------------- PDF structure


def nested_arrays_pdf(folder: Path, depth: int = 10_000) -> Path:
    """A page whose resources hold an array nested ``depth`` levels deep."""
    deep = b"[" * depth + b"1" + b"]" * depth
    objects = one_page_pdf(page_extra=b"/Deep " + deep + b" ")
    return _write(folder, "imbrique.pdf", raw_pdf(objects))


def nested_dicts_pdf(folder: Path, depth: int = 10_000) -> Path:
    """A catalog entry holding a dictionary nested ``depth`` levels deep."""
    deep = b"<< /A " * depth + b"1" + b" >>" * depth
    objects = one_page_pdf(catalog_extra=b"/Deep " + deep + b" ")
    return _write(folder, "dictionnaires.pdf", raw_pdf(objects))


def huge_image_pdf(folder: Path, side: int = 50_000) -> Path:
    """A page drawing an image that declares ``side`` x ``side`` RGB pixels (7.5 GB raw)
    with only a few bytes of data behind it."""
    objects = one_page_pdf()
    objects[2] = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>"
    )
    text = f"BT /F1 12 Tf 72 720 Td ({VISIBLE}) Tj ET q 500 0 0 500 50 100 cm /Im1 Do Q"
    body = text.encode("latin-1")
    objects[3] = b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"
    pixels = b"\x00" * 64
    objects.append(
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n"
        % (side, side, len(pixels))
        + pixels
        + b"\nendstream"
    )
    return _write(folder, "image-geante.pdf", raw_pdf(objects))


def many_pages_pdf(folder: Path, pages: int = 10_000) -> Path:
    """``pages`` tiny pages sharing one content stream."""
    first_page = 4
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        _content_stream("Page"),
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 20 20] /Contents 3 0 R /Resources << >> >>"
    objects.extend(page for _ in range(pages))
    return _write(folder, "pages.pdf", raw_pdf(objects))


def prev_loop_pdf(folder: Path) -> Path:
    """A cross-reference table whose trailer's /Prev points back at itself."""
    data = raw_pdf(one_page_pdf())
    xref = data.rindex(b"xref\n")
    return _write(folder, "boucle.pdf", raw_pdf(one_page_pdf(), trailer_extra=b"/Prev %d " % xref))


def javascript_pdf(folder: Path) -> Path:
    """A PDF whose opening action runs JavaScript (which must never run)."""
    objects = one_page_pdf(catalog_extra=b"/OpenAction 6 0 R ")
    objects.append(b"<< /Type /Action /S /JavaScript /JS (app.alert\\('pwned'\\);) >>")
    return _write(folder, "script.pdf", raw_pdf(objects))


def polyglot_pdf_zip(folder: Path) -> Path:
    """A valid PDF with a valid ZIP (a DOCX) appended: both readers accept it."""
    pdf = raw_pdf(one_page_pdf())
    docx = build_docx([Paragraph("Texte caché dans l'archive.")], folder / "inner.docx")
    return _write(folder, "polyglotte.pdf", pdf + docx.read_bytes())


def zip_first_polyglot(name: str) -> Builder:
    """A DOCX whose first member is a PDF, stored: the file starts as a ZIP and shows
    ``%PDF-`` in its first bytes, so a PDF reader and a DOCX reader both accept it."""

    def build(folder: Path) -> Path:
        docx = build_docx(
            [Paragraph(f"Paragraphe {n} du document Word.") for n in range(90)],
            folder / "inner.docx",
        )
        target = folder / name
        pdf = raw_pdf(one_page_pdf("Dix mots du PDF cache dans cette archive ZIP."))
        with zipfile.ZipFile(docx) as original, zipfile.ZipFile(target, "w") as out:
            out.writestr(zipfile.ZipInfo("a.pdf"), pdf)  # stored, at offset 0
            for item in original.infolist():
                out.writestr(item, original.read(item.filename), zipfile.ZIP_DEFLATED)
        docx.unlink()
        return target

    return build


def flate_bomb_pdf(folder: Path, megabytes: int = 1200) -> Path:
    """A 2 MB PDF whose page content inflates to ``megabytes`` MB (a compression bomb)."""
    import zlib

    chunk = b"BT /F1 12 Tf 72 720 Td (Analyse PESTEL) Tj ET\n" + b" " * 65_000
    compressor = zlib.compressobj(9)
    data = bytearray()
    for _ in range(megabytes * 1024 * 1024 // len(chunk)):
        data += compressor.compress(chunk)
    data += compressor.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data)
    objects = one_page_pdf()
    objects[3] = stream + bytes(data) + b"\nendstream"
    return _write(folder, "bombe.pdf", raw_pdf(objects))


def char_flood_pdf(folder: Path, chars: int = 2_000_000) -> Path:
    """One page drawing two million tiny characters: small file, huge text."""
    run = b"A" * 200
    lines = (b"1 0 0 1 10 %d Tm (%s) Tj" % (10 + n % 800, run) for n in range(chars // 200))
    body = b"BT /F1 1 Tf " + b"\n".join(lines) + b" ET"
    stream = b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"
    objects = one_page_pdf()
    objects[3] = stream
    return _write(folder, "deluge.pdf", raw_pdf(objects))


# --------------------------------------------------------------------------- DOCX / ODT


def _replace_member(source: Path, target: Path, member: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as out:
        for item in original.infolist():
            body = data if item.filename == member else original.read(item.filename)
            out.writestr(item, body, compress_type=zipfile.ZIP_DEFLATED)
    return target


def _docx_body(paragraphs: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{paragraphs}</w:body></w:document>"
    ).encode()


def many_runs_docx(folder: Path, runs: int = 100_000) -> Path:
    """``runs`` runs of one word each, in paragraphs of 50 runs, with numbers that vary like
    real prose (so that the archive compresses like a real document, not like a bomb)."""
    source = build_docx([Paragraph("x")], folder / "source.docx")
    words = [
        f'<w:r><w:t xml:space="preserve">mot{i * 7919 % 100_003} </w:t></w:r>' for i in range(runs)
    ]
    body = "".join(f"<w:p>{''.join(words[i : i + 50])}</w:p>" for i in range(0, runs, 50))
    xml = _docx_body(body)
    return _replace_member(source, folder / "runs.docx", "word/document.xml", xml)


LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)
"""A DTD whose entity ``lol9`` expands to a billion 'lol's."""


def billion_laughs_docx(folder: Path) -> Path:
    source = build_docx([Paragraph("x")], folder / "source.docx")
    xml = _docx_body(f"<w:p><w:r><w:t>{VISIBLE} &lol9;</w:t></w:r></w:p>").replace(
        b"?>", b"?>" + LAUGHS.encode(), 1
    )
    return _replace_member(source, folder / "rires.docx", "word/document.xml", xml)


def billion_laughs_odt(folder: Path) -> Path:
    source = build_odt([Paragraph(VISIBLE)], folder / "source.odt")
    with zipfile.ZipFile(source) as archive:
        content = archive.read("content.xml")
    head, _, rest = content.partition(b"?>")
    hostile = head + b"?>" + LAUGHS.encode() + rest.replace(b"</text:p>", b" &lol9;</text:p>", 1)
    return _replace_member(source, folder / "rires.odt", "content.xml", hostile)


def traversal_member_docx(folder: Path) -> Path:
    """A real DOCX with an extra member named ``../../evil`` (never to be extracted)."""
    source = build_docx([Paragraph(VISIBLE)], folder / "source.docx")
    target = folder / "traversee.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as out:
        for item in original.infolist():
            out.writestr(item, original.read(item.filename))
        out.writestr("../../evil", b"owned")
    return target


def docx_named_pdf(folder: Path) -> Path:
    source = build_docx([Paragraph(VISIBLE)], folder / "source.docx")
    return _write(folder, "dossier.pdf", source.read_bytes())


def pdf_named_docx(folder: Path) -> Path:
    source = build_pdf([Paragraph(VISIBLE)], folder / "source.pdf")
    return _write(folder, "dossier.docx", source.read_bytes())


# --------------------------------------------------------------------------- text


def long_line_md(folder: Path, megabytes: int = 10) -> Path:
    """A Markdown file that is one 10 MB line of words (no newline at all)."""
    words = (VISIBLE + " ").encode()
    line = words * (megabytes * 1024 * 1024 // len(words))
    return _write(folder, "ligne.md", b"# Dossier\n\n" + line)


def spaceless_txt(megabytes: float, name: str = "sans-espaces.txt") -> Builder:
    """Letters without a single space or line break: one 'word' of millions of letters."""

    def build(folder: Path) -> Path:
        alphabet = b"abcdefghijklmnopqrstuvwxyz"
        size = int(megabytes * 1024 * 1024)
        return _write(folder, name, (alphabet * (size // len(alphabet) + 1))[:size])

    return build


def utf16_txt(folder: Path) -> Path:
    return _write(folder, "utf16.txt", f"{VISIBLE}.\nDeuxième ligne à lire.\n".encode("utf-16"))


def latin1_txt(folder: Path) -> Path:
    return _write(folder, "latin1.txt", f"{VISIBLE}.\nDeuxième ligne à lire.\n".encode("latin-1"))


def nul_bytes_txt(folder: Path) -> Path:
    """A text file with NUL bytes in the middle of its lines."""
    data = f"{VISIBLE}.\x00\x00 Suite\x00 du texte.\n".encode()
    return _write(folder, "nul.txt", data)


def nul_bytes_late_txt(folder: Path) -> Path:
    """NUL bytes only after the first kilobytes that the type sniffing reads."""
    data = (f"{VISIBLE}. " * 200).encode() + b"\x00" * 64 + b" Fin du texte.\n"
    return _write(folder, "nul-tardif.txt", data)


def binary_named_txt(folder: Path) -> Path:
    """Binary data (a third of it NUL bytes) under a .txt name."""
    return _write(folder, "notes.txt", bytes([0, 1, 2, 0, 7, 0, 200, 13, 0]) * 300)


# --------------------------------------------------------------------------- found by fuzzing


def missing_page_pdf(folder: Path) -> Path:
    """The page tree names a page object that does not exist."""
    objects = one_page_pdf()
    objects[1] = b"<< /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 >>"
    return _write(folder, "page-absente.pdf", raw_pdf(objects))


def shifted_zip(source: Path, target: Path) -> Path:
    """``source`` with its end record claiming the central directory starts 1000 bytes later:
    zipfile then places the first member before the start of the file (a negative seek)."""
    data = bytearray(source.read_bytes())
    end = data.rindex(b"PK\x05\x06")
    offset = int.from_bytes(data[end + 16 : end + 20], "little")
    data[end + 16 : end + 20] = (offset + 1000).to_bytes(4, "little")
    target.write_bytes(bytes(data))
    return target


def odt_without_body(folder: Path) -> Path:
    source = build_odt([Paragraph(VISIBLE)], folder / "source.odt")
    with zipfile.ZipFile(source) as archive:
        content = archive.read("content.xml")
    start, end = content.index(b"<office:body"), content.index(b"</office:body>")
    hollow = content[:start] + content[end + len(b"</office:body>") :]
    return _replace_member(source, folder / "sans-corps.odt", "content.xml", hollow)


def docx_relationship_without_target(folder: Path) -> Path:
    source = build_docx([Paragraph(VISIBLE)], folder / "source.docx")
    with zipfile.ZipFile(source) as archive:
        rels = archive.read("word/_rels/document.xml.rels")
    broken = rels.replace(b'Target="styles.xml"', b"", 1)
    return _replace_member(source, folder / "lien.docx", "word/_rels/document.xml.rels", broken)


def docx_styles_of_wrong_type(folder: Path) -> Path:
    """The styles part declared with another content type: python-docx gives a bare Part."""
    source = build_docx([Paragraph(VISIBLE)], folder / "source.docx")
    with zipfile.ZipFile(source) as archive:
        types = archive.read("[Content_Types].xml")
    retyped = types.replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        b"application/octet-stream",
        1,
    )
    return _replace_member(source, folder / "styles.docx", "[Content_Types].xml", retyped)
