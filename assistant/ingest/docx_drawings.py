"""Floating objects of a DOCX as a reader sees them: a text box whose object is marked hidden
or drawn entirely off the page shows nothing; an opaque picture or filled shape drawn in
front of the text without wrapping it (``wrapNone``), spanning the column and the text of
the paragraph it is anchored in (or of the next ones), hides that text. DrawingML anchors
(``wp:anchor``) and legacy VML shapes (``v:shape`` styles) are both placed; unknown objects
show and cover nothing."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from typing import Any

from assistant.document import HiddenReason
from assistant.ingest.docx_geometry import Box, PageFrame, Position, cover_span, off_page
from assistant.ingest.docx_styles import qn
from assistant.ingest.visibility import BLACK, RGB, WHITE, parse_hex

logger = logging.getLogger(__name__)

EMU_PER_PT = 12700
OPAQUE_ALPHA = 0.95  # share of opaque pixels for a picture to hide what lies behind
_MAX_PIXELS = 4_000_000  # larger pictures are not decoded (taken as opaque)
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
_WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_V = "{urn:schemas-microsoft-com:vml}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SCHEME = {"bg1": WHITE, "lt1": WHITE, "tx1": BLACK, "dk1": BLACK}  # default theme's
_FILLS = (f"{_A}solidFill", f"{_A}gradFill", f"{_A}pattFill", f"{_A}blipFill")
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(pt|in|cm|mm|pc|px|emu)?\s*$", re.IGNORECASE)
_POINTS = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "pc": 12.0, "px": 0.75,
           "emu": 1 / EMU_PER_PT}  # fmt: skip
# VML reference areas, by their DrawingML names
_VML_ACROSS = {"page": "page", "margin": "margin", "text": "column", "char": "character",
               "left-margin-area": "leftMargin", "right-margin-area": "rightMargin"}  # fmt: skip
_VML_DOWN = {"page": "page", "margin": "margin", "text": "paragraph", "line": "line",
             "top-margin-area": "topMargin", "bottom-margin-area": "bottomMargin"}  # fmt: skip


def box_hidden(content: Any, frame: PageFrame | None) -> HiddenReason | None:
    """Why a reader cannot see a text box's content (``w:txbxContent``): its object is
    marked hidden, or drawn entirely off the page; None when it shows or is unknown."""
    drawing = _drawing_of(content)
    if drawing is None:
        return None
    if drawing.tag.startswith(_V):
        style = _vml_style(drawing)
        if style.get("visibility") == "hidden" or style.get("display") == "none":
            return "not_rendered"
        box = _vml_box(style)
    elif _hidden_object(drawing):
        return "not_rendered"
    else:
        box = anchor_box(drawing) if drawing.tag == qn("wp:anchor") else None
    return "off_page" if box is not None and off_page(box, frame) else None


def box_room(content: Any) -> tuple[float, float] | None:
    """The room a text box (``w:txbxContent``) shows its text in, (width, height) in points
    inside its insets: a DrawingML shape of fixed size (``wp:extent``) whose text neither
    grows the shape (``a:spAutoFit``), shrinks to fit (``a:normAutofit``), runs on into a
    linked box nor turns; None for any other box (its text all shows)."""
    drawing = _drawing_of(content)
    shape = next(content.iterancestors(f"{_WPS}wsp"), None)
    story = next(content.iterancestors(f"{_WPS}txbx"), None)
    if drawing is None or shape is None or story is None or story.get("id") is not None:
        return None
    body = shape.find(f"{_WPS}bodyPr")
    extent = drawing.find(qn("wp:extent"))
    if body is None or extent is None:
        return None
    if body.find(f"{_A}spAutoFit") is not None or body.find(f"{_A}normAutofit") is not None:
        return None
    if (body.get("vert") or "horz") != "horz" or (_int(body.get("rot")) or 0) != 0:
        return None
    width, height = _emu(extent.get("cx")), _emu(extent.get("cy"))
    if width is None or height is None:
        return None
    insets = {side: _emu(body.get(f"{side}Ins")) for side in ("l", "t", "r", "b")}
    across = (
        width
        - (insets["l"] if insets["l"] is not None else 7.2)
        - (insets["r"] if insets["r"] is not None else 7.2)
    )
    down = (
        height
        - (insets["t"] if insets["t"] is not None else 3.6)
        - (insets["b"] if insets["b"] is not None else 3.6)
    )
    return (across, down) if across > 0 and down >= 0 else None


def box_fill(content: Any) -> RGB | None:
    """The colour a text box (``w:txbxContent``) paints behind its text: its shape's solid
    fill (DrawingML ``a:solidFill`` with an RGB or a light/dark scheme colour, or a VML
    ``fillcolor``), None when the box is see-through or its fill unknown."""
    for ancestor in content.iterancestors():
        if ancestor.tag == f"{_WPS}wsp":
            properties = ancestor.find(f"{_WPS}spPr")
            fill = next(_children(properties, _FILLS), None)
            if fill is None or fill.tag != f"{_A}solidFill" or not _opaque_fill(fill):
                return None
            return _fill_colour(fill)
        if ancestor.tag.startswith(_V) and ancestor.tag != f"{_V}textbox":
            if (ancestor.get("filled") or "t").lower() in ("f", "false"):
                return None
            colour = (ancestor.get("fillcolor") or "").split()  # "#1f3864 [3204]"
            return parse_hex(colour[0]) if colour else None
        if ancestor.tag == qn("w:r"):
            return None
    return None


def _fill_colour(fill: Any) -> RGB | None:
    rgb = fill.find(f"{_A}srgbClr")
    if rgb is not None:
        return parse_hex(rgb.get("val"))
    scheme = fill.find(f"{_A}schemeClr")
    if scheme is not None:
        return _SCHEME.get(scheme.get("val") or "")
    return None


def _drawing_of(element: Any) -> Any | None:
    """The ``wp:anchor``, ``wp:inline`` or VML shape an element is drawn in."""
    for ancestor in element.iterancestors():
        if ancestor.tag in (qn("wp:anchor"), qn("wp:inline")):
            return ancestor
        if ancestor.tag.startswith(_V) and ancestor.get("style") is not None:
            return ancestor
        if ancestor.tag == qn("w:r"):
            return None
    return None


def _hidden_object(drawing: Any) -> bool:
    properties = drawing.find(qn("wp:docPr"))
    return properties is not None and _on(properties.get("hidden"))


def in_fallback(element: Any) -> bool:
    """Inside the 'Fallback' of mc:AlternateContent (the 'Choice' is read instead)."""
    return any(a.tag == _FALLBACK for a in element.iterancestors())


class Pictures:
    """A document part's pictures, each one's opacity decoded once."""

    def __init__(self, part: Any) -> None:
        self.part = part
        self._opaque: dict[str, bool] = {}

    def opaque(self, relationship: str) -> bool:
        if relationship not in self._opaque:
            self._opaque[relationship] = _opaque_image(self.part, relationship)
        return self._opaque[relationship]


def covering(
    anchor: Any, frame: PageFrame | None, one_line: bool, pictures: Pictures
) -> tuple[float, float] | None:
    """The vertical span, from the top of the paragraph it is anchored in, of a ``wp:anchor``
    that hides whatever text lies there: drawn in front of the text, not wrapping it, shown,
    across the column (``cover_span``), opaque. None for any other object."""
    if _on(anchor.get("behindDoc")) or _on(anchor.get("simplePos")) or _hidden_object(anchor):
        return None
    if anchor.find(qn("wp:wrapNone")) is None:
        return None
    box = anchor_box(anchor)
    span = cover_span(box, frame, one_line) if box is not None else None
    return span if span is not None and opaque(anchor, pictures) else None


def anchor_box(anchor: Any) -> Box | None:
    """A ``wp:anchor``'s box: its extent, and its position (``wp:simplePos`` when the anchor
    says so, from the page's corner)."""
    extent = anchor.find(qn("wp:extent"))
    if extent is None:
        return None
    width, height = _emu(extent.get("cx")), _emu(extent.get("cy"))
    if width is None or height is None or width <= 0 or height <= 0:
        return None
    simple = anchor.find(qn("wp:simplePos"))
    if _on(anchor.get("simplePos")) and simple is not None:
        across = Position("page", _emu(simple.get("x")))
        down = Position("page", _emu(simple.get("y")))
        return Box(width, height, across, down)
    return Box(width, height, _position(anchor, "H"), _position(anchor, "V"))


