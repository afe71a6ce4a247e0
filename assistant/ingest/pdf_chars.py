"""Characters of a PDF page (pypdfium2 text page) with size, weight, position and, when a
human reader cannot see them, why: invisible render mode, white or low-contrast colour, tiny
font, outside the page, covered by a shape."""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

import pypdfium2.raw as pdfium_c

from assistant.document import HiddenReason
from assistant.ingest.pdf_objects import Box, PageObjects, TextObject
from assistant.ingest.visibility import colour_reason

TINY_FONT_PT = 4.0
SLANT_DEGREES = 10.0  # text turned further than this from the page's axes is not body text
_INVISIBLE_MODES = (3, 7)  # neither fill nor stroke (7 also adds to the clip path)
_STROKE_ONLY_MODES = (1, 5)
_FORCE_BOLD = 1 << 18


class PdfChar(NamedTuple):
    """One character (a tuple: a page holds thousands, made several times faster than an
    object; ``_replace`` gives a changed copy)."""

    text: str
    box: Box | None  # None for characters pdfium generates (spaces, line ends)
    size: float
    bold: bool
    hidden: HiddenReason | None
    colour: tuple[int, int, int] | None = None  # fill colour to look for when rendered

    @property
    def generated(self) -> bool:
        return self.box is None


@dataclass(frozen=True)
class _Style:
    size: float
    bold: bool
    hidden: HiddenReason | None
    colour: tuple[int, int, int] | None  # None: not checked on the rendered page (OCR layer)
    slanted: bool = False  # drawn neither across nor up the page: a watermark, a stamp
    plain: bool = field(init=False)  # its characters are hidden only when off the page

    def __post_init__(self) -> None:
        plain = self.hidden is None and self.size >= TINY_FONT_PT and not self.slanted
        object.__setattr__(self, "plain", plain)


class _CharCalls(NamedTuple):
    is_generated: Any
    get_box: Any
    text_object: Any


@cache
def _char_calls() -> _CharCalls:
    """PDFium's three per-character calls declared on plain addresses (``void *``): a call
    costs about half of pypdfium2's typed one, and a text object comes back as the int key
    ``address`` gives (None for no object). The same functions of the same library."""

    def plain(function: Any, result: Any, *arguments: Any) -> Any:
        address = ctypes.cast(function, ctypes.c_void_p).value
        if address is None:
            raise RuntimeError("PDFium function without an address")
        return ctypes.CFUNCTYPE(result, *arguments)(address)

    pointer, number = ctypes.c_void_p, ctypes.c_int
    return _CharCalls(
        plain(pdfium_c.FPDFText_IsGenerated, number, pointer, number),
        plain(pdfium_c.FPDFText_GetCharBox, number, pointer, number, *[pointer] * 4),
        plain(pdfium_c.FPDFText_GetTextObject, pointer, pointer, number),
    )


