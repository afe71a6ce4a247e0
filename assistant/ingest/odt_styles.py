"""Effective ODT style properties: a span's style chain, then its paragraph's, following
``style:parent-style-name``; visibility by ``visibility.unseen`` (colour against background,
size, horizontal scale)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.document import HiddenReason
from assistant.ingest.visibility import RGB, WHITE, parse_hex, unseen

STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_MAX_CHAIN = 10
_PERCENT = re.compile(r"^([\d.]+)%$")
_POINTS = re.compile(r"^([\d.]+)(pt|px|cm|mm|in)$")
_TO_PT = {"pt": 1.0, "px": 0.75, "cm": 28.3465, "mm": 2.83465, "in": 72.0}


@dataclass(frozen=True)
class PageBreaks:
    before: bool
    after: bool


class OdtStyles:
    def __init__(self, document: Any) -> None:
        self.by_name: dict[str, Any] = {}
        for container in (document.styles, document.automaticstyles):
            for style in container.childNodes:
                if style.nodeType == style.ELEMENT_NODE and style.qname == (STYLE, "style"):
                    self.by_name[style.getAttrNS(STYLE, "name") or ""] = style
        self.page_colour = _page_colour(document)
        self.ground: RGB | None = None  # the fill of the table cell being read, if any

    def chain(self, name: str | None) -> list[Any]:
        found: list[Any] = []
        while name and name in self.by_name and len(found) < _MAX_CHAIN:
            style = self.by_name[name]
            if any(s is style for s in found):
                break  # a parent loop in a hostile file
            found.append(style)
            name = style.getAttrNS(STYLE, "parent-style-name")
        return found

    def page_breaks(self, name: str | None) -> PageBreaks:
        chain = self.chain(name)
        before = _prop(chain, "paragraph-properties", FO, "break-before") == "page"
        master = bool(chain and chain[0].getAttrNS(STYLE, "master-page-name"))
        after = _prop(chain, "paragraph-properties", FO, "break-after") == "page"
        return PageBreaks(before or master, after)

    def cell_fill(self, name: str | None, around: RGB | None) -> RGB | None:
        """The colour a table cell of style ``name`` paints behind its text (its
        ``fo:background-color``), else ``around`` (what shows through it)."""
        colour = _prop(self.chain(name), "table-cell-properties", FO, "background-color")
        return parse_hex(colour) or around

    def hidden_reason(self, names: list[str | None]) -> HiddenReason | None:
        """Why text under these styles (innermost first) is unseen, else None."""
        chain = [style for name in names for style in self.chain(name)]
        if _prop(chain, "text-properties", TEXT, "display") in ("none", "condition"):
            return "vanished"
        colour = _prop(chain, "text-properties", FO, "color")
        background = parse_hex(_prop(chain, "text-properties", FO, "background-color")) or (
            parse_hex(_prop(chain, "paragraph-properties", FO, "background-color"))
        )
        scale = _PERCENT.match(_prop(chain, "text-properties", STYLE, "text-scale") or "")
        return unseen(
            WHITE if (colour or "").lower() == "white" else parse_hex(colour),
            background or self.ground or self.page_colour,
            _points(_prop(chain, "text-properties", FO, "font-size")),
            float(scale.group(1)) / 100 if scale else None,
        )


def _page_colour(document: Any) -> RGB:
    """The page's background colour: that of the page layout of the master page named
    "Standard" (the default one), else of the first master page; white when none is set."""
    masters = [m for m in document.masterstyles.childNodes if m.nodeType == m.ELEMENT_NODE]
    names = [m.getAttrNS(STYLE, "name") for m in masters]
    master = masters[names.index("Standard")] if "Standard" in names else next(iter(masters), None)
    layout_name = master.getAttrNS(STYLE, "page-layout-name") if master is not None else None
    for layout in document.automaticstyles.childNodes:
        if layout.nodeType != layout.ELEMENT_NODE or layout.qname != (STYLE, "page-layout"):
            continue
        if layout.getAttrNS(STYLE, "name") != layout_name:
            continue
        for child in layout.childNodes:
            if child.nodeType == child.ELEMENT_NODE and child.qname == (
                STYLE,
                "page-layout-properties",
            ):
                return parse_hex(child.getAttrNS(FO, "background-color")) or WHITE
    return WHITE


def _prop(chain: list[Any], kind: str, namespace: str, attribute: str) -> str | None:
    """The first value of ``attribute`` in the ``kind`` properties along the chain."""
    for style in chain:
        for child in style.childNodes:
            if child.nodeType == child.ELEMENT_NODE and child.qname == (STYLE, kind):
                value = child.getAttrNS(namespace, attribute)
                if value:
                    return str(value)
    return None


def _points(value: str | None) -> float | None:
    match = _POINTS.match(value or "")
    return float(match.group(1)) * _TO_PT[match.group(2)] if match else None
