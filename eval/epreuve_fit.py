"""Does the épreuve-fit warning point at the right épreuve? ``python -m eval.epreuve_fit``.

For each dev and held-out dossier: its coverage under every épreuve; whether the best one is
its labelled épreuve; whether filing it under its own épreuve warns (it must not); whether
filing it under a wrong one (E3, or E1 for an E3 dossier) warns (it should).
"""

from __future__ import annotations

import time
from pathlib import Path

from assistant.epreuve_fit import better_fit, fits
from assistant.services import build_services
from eval.labels import load_label

EVAL = Path(__file__).parent


def main() -> int:
    services = build_services()
    epreuves = [e.id for e in services.referentiel.epreuves]
    files = sorted((EVAL / "devset").glob("*.md")) + sorted((EVAL / "heldout").glob("*.md"))
    top1 = silent = warned = 0
    started = time.monotonic()
    for path in files:
        label = load_label(path.with_suffix(".yaml")).epreuve
        found = fits(services.review, services.review.document(path), epreuves)
        top1 += found[0].epreuve == label
        silent += better_fit(found, label) is None
        warned += better_fit(found, "E3" if label != "E3" else "E1") is not None
        best = " ".join(f"{f.epreuve}:{f.coverage:.2f}" for f in found[:3])
        print(f"{path.name:45} {label:6} -> {best}")
    n = len(files)
    print(
        f"n={n} best=labelled {top1}/{n}; no warning under the right épreuve {silent}/{n}; "
        f"warning under a wrong one {warned}/{n}; {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
