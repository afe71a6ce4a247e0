"""Where Word draws a floating object, from its section's page size and margins: whether its
box lies entirely off the page, or spans the column and the text of the paragraph it is
anchored in (or, beyond it, of the next ones). Positions that depend on a layout we do not
compute (a paragraph's place on the page, a character's, a paragraph's height) are kept as
the range of values they may take; whatever stays unknown counts as on the page and covering
nothing. Lengths are in points."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from assistant.ingest.docx_styles import qn

TWIPS_PER_PT = 20
GLYPH_EM = 0.6  # average glyph width in em: wide, so that text is never under-estimated
NARROW_GLYPH_EM = 0.4  # and narrow, so that it is never over-estimated either
LINE_EM = 1.25  # single line height in em
COVER_WIDTH = 0.9  # share of the column an object must span to hide a paragraph


@dataclass(frozen=True)
class PageFrame:
    """A section's page."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    columns: int
    column_width: float


@dataclass(frozen=True)
class Position:
    """A floating object's position on one axis: from a reference area named as DrawingML
    does (``page``, ``margin``, ``column``, ``character``, ``leftMargin``, ``rightMargin``;
    ``paragraph``, ``line``, ``topMargin``, ``bottomMargin``), an offset or an alignment."""

    relative: str
    offset: float | None = None
    align: str | None = None


@dataclass(frozen=True)
class Box:
    """A floating object's size and position."""

    width: float
    height: float
    across: Position
    down: Position


@dataclass(frozen=True)
class _Place:
    """Where a reference area may start (``low``..``high``, page coordinates) and its size
    (None when it has none, such as a paragraph's top edge)."""

    low: float
    high: float
    size: float | None


@dataclass(frozen=True)
class Extent:
    """A paragraph's estimated layout from its top: its lines (at most), the foot of its text
    (space before included, at most), and its whole height with the spaces around it, at
    least and at most."""

    lines: int
    text_foot: float
    least: float
    most: float


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
    if width is None or height is None or width <= 0 or height <= 0:
        return None
    sides = [_twips(margins, f"w:{side}") for side in ("left", "right", "top", "bottom")]
    left, right, top, bottom = (abs(s) if s is not None else 0.0 for s in sides)
    columns, space = _columns(sect.find(qn("w:cols")))
    column_width = (width - left - right - (columns - 1) * space) / columns
    if column_width <= 0:
        return None
    return PageFrame(width, height, left, right, top, bottom, columns, column_width)


def _columns(cols: Any | None) -> tuple[int, float]:
    if cols is None:
        return 1, 0.0
    count = len(cols.findall(qn("w:col"))) or _int(cols.get(qn("w:num"))) or 1
    return max(1, min(count, 45)), _twips(cols, "w:space") or 0.0


def off_page(box: Box, frame: PageFrame | None) -> bool:
    """True when the box lies entirely outside the page, wherever the layout puts the
    paragraph it is anchored in."""
    if frame is None:
        return False
    for position, size, page in ((box.across, box.width, frame.width),
                                 (box.down, box.height, frame.height)):  # fmt: skip
        place = _place(position.relative, position is box.down, frame)
        offset = _offset(position, size, place) if place is not None else None
        if place is None or offset is None:
            continue
        if place.high + offset + size <= 0 or place.low + offset >= page:
            return True
    return False


def _place(relative: str, vertical: bool, frame: PageFrame) -> _Place | None:
    """The reference area an offset is measured from, in page coordinates."""
    if not vertical:
        text_right = frame.width - frame.right
        places = {
            "page": _Place(0, 0, frame.width),
            "margin": _Place(frame.left, frame.left, text_right - frame.left),
            "column": _Place(frame.left, text_right - frame.column_width, frame.column_width),
            "character": _Place(frame.left, text_right, None),
            "leftMargin": _Place(0, 0, frame.left),
            "rightMargin": _Place(text_right, text_right, frame.right),
        }
    else:
        text_bottom = frame.height - frame.bottom
        places = {
            "page": _Place(0, 0, frame.height),
            "margin": _Place(frame.top, frame.top, text_bottom - frame.top),
            "topMargin": _Place(0, 0, frame.top),
            "bottomMargin": _Place(text_bottom, text_bottom, frame.bottom),
            "paragraph": _Place(frame.top, text_bottom, None),
            "line": _Place(frame.top, text_bottom, None),
        }
    return places.get(relative)


def _offset(position: Position, size: float, place: _Place) -> float | None:
    """The box's start from the reference area's start: its offset, or its alignment."""
    if position.offset is not None:
        return position.offset
    if position.align is None or place.size is None:
        return None
    end = place.size - size
    return {"left": 0.0, "top": 0.0, "right": end, "bottom": end, "center": end / 2}.get(
        position.align
    )


def cover_span(box: Box, frame: PageFrame | None, one_line: bool) -> tuple[float, float] | None:
    """The box's vertical extent from the top of the paragraph it is anchored in, when it
    spans at least ``COVER_WIDTH`` of the column; else None. ``one_line``: the paragraph
    holds one line, so that a position from the line is one from the paragraph."""
    if frame is None:
        return None
    across = _column_span(box, frame)
    if across is None:
        return None
    if min(across[1], frame.column_width) - max(across[0], 0.0) < COVER_WIDTH * frame.column_width:
        return None
    relative, start = box.down.relative, box.down.offset
    if start is None or (relative != "paragraph" and not (relative == "line" and one_line)):
        return None
    return start, start + box.height


def hides(span: tuple[float, float], extent: Extent) -> bool:
    """A covering box's span (from the paragraph's top) holds all of the paragraph's text."""
    return span[0] <= 0 and span[1] >= extent.text_foot


