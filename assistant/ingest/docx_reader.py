"""DOCX reader: python-docx opens the package (lxml without entity resolution); the body is
walked in order. Heading styles or outline levels give sections; page breaks (explicit, or the
ones Word recorded when it last laid the document out) give pages; vanished, white and tiny
runs become hidden blocks, and so do text boxes marked hidden or drawn off the page and
paragraphs under an opaque picture or shape (``docx_drawings``)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.document import BlockKind, HiddenReason
from assistant.errors import CorruptFileError
from assistant.ingest.asides import (
    docx_asides,
    docx_unreferenced_notes,
    docx_unshown_headers,
)
from assistant.ingest.docx_drawings import (
    Pictures,
    box_fill,
    box_hidden,
    box_room,
    covering,
    in_fallback,
)
from assistant.ingest.docx_fields import FieldTracker
from assistant.ingest.docx_geometry import (
    PageFrame,
    clipped_cell_room,
    hides,
    next_span,
    paragraph_extent,
    section_frames,
    space_before,
)
from assistant.ingest.docx_styles import DocxStyles, qn, shading
from assistant.ingest.raw import RawBlock, RawDocument, table_text
from assistant.ingest.visibility import RGB, WHITE, parse_hex

logger = logging.getLogger(__name__)

_SECTION_BREAKS = {None, "nextPage", "oddPage", "evenPage"}
_MAX_COVERS = 8  # floating objects followed over the next paragraphs
SHOWN_SHARE = 0.5  # share of a line's letters that must show above a box's edge to be read
_TEXT_TAGS = {qn("w:tab"): "\t", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_CONTAINERS = {
    qn("w:hyperlink"),
    qn("w:ins"),
    qn("w:smartTag"),
    qn("w:fldSimple"),
    qn("w:sdt"),
    qn("w:sdtContent"),
    qn("w:customXml"),
}


@dataclass
class _Walk:
    styles: DocxStyles
    rendered_breaks: bool  # Word saved its layout: trust w:lastRenderedPageBreak only
    page_colour: RGB = WHITE
    pictures: Pictures | None = None  # the document part's, to tell whether they hide text
    frames: list[PageFrame | None] = field(default_factory=list)  # one per section
    section: int = 0
    section_pages: list[int] = field(default_factory=lambda: [1])  # where each section starts
    covers: list[tuple[int, tuple[float, float]]] = field(default_factory=list)  # (page, span)
    page: int = 1
    blocks: list[RawBlock] = field(default_factory=list)
    seen_text: bool = False
    fields: FieldTracker = field(default_factory=FieldTracker)

    def add(
        self,
        kind: BlockKind,
        text: str,
        level: int | None = None,
        rows: list[list[str]] | None = None,
        hidden: HiddenReason | None = None,
        page: int | None = None,
    ) -> None:
        if text.strip():
            self.blocks.append(RawBlock(kind, text, page or self.page, level, rows, hidden))
            self.seen_text = True

    def add_unshown_fields(self) -> None:
        """Prose kept in the instructions of the fields closed so far (never laid out)."""
        for text, page in self.fields.take():
            self.add("other", text, hidden="not_rendered", page=page)

    @property
    def frame(self) -> PageFrame | None:
        """The page of the section being read."""
        return self.frames[min(self.section, len(self.frames) - 1)] if self.frames else None

    def next_page(self) -> None:
        if self.seen_text:
            self.page += 1
            self.seen_text = False


def read_docx(path: Path, filename: str) -> RawDocument:
    document = _open(path, filename)
    body = document.element.body
    styles = DocxStyles(_styles_element(document))
    rendered = next(body.iter(qn("w:lastRenderedPageBreak")), None) is not None
    paragraphs = (e for e in _block_elements(body) if e.tag == qn("w:p"))
    walk = _Walk(styles, rendered, _page_colour(body), Pictures(document.part))
    walk.frames = section_frames(body, paragraphs)
    for element in _block_elements(body):
        _read_element(element, walk)
    walk.add_unshown_fields()
    for note in docx_unreferenced_notes(document):  # notes no mark calls: never laid out
        walk.add("other", note, hidden="not_rendered", page=walk.page)
    unshown = docx_unshown_headers(document)
    for section, _name, text in unshown:  # headers and footers no page displays
        page = walk.section_pages[min(section, len(walk.section_pages) - 1)]
        walk.add("other", text, hidden="not_rendered", page=page)
    asides = docx_asides(document, unshown=[name for _section, name, _text in unshown])
    return RawDocument("docx", walk.blocks, pages=walk.page, asides=asides)


def _page_colour(body: Any) -> RGB:
    """The document's page colour (``w:background``), white when none is set."""
    background = body.getparent().find(qn("w:background"))
    if background is None:
        return WHITE
    return parse_hex(background.get(qn("w:color"))) or WHITE


