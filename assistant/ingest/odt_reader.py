"""ODT reader: odfpy loads the package (its XML goes through defusedxml); the body is walked in
order. ``text:h`` outline levels give sections; page breaks come from paragraph styles
(``fo:break-before/after``, master page changes) and the soft breaks LibreOffice records;
hidden (``text:display="none"``), white and tiny spans become hidden blocks."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from assistant.document import BlockKind, HiddenReason
from assistant.errors import CorruptFileError
from assistant.ingest.asides import odt_asides, odt_unshown_headers
from assistant.ingest.odt_conditions import condition_holds
from assistant.ingest.odt_frames import covered_boxes
from assistant.ingest.odt_styles import OdtStyles
from assistant.ingest.raw import RawBlock, RawDocument, table_text

logger = logging.getLogger(__name__)
T = TypeVar("T")

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_SKIPPED = {
    (TEXT, "note"),
    (OFFICE, "annotation"),
    (TEXT, "tracked-changes"),
    (TEXT, "bookmark-ref"),
    (OFFICE, "annotation-end"),
}
_CONTAINERS = {
    (TEXT, "section"),
    (TEXT, "table-of-content"),
    (TEXT, "index-body"),
    (TEXT, "illustration-index"),
    (TEXT, "alphabetical-index"),
    (TEXT, "bibliography"),
    (TEXT, "user-index"),
    (TEXT, "object-index"),
    (TEXT, "table-index"),
    (TEXT, "index-title"),
}
_ROW_GROUPS = {(TABLE, "table-header-rows"), (TABLE, "table-rows"), (TABLE, "table-row-group")}


@dataclass
class _Walk:
    styles: OdtStyles
    pictures: dict[str, Any] = field(default_factory=dict)  # the package's, by path
    page: int = 1
    seen_text: bool = False
    blocks: list[RawBlock] = field(default_factory=list)

    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        level: int | None = None,
        hidden: HiddenReason | None = None,
        page: int | None = None,
    ) -> None:
        if text.strip():
            self.blocks.append(RawBlock(kind, text, page or self.page, level, None, hidden))
            self.seen_text = True

    def next_page(self) -> None:
        if self.seen_text:
            self.page += 1
            self.seen_text = False


@dataclass
class _Inline:
    """Text gathered from one paragraph: visible parts and the page where they start, hidden
    runs (reason, text, page), text boxes."""

    walk: _Walk
    visible: list[str] = field(default_factory=list)
    page: int | None = None
    hidden: list[tuple[HiddenReason, str, int]] = field(default_factory=list)
    boxes: list[Any] = field(default_factory=list)
    frames: list[Any] = field(default_factory=list)

    def append(self, text: str, reason: HiddenReason | None) -> None:
        if reason is None:
            self.visible.append(text)
            if self.page is None and text.strip():
                self.page = self.walk.page
                self.walk.seen_text = True
        elif self.hidden and self.hidden[-1][0] == reason:
            previous = self.hidden[-1]
            self.hidden[-1] = (reason, previous[1] + text, previous[2])
        else:
            self.hidden.append((reason, text, self.walk.page))

    def add_hidden_blocks(self) -> None:
        for reason, text, page in self.hidden:
            self.walk.add("other", text, hidden=reason, page=page)


def read_odt(path: Path, filename: str) -> RawDocument:
    document = _open(path, filename)
    if document.text is None:  # content.xml without an office:text body
        raise _damaged(filename, "no office:text element")
    walk = _Walk(OdtStyles(document), getattr(document, "Pictures", None) or {})
    for element in _children(document.text):
        _read_block(element, walk, "paragraph")
    for value in _unshown_user_fields(document.text):
        walk.add("other", value, hidden="not_rendered", page=1)
    for text in _unshown_headers(document):  # headers and footers no page displays
        walk.add("other", text, hidden="not_rendered", page=1)
    return RawDocument("odt", walk.blocks, pages=walk.page, asides=_asides(document))


def _unshown_user_fields(body: Any) -> list[str]:
    """The text values of user fields declared (``text:user-field-decl``) but shown nowhere
    (no ``text:user-field-get`` or ``-input`` of their name): only the field dialog lists
    them. Numbers and other values without a letter are left alone."""
    shown = {
        node.getAttrNS(TEXT, "name")
        for kind in ("user-field-get", "user-field-input")
        for node in _elements(body, kind)
    }
    values = []
    for declaration in _elements(body, "user-field-decl"):
        value = declaration.getAttrNS(OFFICE, "string-value") or ""
        if declaration.getAttrNS(TEXT, "name") not in shown and any(c.isalpha() for c in value):
            values.append(value)
    return values


def _elements(root: Any, name: str) -> Iterator[Any]:
    """Every element ``text:name`` under ``root``, in document order."""
    for node in root.childNodes:
        if node.nodeType != node.ELEMENT_NODE:
            continue
        if node.qname == (TEXT, name):
            yield node
        yield from _elements(node, name)


def _side_read(read: Callable[[Any], list[T]], document: Any, what: str) -> list[T]:
    """``read(document)``, or nothing when a damaged side part fails: it must not lose the body."""
    try:
        return read(document)
    except Exception:
        logger.info("ODT %s unreadable", what, exc_info=True)
        return []


def _unshown_headers(document: Any) -> list[str]:
    return _side_read(odt_unshown_headers, document, "master pages")


def _asides(document: Any) -> list[RawBlock]:
    return _side_read(odt_asides, document, "headers, notes or metadata")


def _open(path: Path, filename: str) -> Any:
    from odf.opendocument import load

    try:
        return load(str(path))
    except MemoryError:
        raise
    except Exception as err:  # odfpy and defusedxml raise many unrelated types
        raise _damaged(filename, f"{type(err).__name__}: {err}") from err


def _damaged(filename: str, detail: str) -> CorruptFileError:
    return CorruptFileError(
        f"Le document « {filename} » est endommagé et ne peut pas être lu ; ouvrez-le puis "
        "enregistrez-le de nouveau au format .odt, ou exportez-le en PDF.",
        detail=detail,
    )


def _paragraphs(element: Any) -> Iterator[Any]:
    """The paragraphs and headings inside ``element``, in order, at any depth."""
    for child in _children(element):
        if child.qname in ((TEXT, "p"), (TEXT, "h")):
            yield child
        else:
            yield from _paragraphs(child)


def _children(element: Any) -> Iterator[Any]:
    yield from (child for child in element.childNodes if child.nodeType == child.ELEMENT_NODE)


def _read_block(element: Any, walk: _Walk, kind: BlockKind) -> None:
    name = element.qname
    if name in ((TEXT, "p"), (TEXT, "h")):
        _read_paragraph(element, walk, kind)
    elif name == (TEXT, "list"):
        for item in _children(element):
            for child in _children(item):
                _read_block(child, walk, "list_item")
    elif name == (TABLE, "table"):
        _read_table(element, walk)
    elif name == (TEXT, "soft-page-break"):
        walk.next_page()
    elif name in _CONTAINERS and _undisplayed(element):  # a section LibreOffice hides
        from odf import teletype

        text = "\n".join(teletype.extractText(p) for p in _paragraphs(element))
        walk.add("other", text, hidden="vanished", page=walk.page)
    elif name in _CONTAINERS:
        for child in _children(element):
            _read_block(child, walk, kind)


def _undisplayed(element: Any) -> bool:
    """An element LibreOffice does not lay out: ``text:display="none"`` (a hidden section,
    a field set not to show), a section hidden under a condition that holds, or a
    ``text:hidden-text`` field whose condition holds (``text:is-hidden`` as LibreOffice last
    computed it, else the condition itself). A condition on names this reader does not
    evaluate counts as holding: the file decides what shows, so the text is not counted on
    as seen."""
    display = (element.getAttrNS(TEXT, "display") or "").lower()
    if display == "none":
        return True
    hidden_text = element.qname == (TEXT, "hidden-text")
    if display != "condition" and not hidden_text:
        return False
    computed = (element.getAttrNS(TEXT, "is-hidden") or "").lower()
    if hidden_text and computed in ("true", "false"):
        return computed == "true"
    return condition_holds(element.getAttrNS(TEXT, "condition")) is not False


def _read_paragraph(element: Any, walk: _Walk, kind: BlockKind) -> None:
    style_name = element.getAttrNS(TEXT, "style-name")
    breaks = walk.styles.page_breaks(style_name)
    if breaks.before:
        walk.next_page()
    if _hides_itself(element):  # a hidden-paragraph field LibreOffice last found true
        from odf import teletype

        walk.add("other", teletype.extractText(element), hidden="vanished", page=walk.page)
        if breaks.after:
            walk.next_page()
        return
    inline = _Inline(walk)
    paragraph_reason = walk.styles.hidden_reason([style_name])
    _read_inline(element, walk, [style_name], paragraph_reason, inline)
    level = None
    if element.qname == (TEXT, "h"):
        kind = "heading"
        level = int(element.getAttrNS(TEXT, "outline-level") or 1)
    walk.add(kind, "".join(inline.visible), level=level, page=inline.page)
    inline.add_hidden_blocks()
    covered = covered_boxes(inline.frames, walk.styles, walk.pictures) if inline.boxes else set()
    for box in inline.boxes:
        if id(box) in covered:  # under an opaque frame drawn above it
            from odf import teletype

            text = "\n".join(teletype.extractText(p) for p in _paragraphs(box))
            walk.add("other", text, hidden="covered", page=inline.page)
            continue
        for child in _children(box):
            _read_block(child, walk, "paragraph")
    if breaks.after:
        walk.next_page()


def _hides_itself(paragraph: Any) -> bool:
    """The paragraph holds a ``text:hidden-paragraph`` field whose condition held when the
    document was last laid out (``text:is-hidden``): the whole paragraph is not shown."""
    return any(
        (field.getAttrNS(TEXT, "is-hidden") or "").lower() == "true"
        for field in _elements(paragraph, "hidden-paragraph")
    )


def _read_inline(
    element: Any,
    walk: _Walk,
    styles: list[str | None],
    reason: HiddenReason | None,
    inline: _Inline,
) -> None:
    for node in element.childNodes:
        if node.nodeType == node.TEXT_NODE:
            inline.append(node.data, reason)
            continue
        name = node.qname
        if name in _SKIPPED:
            continue
        if name == (TEXT, "s"):
            inline.append(" " * min(int(node.getAttrNS(TEXT, "c") or 1), 100), reason)
        elif name == (TEXT, "tab"):
            inline.append("\t", reason)
        elif name == (TEXT, "line-break"):
            inline.append("\n", reason)
        elif name == (TEXT, "soft-page-break"):
            walk.next_page()
        elif name == (DRAW, "text-box"):
            inline.boxes.append(node)
        elif _undisplayed(node):  # a field LibreOffice does not show
            from odf import teletype

            shown = teletype.extractText(node) or node.getAttrNS(TEXT, "string-value") or ""
            inline.append(shown, "vanished")
        else:
            if name == (DRAW, "frame"):
                inline.frames.append(node)
            inner = [node.getAttrNS(TEXT, "style-name"), *styles]
            inner_reason = walk.styles.hidden_reason(inner) if inner[0] else reason
            _read_inline(node, walk, inner, inner_reason, inline)


def _read_table(element: Any, walk: _Walk) -> None:
    page = walk.page
    rows: list[list[str]] = []
    cells_text: list[_Inline] = []
    for row in _rows(element):
        cells = []
        for cell in _children(row):
            if cell.qname == (TABLE, "table-cell"):
                inline = _cell_inline(cell, walk)
                cells.append(" ".join("".join(inline.visible).split()))
                cells_text.append(inline)
        rows.append(cells)
    if any(cell for row in rows for cell in row):
        walk.blocks.append(RawBlock("table", table_text(rows), page, rows=rows))
        walk.seen_text = True
    for inline in cells_text:
        inline.add_hidden_blocks()


def _cell_inline(cell: Any, walk: _Walk) -> _Inline:
    """A cell's text, judged against the cell's fill (the ground its letters stand on)."""
    inline = _Inline(walk)
    around = walk.styles.ground
    walk.styles.ground = walk.styles.cell_fill(cell.getAttrNS(TABLE, "style-name"), around)
    try:
        for child in _children(cell):
            style = child.getAttrNS(TEXT, "style-name")
            _read_inline(child, walk, [style], walk.styles.hidden_reason([style]), inline)
            inline.visible.append(" ")
    finally:
        walk.styles.ground = around
    return inline


def _rows(element: Any) -> Iterator[Any]:
    for child in _children(element):
        if child.qname == (TABLE, "table-row"):
            yield child
        elif child.qname in _ROW_GROUPS:
            yield from _rows(child)
