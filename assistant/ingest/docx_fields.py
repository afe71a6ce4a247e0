"""Words a DOCX field keeps in its instruction and never shows. A field (``w:fldChar``
begin .. separate .. end, or ``w:fldSimple``) is laid out as its result; its instruction
(``w:instrText``) is not. Prose in the instruction that the result does not repeat (the
value of a SET, the text of a PRIVATE field, the branch an IF did not take, the words of an
unknown field) is hidden text. Fields whose arguments are addresses, file names or data
(HYPERLINK, INCLUDEPICTURE, ADDIN citations...), those drawn from their instruction (EQ,
MACROBUTTON...) and index or contents entries (XE, TC: shown in the index) are left
alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from assistant.ingest.docx_styles import qn
from assistant.textnorm import fold

PROSE_WORDS = 5  # words of letters that make a sentence rather than a name or a format
SHOWN_SHARE = 0.8  # share of those words the result must hold for the prose to count as shown
_LEFT_ALONE = {
    "ADDIN", "HYPERLINK", "INCLUDEPICTURE", "INCLUDETEXT", "LINK", "DDE", "DDEAUTO",
    "DATABASE", "IMPORT", "RD", "EMBED", "EQ", "MACROBUTTON", "GOTOBUTTON", "SYMBOL",
    "XE", "TC",  # entries an index or a table of contents shows
}  # fmt: skip
_QUOTED = re.compile(r'"([^"]*)"')
_SWITCH = re.compile(r"\\\S+")
_WORD = re.compile(r"[^\W\d_]{2,}")


def unshown_prose(instruction: str, result: str) -> list[str]:
    """The prose of a field's instruction that its shown result does not hold."""
    name = (instruction.split() or [""])[0].lstrip("\\").upper()
    if name in _LEFT_ALONE:
        return []
    rest = _SWITCH.sub(" ", _QUOTED.sub(" ", instruction)).split()[1:]
    shown = set(_WORD.findall(fold(result).lower()))
    found = []
    for text in [*_QUOTED.findall(instruction), " ".join(rest)]:
        words = _WORD.findall(fold(text).lower())
        if len(words) < PROSE_WORDS:
            continue
        if sum(word in shown for word in words) < SHOWN_SHARE * len(words):
            found.append(" ".join(text.split()))
    return found


@dataclass
class _Field:
    page: int
    instruction: list[str] = field(default_factory=list)
    result: list[str] = field(default_factory=list)
    in_result: bool = False


@dataclass
class FieldTracker:
    """Complex fields open while the body's runs are read in order (a field may span
    paragraphs; fields nest). ``hidden`` collects (text, page where the field begins)."""

    open: list[_Field] = field(default_factory=list)
    hidden: list[tuple[str, int]] = field(default_factory=list)

    def run(self, run: Any, page: int) -> None:
        if not self.open and run.find(qn("w:fldChar")) is None:
            return  # the common case: a run outside any field
        for child in run.iterchildren():
            tag = child.tag
            if tag == qn("w:fldChar"):
                kind = child.get(qn("w:fldCharType"))
                if kind == "begin" and len(self.open) < 32:
                    self.open.append(_Field(page))
                elif kind == "separate" and self.open:
                    self.open[-1].in_result = True
                elif kind == "end" and self.open:
                    self._close(self.open.pop())
            elif tag == qn("w:instrText") and self.open:
                self.open[-1].instruction.append(child.text or "")
            elif tag == qn("w:t"):
                for opened in self.open:  # a nested field's result is in its outer field's
                    (opened.result if opened.in_result else opened.instruction).append(
                        child.text or ""
                    )

    def simple(self, paragraph: Any, page: int) -> None:
        """The ``w:fldSimple`` fields of a paragraph (its own, not its text boxes')."""
        for simple in _own_simple_fields(paragraph):
            shown = "".join(t.text or "" for t in simple.iter(qn("w:t")))
            for text in unshown_prose(simple.get(qn("w:instr")) or "", shown):
                self.hidden.append((text, page))

    def _close(self, closed: _Field) -> None:
        prose = unshown_prose("".join(closed.instruction), "".join(closed.result))
        self.hidden.extend((text, closed.page) for text in prose)

    def take(self) -> list[tuple[str, int]]:
        found, self.hidden = self.hidden, []
        return found


def _own_simple_fields(paragraph: Any) -> Iterator[Any]:
    for simple in paragraph.iter(qn("w:fldSimple")):
        if next(simple.iterancestors(qn("w:p")), None) is paragraph:
            yield simple
