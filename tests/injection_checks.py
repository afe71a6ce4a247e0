"""Checks shared by the injection tests: what a dossier keeps as evidence, and whether a
text is kept out of it and out of what is sent to a model."""

from __future__ import annotations

from assistant.document import Document
from assistant.injection import flagged_spans


def evidence_text(doc: Document) -> str:
    """The text of the blocks the judgment may quote, one block per line."""
    return "\n".join(b.text for b in doc.evidence_blocks())


def assert_kept_out(doc: Document, text: str, prefix: int = 16) -> None:
    """``text`` (found by its first ``prefix`` characters) is not evidence and lies in a
    flagged span, so it is never sent to a model."""
    start = doc.text.index(text[:prefix])
    assert doc.text[start : start + prefix] not in evidence_text(doc)
    assert any(s <= start < e for s, e in flagged_spans(doc))
