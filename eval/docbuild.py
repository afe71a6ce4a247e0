"""Build real test documents (PDF, DOCX, ODT, Markdown, text) from a small list of items.

Used by the tests, the eval set, the benchmarks and the samples. A document is a list of
items; ``markdown_to_items`` reads them from a Markdown subset:

- ``# ``, ``## ``, ``### `` headings; paragraphs (consecutive lines joined); ``- `` list items;
- pipe tables (``| a | b |``, the ``|---|`` separator row is skipped);
- a line ``<!-- pagebreak -->`` or a form feed for a page break;
- a line ``<!-- hidden:HOW text -->`` for hidden text, HOW in ``white``, ``tiny``,
  ``invisible``, ``offpage``, ``vanish``, ``covered``;
- inline emphasis (``**bold**``, ``*italic*``, read as CommonMark reads it, the way the
  Markdown ingestion does): item texts keep the Markdown source, and the PDF, DOCX and ODT
  builders render it as real bold and italic runs (never the asterisks: a student's file
  holds formatting, not markers); plain text carries the words alone.

Hidden text is rendered for real: in PDF white fill, a 2 pt font, text render mode 3, a
position outside the media box, or a white rectangle drawn over it; in DOCX white colour,
2 pt or ``w:vanish``; in ODT white colour, 2 pt or ``text:display="none"``. Formats without
a given trick fall back to their "vanish" equivalent.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

HiddenHow = Literal["white", "tiny", "invisible", "offpage", "vanish", "covered"]
HIDDEN_HOWS: tuple[HiddenHow, ...] = ("white", "tiny", "invisible", "offpage", "vanish", "covered")


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class ListItem:
    text: str


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, rows: Iterable[Iterable[str]]) -> Table:
        return cls(tuple(tuple(row) for row in rows))


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Hidden:
    text: str
    how: HiddenHow = "white"


Item = Heading | Paragraph | ListItem | Table | PageBreak | Hidden

_HIDDEN_LINE = re.compile(r"^<!--\s*hidden:(\w+)\s+(.*?)\s*-->$")
_PAGEBREAK_LINE = re.compile(r"^<!--\s*pagebreak\s*-->$")
_SEPARATOR_ROW = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


# --------------------------------------------------------------------------- Markdown subset


def markdown_to_items(md: str) -> list[Item]:
    """Items of a Markdown subset (see the module docstring)."""
    items: list[Item] = []
    para: list[str] = []
    table: list[tuple[str, ...]] = []

    def flush() -> None:
        if para:
            items.append(Paragraph(" ".join(para)))
            para.clear()
        if table:
            items.append(Table(tuple(table)))
            table.clear()

    for raw in md.replace("\f", "\n<!-- pagebreak -->\n").splitlines():
        line = raw.strip()
        if line.startswith("|"):
            if para:
                flush()
            if not _SEPARATOR_ROW.match(line):
                table.append(tuple(c.strip() for c in line.strip("|").split("|")))
            continue
        flush_needed = not line or line.startswith(("#", "- ", "<!--"))
        if flush_needed or table:
            flush()
        if not line:
            continue
        items.append(_line_item(line)) if flush_needed else para.append(line)
    flush()
    return items


def _line_item(line: str) -> Item:
    if _PAGEBREAK_LINE.match(line):
        return PageBreak()
    hidden = _HIDDEN_LINE.match(line)
    if hidden and hidden.group(1) in HIDDEN_HOWS:
        return Hidden(hidden.group(2), hidden.group(1))  # type: ignore[arg-type]  # checked above
    if line.startswith("- "):
        return ListItem(line[2:].strip())
    if line.startswith("#"):
        level = len(line) - len(line.lstrip("#"))
        return Heading(line[level:].strip(), min(level, 3))
    return Paragraph(line)


@dataclass(frozen=True)
class Run:
    """A piece of an item's text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


