"""Text outside a dossier's body: headers and footers, footnotes and endnotes, comments,
document properties (title, subject, keywords, author, description) and, in a DOCX, document
variables, pictures' alternative text and field instructions. A candidate may write to
the machine there. Readers hand these over as ``RawDocument.asides``: the injection pass reads
them after the body, and only those holding an instruction enter the Document, flagged and
``boilerplate`` (never evidence); the body stays what it was."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from assistant.ingest.raw import RawBlock

_DOCX_PARTS = re.compile(r"^/word/(?:header|footer|footnotes|endnotes|comments)\d*\.xml$")
_DOCX_DRAWN = re.compile(r"^/word/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_WORDS = re.compile(r"\w")
_MAX_ASIDES = 400  # a hostile file with thousands of comments cannot swamp the document
_DOCX_SIDES = re.compile(r"^/word/(?:header|footer)\d*\.xml$")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def aside_blocks(texts: Iterable[str], page: int | None = None) -> list[RawBlock]:
    """One boilerplate block per distinct non-empty text, in order, capped."""
    seen: set[str] = set()
    blocks: list[RawBlock] = []
    for text in texts:
        text = " ".join(text.split())
        if not _WORDS.search(text) or text in seen:
            continue
        seen.add(text)
        blocks.append(RawBlock("other", text, page, boilerplate=True))
        if len(blocks) >= _MAX_ASIDES:
            break
    return blocks


def docx_asides(document: Any, unshown: Iterable[str] = ()) -> list[RawBlock]:
    """Headers, footers, notes and comments (each paragraph), then the core properties, then
    what Word keeps but does not print: document variables, pictures' alternative text (in
    the body, headers, footers and notes) and field instructions. Parts named in
    ``unshown`` (headers and footers no page displays) are left to the caller."""
    from docx.oxml import parse_xml

    texts: list[str] = []
    unprinted: list[str] = []
    skipped = set(unshown)
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        side, drawn = _DOCX_PARTS.match(name), _DOCX_DRAWN.match(name)
        if name in skipped or not (side or drawn or name == "/word/settings.xml"):
            continue
        try:
            root = document.element if name == "/word/document.xml" else parse_xml(part.blob)
        except Exception:  # a damaged side part must not lose the body
            continue
        if side:
            for paragraph in root.iter(f"{_W}p"):
                texts.append("".join(t.text or "" for t in paragraph.iter(f"{_W}t")))
        if drawn:
            unprinted += _docx_unprinted(root)
        else:
            unprinted += [v.get(f"{_W}val") or "" for v in root.iter(f"{_W}docVar")]
    return aside_blocks(texts + _docx_properties(document) + unprinted)


def docx_unshown_headers(document: Any) -> list[tuple[int, str, str]]:
    """Headers and footers that no page displays, as (section index, part name, text): a
    section shows its ``default`` ones, its ``first`` ones only when it has a distinct first
    page (``w:titlePg``) and its ``even`` ones only when the settings separate even and odd
    pages (``w:evenAndOddHeaders``); a section without a reference of a type inherits the
    previous section's. Any other header or footer part, referenced or not, is never shown."""
    body = document.element.body
    even_pages = _toggle(_settings(document).find(f"{_W}evenAndOddHeaders"))
    shown: set[str] = set()
    first_use: dict[str, int] = {}
    current: dict[tuple[str, str], str] = {}  # (header|footer, type) -> part name
    for index, section in enumerate(body.iter(f"{_W}sectPr")):
        for reference in section.iterchildren(f"{_W}headerReference", f"{_W}footerReference"):
            name = _target(document, reference.get(f"{_R}id") or "")
            if name is not None:
                kind = reference.tag.removeprefix(_W)
                current[(kind, reference.get(f"{_W}type") or "default")] = name
                first_use.setdefault(name, index)
        title_page = _toggle(section.find(f"{_W}titlePg"))
        for (_kind, kind_type), name in current.items():
            if (
                kind_type == "default"
                or (kind_type == "first" and title_page)
                or (kind_type == "even" and even_pages)
            ):
                shown.add(name)
    found: list[tuple[int, str, str]] = []
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        if not _DOCX_SIDES.match(name) or name in shown:
            continue
        text = "\n".join(_part_paragraphs(part.blob))
        found.append((first_use.get(name, 0), name, text))
    return found


