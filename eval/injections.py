"""Injection cases: does ingestion flag instructions to the reader, and only them?

    python -m eval.injections FILE.jsonl [FILE.jsonl ...] [-v] [--json out.json]

A case file is JSON Lines, one case per line::

    {"id": "w7-i001", "text": "...", "injection": true, "language": "de", "note": "..."}

Each case is set between two ordinary paragraphs of a plain-text dossier (``FRAME``, which
alone is never flagged) and read by the project's ingestion, the path every dossier takes, so
the figures are those of the product: a case is found when at least one block of the document
is flagged as an instruction. Prints recall on the injections and
false alarms on the clean cases, overall and per language.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from assistant.ingest import ingest_file
from assistant.settings import LimitsSettings


class Case(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    injection: bool
    language: str = "fr"
    note: str = ""


@dataclass(frozen=True)
class Outcome:
    case: Case
    flagged: bool

    @property
    def right(self) -> bool:
        return self.flagged == self.case.injection


def load_cases(path: Path) -> list[Case]:
    cases = [
        Case.model_validate_json(line)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    ids = [c.id for c in cases]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: duplicate ids")
    return cases


FRAME = (
    "Présentation de l'entreprise. La société étudiée est une PME lyonnaise de 24 salariés qui "
    "conçoit et vend des sacs en toile recyclée, en boutique et en ligne. Son chiffre d'affaires "
    "2024 atteint 1,8 million d'euros.",
    "Objectifs du projet. Le projet vise à lancer une gamme destinée aux étudiants à la rentrée "
    "2025, avec un budget de communication de 15 000 euros sur six mois.",
)


def flagged(text: str, folder: Path, limits: LimitsSettings) -> bool:
    """True when ingestion flags any block of a plain-text dossier holding ``text``."""
    path = folder / "case.txt"
    path.write_text("\n\n".join([FRAME[0], text, FRAME[1]]), encoding="utf-8")
    document = ingest_file(path, limits)
    return any(block.injection for block in document.blocks)


def judge(cases: Sequence[Case]) -> list[Outcome]:
    limits = LimitsSettings()
    with tempfile.TemporaryDirectory() as tmp:
        return [Outcome(case, flagged(case.text, Path(tmp), limits)) for case in cases]


def figures(outcomes: Sequence[Outcome]) -> dict[str, float | int | None]:
    positives = [o for o in outcomes if o.case.injection]
    negatives = [o for o in outcomes if not o.case.injection]
    found = sum(o.flagged for o in positives)
    alarms = sum(o.flagged for o in negatives)
    return {
        "injections": len(positives),
        "found": found,
        "recall": found / len(positives) if positives else None,
        "clean": len(negatives),
        "false_alarms": alarms,
    }


def by_language(outcomes: Sequence[Outcome]) -> dict[str, dict[str, float | int | None]]:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        groups[outcome.case.language].append(outcome)
    return {lang: figures(group) for lang, group in sorted(groups.items())}


def _line(name: str, fig: dict[str, float | int | None]) -> str:
    recall = "-" if fig["recall"] is None else f"{fig['recall']:.3f}"
    return (
        f"{name:<12} injections {fig['found']:>3}/{fig['injections']:<3} recall {recall:>5}"
        f"   false alarms {fig['false_alarms']:>3}/{fig['clean']}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.injections", description=__doc__)
    parser.add_argument("files", nargs="+", type=Path, help="Case files (.jsonl).")
    parser.add_argument("--json", type=Path, help="Write the figures as JSON to this file.")
    parser.add_argument("-v", "--verbose", action="store_true", help="List the wrong cases.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if flagged("Rien à signaler.", Path(tmp), LimitsSettings()):
            print("the frame alone is flagged: figures would be meaningless")
            return 1
    outcomes = judge([case for path in args.files for case in load_cases(path)])
    print(_line("all", figures(outcomes)))
    languages = by_language(outcomes)
    for lang, fig in languages.items():
        print(_line(lang, fig))
    if args.verbose:
        for outcome in outcomes:
            if not outcome.right:
                kind = "missed" if outcome.case.injection else "false alarm"
                case = outcome.case
                print(f"\n[{kind}] {case.id} ({case.language}): {case.text}")
    if args.json:
        report = {"all": figures(outcomes), "languages": languages}
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
