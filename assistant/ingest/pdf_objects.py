"""The drawing context of PDF text (pypdfium2 page objects): what lies under a text object
(its background) and what is painted over it (a cover). Used to tell white text on a dark
banner (visible) from white text on white paper (hidden)."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as pdfium_c

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF user space
Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF user space
RGB = tuple[int, int, int]
WHITE: RGB = (255, 255, 255)
_MAX_FORM_DEPTH = 4
ALIGNED = 0.5  # points of slope tolerated in a horizontal or vertical rule
_MIN_RULE = 3.0  # shorter segments are glyph-like decoration, not table rules


@dataclass(frozen=True)
class Painted:
    """An opaque filled path, image or shading, in painting order (``z``)."""

    z: int
    box: Box
    colour: RGB | None  # None: an image or shading, colour unknown


@dataclass(frozen=True)
class TextObject:
    z: int
    box: Box
    render_mode: int
    fill: tuple[int, int, int, int]
    stroke: tuple[int, int, int, int]


@dataclass
class PageObjects:
    """Text objects keyed by handle address, and the opaque painted shapes of a page."""

    texts: dict[int, TextObject]
    painted: list[Painted]
    images: list[Box]
    rules: list[Segment] = field(default_factory=list)

    def background(self, text: TextObject) -> RGB | None:
        """Colour under the centre of ``text``: the last shape painted before it, else white."""
        x, y = _centre(text.box)
        for shape in reversed(self.painted):
            if shape.z < text.z and _contains(shape.box, x, y):
                return shape.colour
        return WHITE

    def covered(self, text: TextObject) -> bool:
        """An opaque shape painted after ``text`` hides all of it."""
        return any(s.z > text.z and _encloses(s.box, text.box) for s in self.painted)

    def over_large_image(self, text: TextObject, page_area: float) -> bool:
        """``text`` lies on an image covering half the page (the text layer of a scan)."""
        x, y = _centre(text.box)
        return any(_area(b) >= page_area / 2 and _contains(b, x, y) for b in self.images)


def address(handle: Any) -> int:
    """A pdfium object handle as an int key (0 for a null handle)."""
    return ctypes.addressof(handle.contents) if handle else 0


def page_objects(page_handle: Any) -> PageObjects:
    objects = PageObjects(texts={}, painted=[], images=[])
    count = pdfium_c.FPDFPage_CountObjects(page_handle)
    handles = (pdfium_c.FPDFPage_GetObject(page_handle, i) for i in range(count))
    for z, handle in enumerate(_flatten(handles, 0)):
        _record(objects, z, handle)
    return objects


def _flatten(handles: Iterator[Any], depth: int) -> Iterator[Any]:
    """Objects in painting order, form XObjects opened (to a bounded depth)."""
    for handle in handles:
        if pdfium_c.FPDFPageObj_GetType(handle) == pdfium_c.FPDF_PAGEOBJ_FORM:
            if depth < _MAX_FORM_DEPTH:
                count = pdfium_c.FPDFFormObj_CountObjects(handle)
                inner = (pdfium_c.FPDFFormObj_GetObject(handle, i) for i in range(count))
                yield from _flatten(inner, depth + 1)
        else:
            yield handle


def _record(objects: PageObjects, z: int, handle: Any) -> None:
    kind = pdfium_c.FPDFPageObj_GetType(handle)
    box = _bounds(handle)
    if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
        objects.texts[address(handle)] = TextObject(
            z=z,
            box=box,
            render_mode=int(pdfium_c.FPDFTextObj_GetTextRenderMode(handle)),
            fill=_colour(pdfium_c.FPDFPageObj_GetFillColor, handle),
            stroke=_colour(pdfium_c.FPDFPageObj_GetStrokeColor, handle),
        )
    elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
        objects.rules.extend(path_rules(handle))
        if not _is_filled(handle):
            return
        red, green, blue, alpha = _colour(pdfium_c.FPDFPageObj_GetFillColor, handle)
        if alpha == 255:
            objects.painted.append(Painted(z, box, (red, green, blue)))
    elif kind in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_SHADING):
        objects.painted.append(Painted(z, box, None))
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            objects.images.append(box)


def path_rules(handle: Any) -> list[Segment]:
    """Horizontal and vertical segments of one path object, in page space."""
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(handle, matrix):
        return []
    points: list[tuple[float, float, bool, bool]] = []  # x, y, starts subpath, closes it
    x, y = ctypes.c_float(), ctypes.c_float()
    for index in range(pdfium_c.FPDFPath_CountSegments(handle)):
        segment = pdfium_c.FPDFPath_GetPathSegment(handle, index)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        page_x = matrix.a * x.value + matrix.c * y.value + matrix.e
        page_y = matrix.b * x.value + matrix.d * y.value + matrix.f
        move = pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO
        points.append((page_x, page_y, move, bool(pdfium_c.FPDFPathSegment_GetClose(segment))))
    return _rules(points)


def _rules(points: list[tuple[float, float, bool, bool]]) -> list[Segment]:
    rules: list[Segment] = []
    start: tuple[float, float] | None = None
    previous: tuple[float, float] | None = None
    for x, y, move, close in points:
        if move or previous is None:
            start = previous = (x, y)
            continue
        _keep(rules, (*previous, x, y))
        if close and start is not None:
            _keep(rules, (x, y, *start))
        previous = (x, y)
    return rules


def _keep(rules: list[Segment], segment: Segment) -> None:
    x0, y0, x1, y1 = segment
    horizontal = abs(y1 - y0) <= ALIGNED and abs(x1 - x0) >= _MIN_RULE
    vertical = abs(x1 - x0) <= ALIGNED and abs(y1 - y0) >= _MIN_RULE
    if horizontal or vertical:
        rules.append(segment)


def _bounds(handle: Any) -> Box:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(handle, left, bottom, right, top)
    return (left.value, bottom.value, right.value, top.value)


def _colour(getter: Any, handle: Any) -> tuple[int, int, int, int]:
    parts = [ctypes.c_uint() for _ in range(4)]
    if not getter(handle, *parts):
        return (0, 0, 0, 255)
    red, green, blue, alpha = (p.value for p in parts)
    return (red, green, blue, alpha)


def _is_filled(handle: Any) -> bool:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(handle, fill_mode, stroke):
        return False
    return bool(fill_mode.value != pdfium_c.FPDF_FILLMODE_NONE)


def _centre(box: Box) -> tuple[float, float]:
    return ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def _contains(box: Box, x: float, y: float) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _encloses(outer: Box, inner: Box, slack: float = 1.0) -> bool:
    return (
        outer[0] - slack <= inner[0]
        and outer[1] - slack <= inner[1]
        and inner[2] <= outer[2] + slack
        and inner[3] <= outer[3] + slack
    )


def _area(box: Box) -> float:
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])
