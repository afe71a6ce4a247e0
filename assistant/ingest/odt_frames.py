"""Floating frames of an ODT paragraph as a reader sees them: a text box whose whole frame lies
under an opaque frame drawn above it (a higher ``draw:z-index``, in the foreground) shows
nothing. Frames are compared only when both are placed by offsets from the same reference
area (``style:horizontal-rel``/``vertical-rel`` with ``from-left``/``from-top``), so that
their boxes are known relative to each other; any other frame covers nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.ingest.docx_drawings import opaque_picture
from assistant.ingest.odt_styles import STYLE, OdtStyles

DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
XLINK = "http://www.w3.org/1999/xlink"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(cm|mm|in|pt|pc|px)\s*$")
_TO_PT = {"cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72.0, "pt": 1.0, "pc": 12.0, "px": 0.75}
_SLACK = 1.0  # points: a cover may fall short of the box by this much on a side
_MIN_OPACITY = 50.0  # percent under which a frame lets what lies behind show


@dataclass(frozen=True)
class _Place:
    """A frame's box in points from its reference area, the area, and its stacking order."""

    left: float
    top: float
    right: float
    bottom: float
    reference: tuple[str, str, str]  # anchor type, horizontal and vertical reference areas
    depth: int


def covered_boxes(frames: list[Any], styles: OdtStyles, pictures: dict[str, Any]) -> set[int]:
    """``id`` of the ``draw:text-box`` elements, among ``frames`` (the frames anchored in one
    paragraph, in document order), that an opaque frame drawn above them hides entirely."""
    places = [_place(frame, order, styles) for order, frame in enumerate(frames)]
    covers = [
        place
        for frame, place in zip(frames, places, strict=True)
        if place is not None and _opaque(frame, styles, pictures)
    ]
    hidden: set[int] = set()
    for frame, place in zip(frames, places, strict=True):
        boxes = [c for c in _children(frame) if c.qname == (DRAW, "text-box")]
        if place is None or not boxes:
            continue
        if any(cover.depth > place.depth and _contains(cover, place) for cover in covers):
            hidden.update(id(box) for box in boxes)
    return hidden


def _place(frame: Any, order: int, styles: OdtStyles) -> _Place | None:
    properties = _graphic(frame, styles)
    if _attr(properties, STYLE, "horizontal-pos") not in (None, "from-left"):
        return None
    if _attr(properties, STYLE, "vertical-pos") not in (None, "from-top"):
        return None
    x, y = _length(frame.getAttrNS(SVG, "x")), _length(frame.getAttrNS(SVG, "y"))
    width, height = _length(frame.getAttrNS(SVG, "width")), _length(frame.getAttrNS(SVG, "height"))
    if x is None or y is None or width is None or height is None or width <= 0 or height <= 0:
        return None
    reference = (
        frame.getAttrNS(TEXT, "anchor-type") or "paragraph",
        _attr(properties, STYLE, "horizontal-rel") or "",
        _attr(properties, STYLE, "vertical-rel") or "",
    )
    z_index = frame.getAttrNS(DRAW, "z-index")
    depth = int(z_index) if z_index and z_index.isdigit() else order
    return _Place(x, y, x + width, y + height, reference, depth)


def _contains(cover: _Place, box: _Place) -> bool:
    return (
        cover.reference == box.reference
        and cover.left <= box.left + _SLACK
        and cover.top <= box.top + _SLACK
        and cover.right >= box.right - _SLACK
        and cover.bottom >= box.bottom - _SLACK
    )


def _opaque(frame: Any, styles: OdtStyles, pictures: dict[str, Any]) -> bool:
    """A frame drawn in front of the text that paints every point of its box: an opaque
    picture, or a solid fill or background colour; not one made see-through."""
    properties = _graphic(frame, styles)
    if _attr(properties, STYLE, "run-through") == "background":
        return False  # drawn behind the text
    for name in ("opacity", "image-opacity"):
        value = (_attr(properties, DRAW, name) or "").rstrip("%")
        if value.replace(".", "", 1).isdigit() and float(value) < _MIN_OPACITY:
            return False
    for child in _children(frame):
        if child.qname == (DRAW, "image"):
            picture = pictures.get(child.getAttrNS(XLINK, "href") or "")
            if picture is not None and isinstance(picture[1], bytes):
                return opaque_picture(picture[1])
    if _attr(properties, DRAW, "fill") == "solid":
        return True
    background = _attr(properties, FO, "background-color")
    return background not in (None, "transparent")


def _graphic(frame: Any, styles: OdtStyles) -> list[Any]:
    """The ``style:graphic-properties`` along the frame's style chain, nearest first."""
    found = []
    for style in styles.chain(frame.getAttrNS(DRAW, "style-name")):
        found += [c for c in _children(style) if c.qname == (STYLE, "graphic-properties")]
    return found


def _attr(properties: list[Any], namespace: str, name: str) -> str | None:
    for element in properties:
        value = element.getAttrNS(namespace, name)
        if value:
            return str(value)
    return None


def _children(element: Any) -> list[Any]:
    return [c for c in element.childNodes if c.nodeType == c.ELEMENT_NODE]


def _length(value: str | None) -> float | None:
    match = _LENGTH.match(value or "")
    return float(match.group(1)) * _TO_PT[match.group(2)] if match else None