def next_span(span: tuple[float, float], extent: Extent) -> tuple[float, float]:
    """The part of a span sure to lie over the next paragraph, from that paragraph's top,
    however tall this paragraph turns out to be."""
    return span[0] - extent.least, span[1] - extent.most


def _column_span(box: Box, frame: PageFrame) -> tuple[float, float] | None:
    """The box's horizontal extent in the coordinates of the paragraph's column."""
    relative = box.across.relative
    if relative == "column" or (frame.columns == 1 and relative == "margin"):
        place: _Place | None = _Place(0, 0, frame.column_width)
    elif frame.columns == 1 and relative in ("page", "leftMargin", "rightMargin"):
        place = _place(relative, False, frame)
    else:
        return None
    if place is None:
        return None
    offset = _offset(box.across, box.width, place)
    origin = place.low - frame.left if relative not in ("column", "margin") else 0.0
    return None if offset is None else (origin + offset, origin + offset + box.width)


def paragraph_extent(chars: int, size: float, spacings: list[Any], frame: PageFrame) -> Extent:
    """Lines from characters over the column at a narrow and a wide average glyph width;
    line heights from the size and the paragraph's line spacing (``w:spacing`` elements,
    nearest first: the paragraph's, its styles', the document default)."""
    lines = [max(1, math.ceil(chars / max(1, int(frame.column_width / (em * size)))))
             for em in (NARROW_GLYPH_EM, GLYPH_EM)]  # fmt: skip
    before = max(0.0, (_spacing(spacings, "w:before") or 0) / TWIPS_PER_PT)
    after = max(0.0, (_spacing(spacings, "w:after") or 0) / TWIPS_PER_PT)
    value = _spacing(spacings, "w:line")
    rule = next((s.get(qn("w:lineRule")) for s in spacings if s.get(qn("w:lineRule"))), "auto")
    least, most = size, LINE_EM * size * 1.15  # Word's default spacing, 276/240
    if value is not None and value > 0:
        if rule == "exact":
            least = most = value / TWIPS_PER_PT
        elif rule == "atLeast":
            least, most = value / TWIPS_PER_PT, max(value / TWIPS_PER_PT, LINE_EM * size)
        else:
            least, most = size * value / 240, LINE_EM * size * max(1.0, value / 240)
    text_foot = before + lines[1] * most
    return Extent(lines[1], text_foot, lines[0] * least, text_foot + after)


def space_before(spacings: list[Any]) -> float:
    """A paragraph's space before, in points (``w:spacing`` elements, nearest first)."""
    return max(0.0, (_spacing(spacings, "w:before") or 0) / TWIPS_PER_PT)


def _spacing(spacings: list[Any], attribute: str) -> int | None:
    """The nearest value of a ``w:spacing`` attribute."""
    for spacing in spacings:
        value = _int(spacing.get(qn(attribute)))
        if value is not None:
            return value
    return None


def _twips(element: Any, attribute: str) -> float | None:
    number = _int(element.get(qn(attribute)))
    return None if number is None else number / TWIPS_PER_PT


def _int(value: str | None) -> int | None:
    try:
        return int(float(value.strip())) if value is not None else None
    except (ValueError, OverflowError):  # "nan", "1e999" in a hostile file
        return None


def clipped_cell_room(tr: Any, tc: Any) -> tuple[float, float] | None:
    """The room a cell of a row of exact height shows its text in, (width, height) in
    points: Word and LibreOffice cut a row of ``w:hRule="exact"`` at its height, whatever its
    text, so the cell's text shows only in that height less the cell's top margin. None when
    the row grows with its text (no rule, ``atLeast``, ``auto``), when the cell spans rows
    (``w:vMerge``) or turns its text, or the height is unreadable (nothing is judged)."""
    tr_pr = tr.find(qn("w:trPr"))
    height = tr_pr.find(qn("w:trHeight")) if tr_pr is not None else None
    if height is None or height.get(qn("w:hRule")) != "exact":
        return None
    rows = _twips(height, "w:val")
    tc_pr = tc.find(qn("w:tcPr"))
    direction = _attribute(_child(tc_pr, "w:textDirection"), "w:val") or "lrTb"
    spans_rows = _child(tc_pr, "w:vMerge") is not None
    if rows is None or rows <= 0 or spans_rows or direction not in ("lrTb", "tb"):
        return None
    table = next(tr.iterancestors(qn("w:tbl")), None)
    margins = [
        parent.find(qn(tag))
        for parent, tag in ((tc_pr, "w:tcMar"), (_child(table, "w:tblPr"), "w:tblCellMar"))
        if parent is not None
    ]
    top = next((_twips(m.find(qn("w:top")), "w:w") for m in margins
                if m is not None and m.find(qn("w:top")) is not None), None)  # fmt: skip
    cell_width = _child(tc_pr, "w:tcW")
    width = _twips(cell_width, "w:w") if _dxa(cell_width) else None
    across = width - 2 * CELL_SIDE_MARGIN if width is not None and width > 0 else WIDE_CELL
    return max(across, 1.0), rows - max(0.0, top or 0.0)


CELL_SIDE_MARGIN = 5.4  # Word's default left and right cell margins, in points
WIDE_CELL = 1000.0  # a cell of unknown width counted wide: its lines are never over-counted


def _child(parent: Any | None, tag: str) -> Any | None:
    return parent.find(qn(tag)) if parent is not None else None


def _attribute(element: Any | None, name: str) -> str | None:
    return element.get(qn(name)) if element is not None else None


def _dxa(width: Any | None) -> bool:
    """A ``w:tcW`` given in twips."""
    return width is not None and (width.get(qn("w:type")) or "dxa") == "dxa"