def inline_runs(text: str) -> list[Run]:
    """The runs of ``text`` read as CommonMark inline Markdown: ``**x**`` bold, ``*x*`` or
    ``_x_`` italic, escapes resolved; raw HTML and code are kept as written, line breaks
    become spaces. Adjacent runs of the same emphasis are merged."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parseInline(text)
    runs: list[Run] = []
    bold = italic = 0
    children = (tokens[0].children or []) if tokens else []
    for token in children:
        kind = token.type
        if kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
            continue
        if kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
            continue
        piece = " " if kind in ("softbreak", "hardbreak") else token.content
        if not piece:
            continue
        if runs and (runs[-1].bold, runs[-1].italic) == (bold > 0, italic > 0):
            runs[-1] = Run(runs[-1].text + piece, bold > 0, italic > 0)
        else:
            runs.append(Run(piece, bold > 0, italic > 0))
    return runs


def plain_text(text: str) -> str:
    """The words of ``text`` without its inline Markdown markers."""
    return "".join(run.text for run in inline_runs(text))


def items_to_markdown(items: Sequence[Item]) -> str:
    """Markdown for ``items`` (hidden text becomes an HTML comment, invisible when rendered)."""
    out: list[str] = []
    for item in items:
        if isinstance(item, Heading):
            out.append("#" * item.level + " " + item.text)
        elif isinstance(item, Paragraph):
            out.append(item.text)
        elif isinstance(item, ListItem):
            out.append("- " + item.text)
        elif isinstance(item, Table):
            out.append(_markdown_table(item.rows))
        elif isinstance(item, PageBreak):
            out.append("<!-- pagebreak -->")
        else:
            out.append(f"<!-- {item.text} -->")
    return "\n\n".join(out) + "\n"


def _markdown_table(rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.insert(1, "|" + "---|" * len(rows[0]))
    return "\n".join(lines)


def write_markdown(items: Sequence[Item], path: Path) -> Path:
    path.write_text(items_to_markdown(items), encoding="utf-8")
    return path


def write_text(items: Sequence[Item], path: Path, *, encoding: str = "utf-8") -> Path:
    """Plain text: headings as lines, tables as 'a | b' lines, a form feed per page break.

    Hidden items are written as plain text (a text file cannot hide anything)."""
    out: list[str] = []
    for item in items:
        if isinstance(item, Table):
            out.append("\n".join(" | ".join(map(plain_text, row)) for row in item.rows))
        elif isinstance(item, PageBreak):
            out.append("\f")
        elif isinstance(item, ListItem):
            out.append("- " + plain_text(item.text))
        else:
            out.append(plain_text(item.text))
    path.write_text("\n\n".join(out) + "\n", encoding=encoding)
    return path


# --------------------------------------------------------------------------- PDF (reportlab)

_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def _pdf_fonts() -> tuple[str, str]:
    """Register a Unicode TrueType font pair (DejaVu Sans, else reportlab's bundled Vera)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DocSans" in pdfmetrics.getRegisteredFontNames():
        return "DocSans", "DocSans-Bold"
    if (_DEJAVU / "DejaVuSans.ttf").exists():
        faces = [_DEJAVU / f"DejaVuSans{face}.ttf" for face in ("", "-Bold", "-Oblique")]
        faces.append(_DEJAVU / "DejaVuSans-BoldOblique.ttf")
    else:
        import reportlab

        fonts = Path(reportlab.__file__).parent / "fonts"
        faces = [fonts / f"{name}.ttf" for name in ("Vera", "VeraBd", "VeraIt", "VeraBI")]
    names = ("DocSans", "DocSans-Bold", "DocSans-Italic", "DocSans-BoldItalic")
    for (bold, italic), name, face in zip(
        ((0, 0), (1, 0), (0, 1), (1, 1)), names, faces, strict=True
    ):
        if not face.exists():  # no italic face: italic text is drawn upright
            name = names[bold]
        elif name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(face)))
        addMapping("DocSans", bold, italic, name)
    return "DocSans", "DocSans-Bold"


@dataclass
class _PdfStyles:
    body: Any
    bullet: Any
    cell: Any
    headings: dict[int, Any] = field(default_factory=dict)


def _pdf_styles() -> _PdfStyles:
    from reportlab.lib.styles import ParagraphStyle

    regular, bold = _pdf_fonts()
    body = ParagraphStyle("Body", fontName=regular, fontSize=10.5, leading=14, spaceAfter=6)
    bullet = ParagraphStyle("Bullet", parent=body, leftIndent=14, bulletIndent=4)
    cell = ParagraphStyle("Cell", parent=body, fontSize=9, leading=11, spaceAfter=0)
    headings = {
        level: ParagraphStyle(
            f"H{level}",
            fontName=bold,
            fontSize=size,
            leading=size * 1.3,
            spaceBefore=10,
            spaceAfter=6,
        )
        for level, size in ((1, 18), (2, 14), (3, 12))
    }
    return _PdfStyles(body, bullet, cell, headings)


