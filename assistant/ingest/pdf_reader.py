"""PDF reader: pypdfium2 (PDFium, BSD/Apache) for text, positions, drawing state and
ruling lines; pdfplumber's TableFinder turns the rules into table grids. The comparison behind
this choice: ``python benchmarks/compare_pdf_libs.py``."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from assistant.errors import CorruptFileError, EmptyFileError, EncryptedFileError, TooLargeError
from assistant.ingest.asides import aside_blocks, pdf_annotation_texts, pdf_asides
from assistant.ingest.caps import too_many_page_chars
from assistant.ingest.pdf_blocks import BodyStyle, lines_to_blocks
from assistant.ingest.pdf_chars import PageCharReader, PdfChar
from assistant.ingest.pdf_lines import PdfLine, page_lines
from assistant.ingest.pdf_objects import Box, PageObjects, page_objects
from assistant.ingest.pdf_render import mark_unrendered
from assistant.ingest.pdf_tables import find_grids
from assistant.ingest.raw import RawBlock, RawDocument
from assistant.settings import LimitsSettings

logger = logging.getLogger(__name__)


def read_pdf(path: Path, filename: str, limits: LimitsSettings) -> RawDocument:
    pdf = _open(path, filename)
    try:
        count = len(pdf)
        _check_pages(count, filename, limits)
        pages = [_read_page(_page(pdf, i, filename), i + 1, filename, limits) for i in range(count)]
        asides = pdf_asides(pdf)
    finally:
        pdf.close()
    lines: list[PdfLine] = []
    flat_boxes: dict[int, list[Box]] = {}
    for number, (chars, box, objects, notes) in enumerate(pages, start=1):
        lines.extend(page_lines(chars, number, box, find_grids(objects.rules, box)))
        asides.extend(aside_blocks(notes, page=number))
        if boxes := [t.box for t in objects.texts.values() if _flat(t.box)]:
            flat_boxes[number] = boxes
    flat = _flattened_blocks(path, flat_boxes)
    blocks = lines_to_blocks(lines, BodyStyle.of(lines))
    if flat:  # each at the end of its page
        blocks = sorted(blocks + flat, key=lambda block: block.page or 0)
    return RawDocument("pdf", blocks, pages=count, asides=asides)


def _flattened_blocks(path: Path, flat_boxes: dict[int, list[Box]]) -> list[RawBlock]:
    """Text drawn flat: a text object whose glyphs its matrix squeezes to no width (a
    horizontal scale of 0, a degenerate matrix) paints nothing, and PDFium leaves
    its characters out of the page's text. Its text, read by pypdf at the objects' places
    (``flat_boxes``, by page number), is reported hidden; the file is opened by pypdf once,
    and only when a page has such an object."""
    if not flat_boxes:
        return []
    import pypdf

    try:
        reader = pypdf.PdfReader(path, strict=False)
    except Exception:  # pypdf fails where PDFium read the file: nothing more to report
        logger.info("flattened text unreadable", exc_info=True)
        return []
    out: list[RawBlock] = []
    for number, boxes in flat_boxes.items():
        found: list[str] = []

        def visit(
            text: str, cm: list[float], tm: list[float], *_args: Any,
            boxes: list[Box] = boxes, found: list[str] = found,
        ) -> None:  # fmt: skip
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if text.strip() and any(_near(box, x, y) for box in boxes):
                found.append(text)

        try:
            reader.pages[number - 1].extract_text(visitor_text=visit)
        except Exception:  # pypdf fails where PDFium read the page: nothing more to report
            logger.info("flattened text unreadable on page %d", number, exc_info=True)
        if text := " ".join(" ".join(found).split()):
            out.append(RawBlock("other", text, number, hidden_reason="compressed"))
    return out


def _flat(box: Box) -> bool:
    """A box of (almost) no width and some height: glyphs squeezed to nothing across, which
    PDFium drops (squeezed to no height, they stay, sized 0 pt: ``tiny_font``)."""
    return box[2] - box[0] < 0.01 and box[3] - box[1] >= 0.5


def _near(box: Box, x: float, y: float, slack: float = 1.0) -> bool:
    return box[0] - slack <= x <= box[2] + slack and box[1] - slack <= y <= box[3] + slack


def _open(path: Path, filename: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as err:
        if err.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedFileError(
                f"Le PDF « {filename} » est protégé par un mot de passe ; enregistrez-en une "
                "copie sans mot de passe et envoyez-la.",
                detail=str(err),
            ) from err
        if _has_no_pages(path):
            raise _no_pages(filename) from err
        raise CorruptFileError(
            f"Le PDF « {filename} » est endommagé ou incomplet et ne peut pas être lu ; "
            "exportez-le de nouveau depuis votre traitement de texte.",
            detail=str(err),
        ) from err


def _has_no_pages(path: Path) -> bool:
    """PDFium refuses a well-formed PDF without pages; pypdf tells that case apart."""
    import pypdf

    try:
        return len(pypdf.PdfReader(path, strict=False).pages) == 0
    except Exception:  # any parse failure means "not a valid empty PDF"
        return False


def _no_pages(filename: str) -> EmptyFileError:
    return EmptyFileError(
        f"Le PDF « {filename} » ne contient aucune page ; exportez de nouveau votre dossier."
    )


def _check_pages(count: int, filename: str, limits: LimitsSettings) -> None:
    if count == 0:
        raise _no_pages(filename)
    if count > limits.max_pages:
        raise TooLargeError(
            f"Le PDF « {filename} » compte {count} pages, au-delà de la limite de "
            f"{limits.max_pages} pages ; envoyez le dossier sans ses annexes volumineuses.",
        )


def _page(pdf: pdfium.PdfDocument, index: int, filename: str) -> Any:
    try:
        return pdf[index]
    except pdfium.PdfiumError as err:
        raise CorruptFileError(
            f"La page {index + 1} du PDF « {filename} » est endommagée et ne peut pas être lue ; "
            "exportez de nouveau le dossier depuis votre traitement de texte.",
            detail=str(err),
        ) from err


def _read_page(
    page: Any, number: int, filename: str, limits: LimitsSettings
) -> tuple[list[PdfChar], Box, PageObjects, list[str]]:
    """One page's characters, objects, box and side texts (annotations, slanted text); a
    page flooded with characters is refused before they are extracted one by one (PDFium
    counts them cheaply)."""
    try:
        textpage = page.get_textpage()
        try:
            if textpage.count_chars() > limits.max_page_chars:
                raise too_many_page_chars(filename, number, limits)
            objects = page_objects(page.raw)
            left, bottom, right, top = page.get_cropbox()
            box = (float(left), float(bottom), float(right), float(top))
            reader = PageCharReader(textpage.raw, objects, box)
            chars = reader.chars()
            notes = pdf_annotation_texts(page.raw)
            if reader.slanted:  # a watermark or stamp: read for instructions, never evidence
                notes.append("".join(reader.slanted))
            return mark_unrendered(page, chars, box), box, objects, notes
        finally:
            textpage.close()
    finally:
        page.close()
