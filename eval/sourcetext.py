"""The text of a dev set dossier, as passages, read from its Markdown source."""

from __future__ import annotations

from pathlib import Path

from eval.docbuild import Hidden, Item, PageBreak, Table, markdown_to_items


def item_text(item: Item) -> str:
    if isinstance(item, Table):
        return "\n".join(" | ".join(row) for row in item.rows)
    if isinstance(item, PageBreak):
        return ""
    return item.text


def passages(path: Path, *, include_hidden: bool = False) -> list[str]:
    """Headings, paragraphs, list items and tables (a table as 'a | b' lines), in order."""
    items = markdown_to_items(path.read_text(encoding="utf-8"))
    return [
        text
        for item in items
        if (include_hidden or not isinstance(item, Hidden)) and (text := item_text(item))
    ]


def plain_text(path: Path) -> str:
    """All the dossier's text, hidden passages included (they are in the file too)."""
    return "\n\n".join(passages(path, include_hidden=True))
