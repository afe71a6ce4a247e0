"""A title that names two elements, one the complement of the other (failure mode 3):
« Répartition mensuelle des charges fixes » over a table of months is the schedule of the
costs (its head noun), not a line naming two things at once, so the table under it is the
schedule's content. Before, any title naming two elements was no one's title, and the
schedule was found in its heading alone. Names joined by « et » (« Forces et faiblesses »)
still title neither alone."""

from __future__ import annotations

from pathlib import Path

from assistant.detect import detect_outcomes, layout_of
from assistant.detect.checkpoint import _heads, _targets, checkpoint_cues
from assistant.detect.cues import CueIndex
from tests.dossiers import checkpoints, ingest, write

COSTS = """\
# Dossier E3 — Vergers de la Durance, jus de pomme pétillant

## 2. Les coûts du lancement

### 2.3 Répartition mensuelle des charges fixes

| Poste | Mars | Avril | Mai | Total |
|---|---|---|---|---|
| Étiquettes et design | 2 600 € | | | 2 600 € |
| Salon Vinisud | | 4 100 € | | 4 100 € |
| Campagne radio France Bleu | | 1 500 € | 1 500 € | 3 000 € |
| **Total** | **2 600 €** | **5 600 €** | **1 500 €** | **9 700 €** |
"""


def test_a_title_whose_first_name_heads_the_other_titles_that_one(tmp_path: Path) -> None:
    layout = layout_of(ingest(write(tmp_path, "durance.md", COSTS)))
    outcome = detect_outcomes(checkpoints("structure_couts"), layout)[0]
    schedule = next(e for e in outcome.elements if e.element.id == "echelonnement")
    quoted = [u.text for f in schedule.findings for u in f.units]
    assert schedule.status == "present", quoted
    assert any("€" in q for q in quoted)


def test_names_joined_by_and_have_no_head(tmp_path: Path) -> None:
    layout = layout_of(ingest(write(tmp_path, "grid.md", "## Forces et faiblesses de la cave\n")))
    index = CueIndex(checkpoint_cues(checkpoints("swot")[0]))
    hits = [h for u in layout.units for h in index.find(u)]
    assert _heads(hits, _targets(hits)) == {}