def _position(anchor: Any, axis: str) -> Position:
    position = anchor.find(qn(f"wp:position{axis}"))
    if position is None:
        return Position("")
    offset = position.find(qn("wp:posOffset"))
    align = position.find(qn("wp:align"))
    return Position(
        position.get("relativeFrom") or "",
        _emu(offset.text) if offset is not None else None,
        (align.text or "").strip() if align is not None else None,
    )


def _vml_style(shape: Any) -> dict[str, str]:
    """A VML shape's CSS-like style, names and values lower-cased."""
    pairs = (item.split(":", 1) for item in (shape.get("style") or "").split(";") if ":" in item)
    return {name.strip().lower(): value.strip().lower() for name, value in pairs}


def _vml_box(style: dict[str, str]) -> Box | None:
    """An absolutely positioned VML shape's box (``margin-left``, ``margin-top``, size and
    the ``mso-position-*`` reference areas); None for an inline shape."""
    if style.get("position") != "absolute":
        return None
    width, height = _length(style.get("width")), _length(style.get("height"))
    if width is None or height is None or width <= 0 or height <= 0:
        return None
    across = Position(
        _VML_ACROSS.get(style.get("mso-position-horizontal-relative", "text"), ""),
        _length(style.get("margin-left", style.get("left", "0"))),
        _vml_align(style.get("mso-position-horizontal")),
    )
    down = Position(
        _VML_DOWN.get(style.get("mso-position-vertical-relative", "text"), ""),
        _length(style.get("margin-top", style.get("top", "0"))),
        _vml_align(style.get("mso-position-vertical")),
    )
    if across.align is not None:
        across = Position(across.relative, None, across.align)
    if down.align is not None:
        down = Position(down.relative, None, down.align)
    return Box(width, height, across, down)