def _open(path: Path, filename: str) -> Any:
    import docx

    try:
        return docx.Document(str(path))
    except MemoryError:
        raise
    except Exception as err:  # python-docx raises many unrelated types on a damaged package
        raise CorruptFileError(
            f"Le document Word « {filename} » est endommagé et ne peut pas être lu ; "
            "ouvrez-le puis enregistrez-le de nouveau au format .docx, ou exportez-le en PDF.",
            detail=f"{type(err).__name__}: {err}",
        ) from err


def _styles_element(document: Any) -> Any | None:
    """The styles part's XML, or None when it is missing or of the wrong type (a damaged
    package): the text is then read with default styles."""
    try:
        return document.styles.element
    except (AttributeError, KeyError, ValueError) as err:
        logger.info("DOCX styles unreadable, defaults used: %s", err)
        return None


def _block_elements(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in order, opening content controls and custom XML wrappers."""
    for child in parent.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag in _CONTAINERS:
            yield from _block_elements(child)


def _read_element(element: Any, walk: _Walk) -> None:
    if element.tag == qn("w:tbl"):
        _read_table(element, walk)
    else:
        _read_paragraph(element, walk)


def _read_paragraph(p: Any, walk: _Walk) -> None:
    style = walk.styles.paragraph(p)
    if style.page_break_before and not walk.rendered_breaks:
        walk.next_page()
    text = _paragraph_text(p, walk, style.shading or walk.page_colour)
    kind: BlockKind = "paragraph"
    if style.heading_level is not None:
        kind = "heading"
    elif style.is_list:
        kind = "list_item"
    covered, walk.covers = _covered(p, text, walk)
    if covered:
        walk.add("other", text.visible, hidden="covered", page=text.page)
    else:
        walk.add(kind, text.visible, level=style.heading_level, page=text.page)
    for reason, hidden, page in text.hidden:
        walk.add("other", hidden, hidden=reason, page=page)
    walk.add_unshown_fields()
    covers, walk.covers = walk.covers, []  # a text box's paragraphs lie elsewhere
    for box in text.boxes:  # text boxes anchored in the paragraph
        unseen = box_hidden(box, walk.frame)
        if unseen is not None:
            walk.add("other", _all_text(box), hidden=unseen, page=text.page or walk.page)
            continue
        page_colour = walk.page_colour
        walk.page_colour = box_fill(box) or page_colour  # the ground of the box's text
        overflow = _Overflow(box_room(box), walk.styles)
        for element in _block_elements(box):
            if overflow.below(element):  # past the box's lower edge: never drawn
                walk.add("other", _all_text(element), hidden="not_rendered", page=text.page)
            else:
                _read_element(element, walk)
        walk.page_colour = page_colour
    walk.covers = covers
    if _ends_section(p) and not walk.rendered_breaks:
        walk.next_page()
    if _section_properties(p) is not None:
        walk.section += 1
        walk.section_pages.append(walk.page)


def _covered(
    p: Any, text: _ParagraphText, walk: _Walk
) -> tuple[bool, list[tuple[int, tuple[float, float]]]]:
    """Whether an opaque object in front hides the paragraph's text (one anchored in it, or
    in a paragraph before it on the same page), and the objects that reach past it."""
    frame = walk.frame
    inherited = [span for page, span in walk.covers if page == walk.page]
    if frame is None or walk.pictures is None or not (text.anchors or inherited):
        return False, []
    size = text.size or walk.styles.run_size(p, p)  # an empty paragraph: its mark's size
    extent = paragraph_extent(len(text.visible), size, walk.styles.spacings(p), frame)
    own = (covering(a, frame, extent.lines == 1, walk.pictures) for a in text.anchors)
    spans = [span for span in own if span is not None] + inherited
    covered = bool(text.visible.strip()) and any(hides(span, extent) for span in spans)
    onwards = [next_span(span, extent) for span in spans]
    return covered, [(walk.page, span) for span in onwards if span[1] > 0][:_MAX_COVERS]


class _Overflow:
    """Where the paragraphs of a box of fixed size (a text box, a cell of a row of exact
    height) start, at the least: each one at least one line of its smallest letters and its
    spaces below the previous one (its lines counted at a narrow glyph width over the box's
    width). A paragraph whose first line cannot show half its letters above the box's lower
    edge is cut off, and Word draws no text outside an unlinked box or a row of exact
    height."""

    def __init__(
        self, room: tuple[float, float] | None, styles: DocxStyles, *, first_space: bool = False
    ) -> None:
        self.styles = styles
        self.first_space = first_space  # the first paragraph's space before is laid out
        # the box's inside as a one-column page without margins (None: not judged)
        self.frame = None if room is None else PageFrame(*room, 0.0, 0.0, 0.0, 0.0, 1, room[0])
        self.top = 0.0  # the least distance from the box's top to the next paragraph
        self.first = True

    def below(self, element: Any) -> bool:
        if self.frame is None:
            return False
        if element.tag != qn("w:p"):
            self.frame = None  # a table's height is not estimated: nothing more is judged
            return False
        sizes = [self.styles.run_size(run, element) for run in _runs(element)]
        size = min(sizes) if sizes else self.styles.run_size(element, element)
        chars = sum(len(t.text or "") for t in element.iter(qn("w:t")))
        spacings = self.styles.spacings(element)
        extent = paragraph_extent(chars, size, spacings, self.frame)
        before = space_before(spacings)
        if (self.first and not self.first_space) or self.styles.contextual_spacing(element):
            before = 0.0  # the box's first line, or spaces dropped between like paragraphs
        self.first = False
        if self.top + before + size * SHOWN_SHARE > self.frame.height and chars > 0:
            return True
        self.top += before + extent.least
        return False


def _all_text(box: Any) -> str:
    """Every paragraph's text in a text box, whatever its formatting."""
    return "\n".join("".join(_t_text(t) for t in p.iter(qn("w:t"))) for p in box.iter(qn("w:p")))


