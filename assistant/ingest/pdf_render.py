"""Is a PDF glyph shown on the rendered page? One rule for every way of hiding text that the
drawing state alone does not tell (clipped away, in an optional-content layer switched off,
under an opaque annotation or image, white on a white picture): render the page once at low
resolution and look, in each word's box, for pixels of the text's colour that stand out from
the rest of the box."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.ingest.pdf_chars import PdfChar
from assistant.ingest.pdf_objects import Box
from assistant.ingest.visibility import MIN_CONTRAST, contrast, min_contrast

RENDER_DPI = 40  # a 10-point glyph is about 5 pixels high: enough to tell ink from paper
MIN_INK_CONTRAST = 1.25  # anti-aliased strokes at low resolution lose some contrast
MIN_LETTERS = 2
_PAPER = 235  # mean channel value of paper-white pixels
_DARK = 140  # mean channel value of pixels inked by dark text (anti-aliased at 40 dpi)
_Pixels = npt.NDArray[np.uint8]


def mark_unrendered(page: Any, chars: list[PdfChar], page_box: Box) -> list[PdfChar]:
    """``chars`` with ``not_rendered`` on the visible-looking words whose box, on the page as
    rendered (annotations and layers as a viewer shows them), holds no ink of their colour."""
    words = _words(chars)
    if not words or page.get_rotation() % 360 != 0:
        return chars
    scale = RENDER_DPI / 72
    bitmap = page.render(scale=scale, draw_annots=True, may_draw_forms=True, rev_byteorder=True)
    pixels: _Pixels = bitmap.to_numpy()[:, :, :3]
    counts = _InkCounts(pixels)
    out = list(chars)
    judged: set[int] = set()
    letters = _letters(chars)
    for first, last in words:
        if letters(first, last + 1) < MIN_LETTERS:
            continue  # bullets and dashes are too small to judge at this resolution
        judged.update(range(first, last + 1))
        colour = chars[first].colour
        box = _union([c.box for c in chars[first : last + 1] if c.box is not None])
        rect = _pixel_rect(box, page_box, scale)
        if colour is None or counts.dark_on_paper(rect, colour):
            continue
        if not _shows(pixels, rect, colour, ink_contrast(chars[first].size)):
            for index in range(first, last + 1):
                out[index] = out[index]._replace(hidden="not_rendered")
    return _fill_gaps(out, judged)


def _letters(chars: list[PdfChar]) -> Callable[[int, int], int]:
    """How many of ``chars[start:end]`` are letters or digits (read from one string of the
    page when each character is one code point, as pdfium gives them)."""
    text = "".join([c.text for c in chars])
    if len(text) == len(chars):
        return lambda start, end: sum(map(str.isalnum, text[start:end]))
    return lambda start, end: sum(c.text.isalnum() for c in chars[start:end])


def _fill_gaps(chars: list[PdfChar], judged: set[int]) -> list[PdfChar]:
    """Spaces, dashes and one-letter words between two unrendered words are unrendered too:
    the hidden passage stays one piece and leaves no crumbs in the visible text."""
    out = list(chars)
    index = 0
    while index < len(out):
        if index in judged or out[index].hidden is not None:
            index += 1
            continue
        end = index
        while end < len(out) and end not in judged and out[end].hidden is None:
            end += 1
        before = out[index - 1].hidden if index > 0 else None
        after = out[end].hidden if end < len(out) else None
        if before == after == "not_rendered":
            for gap in range(index, end):
                out[gap] = out[gap]._replace(hidden="not_rendered")
        index = end
    return out


class _InkCounts:
    """Most words are dark text on white paper: one look at the green channel (the bulk of
    luminance) of their box, for an inked and a paper pixel, settles them."""

    def __init__(self, pixels: _Pixels) -> None:
        self.green = pixels[:, :, 1]
        self.height, self.width = self.green.shape

    def dark_on_paper(self, rect: tuple[int, int, int, int], colour: tuple[int, int, int]) -> bool:
        if colour[1] > _DARK or max(colour) > _PAPER:
            return False
        left, top = max(rect[0], 0), max(rect[1], 0)
        right, bottom = min(rect[2], self.width), min(rect[3], self.height)
        if right <= left or bottom <= top:
            return False
        region = self.green[top:bottom, left:right]
        return bool(region.min() <= _DARK and region.max() >= _PAPER)


def _words(chars: list[PdfChar]) -> list[tuple[int, int]]:
    """(first, last) indices of runs of drawn, not yet hidden characters of one colour."""
    words: list[tuple[int, int]] = []
    start: int | None = None
    for index, char in enumerate(chars):
        inside = (
            char.box is not None
            and char.hidden is None
            and char.colour is not None
            and not char.text.isspace()
            and (start is None or chars[start].colour == char.colour)
        )
        if inside and start is None:
            start = index
        elif not inside and start is not None:
            words.append((start, index - 1))
            start = index if _starts(char) else None
    if start is not None:
        words.append((start, len(chars) - 1))
    return words


def _starts(char: PdfChar) -> bool:
    return (
        char.box is not None
        and char.hidden is None
        and char.colour is not None
        and not (char.text.isspace())
    )


def _union(boxes: list[Box]) -> Box:
    lefts, bottoms, rights, tops = zip(*boxes, strict=True)
    return (min(lefts), min(bottoms), max(rights), max(tops))


def _pixel_rect(box: Box, page_box: Box, scale: float) -> tuple[int, int, int, int]:
    left = math.floor((box[0] - page_box[0]) * scale)
    right = math.ceil((box[2] - page_box[0]) * scale)
    top = math.floor((page_box[3] - box[3]) * scale)
    bottom = math.ceil((page_box[3] - box[1]) * scale)
    return left, top, max(right, left + 1), max(bottom, top + 1)


def ink_contrast(size: float) -> float:
    """The rendered contrast that shows letters of ``size`` points: ``MIN_INK_CONTRAST`` for
    body text, lowered in proportion as ``visibility.min_contrast`` lowers it for large
    letters."""
    share = (min_contrast(size) - 1) / (MIN_CONTRAST - 1)
    return 1 + (MIN_INK_CONTRAST - 1) * share


def _shows(
    pixels: _Pixels,
    rect: tuple[int, int, int, int],
    colour: tuple[int, int, int],
    needed: float = MIN_INK_CONTRAST,
) -> bool:
    """Some pixel of the box is nearer the text's colour than the box's ground and stands out
    from it. Off the rendered page, nothing shows."""
    height, width = pixels.shape[:2]
    left, top, right, bottom = rect
    left, top, right, bottom = max(left, 0), max(top, 0), min(right, width), min(bottom, height)
    if right <= left or bottom <= top:
        return False
    region = pixels[top:bottom, left:right].reshape(-1, 3).astype(np.int32)
    distance = np.abs(region - np.array(colour, dtype=np.int32)).sum(axis=1)
    ink, ground = region[int(distance.argmin())], region[int(distance.argmax())]
    if distance.min() >= distance.max():
        return False
    return contrast(tuple(int(v) for v in ink), tuple(int(v) for v in ground)) >= needed
