# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""``eval.element_losses --where`` sorts the lost elements by where the attribution's best
passage lies: the sections a heading gives to a checkpoint (its own names, and the company's
presentation by its heading words), a sub-heading naming only an element passed over for the
heading above it, the dossier's own title naming no section. Real Markdown, real ingestion,
the shipped embedder and passage model."""

from __future__ import annotations

from pathlib import Path

from assistant.detect import layout_of
from assistant.index.embedding import UseEmbedder
from eval.element_losses import section_owners, where
from tests.dossiers import checkpoints, scanned, write

# a cheese dairy: its presentation, a five-forces section with a sub-heading naming only an
# element, then a section no checkpoint's name titles
DAIRY = """\
# Dossier E1 — Fromagerie des Aravis : stratégie marketing

## 1. L'entreprise

La Fromagerie des Aravis, installée à Thônes depuis 1962, affine 180 tonnes de reblochon fermier par an avec 14 salariés et vend 55 % de sa production à trois centrales d'achat.

## 2. Les cinq forces de Porter

Trois affineurs savoyards se disputent les mêmes producteurs de lait et les mêmes rayons de crèmerie, avec des prix qui ne diffèrent pas de plus de 4 %.

### 2.1 Les clients

Les trois centrales d'achat imposent chaque année une baisse de 3 % des prix d'achat et menacent de déréférencer la fromagerie si elle refuse.

## 3. Ce que nous retenons

Le tourisme d'hiver amène 40 000 visiteurs à la cave d'affinage, qui achètent en moyenne 2,3 fromages chacun à prix plein.
"""


def test_each_passage_belongs_to_the_section_a_checkpoint_titles(tmp_path: Path) -> None:
    """The presentation's paragraph lies in the presentation's section (« L'entreprise » is
    one of its heading words), the rivalry paragraph and the one under « Les clients » in the
    five forces' section, the last one under no checkpoint's heading: the dossier's title,
    which names the marketing strategy, titles no section."""
    cps = checkpoints("porter", "presentation_entreprise", "plan_actions", "swot")
    path = write(tmp_path, "aravis.md", DAIRY)
    doc, scan = scanned(path, UseEmbedder(), *[c.id for c in cps])
    owners = section_owners(layout_of(doc), cps, scan)
    by_start = {
        p.text.split()[0] + " " + p.text.split()[1]: o
        for p, o in zip(scan.passages, owners, strict=True)
    }
    assert by_start["La Fromagerie"] == {"presentation_entreprise"}
    assert by_start["Trois affineurs"] == {"porter"}
    assert by_start["Les trois"] == {"porter"}
    assert by_start["Le tourisme"] == frozenset()
    background = frozenset({"presentation_entreprise"})
    assert where(by_start["La Fromagerie"], "porter", background) == "presentation section"
    assert where(by_start["Les trois"], "porter", background) == "own section"
    assert where(by_start["Les trois"], "swot", background) == "another checkpoint's section"
    assert where(by_start["Le tourisme"], "swot", background) == "untitled"
