"""Show where a quote stands in its dossier: a PDF page with the passage highlighted, or, for
formats without pages, the passage in its surrounding text.

Quotes come from the extracted text (NFKC, whitespace normalised, lines joined), so matching
ignores everything but letters and digits: line breaks, hyphenation, ligatures and typographic
punctuation then make no difference.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from assistant.assessment import Evidence

log = logging.getLogger(__name__)

HIGHLIGHT_FILL = (255, 214, 0, 110)
HIGHLIGHT_EDGE = (180, 83, 9, 255)
PROBE_CHARS = 60  # when the whole quote is not found on the page, look for its start or end


@dataclass(frozen=True)
class Box:
    """A rectangle in PDF points, origin at the page's top-left corner."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class PagePreview:
    image: Image.Image
    page: int
    found: bool = False


@dataclass(frozen=True)
class Excerpt:
    """A quote in its context: ``before + match + after`` is a slice of the text."""

    before: str
    match: str
    after: str


def _fold(text: str) -> list[tuple[str, int]]:
    """Letters and digits of ``text``, NFKC-normalised and casefolded, with source indices."""
    folded: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        for piece in unicodedata.normalize("NFKC", char).casefold():
            if piece.isalnum():
                folded.append((piece, index))
    return folded


def _find(haystack: list[tuple[str, int]], needle: str) -> tuple[int, int] | None:
    """Source index span of ``needle`` (already folded) in ``haystack``, or None."""
    if not needle:
        return None
    joined = "".join(piece for piece, _ in haystack)
    at = joined.find(needle)
    if at < 0:
        return None
    return haystack[at][1], haystack[at + len(needle) - 1][1] + 1


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Character span of ``quote`` in ``text``, tolerant to spacing and punctuation.

    Falls back to the quote's first, then last, ``PROBE_CHARS`` letters and digits.
    """
    haystack = _fold(text)
    needle = "".join(piece for piece, _ in _fold(quote))
    for probe in (needle, needle[:PROBE_CHARS], needle[-PROBE_CHARS:]):
        span = _find(haystack, probe)
        if span is not None:
            return span
    return None


def evidence_excerpt(text: str, evidence: Evidence, radius: int = 300) -> Excerpt | None:
    """The evidence's quote in its context, at the span it carries (no search); evidence
    without a span (an older report) is located like any quote."""
    if evidence.spans(text):
        assert evidence.start is not None and evidence.end is not None
        return _excerpt(text, evidence.start, evidence.end, radius)
    return excerpt(text, evidence.quote, radius)


def excerpt(text: str, quote: str, radius: int = 300) -> Excerpt | None:
    """The quote with up to ``radius`` characters on each side, or None when it is absent."""
    span = locate(text, quote)
    if span is None:
        return None
    return _excerpt(text, *span, radius)


def _excerpt(text: str, start: int, end: int, radius: int) -> Excerpt:
    lo = max(0, start - radius)
    hi = min(len(text), end + radius)
    before = ("… " if lo > 0 else "") + text[lo:start]
    after = text[end:hi] + (" …" if hi < len(text) else "")
    return Excerpt(before=before, match=text[start:end], after=after)


def _line_boxes(chars: list[dict[str, float | str]]) -> list[Box]:
    """One box per text line covered by ``chars`` (pdfplumber char dicts)."""
    lines: dict[int, Box] = {}
    for char in chars:
        x0, top = float(char["x0"]), float(char["top"])
        x1, bottom = float(char["x1"]), float(char["bottom"])
        key = round(top / 3)
        box = lines.get(key)
        lines[key] = (
            Box(x0, top, x1, bottom)
            if box is None
            else Box(min(box.x0, x0), min(box.top, top), max(box.x1, x1), max(box.bottom, bottom))
        )
    return list(lines.values())


def quote_boxes(path: Path, page: int, quote: str) -> list[Box]:
    """Boxes covering ``quote`` on the 1-based ``page`` of the PDF; empty when not found."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        if not 1 <= page <= len(pdf.pages):
            return []
        plumber_page = pdf.pages[page - 1]
        chars = [c for c in plumber_page.chars if str(c.get("text", "")).strip()]
        origin_x, origin_top = float(plumber_page.bbox[0]), float(plumber_page.bbox[1])
    text = "".join(str(c["text"]) for c in chars)
    # chars are single glyphs (one or a few code points): map folded text back to glyphs
    owner = [i for i, c in enumerate(chars) for _ in str(c["text"])]
    span = locate(text, quote)
    if span is None:
        return []
    covered = chars[owner[span[0]] : owner[span[1] - 1] + 1]
    return [
        Box(b.x0 - origin_x, b.top - origin_top, b.x1 - origin_x, b.bottom - origin_top)
        for b in _line_boxes(covered)
    ]


def _highlight(image: Image.Image, boxes: list[Box], scale: float) -> Image.Image:
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    pad = 2 * scale
    for box in boxes:
        rect = (
            box.x0 * scale - pad,
            box.top * scale - pad,
            box.x1 * scale + pad,
            box.bottom * scale + pad,
        )
        draw.rectangle(rect, fill=HIGHLIGHT_FILL, outline=HIGHLIGHT_EDGE, width=max(2, int(scale)))
    return Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")


def render_page(path: Path, page: int, quote: str | None = None, scale: float = 1.5) -> PagePreview:
    """The 1-based ``page`` of a PDF as an image, with ``quote`` highlighted when found.

    Raises ``IndexError`` when the page does not exist.
    """
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        if not 1 <= page <= len(pdf):
            raise IndexError(f"page {page} not in 1..{len(pdf)}")
        pdf_page = pdf[page - 1]
        image = pdf_page.render(scale=scale).to_pil()
        pdf_page.close()
    finally:
        pdf.close()
    boxes = quote_boxes(path, page, quote) if quote else []
    if quote and not boxes:
        log.info("quote not located on page %d of %s", page, path.name)
    if boxes:
        image = _highlight(image, boxes, scale)
    return PagePreview(image=image.convert("RGB"), page=page, found=bool(boxes))
