"""Regenerate the shipped sample dossier PDF from its Markdown source.

    python scripts/make_samples.py

Reads ``samples/dossier-exemple-E1.md`` and writes ``samples/dossier-exemple-E1.pdf`` (one
chapter per page, running header, page numbers). The output is byte-for-byte reproducible.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "samples"
HEADER = "Atelier Nomade — Dossier professionnel E1 — Camille Rousset"


def main() -> int:
    from reportlab import rl_config

    from eval.docbuild import Heading, Item, PageBreak, build_pdf, markdown_to_items

    rl_config.invariant = 1  # no timestamp nor random id: the committed PDF stays stable
    for source in sorted(SAMPLES.glob("dossier-exemple-*.md")):
        items: list[Item] = []
        for item in markdown_to_items(source.read_text(encoding="utf-8")):
            if isinstance(item, Heading) and item.level == 1 and items:
                items.append(PageBreak())
            items.append(item)
        target = source.with_suffix(".pdf")
        build_pdf(items, target, running_header=HEADER, title=source.stem)
        print(f"{target.relative_to(ROOT)} written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