def _hidden_flowable(text: str, how: HiddenHow, font: str) -> Any:
    """A flowable drawing ``text`` so that a reader does not see it."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.platypus import Flowable

    class HiddenText(Flowable):  # type: ignore[misc]  # reportlab is untyped
        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            self.size = 2.0 if how == "tiny" else 10.0
            self.lines = simpleSplit(text, font, self.size, avail_width)
            self.width = avail_width
            height = self.size * 1.2 * len(self.lines)
            return avail_width, (1.0 if how in ("offpage", "invisible") else height)

        def draw(self) -> None:
            canvas = self.canv
            x, y = (-3000.0, 0.0) if how == "offpage" else (0.0, 0.0)
            obj = canvas.beginText(x, y + self.size * 1.2 * (len(self.lines) - 1))
            obj.setFont(font, self.size, self.size * 1.2)
            if how == "white":
                obj.setFillColorRGB(1, 1, 1)
            elif how in ("invisible", "vanish"):
                obj.setTextRenderMode(3)
            for line in self.lines:
                obj.textLine(line)
            canvas.drawText(obj)
            if how == "covered":
                canvas.setFillColorRGB(1, 1, 1)
                height = self.size * 1.2 * len(self.lines)
                canvas.rect(-2, -self.size * 0.4, self.width + 4, height + 2, stroke=0, fill=1)

    return HiddenText()


def _pdf_flowables(items: Sequence[Item], styles: _PdfStyles, frame_width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, TableStyle
    from reportlab.platypus import PageBreak as RLPageBreak
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import Table as RLTable

    flow: list[Any] = []
    for item in items:
        if isinstance(item, Heading):
            heading = escape(plain_text(item.text))
            flow.append(RLParagraph(heading, styles.headings[min(item.level, 3)]))
        elif isinstance(item, Paragraph):
            flow.append(RLParagraph(_pdf_markup(item.text), styles.body))
        elif isinstance(item, ListItem):
            flow.append(RLParagraph(_pdf_markup(item.text), styles.bullet, bulletText="•"))
        elif isinstance(item, Table):
            data = [[RLParagraph(_pdf_markup(c), styles.cell) for c in row] for row in item.rows]
            widths = _column_widths(item.rows, styles.cell, frame_width)
            table = RLTable(data, colWidths=widths, repeatRows=0)
            grid = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
            table.setStyle(TableStyle([*grid, ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            flow.append(KeepTogether([table]))  # to the next page when it fits there whole
        elif isinstance(item, PageBreak):
            flow.append(RLPageBreak())
        else:
            flow.append(_hidden_flowable(plain_text(item.text), item.how, styles.body.fontName))
    return flow


_CELL_PADDING = 12.0  # reportlab's default left + right cell padding, in points


def _column_widths(rows: Sequence[Sequence[str]], style: Any, frame_width: float) -> list[float]:
    """Column widths as a word processor's "fit to contents" gives them: every column at
    least as wide as its longest word (no word broken in two while the page allows it), the
    rest of the width shared in proportion to how much more each column's longest cell
    needs; when even the longest words do not fit, widths in proportion to them."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    ncols = max(len(row) for row in rows)
    bold = f"{style.fontName}-Bold"

    def width(text: str) -> float:  # bold is the wider face: an upper bound for any run
        return float(stringWidth(text, bold, style.fontSize))

    cells = [[plain_text(row[c]) if c < len(row) else "" for row in rows] for c in range(ncols)]
    least = [
        max(width(w) for cell in col for w in [*cell.split(), "MM"]) + _CELL_PADDING
        for col in cells
    ]
    most = [
        max(max(width(cell) for cell in col) + _CELL_PADDING, low)
        for col, low in zip(cells, least, strict=True)
    ]
    if sum(least) > frame_width:
        return [frame_width * low / sum(least) for low in least]
    spare = frame_width - sum(least)
    wants = [high - low for low, high in zip(least, most, strict=True)]
    if sum(wants) <= spare:
        extra = (frame_width - sum(most)) / ncols
        return [high + extra for high in most]
    return [low + spare * want / sum(wants) for low, want in zip(least, wants, strict=True)]


