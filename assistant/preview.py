"""Show where a quote stands in its dossier: a PDF page with the passage highlighted, or, for
formats without pages, the passage in its surrounding text.

Quotes come from the extracted text (NFKC, whitespace normalised, lines joined), so matching
ignores everything but letters and digits: line breaks, hyphenation, ligatures and typographic
punctuation then make no difference.

PDF pages are rendered by ``render_isolated`` in a child process (``python -m
assistant.preview``) under a time and an address-space limit, like parsing; a page whose image
would exceed ``MAX_PIXELS`` even at a reduced scale is refused with a French sentence.
"""

from __future__ import annotations

import json
import logging
import math
import os
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

log = logging.getLogger(__name__)

HIGHLIGHT_FILL = (255, 214, 0, 110)
HIGHLIGHT_EDGE = (180, 83, 9, 255)
PROBE_CHARS = 60  # when the whole quote is not found on the page, look for its start or end
SCALE = 1.5
MAX_PIXELS = 12_000_000  # a large page is drawn smaller, down to MIN_SCALE
MIN_SCALE = 0.5
PREVIEW_TIMEOUT_S = 20.0
PREVIEW_MEMORY_MB = 1024
TOO_LARGE = (
    "La page {page} est trop grande pour être affichée ; ouvrez le dossier dans votre "
    "lecteur PDF pour la consulter."
)
FAILED = (
    "La page {page} n'a pas pu être affichée ; ouvrez le dossier dans votre lecteur PDF pour "
    "la consulter."
)


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


def excerpt(text: str, quote: str, radius: int = 300) -> Excerpt | None:
    """The quote with up to ``radius`` characters on each side, or None when it is absent."""
    span = locate(text, quote)
    if span is None:
        return None
    start, end = span
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


class PageTooLargeError(ValueError):
    """The page's image would exceed ``MAX_PIXELS`` even at ``MIN_SCALE``."""


def fitted_scale(width: float, height: float, scale: float, max_pixels: int) -> float:
    """``scale``, reduced so that the image holds at most ``max_pixels``; raises
    ``PageTooLargeError`` when even ``MIN_SCALE`` would not do."""
    area = max(width, 1.0) * max(height, 1.0)
    fitted = min(scale, math.sqrt(max_pixels / area))
    if fitted < min(MIN_SCALE, scale):
        raise PageTooLargeError(f"page of {width:.0f} x {height:.0f} pt")
    return fitted


def render_page(
    path: Path,
    page: int,
    quote: str | None = None,
    scale: float = SCALE,
    max_pixels: int = MAX_PIXELS,
) -> PagePreview:
    """The 1-based ``page`` of a PDF as an image, with ``quote`` highlighted when found.

    Raises ``IndexError`` when the page does not exist, ``PageTooLargeError`` when it is too
    large to draw. Runs in the calling process: the app uses ``render_isolated``.
    """
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        if not 1 <= page <= len(pdf):
            raise IndexError(f"page {page} not in 1..{len(pdf)}")
        pdf_page = pdf[page - 1]
        width, height = pdf_page.get_size()
        scale = fitted_scale(width, height, scale, max_pixels)
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


# --------------------------------------------------------------------------- isolation


@dataclass(frozen=True)
class IsolatedPreview:
    """What the child drew: ``image`` is written, or ``error`` says why not, in French."""

    image: Path | None
    found: bool = False
    error: str | None = None


def render_isolated(path: Path, page: int, quote: str | None, target: Path) -> IsolatedPreview:
    """Render ``page`` into the PNG file ``target`` in a limited child process."""
    from assistant.ingest.isolation import run_child

    request = {"path": str(path), "page": page, "quote": quote, "target": str(target)}
    try:
        _code, out, stderr = run_child("assistant.preview", request, PREVIEW_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        log.warning("preview of page %d timed out", page)
        return IsolatedPreview(None, error=FAILED.format(page=page))
    try:
        answer: dict[str, Any] = json.loads(out.decode("utf-8")) if out else {}
    except (UnicodeDecodeError, json.JSONDecodeError):
        answer = {}
    if answer.get("error") == "too_large":
        return IsolatedPreview(None, error=TOO_LARGE.format(page=page))
    if "found" not in answer or not target.is_file():
        log.warning("preview of page %d failed: %s", page, answer.get("detail") or stderr[-500:])
        return IsolatedPreview(None, error=FAILED.format(page=page))
    return IsolatedPreview(target, found=bool(answer["found"]))


def _answer(request: dict[str, Any]) -> dict[str, Any]:
    try:
        preview = render_page(Path(request["path"]), int(request["page"]), request.get("quote"))
        preview.image.save(Path(request["target"]), format="PNG")
        return {"found": preview.found}
    except PageTooLargeError as err:
        return {"error": "too_large", "detail": str(err)}
    except MemoryError:
        return {"error": "memory", "detail": "out of memory"}
    except Exception as err:  # any failure on a hostile page becomes an answer
        return {"error": type(err).__name__, "detail": str(err)[:500]}


def main() -> int:
    """Child process: one JSON request on stdin, one JSON answer on stdout."""
    from assistant.ingest.worker import limit_resources

    out = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout = sys.stderr  # stray prints from libraries must not corrupt the answer
    limit_resources(PREVIEW_MEMORY_MB, PREVIEW_TIMEOUT_S + 5)
    out.write(json.dumps(_answer(json.loads(sys.stdin.read()))))
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