@dataclass
class _ParagraphText:
    """A paragraph's visible text, the page it starts on and its largest font size, its
    hidden runs (reason, text, page), its text boxes and its floating objects."""

    visible: str = ""
    page: int | None = None
    size: float = 0.0
    hidden: list[tuple[HiddenReason, str, int]] = field(default_factory=list)
    boxes: list[Any] = field(default_factory=list)
    anchors: list[Any] = field(default_factory=list)


def _paragraph_text(p: Any, walk: _Walk, ground: RGB) -> _ParagraphText:
    """``ground``: the colour behind the paragraph (its shading, its cell's, the page's)."""
    result = _ParagraphText()
    visible: list[str] = []
    walk.fields.simple(p, walk.page)
    for run in _runs(p):
        reason = walk.styles.run_hidden(run, p, ground)
        text = _run_text(run, walk)
        walk.fields.run(run, walk.page)
        if reason is None:
            visible.append(text)
            if text.strip():
                result.size = max(result.size, walk.styles.run_size(run, p))
            if result.page is None and text.strip():
                result.page = walk.page  # a rendered break before the text moved it on
                walk.seen_text = True
        elif result.hidden and result.hidden[-1][0] == reason:
            previous = result.hidden[-1]
            result.hidden[-1] = (reason, previous[1] + text, previous[2])
        else:
            result.hidden.append((reason, text, walk.page))
        result.boxes.extend(_own(run, qn("w:txbxContent")))
        result.anchors.extend(_own(run, qn("wp:anchor")))
    result.visible = "".join(visible)
    return result


