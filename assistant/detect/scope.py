"""Where a cue's content lies: a heading's body, a label's following lines, a table's row or
column, and the region of the dossier that deals with a checkpoint (its context)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from assistant.detect.claims import void_reason
from assistant.detect.cues import CueHit
from assistant.detect.negation import denied_name, denied_tokens
from assistant.detect.units import Unit

LABEL_SPAN = 8  # units read after a label that is not a heading
MENTION_SPAN = 30  # units after a checkpoint's name that belong to its context
CLUSTER_SPAN = 15  # window in which several element cues reveal an unnamed tool
HEADER_CELL_WORDS = 4  # a header row holds only short cells
TITLED_PARTS = 2  # a dossier's title stands over this many headings at least


class Layout:
    """Reading-order navigation over the units of one dossier."""

    def __init__(self, units: Sequence[Unit]) -> None:
        self.units = list(units)
        self._by_block: dict[int, list[Unit]] = {}
        for unit in self.units:
            self._by_block.setdefault(unit.block, []).append(unit)
        self._denied: dict[int, frozenset[int]] = {}
        self._says: dict[int, bool] = {}

    def affirms(self, hit: CueHit) -> bool:
        """The cue occurrence is not taken back by a denial or a hypothetical, nor named as
        what there is none of (« pas de relations presse »)."""
        unit = hit.unit
        if unit.index not in self._denied:
            self._denied[unit.index] = denied_tokens(unit)
        return hit.first not in self._denied[unit.index] and not denied_name(unit, hit.first)

    def says_something(self, unit: Unit) -> bool:
        """The unit asserts something of the case (``claims.void_reason``); a heading does
        when its body holds such a sentence, cell or row (a heading over a definition, an
        announcement or nothing names no treated topic)."""
        if unit.index not in self._says:
            if unit.kind == "heading":
                body = [u for u in self.heading_body(unit) if u.kind != "heading"]
                says = any(void_reason(u) is None for u in body)
            else:
                says = void_reason(unit) is None
            self._says[unit.index] = says
        return self._says[unit.index]

    def titles_dossier(self, unit: Unit) -> bool:
        """``unit`` is the dossier's own title: its first heading, over every other heading
        to the end of the text (« Dossier E1 – Stratégie marketing de l'atelier »). It names
        the épreuve's subject, not a section of one topic."""
        if unit.kind != "heading" or self._first_heading != unit.index:
            return False
        body = self.heading_body(unit)
        inner = sum(u.kind == "heading" for u in body)
        return inner >= TITLED_PARTS and len(body) == len(self.units) - unit.index - 1

    @cached_property
    def _first_heading(self) -> int | None:
        return next((u.index for u in self.units if u.kind == "heading"), None)

    def block_units(self, block: int) -> list[Unit]:
        return self._by_block.get(block, [])

    def heading_body(self, heading: Unit) -> list[Unit]:
        """Units after ``heading`` up to the next heading of the same or a higher level."""
        depth = _depth(heading)
        body: list[Unit] = []
        for unit in self.units[heading.index + 1 :]:
            if unit.kind == "heading" and _depth(unit) <= depth:
                break
            body.append(unit)
        return body

    def label_body(self, label: Unit, siblings: frozenset[int]) -> list[Unit]:
        """Units after a short label, until a heading or another label (``siblings``); a
        label line that introduces a table ("Calendrier éditorial :") heads the whole table,
        whatever its header cells name."""
        if label.kind == "heading":
            return self.heading_body(label)
        following = self.units[label.index + 1 : label.index + 2]
        if label.kind == "sentence" and following and following[0].kind == "cell":
            return self.block_units(following[0].block)
        body: list[Unit] = []
        for unit in self.units[label.index + 1 : label.index + 1 + LABEL_SPAN]:
            if unit.kind == "heading" or unit.index in siblings:
                break
            body.append(unit)
        return body

    def mention_region(self, unit: Unit) -> list[Unit]:
        """The context opened by naming a checkpoint in ``unit``."""
        if unit.kind == "heading":
            return [unit, *self.heading_body(unit)]
        region: list[Unit] = []
        for other in self.units[unit.index : unit.index + MENTION_SPAN]:
            if other.kind == "heading" and other.index != unit.index:
                break
            region.append(other)
        return region

    def is_table_label(self, cell: Unit, labels: frozenset[int] = frozenset()) -> bool:
        """A cell that heads a row (first column) or a column (header row)."""
        if cell.kind != "cell" or cell.row is None:
            return False
        table = self._table(cell)
        return cell.column == 0 or _is_header_row(table, cell.row, labels)

    def table_content(
        self, cell: Unit, labels: frozenset[int], split: frozenset[int] = frozenset()
    ) -> list[Unit]:
        """What a label cell heads: for a row label, the rest of its row; for a column header,
        the rows below it up to the next header row: only its column when the header row
        also heads other things (``split``: a SWOT grid), all their cells otherwise."""
        if cell.row is None or cell.column is None:
            return []
        table = self._table(cell)
        if not _is_header_row(table, cell.row, labels):
            if cell.column == 0:
                return [u for u in table if u.row == cell.row and u.column != 0]
            return []
        header = [u for u in table if u.row == cell.row and u.index != cell.index]
        own_column = any(u.index in split for u in header)
        below: list[Unit] = []
        for unit in table:
            if unit.row is None or unit.row <= cell.row:
                continue
            if _is_header_row(table, unit.row, labels):
                break
            if not own_column or unit.column == cell.column:
                below.append(unit)
        return below

    def table_header(self, cell: Unit) -> list[Unit]:
        """The cells of the first row of ``cell``'s table."""
        return [u for u in self._table(cell) if u.row == 0]

    def _table(self, cell: Unit) -> list[Unit]:
        return [u for u in self.block_units(cell.block) if u.kind == "cell"]


def cluster_region(layout: Layout, hits: Sequence[CueHit], needed: int) -> set[int]:
    """Units lying between element cues of ``needed`` distinct elements close to each other."""
    ordered = sorted(hits, key=lambda h: h.unit.index)
    region: set[int] = set()
    for i, first in enumerate(ordered):
        window = [
            h
            for h in ordered[i:]
            if h.unit.index - first.unit.index <= CLUSTER_SPAN
            and h.unit.section[:-1] == first.unit.section[:-1]
        ]
        headings = all(h.unit.kind == "heading" for h in window)
        if len({h.cue.target for h in window}) >= (2 if headings else needed):
            last = window[-1].unit.index
            region.update(range(first.unit.index, last + 1))
            region.update(u.index for u in layout.label_body(window[-1].unit, frozenset()))
    return region


def table_region(layout: Layout, hits: Sequence[CueHit], needed: int) -> set[int]:
    """Whole tables whose cells name ``needed`` distinct elements."""
    per_table: dict[int, set[str]] = {}
    for hit in hits:
        if hit.unit.kind == "cell":
            per_table.setdefault(hit.unit.block, set()).add(hit.cue.target)
    region: set[int] = set()
    for block, targets in per_table.items():
        if len(targets) >= needed:
            region.update(u.index for u in layout.block_units(block))
    return region


def _depth(heading: Unit) -> int:
    text = heading.text.strip().lstrip("#").strip()
    if heading.section and heading.section[-1].strip() == text:
        return len(heading.section)
    return len(heading.section) + 1


def _is_header_row(table: Sequence[Unit], row: int, labels: frozenset[int]) -> bool:
    """The first row, or a row of short cells that are all labels (a SWOT grid's middle)."""
    cells = [u for u in table if u.row == row]
    if row == 0:
        return len(cells) >= 2
    if _read_by_rows(table, row, labels):
        return False
    return len(cells) >= 2 and all(
        u.index in labels and len(u.tokens) <= HEADER_CELL_WORDS for u in cells
    )


def _read_by_rows(table: Sequence[Unit], row: int, labels: frozenset[int]) -> bool:
    """A row above ``row`` (the first one aside) opens on a label followed by content: the
    table is read row by row (« Technologique | La digitalisation. » under « Économique |
    Le prix de l'arabica a augmenté de 70 %... »), so a later row whose cells are all short
    names is one more row, not a header over the rows below."""
    for r in range(1, row):
        cells = [u for u in table if u.row == r]
        first = [u for u in cells if u.column == 0]
        if first and first[0].index in labels and any(u.index not in labels for u in cells):
            return True
    return False
