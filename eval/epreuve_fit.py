"""Does the épreuve-fit warning point at the right épreuve? ``python -m eval.epreuve_fit``.

For each labelled dossier (dev, held-out and style sets): the share of each épreuve's
checkpoints it names (``assistant.epreuve_fit.best_epreuve``); whether the best one is its
labelled épreuve; whether filing it under its own épreuve warns (it must not); whether filing it
under a wrong one (E3, or E1 for an E3 dossier) warns (it should).
"""

from __future__ import annotations

import time
from pathlib import Path

from assistant.epreuve_fit import best_epreuve
from assistant.services import build_services
from eval.labels import load_label

EVAL = Path(__file__).parent
SETS = ("devset", "heldout", "styles/train", "styles/dev", "styles/heldout")


def main() -> int:
    services = build_services()
    files = [p for name in SETS for p in sorted((EVAL / name).glob("*.md"))]
    top1 = silent = warned = 0
    started = time.monotonic()
    for path in files:
        label = load_label(path.with_suffix(".yaml")).epreuve
        fit = best_epreuve(services.ingest(path), services.referentiel)
        top1 += fit.best == label
        silent += fit.warning(label) is None
        warned += fit.warning("E3" if label != "E3" else "E1") is not None
        ranked = sorted(fit.scores.items(), key=lambda item: -item[1])[:3]
        print(
            f"{path.parent.name}/{path.name:45} {label:6} -> "
            + " ".join(f"{e}:{s:.2f}" for e, s in ranked)
        )
    n = len(files)
    print(
        f"n={n} best=labelled {top1}/{n}; no warning under the right épreuve {silent}/{n}; "
        f"warning under a wrong one {warned}/{n}; {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
