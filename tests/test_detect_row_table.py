# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A factor table read row by row, one factor a row (failure mode 5: content attributed to
the wrong element). When a row holds only a word or two (« Technologique | Le numérique. »),
every cell of it is short and names the factor: it looked like a header row in the middle of
the table (as a SWOT grid has one), so the rows below it became the factor's content, and
the ecological row was quoted as the technological factor. A table whose earlier rows open on
a factor followed by its content is read by rows: a short row is one more row. A real grid
with a header row in its middle still heads its columns."""

from __future__ import annotations

from pathlib import Path

from assistant.detect import detect_outcomes, layout_of
from tests.dossiers import checkpoints, ingest, write

ROWS = """\
# Dossier E1 — Fromagerie des Causses, Millau

## 2. Analyse PESTEL

| Facteur | Ce que nous observons |
|---|---|
| Politique | La région Occitanie finance 40 % des investissements des fromageries fermières depuis 2023. |
| Économique | Le lait de brebis a augmenté de 18 % en deux ans et le panier moyen de la boutique est tombé à 21 €. |
| Technologique | Le numérique. |
| Écologique | Les sécheresses de 2022 et 2023 ont réduit de 25 % la production de lait de nos trois éleveurs du Larzac. |
| Légal | Le règlement. |
"""


def test_a_short_row_under_rows_of_content_is_no_header(tmp_path: Path) -> None:
    layout = layout_of(ingest(write(tmp_path, "causses.md", ROWS)))
    outcome = detect_outcomes(checkpoints("pestel"), layout)[0]
    status = {e.element.id: e.status for e in outcome.elements}
    quotes = {e.element.id: [u.text for f in e.findings for u in f.units] for e in outcome.elements}
    assert status["economique"] == "present"
    assert status["technologique"] == "absent", quotes["technologique"]
    assert not any("sécheresses" in q for q in quotes["technologique"])
    assert status["legal"] == "absent"
