"""Similar-passage detection measured on built pairs: ``python -m eval.similarity``.

Positives: a paragraph of one dossier planted into another, verbatim (copy) and lightly
reworded by hand (eval/similarity_pairs.py). Negatives: every pair of the dev and held-out
dossiers as written (independent dossiers, several of the same épreuve or sector), where
nothing should be reported. Precision counts reported passages (a planted one is right, any
other is wrong); recall counts planted paragraphs found. Thresholds are swept.
"""

from __future__ import annotations

import argparse
import tempfile
from itertools import combinations
from pathlib import Path

from assistant.document import Document
from assistant.jury.similarity import Prepared, SharedPassage, Thresholds, compare, prepare, words
from assistant.services import build_services
from eval.similarity_pairs import CASES

EVAL = Path(__file__).parent


def paragraph(source: Path, opening: str) -> str:
    for block in source.read_text(encoding="utf-8").split("\n\n"):
        if block.strip().startswith(opening):
            return block.strip()
    raise ValueError(f"{source.name}: no paragraph opens with {opening!r}")


def plant(target: Path, text: str, folder: Path, name: str) -> Path:
    blocks = target.read_text(encoding="utf-8").split("\n\n")
    at = max(2, int(len(blocks) * 0.4))
    out = folder / name
    out.write_text("\n\n".join([*blocks[:at], text, *blocks[at:]]), encoding="utf-8")
    return out


def is_planted(passage: SharedPassage, planted: str) -> bool:
    mine, theirs = set(words(passage.second.text)), set(words(planted))
    return len(mine & theirs) >= 0.6 * len(mine)


def build(folder: Path) -> tuple[dict[str, Path], list[tuple[str, str, str, str]]]:
    """The corpus (name → file) and the planted cases (variant, source, planted file, text)."""
    corpus = {p.name: p for p in sorted(EVAL.glob("*set/*.md")) + sorted(EVAL.glob("heldout/*.md"))}
    cases: list[tuple[str, str, str, str]] = []
    for n, case in enumerate(CASES):
        verbatim = paragraph(EVAL / case.source, case.opening)
        for variant, text in (("copie", verbatim), ("reformulation", case.reworded)):
            name = f"{variant}-{n}-{Path(case.target).name}"
            corpus[name] = plant(EVAL / case.target, text, folder, name)
            cases.append((variant, Path(case.source).name, name, text))
    return corpus, cases


def measure(
    prepared: Prepared,
    originals: list[str],
    cases: list[tuple[str, str, str, str]],
    rules: Thresholds,
) -> dict[str, float]:
    false_pos = sum(len(compare(prepared, a, b, rules)) for a, b in combinations(originals, 2))
    right = 0
    found = {"copie": 0, "reformulation": 0}
    for variant, source, name, text in cases:
        passages = compare(prepared, source, name, rules)
        hits = [p for p in passages if is_planted(p, text)]
        right += len(hits)
        false_pos += len(passages) - len(hits)
        found[variant] += bool(hits)
    per = len(cases) // 2
    total = right + false_pos
    return {
        "precision": right / total if total else 1.0,
        "recall_copy": found["copie"] / per,
        "recall_reword": found["reformulation"] / per,
        "false_passages": false_pos,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.similarity", description=__doc__)
    parser.parse_args(argv)
    services = build_services()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, cases = build(Path(tmp))
        docs: dict[str, Document] = {k: services.review.document(p) for k, p in corpus.items()}
    prepared = prepare(docs, services.referentiel, services.embedder)
    originals = [k for k in corpus if not k.startswith(("copie-", "reformulation-"))]
    pairs = len(originals) * (len(originals) - 1) // 2
    print(f"{len(originals)} dossiers ({pairs} unrelated pairs), {len(cases)} planted paragraphs")
    print("cosine lexical | precision recall_copy recall_reword false_passages")
    for cosine in (0.75, 0.78, 0.8, 0.82, 0.85, 0.9, 1.01):
        for lexical in (0.0, 0.3, 0.5):
            rules = Thresholds(cosine=cosine, lexical=lexical)
            m = measure(prepared, originals, cases, rules)
            print(
                f"{cosine:6.2f} {lexical:7.1f} | {m['precision']:9.3f} {m['recall_copy']:11.3f} "
                f"{m['recall_reword']:13.3f} {m['false_passages']:14.0f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