def _runs(parent: Any) -> Iterator[Any]:
    """Runs in order, inside hyperlinks, insertions and fields; deleted text is skipped."""
    for child in parent.iterchildren():
        if child.tag == qn("w:r"):
            yield child
        elif child.tag in _CONTAINERS:
            yield from _runs(child)


def _run_text(run: Any, walk: _Walk) -> str:
    parts: list[str] = []
    for child in run.iterchildren():
        tag = child.tag
        if tag == qn("w:t"):
            parts.append(_t_text(child))
        elif tag in _TEXT_TAGS:
            parts.append(_TEXT_TAGS[tag])
        elif tag == qn("w:br"):
            if child.get(qn("w:type")) == "page" and not walk.rendered_breaks:
                walk.next_page()
            else:
                parts.append("\n")
        elif tag == qn("w:lastRenderedPageBreak") and walk.rendered_breaks:
            walk.next_page()
    return "".join(parts)


def _t_text(t: Any) -> str:
    """Text of a w:t; an unresolved entity reference (hostile DTD) contributes nothing."""
    if len(t) == 0:
        return str(t.text or "")
    return str(t.xpath("string()"))


def _own(run: Any, tag: str) -> list[Any]:
    """Text boxes or floating objects drawn by a run itself, once (the 'Choice' of
    mc:AlternateContent, not 'Fallback'), not those inside its text boxes."""
    found = []
    for element in run.iter(tag):
        if in_fallback(element):
            continue
        box = next(element.iterancestors(qn("w:txbxContent")), None)
        if box is None or not any(a is run for a in box.iterancestors()):
            found.append(element)
    return found


def _section_properties(p: Any) -> Any | None:
    ppr = p.find(qn("w:pPr"))
    return ppr.find(qn("w:sectPr")) if ppr is not None else None


def _ends_section(p: Any) -> bool:
    sect = _section_properties(p)
    if sect is None:
        return False
    kind = sect.find(qn("w:type"))
    return (kind.get(qn("w:val")) if kind is not None else None) in _SECTION_BREAKS


def _read_table(tbl: Any, walk: _Walk) -> None:
    walk.covers = []  # a table's height is not estimated: objects above cover nothing below
    start_page = walk.page
    rows: list[list[str]] = []
    hidden: list[tuple[HiddenReason, str, int]] = []
    for tr in tbl.iterchildren(qn("w:tr")):
        row = []
        for tc in tr.iterchildren(qn("w:tc")):
            row.append(_cell_text(tc, walk, hidden, _cut_off(tr, tc, walk.styles)))
        rows.append(row)
    if any(cell.strip() for row in rows for cell in row):
        walk.blocks.append(RawBlock("table", table_text(rows), start_page, rows=rows))
        walk.seen_text = True
    for reason, text, page in hidden:
        walk.add("other", text, hidden=reason, page=page)
    walk.add_unshown_fields()


def _cut_off(tr: Any, tc: Any, styles: DocxStyles) -> set[Any]:
    """The paragraphs of a cell that its row, of exact height, cuts off (see ``_Overflow``);
    a cell lays out its first paragraph's space before (LibreOffice, Word)."""
    overflow = _Overflow(clipped_cell_room(tr, tc), styles, first_space=True)
    return {e for e in _block_elements(tc) if overflow.below(e)}


def _cell_text(
    tc: Any, walk: _Walk, hidden: list[tuple[HiddenReason, str, int]], cut: set[Any]
) -> str:
    tcpr = tc.find(qn("w:tcPr"))
    cell = shading(tcpr.find(qn("w:shd")) if tcpr is not None else None) or walk.page_colour
    parts = []
    for p in tc.iter(qn("w:p")):
        if p in cut:  # below the lower edge of its row: never drawn
            hidden.append(("not_rendered", _all_text(p), walk.page))
            continue
        text = _paragraph_text(p, walk, walk.styles.paragraph(p).shading or cell)
        parts.append(text.visible)
        hidden.extend(text.hidden)
    return " ".join(" ".join(parts).split())
