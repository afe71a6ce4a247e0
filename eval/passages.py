"""Labelled passages: short extracts judged against one or more référentiel targets.

A passage file is JSON Lines, one passage per line::

    {"id": "w1-0001", "text": "...", "company": "...", "style": "prose",
     "kind": "analysis", "targets": {"pestel.legal": "present", "pestel.economique": "absent"},
     "note": ""}

A target is ``checkpoint`` or ``checkpoint.element``. Its label says whether the passage, read
alone, is evidence that the target is handled for the studied case: ``present`` (substantive,
case-specific analysis), ``partial`` (about the case but thin, vague or incomplete) or
``absent`` (not evidence: a definition, a listing of names, a negation, an intention, a table of
contents, another topic, an instruction to the reader...). ``kind`` names what the passage is.
Training, development and held-out passages live in separate files (eval/passages/).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.referentiel.models import Referentiel
from assistant.settings import PROJECT_ROOT

PassageStatus = Literal["present", "partial", "absent"]
PassageKind = Literal[
    "analysis",
    "thin",
    "definition",
    "listing",
    "negation",
    "intention",
    "toc",
    "generic",
    "offtopic",
    "wrong_element",
    "injection",
    "other",
]


class Passage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    text: str = Field(min_length=10)
    company: str = ""
    style: str = ""
    kind: PassageKind
    targets: dict[str, PassageStatus] = Field(min_length=1)
    note: str = ""
    source: str = Field("", description="Address of a public source (real-passage sets only).")


def load_passages(path: Path) -> list[Passage]:
    """Every passage of a ``.jsonl`` file (ValueError naming the line when one is invalid)."""
    passages = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            passages.append(Passage.model_validate(json.loads(line)))
        except ValueError as exc:
            raise ValueError(f"{path.name}:{number}: {exc}") from exc
    return passages


def target_problems(passages: list[Passage], ref: Referentiel, origin: str) -> list[str]:
    """Targets that name no checkpoint or element of the référentiel, and duplicate ids."""
    known = {c.id for c in ref.checkpoints} | {
        f"{c.id}.{e.id}" for c in ref.checkpoints for e in c.elements
    }
    problems = [
        f"{origin}: {p.id}: unknown target {t!r}"
        for p in passages
        for t in p.targets
        if t not in known
    ]
    ids = [p.id for p in passages]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    problems += [f"{origin}: duplicate id {i!r}" for i in duplicates]
    return problems


def repo_relative(path: Path) -> str:
    """``path`` as written in a model's record: relative to the repository when it lies
    there, so that the same training writes the same bytes from any checkout."""
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT.resolve()))
    except ValueError:
        return str(path)


def held_out(path: Path) -> bool:
    """``path`` names a held-out set (a folder or file starting with "heldout" or "real"),
    judged inside the repository when it lies there: a worktree's own folder name (say
    ``/work/wt/real10``) is no held-out set."""
    resolved = path.resolve()
    try:
        parts = resolved.relative_to(PROJECT_ROOT.resolve()).parts
    except ValueError:
        parts = resolved.parts
    return any(part.startswith(("heldout", "real")) for part in parts)