def _vml_align(value: str | None) -> str | None:
    return None if value in (None, "absolute") else value


def _length(value: str | None) -> float | None:
    """A CSS length in points (a bare number is in pixels, as in VML)."""
    match = _LENGTH.match(value or "")
    if match is None:
        return None
    return float(match.group(1)) * _POINTS[(match.group(2) or "px").lower()]


def opaque(anchor: Any, pictures: Pictures) -> bool:
    """True for a picture whose pixels are (almost all) opaque, or a shape with a fill;
    group shapes, canvases and charts are unknown, hence not opaque."""
    graphic = anchor.find(f"{_A}graphic/{_A}graphicData")
    if graphic is None or len(graphic) == 0:
        return False
    shape = graphic[0]
    if shape.tag == f"{_PIC}pic":
        fill = shape.find(f"{_PIC}blipFill")
        blip = fill.find(f"{_A}blip") if fill is not None else None
        if blip is None or not _opaque_fill(blip):
            return False
        return pictures.opaque(blip.get(f"{_R}embed") or "")
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


def _opaque_image(part: Any, relationship: str) -> bool:
    """The picture's pixels: opaque unless its alpha channel lets the text show through."""
    try:
        blob = part.related_parts[relationship].blob
    except Exception as err:  # a missing picture: unknown, taken as opaque
        logger.debug("picture missing, taken as opaque: %s", err)
        return True
    return opaque_picture(blob)


def opaque_picture(blob: bytes) -> bool:
    """A picture file's pixels: opaque unless its alpha channel lets the text show through
    (an undecodable picture, a vector or unknown format, counts as opaque)."""
    try:
        from PIL import Image

        with Image.open(io.BytesIO(blob)) as image:
            if "A" not in image.getbands() and "transparency" not in image.info:
                return True
            if image.width * image.height > _MAX_PIXELS:
                return True
            alpha = image.convert("RGBA").getchannel("A")
            solid = sum(alpha.histogram()[128:])
            return solid >= OPAQUE_ALPHA * image.width * image.height
    except Exception as err:  # an undecodable picture: a vector or unknown format
        logger.debug("picture opacity unknown, taken as opaque: %s", err)
        return True


def _on(value: str | None) -> bool:
    return (value or "").lower() in ("1", "true", "on")


def _emu(value: str | None) -> float | None:
    number = _int(value)
    return None if number is None else number / EMU_PER_PT


def _int(value: str | None) -> int | None:
    try:
        return int(float(value.strip())) if value is not None else None
    except (ValueError, OverflowError):  # "nan", "1e999" in a hostile file
        return None