def _pdf_markup(text: str) -> str:
    """reportlab's paragraph markup for ``text``: its emphasis as ``<b>`` and ``<i>``."""
    out = []
    for run in inline_runs(text):
        piece = escape(run.text)
        if run.italic:
            piece = f"<i>{piece}</i>"
        if run.bold:
            piece = f"<b>{piece}</b>"
        out.append(piece)
    return "".join(out)


def build_pdf(
    items: Sequence[Item],
    path: Path,
    *,
    running_header: str | None = None,
    page_numbers: bool = True,
    columns: int = 1,
    title: str = "Dossier",
) -> Path:
    """A real PDF (A4, DejaVu Sans) of ``items``; a header line and 'Page N' on each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    styles = _pdf_styles()
    width, height = A4
    margin, gap = 2 * cm, 0.8 * cm
    frame_width = (width - 2 * margin - gap * (columns - 1)) / columns
    frames = [
        Frame(margin + i * (frame_width + gap), margin, frame_width, height - 2 * margin)
        for i in range(columns)
    ]

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(styles.body.fontName, 8.5)
        if running_header:
            canvas.drawString(margin, height - 1.2 * cm, running_header)
        if page_numbers:
            canvas.drawCentredString(width / 2, 1.1 * cm, f"Page {doc.page}")
        canvas.restoreState()

    doc = BaseDocTemplate(str(path), pagesize=A4, title=title, author="docbuild")
    doc.addPageTemplates([PageTemplate("main", frames=frames, onPage=decorate)])
    doc.build(_pdf_flowables(items, styles, frame_width))
    return path


def build_image_pdf(path: Path, *, pages: int = 1) -> Path:
    """A PDF whose pages hold only a raster image, like a scan: no text layer at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    image = ImageReader(_scan_png())
    for _ in range(pages):
        canvas.drawImage(image, 50, 200, width=495, height=500)
        canvas.showPage()
    canvas.save()
    return path


def _scan_png() -> Any:
    """A small grey PNG with dark stripes, like scanned lines of text (Pillow, a reportlab need)."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("L", (400, 400), 245)
    draw = ImageDraw.Draw(image)
    for y in range(30, 380, 18):
        draw.rectangle((30, y, 370 - (y * 7) % 90, y + 6), fill=40)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    return buffer


# --------------------------------------------------------------------------- DOCX (python-docx)


def build_docx(items: Sequence[Item], path: Path, *, running_header: str | None = None) -> Path:
    """A real DOCX: Heading 1-3 styles, 'List Bullet', 'Table Grid' tables, page breaks."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    if running_header:
        document.sections[0].header.paragraphs[0].text = running_header
    for item in items:
        if isinstance(item, Heading):
            document.add_heading(plain_text(item.text), level=min(item.level, 3))
        elif isinstance(item, Paragraph):
            _docx_runs(document.add_paragraph(), item.text)
        elif isinstance(item, ListItem):
            _docx_runs(document.add_paragraph(style="List Bullet"), item.text)
        elif isinstance(item, Table):
            _docx_table(document, item.rows)
        elif isinstance(item, PageBreak):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            _docx_hidden(document.add_paragraph(), item)
    document.save(str(path))
    return path


def _docx_table(document: Any, rows: Sequence[Sequence[str]]) -> None:
    ncols = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=ncols)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            _docx_runs(table.cell(r, c).paragraphs[0], value)


def _docx_runs(paragraph: Any, text: str) -> None:
    """``text`` added to ``paragraph`` as runs, bold and italic where its Markdown says."""
    for piece in inline_runs(text):
        run = paragraph.add_run(piece.text)
        run.bold = piece.bold or None
        run.italic = piece.italic or None


def _docx_hidden(paragraph: Any, item: Hidden) -> None:
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(plain_text(item.text))
    if item.how == "white":
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    elif item.how == "tiny":
        run.font.size = Pt(2)
    else:
        run.font.hidden = True  # w:vanish


