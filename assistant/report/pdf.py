"""PDF report (reportlab): the same content as the Markdown and HTML reports, A4, with
'page N / M' and the pre-assessment notice in every footer.

reportlab paragraphs parse a small XML markup, so every piece of text is XML-escaped
before it becomes a paragraph: a quote from the dossier stays inert text.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from assistant.report.labels import Label
from assistant.report.view import (
    AlertView,
    CheckpointView,
    CompetencyView,
    EvidenceView,
    ReportView,
    one_line,
)

_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/Library/Fonts"),
)
_SYMBOLS = "✔◐✘⚠"
_TONES = {"good": "#0b5d1e", "mixed": "#7a4a00", "bad": "#a00000", "neutral": "#333333"}
_NAVY, _GREY, _RED = "#1f3a5f", "#eceff3", "#a00000"


class _Fonts:
    """A Unicode TrueType pair: DejaVu Sans when installed, else reportlab's bundled Vera
    (which lacks the status symbols: they are then left out, the words remain)."""

    def __init__(self) -> None:
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        regular, bold, self.symbols = self._files()
        if "ReportSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("ReportSans", str(regular)))
            pdfmetrics.registerFont(TTFont("ReportSans-Bold", str(bold)))
            addMapping("ReportSans", 0, 0, "ReportSans")
            addMapping("ReportSans", 1, 0, "ReportSans-Bold")
        self.regular, self.bold = "ReportSans", "ReportSans-Bold"

    @staticmethod
    def _files() -> tuple[Path, Path, bool]:
        for folder in _FONT_DIRS:
            if (folder / "DejaVuSans.ttf").exists() and (folder / "DejaVuSans-Bold.ttf").exists():
                return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf", True
        import reportlab

        bundled = Path(reportlab.__file__).parent / "fonts"
        return bundled / "Vera.ttf", bundled / "VeraBd.ttf", False

    def plain(self, value: object) -> str:
        """``value`` on one line, with only characters this font can draw."""
        text = str(value)
        if not self.symbols:
            text = text.translate({ord(c): None for c in _SYMBOLS}).replace("\u202f", " ")
        return one_line(text)

    def text(self, value: object) -> str:
        """``value`` as escaped paragraph text (reportlab parses paragraph markup)."""
        return escape(self.plain(value))


class _Builder:
    """Lays a ReportView out as reportlab flowables."""

    def __init__(self, fonts: _Fonts, width: float) -> None:
        from reportlab.lib.styles import ParagraphStyle

        self.fonts, self.width = fonts, width
        base = ParagraphStyle("Base", fontName=fonts.regular, fontSize=10, leading=13.5)
        self.body = ParagraphStyle("Body", parent=base, spaceAfter=5)
        self.lead = ParagraphStyle("Lead", parent=self.body, keepWithNext=True)
        self.cell = ParagraphStyle("Cell", parent=base, fontSize=8.5, leading=10.5)
        self.quote = ParagraphStyle(
            "Quote", parent=base, leftIndent=14, fontSize=9.5, leading=12.5, spaceAfter=4
        )
        sizes = {1: 16.0, 2: 13.0, 3: 11.0}
        self.heading = {
            level: ParagraphStyle(
                f"H{level}",
                fontName=fonts.bold,
                fontSize=size,
                leading=size * 1.25,
                spaceBefore=0 if level == 1 else 10,
                spaceAfter=5,
                keepWithNext=True,
            )
            for level, size in sizes.items()
        }

    # -- small pieces
    def para(self, text: object, style: Any = None, *, bold: bool = False) -> Any:
        from reportlab.platypus import Paragraph

        body = self.fonts.text(text)
        return Paragraph(f"<b>{body}</b>" if bold else body, style or self.body)

    def status(self, label: Label, style: Any = None) -> Any:
        from reportlab.platypus import Paragraph

        text = f"<font color='{_TONES[label.tone]}'><b>{self.fonts.text(label)}</b></font>"
        return Paragraph(text, style or self.cell)

    def table(self, rows: list[list[Any]], widths: list[float], *, header: bool = True) -> Any:
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        table = Table(
            rows, colWidths=[w * self.width for w in widths], repeatRows=int(header), hAlign="LEFT"
        )
        style = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#6b6b6b")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(_GREY)))
        table.setStyle(TableStyle(style))
        return table

    def boxed(self, rows: list[list[Any]], colour: str, background: str) -> Any:
        """A framed block, one table row per piece so that it can break across pages."""
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        box = Table([[row] for row in rows], colWidths=[self.width], hAlign="LEFT")
        box.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1.5, colors.HexColor(colour)),
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(background)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        return box

    # -- sections
    def header(self, view: ReportView) -> list[Any]:
        facts = [
            [self.para(k, self.cell, bold=True), self.para(v, self.cell)] for k, v in view.facts
        ]
        flow = [
            self.para(view.title, self.heading[1]),
            self.boxed([[self.para(view.notice, bold=True)]], _NAVY, "#e8eef6"),
            self.spacer(),
            self.table(facts, [0.3, 0.7], header=False),
        ]
        flow += [self.para(f"Remarque : {notice}") for notice in view.engine_notices]
        return flow

    def summary(self, view: ReportView) -> list[Any]:
        def counts(title: str, items: list[Any]) -> Any:
            rows = [
                [self.para(title, self.cell, bold=True), self.para("Nombre", self.cell, bold=True)]
            ]
            rows += [[self.status(c.label), self.para(c.count, self.cell)] for c in items]
            return self.table(rows, [0.4, 0.15])

        total = f"Points de contrôle ({len(view.checkpoints)})"
        return [
            self.para("Synthèse", self.heading[2]),
            counts("Compétences", view.verdict_counts),
            self.spacer(),
            counts(total, view.status_counts),
        ]

    def alerts(self, alerts: list[AlertView]) -> list[Any]:
        if not alerts:
            return [self.para("Alertes", self.heading[2]), self.para("Aucune alerte.")]
        rows: list[list[Any]] = [[self.para(f"⚠ Alertes ({len(alerts)})", self.heading[2])]]
        for alert in alerts:
            row = [self.para(f"{alert.label} ({alert.where}) : {alert.message}", bold=True)]
            if alert.quote:
                row.append(self.para(f"« {alert.quote} »", self.quote))
            row += [self.para(f"{name} : {value}", self.quote) for name, value in alert.details]
            rows.append(row)
        return [self.boxed(rows, _RED, "#fff3f3")]

    def competency(self, comp: CompetencyView) -> list[Any]:
        title = f"{comp.id} — {comp.title}" if comp.id else comp.title
        if comp.verdict:
            title += f" : {comp.verdict}"
        flow = [self.para(title, self.heading[3])]
        if comp.rationale:
            flow.append(self.para(comp.rationale, self.lead))
        heads = ("Point de contrôle", "Statut", "Éléments manquants", "Recommandation")
        rows = [[self.para(h, self.cell, bold=True) for h in heads]]
        rows += [self._checkpoint_row(cp) for cp in comp.checkpoints]
        flow.append(self.table(rows, [0.28, 0.14, 0.22, 0.36]))
        return flow

    def _checkpoint_row(self, cp: CheckpointView) -> list[Any]:
        return [
            self.para(f"{cp.id} — {cp.label}", self.cell),
            self.status(cp.status),
            self.para(", ".join(cp.missing) or "—", self.cell),
            self.para(cp.recommendation or "—", self.cell),
        ]

    def checkpoint_detail(self, cp: CheckpointView) -> list[Any]:
        flow = [self.para(f"{cp.id} — {cp.label} : {cp.status}", self.heading[3])]
        if cp.comment:
            flow.append(self.para(cp.comment))
        for element in cp.elements:
            style = self.lead if element.evidence else self.body
            flow.append(self.para(f"• {element.label} : {element.status}", style))
            flow += [self.quote_para(ev) for ev in element.evidence]
        if cp.evidence:
            title = "Autres citations :" if cp.elements else "Citations :"
            flow.append(self.para(title, self.lead))
            flow += [self.quote_para(ev) for ev in cp.evidence]
        elif not cp.quoted:
            flow.append(self.para("Aucune citation retenue."))
        if cp.quotes_left_out:
            flow.append(
                self.para(f"{cp.quotes_left_out} autre(s) citation(s) dans le rapport JSON.")
            )
        return flow

    def quote_para(self, evidence: EvidenceView) -> Any:
        return self.para(f"« {evidence.quote} » — {evidence.where}", self.quote)

    def recommendations(self, texts: list[str]) -> list[Any]:
        flow = [self.para("Recommandations pour le candidat", self.heading[2])]
        if not texts:
            return [*flow, self.para("Aucune recommandation : tous les points sont présents.")]
        return flow + [self.para(f"{i}. {text}") for i, text in enumerate(texts, 1)]

    @staticmethod
    def spacer() -> Any:
        from reportlab.platypus import Spacer

        return Spacer(1, 6)

    def story(self, view: ReportView) -> list[Any]:
        flow = [*self.header(view), *self.summary(view), self.spacer(), *self.alerts(view.alerts)]
        flow.append(self.para("Compétences", self.heading[2]))
        for comp in view.competencies:
            flow += self.competency(comp)
        flow.append(self.para("Détail des points de contrôle et citations", self.heading[2]))
        for cp in view.checkpoints:
            flow += self.checkpoint_detail(cp)
        return flow + self.recommendations(view.recommendations)


def _numbered_canvas(font: str, footer: str) -> type:
    """A canvas class that writes 'page N / M' once the page count is known."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(font, 8)
                self.setFillColorRGB(0.27, 0.27, 0.27)
                self.drawString(56, 28, footer)
                self.drawRightString(
                    A4[0] - 56, 28, f"page {self._pageNumber} / {len(self._pages)}"
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def render_pdf(view: ReportView) -> bytes:
    """The report as PDF bytes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    fonts = _Fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.8 * cm,
        bottomMargin=1.8 * cm,
        title=view.title,
        author="dossier-review",
        subject=view.notice,
        lang="fr-FR",
    )
    builder = _Builder(fonts, doc.width)
    footer = fonts.plain("Pré-évaluation automatique — ne constitue pas une décision du jury")
    doc.build(builder.story(view), canvasmaker=_numbered_canvas(fonts.regular, footer))
    return buffer.getvalue()
