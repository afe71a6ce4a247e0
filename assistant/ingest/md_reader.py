"""Markdown (markdown-it-py, CommonMark with tables): headings give the section path.

``<!-- pagebreak -->`` lines or form feeds split pages (else no pages). Any other HTML comment,
and any HTML element styled invisible (``display:none``, ``visibility:hidden``, zero size or
opacity, white text, ``hidden``), is invisible once rendered: it is kept as a hidden block
("vanished")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from assistant.document import BlockKind
from assistant.ingest.raw import RawBlock, RawDocument, table_text
from assistant.ingest.txt_reader import decode_text

_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_PAGEBREAK = re.compile(r"^\s*pagebreak\s*$", re.IGNORECASE)
_INVISIBLE = (
    r"(?:style\s*=\s*[\"'][^\"']*(?:display\s*:\s*none|visibility\s*:\s*hidden"
    r"|font-size\s*:\s*0(?:\.0*)?(?:px|pt|em|rem|%)?\s*(?:;|[\"'])|opacity\s*:\s*0(?:\.0*)?\s*(?:;|[\"'])"
    r"|color\s*:\s*(?:white|#fff(?:fff)?|rgba?\(\s*255\s*,\s*255\s*,\s*255)\b)"
    r"|\shidden(?=[\s>=/])|aria-hidden\s*=\s*[\"']true)"
)
_HIDDEN_TAG = re.compile(rf"<\w+\b[^>]*{_INVISIBLE}[^>]*>", re.IGNORECASE)
_HIDDEN_ELEMENT = re.compile(
    rf"<(\w+)\b[^>]*{_INVISIBLE}[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL
)
_TAG = re.compile(r"<[^>]*>")
_PAGEBREAK_MARK = "\n\n<!-- pagebreak -->\n\n"


class _State:
    def __init__(self) -> None:
        self.blocks: list[RawBlock] = []
        self.page = 1
        self.breaks = 0

    def add(self, block: RawBlock) -> None:
        block.page = self.page
        self.blocks.append(block)


def read_md(data: bytes, filename: str) -> RawDocument:
    source = decode_text(data, filename).replace("\r\n", "\n").replace("\f", _PAGEBREAK_MARK)
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    state = _State()
    index = 0
    while index < len(tokens):
        index = _read_token(tokens, index, state)
    if state.breaks == 0:
        for block in state.blocks:
            block.page = None
        return RawDocument("md", state.blocks, pages=None)
    return RawDocument("md", state.blocks, pages=state.page)


def _read_token(tokens: Sequence[Token], index: int, state: _State) -> int:
    """Consume the block starting at ``tokens[index]``; return the next index."""
    token = tokens[index]
    if token.type == "heading_open":
        level = int(token.tag[1:])
        state.add(RawBlock("heading", _inline(tokens[index + 1], state), level=level))
        return index + 3
    if token.type == "paragraph_open":
        kind: BlockKind = "list_item" if _in_list(tokens, index) else "paragraph"
        state.add(RawBlock(kind, _inline(tokens[index + 1], state)))
        return index + 3
    if token.type == "table_open":
        return _read_table(tokens, index, state)
    if token.type in ("fence", "code_block"):
        state.add(RawBlock("other", token.content))
    elif token.type == "html_block":
        _read_html(token.content, state)
    return index + 1


def _in_list(tokens: Sequence[Token], index: int) -> bool:
    """A paragraph directly inside a list item (CommonMark wraps items in paragraphs)."""
    return index > 0 and tokens[index - 1].type == "list_item_open"


def _inline(token: Token, state: _State) -> str:
    """Plain text of an inline token: markup dropped, links and images by their text; text
    inside an inline element styled invisible (``display:none``...) becomes a hidden block."""
    parts: list[str] = []
    hidden: list[str] = []
    depth = 0  # open inline elements since the invisible one, itself included
    for child in token.children or []:
        if depth and child.type == "html_inline":
            depth += _tag_balance(child.content)
            if depth <= 0:
                depth = 0
                state.add(RawBlock("other", "".join(hidden).strip(), hidden_reason="vanished"))
                hidden = []
            continue
        if depth:
            hidden.append(child.content if child.type != "softbreak" else " ")
        elif child.type == "html_inline" and _HIDDEN_TAG.match(child.content):
            depth = 1
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
        elif child.type == "html_inline":
            _read_html(child.content, state)
    if hidden:
        state.add(RawBlock("other", "".join(hidden).strip(), hidden_reason="vanished"))
    return "".join(parts)


def _tag_balance(html: str) -> int:
    """+1 for an opening tag, -1 for a closing one, 0 for a void or self-closed element."""
    if html.startswith("</"):
        return -1
    if html.endswith("/>") or re.match(r"<(?:br|img|hr|wbr|input)\b", html, re.IGNORECASE):
        return 0
    return 1


def _read_html(html: str, state: _State) -> None:
    for match in _HIDDEN_ELEMENT.finditer(html):
        text = " ".join(_TAG.sub(" ", match.group(2)).split())
        if text:
            state.add(RawBlock("other", text, hidden_reason="vanished"))
    for match in _COMMENT.finditer(html):
        comment = match.group(1).strip()
        if _PAGEBREAK.match(comment):
            state.page += 1
            state.breaks += 1
        elif comment:
            state.add(RawBlock("other", comment, hidden_reason="vanished"))


def _read_table(tokens: Sequence[Token], index: int, state: _State) -> int:
    rows: list[list[str]] = []
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(_inline(token, state))
        index += 1
    state.add(RawBlock("table", table_text(rows), rows=rows))
    return index + 1