def _settings(document: Any) -> Any:
    from docx.oxml import parse_xml

    try:
        return document.settings.element
    except Exception:  # no or damaged settings part: Word's defaults
        return parse_xml(f'<w:settings xmlns:w="{_W[1:-1]}"/>')


def _target(document: Any, relationship: str) -> str | None:
    try:
        return str(document.part.related_parts[relationship].partname)
    except (KeyError, AttributeError):
        return None


def _toggle(element: Any | None) -> bool:
    if element is None:
        return False
    return (element.get(f"{_W}val") or "true").lower() not in ("false", "0", "off")


def _part_paragraphs(blob: bytes) -> list[str]:
    from docx.oxml import parse_xml

    try:
        root = parse_xml(blob)
    except Exception:  # a damaged part shows nothing
        return []
    return ["".join(t.text or "" for t in p.iter(f"{_W}t")) for p in root.iter(f"{_W}p")]


def _docx_unprinted(root: Any) -> list[str]:
    """Alternative text (description, title) of drawn objects, then each paragraph's field
    instructions (a field's code may be split over several runs)."""
    texts: list[str] = []
    for properties in root.iter(f"{_WP}docPr"):
        texts += [properties.get("descr") or "", properties.get("title") or ""]
    codes: dict[Any, list[str]] = {}  # by paragraph, in order
    for code in root.iter(f"{_W}instrText", f"{_W}fldSimple"):
        text = code.text if code.tag == f"{_W}instrText" else code.get(f"{_W}instr")
        paragraph = next(code.iterancestors(f"{_W}p"), None)
        codes.setdefault(paragraph, []).append(text or "")
    return texts + ["".join(parts) for parts in codes.values()]


def _docx_properties(document: Any) -> list[str]:
    try:
        props = document.core_properties
        fields = (props.title, props.subject, props.keywords, props.author, props.comments,
                  props.category, props.last_modified_by)  # fmt: skip
    except Exception:  # a damaged core-properties part
        return []
    return [str(value) for value in fields if value]


def odt_asides(document: Any) -> list[RawBlock]:
    """Master-page headers and footers, footnotes, comments, then the document's metadata."""
    from odf import dc, meta, office, style, teletype, text

    texts: list[str] = []
    unshown = {id(element) for element in _odt_unshown_elements(document)}
    for kind in (style.Header, style.Footer, style.HeaderLeft, style.FooterLeft):
        texts += [teletype.extractText(e) for e in document.masterstyles.getElementsByType(kind)
                  if id(e) not in unshown]  # fmt: skip
    texts += [teletype.extractText(e) for e in document.text.getElementsByType(text.NoteBody)]
    texts += [teletype.extractText(e) for e in document.text.getElementsByType(office.Annotation)]
    for kind in (dc.Title, dc.Subject, meta.Keyword, dc.Description, dc.Creator,
                 meta.InitialCreator):  # fmt: skip
        texts += [teletype.extractText(e) for e in document.meta.getElementsByType(kind)]
    return aside_blocks(texts)


_ODT_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_ODT_SIDES = ("header", "footer", "header-left", "footer-left", "header-first", "footer-first")


def odt_unshown_headers(document: Any) -> list[str]:
    """The text of ODT headers and footers no page displays: those switched off
    (``style:display="false"``) and those of a master page no page uses (neither the default
    one, "Standard" or the first, nor one a style names as ``style:master-page-name``, nor
    the ``style:next-style-name`` of a used one)."""
    from odf import teletype

    texts = [teletype.extractText(e) for e in _odt_unshown_elements(document)]
    return [text for text in texts if _WORDS.search(text)]


