"""Plain text: a form feed is a page break (else no pages); blank lines split paragraphs;
numbered lines ('2.3 Analyse PESTEL') and short lines in capitals are headings; '- ' lines are
list items; runs of 'a | b' lines are tables."""

from __future__ import annotations

import re

from assistant.errors import CorruptFileError
from assistant.ingest.headings import is_caps_heading, numbered_heading_level
from assistant.ingest.raw import RawBlock, RawDocument, table_text

_BULLET = re.compile(r"^\s*(?:[-*•▪◦–]|\d{1,2}[)])\s+(.*)$")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


def decode_text(data: bytes, filename: str) -> str:
    """Text of ``data``: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise CorruptFileError(
            f"Le fichier « {filename} » n'est pas un texte lisible (encodage inconnu) ; "
            "enregistrez-le en UTF-8 ou exportez-le en PDF.",
            detail=str(err),
        ) from err


def read_txt(data: bytes, filename: str) -> RawDocument:
    text = decode_text(data, filename).replace("\r\n", "\n").replace("\r", "\n")
    chunks = text.split("\f")
    paged = len(chunks) > 1
    if paged and not chunks[-1].strip():
        chunks.pop()  # a final form feed ends the last page, it does not open a new one
    blocks: list[RawBlock] = []
    for number, chunk in enumerate(chunks, start=1):
        page = number if paged else None
        for paragraph in _PARAGRAPHS.split(chunk):
            blocks.extend(text_blocks(paragraph, page))
    return RawDocument("txt", blocks, pages=len(chunks) if paged else None)


def text_blocks(paragraph: str, page: int | None) -> list[RawBlock]:
    """Blocks of one paragraph of plain text (no blank line inside)."""
    lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
    blocks: list[RawBlock] = []
    prose: list[str] = []

    def flush() -> None:
        if prose:
            blocks.append(RawBlock("paragraph", " ".join(prose), page))
            prose.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        if "|" in line and _is_table_start(lines, index):
            flush()
            index = _read_table(lines, index, page, blocks)
            continue
        special = _line_block(line, page, alone=not prose)
        if special is not None:
            flush()
            blocks.append(special)
        else:
            prose.append(line)
        index += 1
    flush()
    return blocks


def _line_block(line: str, page: int | None, *, alone: bool) -> RawBlock | None:
    bullet = _BULLET.match(line)
    if bullet:
        return RawBlock("list_item", bullet.group(1), page)
    level = numbered_heading_level(line)
    if level is None and alone and is_caps_heading(line):
        level = 1
    if level is not None:
        return RawBlock("heading", line, page, level=level)
    return None


def _is_table_start(lines: list[str], index: int) -> bool:
    """Two consecutive lines with the same number of '|' separators make a table."""
    return index + 1 < len(lines) and _cells_count(lines[index]) == _cells_count(lines[index + 1])


def _cells_count(line: str) -> int:
    return len(_cells(line)) if "|" in line else 0


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _read_table(lines: list[str], index: int, page: int | None, out: list[RawBlock]) -> int:
    width = _cells_count(lines[index])
    rows: list[list[str]] = []
    while index < len(lines) and _cells_count(lines[index]) == width:
        cells = _cells(lines[index])
        if not all(set(cell) <= set("-: ") for cell in cells):
            rows.append(cells)
        index += 1
    out.append(RawBlock("table", table_text(rows), page, rows=rows))
    return index