# --------------------------------------------------------------------------- ODT (odfpy)


def build_odt(items: Sequence[Item], path: Path) -> Path:
    """A real ODT: text:h with outline levels, tables, page breaks, hidden spans."""
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P, Span

    document = OpenDocumentText()
    styles = _odt_styles(document)
    body = document.text
    break_next = False
    for item in items:
        if isinstance(item, PageBreak):
            break_next = True
            continue
        style = styles["break"] if break_next else styles["body"]
        break_next = False
        if isinstance(item, Heading):
            level = min(item.level, 3)
            name = f"h{level}-break" if style is styles["break"] else f"h{level}"
            heading = plain_text(item.text)
            body.addElement(H(outlinelevel=level, stylename=styles[name], text=heading))
        elif isinstance(item, Paragraph):
            body.addElement(_odt_runs(P(stylename=style), item.text, styles))
        elif isinstance(item, ListItem):
            _odt_list_item(body, _odt_runs(P(stylename=style), item.text, styles))
        elif isinstance(item, Table):
            if style is styles["break"]:
                body.addElement(P(stylename=style, text=""))
            body.addElement(_odt_table(item.rows, len(body.childNodes), styles))
        else:
            para = P(stylename=style)
            hidden = plain_text(item.text)
            para.addElement(Span(stylename=styles[f"hidden-{item.how}"], text=hidden))
            body.addElement(para)
    document.save(str(path))
    return path


_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _odt_styles(document: Any) -> dict[str, Any]:
    from odf.style import ParagraphProperties, Style, TextProperties

    def add(style: Any, automatic: bool = True) -> Any:
        (document.automaticstyles if automatic else document.styles).addElement(style)
        return style

    styles: dict[str, Any] = {
        "body": add(Style(name="Body", family="paragraph"), automatic=False),
        "break": add(Style(name="Break", family="paragraph")),
    }
    styles["break"].addElement(ParagraphProperties(breakbefore="page"))
    for level, size in ((1, "18pt"), (2, "14pt"), (3, "12pt")):
        heading = add(
            Style(
                name=f"Heading_20_{level}",
                displayname=f"Heading {level}",
                family="paragraph",
                defaultoutlinelevel=str(level),
            ),
            automatic=False,
        )
        heading.addElement(TextProperties(fontsize=size, fontweight="bold"))
        styles[f"h{level}"] = heading
        broken = add(
            Style(name=f"BreakHeading{level}", family="paragraph", parentstylename=heading)
        )
        broken.addElement(ParagraphProperties(breakbefore="page"))
        styles[f"h{level}-break"] = broken
    hidden_props = {
        "white": {"color": "#ffffff"},
        "tiny": {"fontsize": "2pt"},
    }
    for how in HIDDEN_HOWS:
        span = add(Style(name=f"Hidden{how.title()}", family="text"))
        props = TextProperties(**hidden_props.get(how, {}))
        if how not in hidden_props:
            props.setAttrNS(_TEXT_NS, "display", "none")
        span.addElement(props)
        styles[f"hidden-{how}"] = span
    for bold, italic in ((True, False), (False, True), (True, True)):
        emphasis = add(Style(name=f"Emphasis{int(bold)}{int(italic)}", family="text"))
        props = {"fontweight": "bold"} if bold else {}
        props |= {"fontstyle": "italic"} if italic else {}
        emphasis.addElement(TextProperties(**props))
        styles[f"emphasis-{int(bold)}{int(italic)}"] = emphasis
    return styles


def _odt_runs(para: Any, text: str, styles: dict[str, Any]) -> Any:
    """``para`` with ``text`` added, bold and italic spans where its Markdown says."""
    from odf.text import Span

    for run in inline_runs(text):
        if run.bold or run.italic:
            style = styles[f"emphasis-{int(run.bold)}{int(run.italic)}"]
            para.addElement(Span(stylename=style, text=run.text))
        else:
            para.addText(run.text)
    return para


def _odt_list_item(body: Any, para: Any) -> None:
    """Append a list item holding ``para``, to the list just before when there is one."""
    from odf.text import List
    from odf.text import ListItem as OdtListItem

    last = body.lastChild
    if last is None or last.qname != (_TEXT_NS, "list"):
        last = List()
        body.addElement(last)
    entry = OdtListItem()
    entry.addElement(para)
    last.addElement(entry)


