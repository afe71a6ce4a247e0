"""Where Word draws a floating object (``wp:anchor``), from the section's page size and
margins, and whether a reader can see text because of it: a text box drawn entirely outside
the page shows nothing; an opaque picture or filled shape in front of the text, not wrapping
it, that spans the column and the paragraph it is anchored in hides that paragraph. Positions
that depend on a layout we do not compute (a paragraph's place on the page, a character's)
are kept as the range of places they may take; whatever stays unknown counts as visible.
An object marked hidden (``wp:docPr hidden``) shows nothing and covers nothing."""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from assistant.document import HiddenReason
from assistant.ingest.docx_styles import qn

logger = logging.getLogger(__name__)

EMU_PER_PT = 12700
TWIPS_PER_PT = 20
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
_WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_FILLS = (f"{_A}solidFill", f"{_A}gradFill", f"{_A}pattFill", f"{_A}blipFill")
GLYPH_EM = 0.6  # average glyph width in em: wide, so that text is never under-estimated
LINE_EM = 1.25  # single line height in em
COVER_WIDTH = 0.9  # share of the column an object must span to hide a paragraph
OPAQUE_ALPHA = 0.95  # share of opaque pixels for a picture to hide what lies behind
_MAX_PIXELS = 4_000_000  # larger pictures are not decoded (taken as opaque)


