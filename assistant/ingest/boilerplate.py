"""Repeated headers, footers and page numbers, found across pages.

A block near the top or bottom of a page (the first or last two blocks) whose text, digits
masked, recurs on at least half the pages (and at least two) is a running header or footer.
A short block such as '12', 'Page 12' or '12 / 40' in those positions is a page number.
"""

from __future__ import annotations

import re
from collections import defaultdict

from assistant.ingest.raw import RawBlock

_EDGE = 2
_PAGE_NUMBER = re.compile(
    r"^(?:page|p\.)?\s*\d{1,4}(?:\s*(?:/|sur|of|de)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


def mark_boilerplate(blocks: list[RawBlock]) -> None:
    """Set ``boilerplate`` on running headers/footers and page numbers (pages only)."""
    edges = _edge_blocks(blocks)
    if not edges:
        return
    pages_with: defaultdict[str, set[int]] = defaultdict(set)
    for page, candidates in edges.items():
        for block in candidates:
            pages_with[_key(block.text)].add(page)
    threshold = max(2, (len(edges) + 1) // 2)
    repeated = {key for key, pages in pages_with.items() if len(pages) >= threshold}
    for candidates in edges.values():
        for block in candidates:
            if _key(block.text) in repeated or _PAGE_NUMBER.match(block.text.strip()):
                block.boilerplate = True


def _edge_blocks(blocks: list[RawBlock]) -> dict[int, list[RawBlock]]:
    """The first and last visible non-table blocks of each page, keyed by page."""
    by_page: defaultdict[int, list[RawBlock]] = defaultdict(list)
    for block in blocks:
        if block.page is not None and block.hidden_reason is None:
            by_page[block.page].append(block)
    edges: dict[int, list[RawBlock]] = {}
    for page, page_blocks in by_page.items():
        chosen = page_blocks[:_EDGE] + page_blocks[-_EDGE:]
        unique = list({id(b): b for b in chosen}.values())
        edges[page] = [
            b for b in unique if b.kind not in ("table", "heading") and len(b.text) <= 200
        ]
    return edges


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.split()).casefold())
