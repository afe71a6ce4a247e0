"""Effective formatting of DOCX paragraphs and runs: direct formatting, then the character
style, then the paragraph style chain (``w:basedOn``), then the document defaults. A run is
hidden when ``visibility.unseen`` says so for its effective colour, background (highlight, run
shading, paragraph or cell shading, page colour), size and width, or when it is vanished."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from docx.oxml.ns import qn as _docx_qn

from assistant.document import HiddenReason
from assistant.ingest.visibility import BLACK, RGB, WHITE, parse_hex, unseen

_HEADING_NAME = re.compile(r"^(?:heading|titre)\s*(\d)$", re.IGNORECASE)
_TITLE_NAMES = {"title", "titre"}
_THEMES: dict[str, RGB] = {
    **dict.fromkeys(("background1", "bg1", "light1"), WHITE),
    **dict.fromkeys(("text1", "tx1", "dark1"), BLACK),
}
_HIGHLIGHTS: dict[str, RGB] = {
    "yellow": (255, 255, 0), "green": (0, 255, 0), "cyan": (0, 255, 255),
    "magenta": (255, 0, 255), "blue": (0, 0, 255), "red": (255, 0, 0),
    "darkBlue": (0, 0, 128), "darkCyan": (0, 128, 128), "darkGreen": (0, 128, 0),
    "darkMagenta": (128, 0, 128), "darkRed": (128, 0, 0), "darkYellow": (128, 128, 0),
    "darkGray": (128, 128, 128), "lightGray": (192, 192, 192), "black": BLACK, "white": WHITE,
}  # fmt: skip
_MAX_CHAIN = 10

qn = lru_cache(maxsize=256)(_docx_qn)
"""Clark name of a prefixed tag, memoised: looked up several times per run."""


@dataclass(frozen=True)
class ParagraphStyle:
    heading_level: int | None
    is_list: bool
    page_break_before: bool
    shading: RGB | None  # the paragraph's own background colour


class DocxStyles:
    """Looks up styles of one document by id, following ``basedOn`` chains."""

    def __init__(self, styles_element: Any | None) -> None:
        self.by_id: dict[str, Any] = {}
        self.defaults: Any | None = None
        self.paragraph_defaults: Any | None = None
        self.default_paragraph: str | None = None  # the style of a paragraph that names none
        self._chains: dict[str | None, list[Any]] = {}
        self._styled_sources: dict[tuple[str | None, str | None], list[Any]] = {}
        if styles_element is None:
            return
        for style in styles_element.iter(qn("w:style")):
            self.by_id[style.get(qn("w:styleId"), "")] = style
            if style.get(qn("w:type")) == "paragraph" and _on_attribute(style, "w:default"):
                self.default_paragraph = self.default_paragraph or style.get(qn("w:styleId"))
        self.defaults = styles_element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
        self.paragraph_defaults = styles_element.find(
            f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}"
        )

    def chain(self, style_id: str | None) -> list[Any]:
        """The style and its ancestors, nearest first (computed once per style)."""
        if style_id not in self._chains:
            self._chains[style_id] = self._chain(style_id)
        return self._chains[style_id]

    def _chain(self, style_id: str | None) -> list[Any]:
        found: list[Any] = []
        while style_id and style_id in self.by_id and len(found) < _MAX_CHAIN:
            style = self.by_id[style_id]
            if any(s is style for s in found):
                break  # a basedOn loop in a hostile file
            found.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return found

    def paragraph_chain(self, ppr: Any | None) -> list[Any]:
        """The paragraph's style and its ancestors: the one it names, else (none named, or
        one the file does not define) the document's default paragraph style ("Normal"),
        whose formatting every such paragraph carries over the document defaults."""
        style_id = _val(ppr, "w:pStyle")
        if style_id not in self.by_id:
            style_id = self.default_paragraph
        return self.chain(style_id)

    def paragraph(self, p: Any) -> ParagraphStyle:
        ppr = p.find(qn("w:pPr"))
        styles = self.paragraph_chain(ppr)
        sources = [ppr, *(s.find(qn("w:pPr")) for s in styles)]
        names = [(_val(s, "w:name") or "").strip() for s in styles]
        return ParagraphStyle(
            heading_level=_heading_level(names, sources),
            is_list=_first(sources, "w:numPr") is not None
            or any("list" in n.lower() or "liste" in n.lower() for n in names[:1]),
            page_break_before=_on(_first(sources, "w:pageBreakBefore")),
            shading=shading(_first(sources, "w:shd")),
        )

    def run_hidden(self, run: Any, paragraph: Any, ground: RGB) -> HiddenReason | None:
        """Why a reader cannot see this run, else None: vanished, or its effective colour,
        size or width (styles resolved) against what lies behind it: its highlight, its
        shading, else ``ground`` (the paragraph's, cell's or page's colour)."""
        sources = self._run_sources(run, paragraph)
        if any(_on(_first(sources, tag)) for tag in ("w:vanish", "w:webHidden", "w:specVanish")):
            return "vanished"
        highlight = _val(_first_parent(sources, "w:highlight"), "w:highlight")
        behind = _HIGHLIGHTS.get(highlight or "") or shading(_first(sources, "w:shd")) or ground
        size = _number(_val(_first_parent(sources, "w:sz"), "w:sz"))
        scale = _number(_val(_first_parent(sources, "w:w"), "w:w"))
        return unseen(
            _colour(_first(sources, "w:color")),
            behind,
            size / 2 if size is not None else None,
            scale / 100 if scale is not None else None,
        )

    def run_size(self, run: Any, paragraph: Any) -> float:
        """The run's font size in points, styles resolved (10 pt, Word's, when none is set)."""
        size = _number(_val(_first_parent(self._run_sources(run, paragraph), "w:sz"), "w:sz"))
        return size / 2 if size is not None and size > 0 else 10.0

    def spacings(self, paragraph: Any) -> list[Any]:
        """The paragraph's ``w:spacing`` elements, nearest first: its own, its styles', the
        document default's."""
        ppr = paragraph.find(qn("w:pPr"))
        styles = self.paragraph_chain(ppr)
        sources = [ppr, *(s.find(qn("w:pPr")) for s in styles), self.paragraph_defaults]
        found = (s.find(qn("w:spacing")) for s in sources if s is not None)
        return [spacing for spacing in found if spacing is not None]

    def contextual_spacing(self, paragraph: Any) -> bool:
        """The paragraph (or its style) drops its spaces next to paragraphs of its style."""
        ppr = paragraph.find(qn("w:pPr"))
        styles = self.paragraph_chain(ppr)
        sources = [ppr, *(s.find(qn("w:pPr")) for s in styles)]
        return any(s is not None and s.find(qn("w:contextualSpacing")) is not None for s in sources)

    def _run_sources(self, run: Any, paragraph: Any) -> list[Any]:
        """The run's own properties, then its character style chain's, its paragraph style
        chain's and the document defaults' (the styles' part computed once per pair)."""
        rpr = run.find(qn("w:rPr"))
        ppr = paragraph.find(qn("w:pPr"))
        key = (_val(rpr, "w:rStyle"), _val(ppr, "w:pStyle"))
        styled = self._styled_sources.get(key)
        if styled is None:
            character = self.chain(key[0])
            para = self.paragraph_chain(ppr)
            defaults = [self.defaults.find(qn("w:rPr"))] if self.defaults is not None else []
            found = (s.find(qn("w:rPr")) for s in (*character, *para))
            styled = [s for s in (*found, *defaults) if s is not None]
            self._styled_sources[key] = styled
        return [rpr, *styled] if rpr is not None else styled


def _heading_level(names: list[str], sources: list[Any]) -> int | None:
    for name in names:
        match = _HEADING_NAME.match(name)
        if match:
            return max(1, int(match.group(1)))
        if name.lower() in _TITLE_NAMES:
            return 1
    outline = _val(_first_parent(sources, "w:outlineLvl"), "w:outlineLvl")
    if outline is not None and outline.isdigit() and int(outline) < 9:
        return int(outline) + 1
    return None


def _first(sources: list[Any], tag: str) -> Any | None:
    """The element ``tag`` in the nearest source that has it."""
    for source in sources:
        if source is not None:
            found = source.find(qn(tag))
            if found is not None:
                return found
    return None


def _first_parent(sources: list[Any], tag: str) -> Any | None:
    """The nearest source holding ``tag`` (to read the tag's value with ``_val``)."""
    for source in sources:
        if source is not None and source.find(qn(tag)) is not None:
            return source
    return None


def _val(parent: Any | None, tag: str) -> str | None:
    if parent is None:
        return None
    element = parent.find(qn(tag))
    return None if element is None else element.get(qn("w:val"))


def _on(element: Any | None) -> bool:
    """A toggle property: present and not switched off."""
    if element is None:
        return False
    return element.get(qn("w:val"), "true").lower() not in ("false", "0", "off")


def _on_attribute(element: Any, name: str) -> bool:
    """An on/off attribute (``w:default="1"``) set on."""
    return (element.get(qn(name)) or "").lower() in ("1", "true", "on")


def _colour(color: Any | None) -> RGB | None:
    """A run's colour; None for 'auto' (Word picks black or white against the ground)."""
    if color is None:
        return None
    theme = _THEMES.get((color.get(qn("w:themeColor")) or "").lower())
    return theme or parse_hex(color.get(qn("w:val")))


def shading(shd: Any | None) -> RGB | None:
    """The colour a ``w:shd`` paints: its pattern colour when solid, else its fill."""
    if shd is None:
        return None
    if (shd.get(qn("w:val")) or "").lower() == "solid":
        solid = parse_hex(shd.get(qn("w:color")))
        if solid is not None:
            return solid
    theme = _THEMES.get((shd.get(qn("w:themeFill")) or "").lower())
    return theme or parse_hex(shd.get(qn("w:fill")))


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