def _odt_unshown_elements(document: Any) -> list[Any]:
    from odf import style

    masters = document.masterstyles.getElementsByType(style.MasterPage)
    used = {"Standard"} | {m.getAttrNS(_ODT_STYLE, "name") for m in masters[:1]}
    for container in (document.styles, document.automaticstyles):
        for element in container.getElementsByType(style.Style):
            used.add(element.getAttrNS(_ODT_STYLE, "master-page-name"))
    following = {m.getAttrNS(_ODT_STYLE, "name"): m.getAttrNS(_ODT_STYLE, "next-style-name")
                 for m in masters}  # fmt: skip
    for _ in range(len(masters)):  # a used master page's next one is used too
        used |= {following.get(name) for name in used}
    found = []
    for master in masters:
        shown = master.getAttrNS(_ODT_STYLE, "name") in used
        for side in master.childNodes:
            if side.nodeType != side.ELEMENT_NODE or side.qname[0] != _ODT_STYLE:
                continue
            if side.qname[1] not in _ODT_SIDES:
                continue
            off = (side.getAttrNS(_ODT_STYLE, "display") or "true").lower() == "false"
            if off or not shown:
                found.append(side)
    return found


def pdf_annotation_texts(page_handle: Any) -> list[str]:
    """The text of a PDF page's annotations (sticky notes, comments, free text), which a
    viewer shows only on demand."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    texts: list[str] = []
    for index in range(min(pdfium_c.FPDFPage_GetAnnotCount(page_handle), _MAX_ASIDES)):
        annot = pdfium_c.FPDFPage_GetAnnot(page_handle, index)
        if not annot:
            continue
        try:
            size = pdfium_c.FPDFAnnot_GetStringValue(annot, b"Contents", None, 0)
            if size > 2:
                buffer = ctypes.create_string_buffer(size)
                pointer = ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR))
                pdfium_c.FPDFAnnot_GetStringValue(annot, b"Contents", pointer, size)
                texts.append(buffer.raw[: size - 2].decode("utf-16-le", errors="replace"))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return texts


def pdf_asides(pdf: Any) -> list[RawBlock]:
    """The PDF's information dictionary: title, subject, keywords, author."""
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # an unreadable information dictionary
        return []
    return aside_blocks(str(info[key]) for key in ("Title", "Subject", "Keywords", "Author")
                        if key in info)  # fmt: skip


_NOTE_KINDS = {"footnotes": "footnote", "endnotes": "endnote"}  # relationship type's end
_NOTE_MARKERS = ("separator", "continuationSeparator", "continuationNotice")


def docx_unreferenced_notes(document: Any) -> list[str]:
    """The text of footnotes and endnotes that no reference mark calls (no
    ``w:footnoteReference`` / ``w:endnoteReference`` of their id in the body, a header, a
    footer or a note): Word and LibreOffice lay out a note only at its mark, so these are
    never shown. The separators Word keeps in the notes part are not notes."""
    from docx.oxml import parse_xml

    notes: dict[str, Any] = {}  # kind -> the notes part's XML, as the document relates it
    for relationship in document.part.rels.values():
        kind = _NOTE_KINDS.get(str(relationship.reltype).rsplit("/", 1)[-1])
        if kind is None or relationship.is_external or kind in notes:
            continue
        try:
            notes[kind] = parse_xml(relationship.target_part.blob)
        except Exception:  # a damaged notes part: its notes are not judged
            continue
    if not notes:
        return []
    roots = [document.element, *notes.values()]
    for part in document.part.package.iter_parts():
        if _DOCX_SIDES.match(str(part.partname)):
            try:
                roots.append(parse_xml(part.blob))
            except Exception:  # a damaged header shows nothing, and calls nothing
                continue
    called = {
        (kind, reference.get(f"{_W}id"))
        for root in roots
        for kind in _NOTE_KINDS.values()
        for reference in root.iter(f"{_W}{kind}Reference")
    }
    texts: list[str] = []
    for kind, root in notes.items():
        for note in root.iter(f"{_W}{kind}"):
            if note.get(f"{_W}type") in _NOTE_MARKERS or (kind, note.get(f"{_W}id")) in called:
                continue
            lines = ("".join(t.text or "" for t in p.iter(f"{_W}t")) for p in note.iter(f"{_W}p"))
            texts.append("\n".join(lines))
    return texts