class PageCharReader:
    """Reads the characters of one page; styles are computed once per text object."""

    def __init__(self, textpage: Any, objects: PageObjects, page_box: Box) -> None:
        self.textpage = textpage
        self.objects = objects
        self.page_box = page_box
        self.page_area = (page_box[2] - page_box[0]) * (page_box[3] - page_box[1])
        self.styles: dict[int, _Style] = {}
        self.slanted: list[str] = []  # visible slanted text, in order

    def chars(self) -> list[PdfChar]:
        """Every character with its box and style: the loop makes three PDFium calls per
        character (hence ``_char_calls``) and decides the common case, a visible style
        on the page, inline. Visible characters drawn at a slant (a diagonal watermark or
        stamp) are not body text: they go to ``slanted``, neither hidden nor evidence."""
        count = pdfium_c.FPDFText_CountChars(self.textpage)
        units = self._units(count)
        is_generated, get_box, text_object = _char_calls()
        page = ctypes.cast(self.textpage, ctypes.c_void_p).value
        corners = (ctypes.c_double * 4)()  # left, right, bottom, top
        at = ctypes.addressof(corners)
        size = ctypes.sizeof(ctypes.c_double)
        at_right, at_bottom, at_top = at + size, at + 2 * size, at + 3 * size
        x0, y0, x1, y1 = self.page_box  # the page, for ``_overlaps`` inline
        styles, hidden_reason = self.styles, self._hidden
        chars: list[PdfChar] = []
        append, new = chars.append, tuple.__new__  # a PdfChar without its Python __new__
        for index in range(count):
            text = units[index]
            if is_generated(page, index) == 1:
                append(new(PdfChar, (text, None, 0.0, False, None, None)))
                continue
            get_box(page, index, at, at_right, at_bottom, at_top)
            left, right, bottom, top = corners
            box = (left, bottom, right, top)
            key = text_object(page, index) or 0
            style = styles.get(key) or self._new_style(index, key)
            if not style.plain:
                hidden = hidden_reason(text, box, style)
                if style.slanted and hidden is None:
                    self.slanted.append(text)
                    continue
            elif left < x1 and right > x0 and bottom < y1 and top > y0:
                hidden = None
            else:
                hidden = None if text.isspace() else "off_page"
            append(new(PdfChar, (text, box, style.size, style.bold, hidden, style.colour)))
        return chars

    def _units(self, count: int) -> list[str]:
        """The page's characters in one call; one by one when a surrogate pair would shift
        the indices (characters outside the Basic Multilingual Plane)."""
        buffer = (ctypes.c_ushort * (count + 1))()
        pdfium_c.FPDFText_GetText(self.textpage, 0, count, buffer)
        units = buffer[:count]
        if all(unit < 0xD800 or unit > 0xDFFF for unit in units):
            return [chr(unit) for unit in units]
        get = pdfium_c.FPDFText_GetUnicode
        return [chr(get(self.textpage, index)) for index in range(count)]

    def _new_style(self, index: int, key: int) -> _Style:
        """The style of the text object ``key`` (of character ``index``), computed once."""
        size, slanted = self._size(index)
        hidden = self._object_hidden(key, size)
        style = _Style(size, self._bold(index), hidden, self._colour(key), slanted)
        self.styles[key] = style
        return style

    def _size(self, index: int) -> tuple[float, bool]:
        """The character's size in points, and whether its baseline is slanted (more than
        ``SLANT_DEGREES`` away from horizontal and vertical)."""
        matrix = pdfium_c.FS_MATRIX()
        scale, slanted = 1.0, False
        if pdfium_c.FPDFText_GetMatrix(self.textpage, index, matrix):
            scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
            angle = math.degrees(math.atan2(matrix.b, matrix.a)) % 90
            slanted = SLANT_DEGREES < angle < 90 - SLANT_DEGREES
        size = float(pdfium_c.FPDFText_GetFontSize(self.textpage, index)) * scale
        return size, slanted

    def _bold(self, index: int) -> bool:
        if pdfium_c.FPDFText_GetFontWeight(self.textpage, index) >= 600:
            return True
        name = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()
        pdfium_c.FPDFText_GetFontInfo(self.textpage, index, name, len(name), flags)
        lowered = name.value.decode("latin-1").lower()
        return bool(flags.value & _FORCE_BOLD) or any(
            word in lowered for word in ("bold", "black", "heavy", "semibold", "demi")
        )

    def _colour(self, key: int) -> tuple[int, int, int] | None:
        """The colour the object paints, None for the invisible text layer of a scan."""
        text = self.objects.texts.get(key)
        if text is None:
            return None
        if text.render_mode in _INVISIBLE_MODES or _paint(text)[3] == 0:
            return None
        red, green, blue, _alpha = _paint(text)
        return (red, green, blue)

    def _object_hidden(self, key: int, size: float) -> HiddenReason | None:
        """Why a whole text object of letters ``size`` points high is unseen (render mode,
        colour against what lies behind, cover), else None."""
        text = self.objects.texts.get(key)
        if text is None:
            return None
        if text.render_mode in _INVISIBLE_MODES or _paint(text)[3] == 0:
            if self.objects.over_large_image(text, self.page_area):
                return None  # the invisible text layer of a scanned page (OCR)
            return "invisible_render_mode"
        if self.objects.covered(text):
            return "covered"
        return _contrast_reason(text, self.objects.background(text), size)

    def _hidden(self, text: str, box: Box, style: _Style) -> HiddenReason | None:
        if text.isspace():
            return None
        if style.hidden == "invisible_render_mode":
            return style.hidden
        if not _overlaps(box, self.page_box):
            return "off_page"
        if style.hidden is not None:
            return style.hidden
        return "tiny_font" if style.size < TINY_FONT_PT else None


def _paint(text: TextObject) -> tuple[int, int, int, int]:
    return text.stroke if text.render_mode in _STROKE_ONLY_MODES else text.fill


def _contrast_reason(
    text: TextObject, background: tuple[int, int, int] | None, size: float | None
) -> HiddenReason | None:
    if background is None:
        return None  # over an image: its colours are unknown, assume readable
    return colour_reason(_paint(text)[:3], background, size)


def _overlaps(box: Box, page: Box) -> bool:
    return box[2] > page[0] and box[0] < page[2] and box[3] > page[1] and box[1] < page[3]