def _odt_table(rows: Sequence[Sequence[str]], number: int, styles: dict[str, Any]) -> Any:
    from odf.table import Table as OdtTable
    from odf.table import TableCell, TableColumn, TableRow
    from odf.text import P

    ncols = max(len(row) for row in rows)
    table = OdtTable(name=f"Tableau{number}")
    table.addElement(TableColumn(numbercolumnsrepeated=ncols))
    for row in rows:
        odt_row = TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            cell.addElement(_odt_runs(P(), value, styles))
            odt_row.addElement(cell)
        table.addElement(odt_row)
    return table


# --------------------------------------------------------------------------- sample content

_TOPICS = (
    ("Analyse PESTEL", "politique, économique, socioculturel, technologique, écologique, légal"),
    ("Analyse de la concurrence", "concurrents directs, indirects et forces de Porter"),
    ("Matrice SWOT", "forces, faiblesses, opportunités et menaces de la marque"),
    ("Stratégie de communication", "cibles, objectifs SMART, messages et canaux"),
    ("Plan d'action", "rétroplanning de type GANTT, jalons et responsables"),
    ("Budget prévisionnel", "coûts fixes, coûts variables et seuil de rentabilité"),
    ("Accessibilité numérique", "critères RGAA 4.1, contrastes et alternatives textuelles"),
    ("Indicateurs de performance", "KPI, tableau de bord et retour sur investissement"),
)
_SENTENCES = (
    "L'entreprise étudiée opère sur un marché en forte évolution où la concurrence s'intensifie.",
    "Cette analyse s'appuie sur des données de l'INSEE et sur une étude qualitative menée en 2024.",
    "Nous avons interrogé vingt-cinq clients afin de mieux comprendre leurs attentes réelles.",
    "Le positionnement retenu privilégie la proximité, la qualité et l'engagement écologique.",
    "Les résultats montrent une notoriété encore faible auprès des 18-25 ans en Île-de-France.",
    "La marque doit renforcer sa présence sur les réseaux sociaux et son référencement naturel.",
    "Un budget de 45 000 € est alloué sur douze mois, réparti entre acquisition et fidélisation.",
    "Le chef de projet coordonne l'équipe et veille au respect des délais fixés par le client.",
    "Les indicateurs sont suivis chaque mois et présentés au comité de pilotage trimestriel.",
    "La réglementation (RGPD, loi Évin pour certains produits) encadre fortement nos actions.",
)


def dossier_items(pages: int, *, seed: int = 0) -> list[Item]:
    """Realistic French dossier content of about ``pages`` A4 pages: numbered headings,
    paragraphs, bullet lists, a table every other page, a page break per page."""
    rng = random.Random(seed)
    items: list[Item] = [Heading("Dossier professionnel — Projet de communication", 1)]
    for page in range(1, pages + 1):
        chapter, section = (page - 1) // 4 + 1, (page - 1) % 4 + 1
        topic, detail = _TOPICS[(page - 1) % len(_TOPICS)]
        if section == 1:
            items.append(Heading(f"{chapter}. Partie {chapter}", 1))
        items.append(Heading(f"{chapter}.{section} {topic}", 2))
        items.append(Paragraph(f"Cette section présente {detail}. " + _para(rng, 4)))
        items.append(Paragraph(_para(rng, 5)))
        items.extend(ListItem(_para(rng, 1)) for _ in range(3))
        if page % 2 == 0:
            items.append(_sample_table(rng))
        items.append(Paragraph(_para(rng, 3)))
        if page < pages:
            items.append(PageBreak())
    return items


def _para(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(_SENTENCES) for _ in range(sentences))


def _sample_table(rng: random.Random) -> Table:
    header = ("Action", "Canal", "Coût (€)", "Échéance")
    actions = ("Campagne Instagram", "Salon professionnel", "Newsletter", "Refonte du site")
    channels = ("Réseaux sociaux", "Événementiel", "E-mailing", "Web")
    rows = [
        (a, c, f"{rng.randint(5, 90) * 100}", f"T{rng.randint(1, 4)} 2025")
        for a, c in zip(actions, channels, strict=True)
    ]
    return Table((header, *rows))