@dataclass(frozen=True)
class PageFrame:
    """A section's page, in points."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    columns: int
    column_width: float


@dataclass(frozen=True)
class Place:
    """Where a reference area may start (``low``..``high``, page coordinates) and its size
    (None when it has none, such as a paragraph's top edge)."""

    low: float
    high: float
    size: float | None


def section_frames(body: Any, paragraphs: Iterable[Any]) -> list[PageFrame | None]:
    """One frame per section, in order: the ``w:sectPr`` held by each of the body's
    ``paragraphs`` (those the reader walks), then the body's own."""
    frames = []
    for p in paragraphs:
        ppr = p.find(qn("w:pPr"))
        sect = ppr.find(qn("w:sectPr")) if ppr is not None else None
        if sect is not None:
            frames.append(page_frame(sect))
    final = body.find(qn("w:sectPr"))
    frames.append(page_frame(final) if final is not None else None)
    return frames


def page_frame(sect: Any) -> PageFrame | None:
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    if size is None or margins is None:
        return None
    width, height = _twips(size, "w:w"), _twips(size, "w:h")
    sides = [_twips(margins, f"w:{side}") for side in ("left", "right", "top", "bottom")]
    if width is None or height is None or width <= 0 or height <= 0:
        return None
    left, right, top, bottom = (abs(s) if s is not None else 0.0 for s in sides)
    columns, space = _columns(sect.find(qn("w:cols")))
    text_width = width - left - right
    column_width = (text_width - (columns - 1) * space) / columns
    if column_width <= 0:
        return None
    return PageFrame(width, height, left, right, top, bottom, columns, column_width)


def _columns(cols: Any | None) -> tuple[int, float]:
    if cols is None:
        return 1, 0.0
    count = len(cols.findall(qn("w:col"))) or _int(cols.get(qn("w:num"))) or 1
    return max(1, min(count, 45)), _twips(cols, "w:space") or 0.0


def box_hidden(box: Any, frame: PageFrame | None) -> HiddenReason | None:
    """Why a reader cannot see a text box's content (``w:txbxContent``): its object is
    marked hidden, or drawn entirely off the page; None when it shows or is unknown."""
    drawing = _drawing_of(box)
    if drawing is None:
        return None
    if _hidden_object(drawing):
        return "not_rendered"
    if drawing.tag == qn("wp:anchor") and off_page(drawing, frame):
        return "off_page"
    return None


def _drawing_of(element: Any) -> Any | None:
    """The ``wp:anchor`` or ``wp:inline`` an element is drawn in, None for legacy (VML)."""
    for ancestor in element.iterancestors():
        if ancestor.tag in (qn("wp:anchor"), qn("wp:inline")):
            return ancestor
        if ancestor.tag in (qn("w:pict"), qn("w:r")):
            return None
    return None


def _hidden_object(drawing: Any) -> bool:
    properties = drawing.find(qn("wp:docPr"))
    return properties is not None and _on(properties.get("hidden"))


def off_page(anchor: Any, frame: PageFrame | None) -> bool:
    """True when the object's box lies entirely outside the page, wherever the layout puts
    the paragraph it is anchored in."""
    if frame is None:
        return False
    extent = _extent(anchor)
    if extent is None:
        return False
    for axis, size, page in (("H", extent[0], frame.width), ("V", extent[1], frame.height)):
        start = _start_range(anchor, axis, size, frame)
        if start[1] + size <= 0 or start[0] >= page:
            return True
    return False


def _start_range(anchor: Any, axis: str, size: float, frame: PageFrame) -> tuple[float, float]:
    """The range of page coordinates where the object's box may start on one axis."""
    if _on(anchor.get("simplePos")):
        simple = anchor.find(qn("wp:simplePos"))
        start = _emu(simple.get("x" if axis == "H" else "y")) if simple is not None else None
        return (start, start) if start is not None else _unknown(axis, size, frame)
    position = anchor.find(qn(f"wp:position{axis}"))
    place = _place(position.get("relativeFrom"), axis, frame) if position is not None else None
    offset = _offset(position, size, place) if place is not None else None
    if place is None or offset is None:
        return _unknown(axis, size, frame)
    return place.low + offset, place.high + offset


def _unknown(axis: str, size: float, frame: PageFrame) -> tuple[float, float]:
    """Anywhere such that the box touches the page: never off the page."""
    page = frame.width if axis == "H" else frame.height
    return -size + 1, page - 1


def _place(relative: str | None, axis: str, frame: PageFrame) -> Place | None:
    """The reference area an offset is measured from, in page coordinates."""
    if axis == "H":
        text_right = frame.width - frame.right
        places = {
            "page": Place(0, 0, frame.width),
            "margin": Place(frame.left, frame.left, text_right - frame.left),
            "column": Place(frame.left, text_right - frame.column_width, frame.column_width),
            "character": Place(frame.left, text_right, None),
            "leftMargin": Place(0, 0, frame.left),
            "rightMargin": Place(text_right, text_right, frame.right),
        }
    else:
        text_bottom = frame.height - frame.bottom
        places = {
            "page": Place(0, 0, frame.height),
            "margin": Place(frame.top, frame.top, text_bottom - frame.top),
            "topMargin": Place(0, 0, frame.top),
            "bottomMargin": Place(text_bottom, text_bottom, frame.bottom),
            "paragraph": Place(frame.top, text_bottom, None),
            "line": Place(frame.top, text_bottom, None),
        }
    return places.get(relative or "")


def _offset(position: Any, size: float, place: Place) -> float | None:
    """The box's start from the reference area's start: a posOffset, or an alignment."""
    offset = position.find(qn("wp:posOffset"))
    if offset is not None:
        return _emu(offset.text)
    align = position.find(qn("wp:align"))
    if align is None or place.size is None:
        return None
    where = (align.text or "").strip()
    aligned = {"left": 0.0, "top": 0.0, "right": place.size - size, "bottom": place.size - size,
               "center": (place.size - size) / 2}  # fmt: skip
    return aligned.get(where)


def covers_paragraph(anchor: Any, frame: PageFrame | None, text: TextExtent) -> bool:
    """True when the object is drawn in front of the text, without wrapping it, and its box
    spans the column and the paragraph's estimated text (``text``), measured from the
    paragraph it is anchored in. Opacity is checked apart (``opaque``)."""
    if frame is None or _on(anchor.get("behindDoc")) or _on(anchor.get("simplePos")):
        return False
    if _hidden_object(anchor):
        return False
    if anchor.find(qn("wp:wrapNone")) is None:
        return False
    extent = _extent(anchor)
    if extent is None:
        return False
    across = _column_span(anchor, extent[0], frame)
    down = _paragraph_span(anchor, extent[1], text)
    if across is None or down is None:
        return False
    covered = min(across[1], frame.column_width) - max(across[0], 0.0)
    return covered >= COVER_WIDTH * frame.column_width and down[0] <= 0 <= text.height <= down[1]


def _column_span(anchor: Any, width: float, frame: PageFrame) -> tuple[float, float] | None:
    """The box's horizontal extent in the coordinates of the paragraph's column."""
    position = anchor.find(qn("wp:positionH"))
    if position is None:
        return None
    relative = position.get("relativeFrom")
    if relative == "column" or (frame.columns == 1 and relative == "margin"):
        place: Place | None = Place(0, 0, frame.column_width)
        origin = 0.0
    elif frame.columns == 1 and relative in ("page", "leftMargin", "rightMargin"):
        place = _place(relative, "H", frame)
        origin = (place.low if place is not None else 0.0) - frame.left
    else:
        return None
    offset = _offset(position, width, place) if place is not None else None
    return None if offset is None else (origin + offset, origin + offset + width)


def _paragraph_span(anchor: Any, height: float, text: TextExtent) -> tuple[float, float] | None:
    """The box's vertical extent from the top of the paragraph it is anchored in."""
    position = anchor.find(qn("wp:positionV"))
    if position is None:
        return None
    relative = position.get("relativeFrom")
    if relative != "paragraph" and not (relative == "line" and text.lines == 1):
        return None
    offset = position.find(qn("wp:posOffset"))
    start = _emu(offset.text) if offset is not None else None
    return None if start is None else (start, start + height)


@dataclass(frozen=True)
class TextExtent:
    """A paragraph's estimated text: its line count and the depth from the paragraph's top
    (space before included) to its last line's foot, in points."""

    lines: int
    height: float


def text_extent(chars: int, size: float, spacings: list[Any], frame: PageFrame) -> TextExtent:
    """Lines from characters at a wide average glyph width over the column; line height
    from the size and the paragraph's line spacing (``w:spacing`` elements, nearest first:
    the paragraph's, its styles', the document default)."""
    per_line = max(1, int(frame.column_width / (GLYPH_EM * size)))
    lines = max(1, math.ceil(chars / per_line))
    before = max(0.0, (_spacing(spacings, "w:before") or 0) / TWIPS_PER_PT)
    value = _spacing(spacings, "w:line")
    rule = next((s.get(qn("w:lineRule")) for s in spacings if s.get(qn("w:lineRule"))), "auto")
    line = LINE_EM * size * 1.15  # Word's default spacing, 276/240
    if value is not None and value > 0:
        if rule == "exact":
            line = value / TWIPS_PER_PT
        elif rule == "atLeast":
            line = max(value / TWIPS_PER_PT, LINE_EM * size)
        else:
            line = LINE_EM * size * max(1.0, value / 240)
    return TextExtent(lines, before + lines * line)


def _spacing(spacings: list[Any], attribute: str) -> int | None:
    """The nearest value of a ``w:spacing`` attribute."""
    for spacing in spacings:
        value = _int(spacing.get(qn(attribute)))
        if value is not None:
            return value
    return None


def opaque(anchor: Any, part: Any) -> bool:
    """True for a picture whose pixels are (almost all) opaque, or a shape with a fill;
    group shapes, canvases and charts are unknown, hence not opaque."""
    graphic = anchor.find(f"{_A}graphic/{_A}graphicData")
    if graphic is None or len(graphic) == 0:
        return False
    shape = graphic[0]
    if shape.tag == f"{_PIC}pic":
        fill = shape.find(f"{_PIC}blipFill")
        blip = fill.find(f"{_A}blip") if fill is not None else None
        return blip is not None and _opaque_fill(blip) and _opaque_image(blip, part)
    if shape.tag == f"{_WPS}wsp":
        properties = shape.find(f"{_WPS}spPr")
        fill = next(_children(properties, _FILLS), None)
        if fill is None:
            return _styled_fill(shape, properties)
        return _opaque_fill(fill)
    return False


def _children(parent: Any | None, tags: tuple[str, ...]) -> Iterator[Any]:
    if parent is None:
        return iter(())
    return (child for child in parent.iterchildren() if child.tag in tags)


def _styled_fill(shape: Any, properties: Any | None) -> bool:
    """No explicit fill: the shape's style fills it unless it says ``noFill``."""
    if properties is not None and properties.find(f"{_A}noFill") is not None:
        return False
    reference = shape.find(f"{_WPS}style/{_A}fillRef")
    return reference is not None and (_int(reference.get("idx")) or 0) > 0


def _opaque_fill(element: Any) -> bool:
    """No colour or picture under it made see-through (alpha, alphaModFix below half)."""
    for child in element.iter(f"{_A}alpha", f"{_A}alphaModFix"):
        amount = _int(child.get("val") or child.get("amt"))
        if amount is not None and amount < 50000:
            return False
    return True


def _opaque_image(blip: Any, part: Any) -> bool:
    """The picture's pixels: opaque unless its alpha channel lets the text show through."""
    try:
        blob = part.related_parts[blip.get(f"{_R}embed")].blob
        from PIL import Image

        with Image.open(io.BytesIO(blob)) as image:
            if "A" not in image.getbands() and "transparency" not in image.info:
                return True
            if image.width * image.height > _MAX_PIXELS:
                return True
            alpha = image.convert("RGBA").getchannel("A")
            solid = sum(alpha.histogram()[128:])
            return solid >= OPAQUE_ALPHA * image.width * image.height
    except Exception as err:  # a missing or undecodable picture: a vector or unknown format
        logger.debug("picture opacity unknown, taken as opaque: %s", err)
        return True


def _extent(anchor: Any) -> tuple[float, float] | None:
    extent = anchor.find(qn("wp:extent"))
    if extent is None:
        return None
    width, height = _emu(extent.get("cx")), _emu(extent.get("cy"))
    if width is None or height is None or width <= 0 or height <= 0:
        return None
    return width, height


def in_fallback(element: Any) -> bool:
    return any(a.tag == _FALLBACK for a in element.iterancestors())


def _on(value: str | None) -> bool:
    return (value or "").lower() in ("1", "true", "on")


def _emu(value: str | None) -> float | None:
    number = _int(value)
    return None if number is None else number / EMU_PER_PT


def _twips(element: Any, attribute: str) -> float | None:
    number = _int(element.get(qn(attribute)))
    return None if number is None else number / TWIPS_PER_PT


def _int(value: str | None) -> int | None:
    try:
        return int(float(value.strip())) if value is not None else None
    except ValueError:
        return None
