"""HTML fragments of the jury workspace. Pure functions, no Gradio; dossier text escaped.

The batch table sorts on a click on any header (a button per header, ``aria-sort`` kept up to
date, by the script ``SORT_AND_OPEN_JS`` that the Jury tab attaches) and opens a dossier on a
click on its row or Enter on the focused row.
"""

from __future__ import annotations

from html import escape

from assistant.jury.batch import BatchRow
from assistant.jury.models import Decision
from assistant.jury.service import DossierState
from assistant.referentiel.models import Referentiel
from assistant.ui.views import STATUS_LABELS, VERDICT_LABELS, page_label

BATCH_COLUMNS = (
    ("Dossier", "text"),
    ("Épreuve", "text"),
    ("Couverture", "number"),
    ("Compétences à risque", "text"),
    ("Alertes", "text"),
    ("Épreuve mieux adaptée", "text"),
    ("Passages communs", "number"),
    ("Décisions", "number"),
    ("Signé par", "text"),
)

SORT_AND_OPEN_JS = """
const sortBy = (button) => {
  const table = button.closest('table');
  const th = button.closest('th');
  const col = Array.from(th.parentNode.children).indexOf(th);
  const asc = th.getAttribute('aria-sort') !== 'ascending';
  table.querySelectorAll('thead th').forEach((h) => h.setAttribute('aria-sort', 'none'));
  th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
  const numeric = th.dataset.kind === 'number';
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const key = (row) => row.cells[col].dataset.sort ?? row.cells[col].innerText;
  rows.sort((a, b) => {
    const x = key(a), y = key(b);
    const order = numeric ? parseFloat(x) - parseFloat(y)
      : x.localeCompare(y, 'fr', {numeric: true, sensitivity: 'base'});
    return asc ? order : -order;
  });
  rows.forEach((row) => body.appendChild(row));
};
element.addEventListener('click', (event) => {
  const button = event.target.closest('button.dr-sort');
  if (button) { sortBy(button); return; }
  const row = event.target.closest('tr[data-sha]');
  if (row) { trigger('open_row', {sha: row.dataset.sha}); }
});
element.addEventListener('keydown', (event) => {
  const row = event.target.closest('tr[data-sha]');
  if (row && event.key === 'Enter') { trigger('open_row', {sha: row.dataset.sha}); }
});
"""


def _head() -> str:
    cells = "".join(
        f'<th scope="col" aria-sort="none" data-kind="{kind}"><button type="button" '
        f'class="dr-sort">{escape(title)}</button></th>'
        for title, kind in BATCH_COLUMNS
    )
    return f"<thead><tr>{cells}</tr></thead>"


def _row(row: BatchRow) -> str:
    decided = row.decided.split("/")[0]
    cells = [
        (row.filename, None),
        (row.epreuve, None),
        (f"{row.coverage} %", str(row.coverage)),
        (row.at_risk or "—", None),
        (row.alerts or "aucune", None),
        (row.fit or "—", None),
        (str(row.shared), str(row.shared)),
        (row.decided, decided),
        (row.signed or "non signé", None),
    ]
    tds = "".join(
        f"<td{'' if key is None else f' data-sort={chr(34)}{escape(key)}{chr(34)}'}>"
        f"{escape(text)}</td>"
        for text, key in cells
    )
    label = escape(f"Ouvrir le dossier {row.filename}")
    return (
        f'<tr class="dr-row" tabindex="0" data-sha="{escape(row.sha256)}" '
        f'aria-label="{label}">{tds}</tr>'
    )


def batch_html(rows: list[BatchRow]) -> str:
    if not rows:
        return '<p class="dr-hint">Aucun dossier analysé pour l\'instant.</p>'
    body = "".join(_row(row) for row in rows)
    return (
        '<div class="dr-table-wrap" role="region" aria-label="Dossiers du lot" tabindex="-1">'
        '<table class="dr-table dr-batch" id="jury-batch"><caption>Dossiers du lot : cliquez '
        "sur un en-tête pour trier, sur une ligne pour ouvrir le dossier.</caption>"
        f"{_head()}<tbody>{body}</tbody></table></div>"
    )


def _latest(state: DossierState, kind: str) -> dict[str, Decision]:
    return {d.target: d for d in state.decisions if d.kind == kind}


def _decision_cell(decision: Decision | None, labels: dict[str, str]) -> str:
    if decision is None:
        return '<td data-label="Jury">—</td>'
    comment = f"<br><em>{escape(decision.comment)}</em>" if decision.comment else ""
    return (
        f'<td data-label="Jury"><strong>{escape(labels[decision.decision])}</strong> '
        f"({escape(decision.juror)}){comment}</td>"
    )


def _evidence(index: int, quotes: list[tuple[str, int | None]]) -> str:
    """The first quotes, each a button that shows its page (or its context) below."""
    if not quotes:
        return "—"
    items = "".join(
        f'<li><button type="button" class="dr-quote" data-ev="{index}:{n}">'
        f"« {escape(q[:300])} » ({escape(page_label(p))})</button></li>"
        for n, (q, p) in enumerate(quotes[:3])
    )
    return f"<ul>{items}</ul>"


SHOW_QUOTE_JS = """
element.addEventListener('click', (event) => {
  const button = event.target.closest('button.dr-quote');
  if (button) { trigger('show_quote', {ev: button.dataset.ev}); }
});
"""


def checkpoints_table(state: DossierState, ref: Referentiel) -> str:
    decided = _latest(state, "checkpoint")
    rows = []
    for index, cp in enumerate(state.assessment.checkpoints):
        label = cp.label or ref.checkpoint(cp.id).label
        quotes = [(e.quote, e.page) for e in cp.evidence]
        rows.append(
            f'<tr data-checkpoint="{escape(cp.id)}"><th scope="row">{escape(label)}</th>'
            f'<td data-label="Outil"><span class="dr-status dr-{cp.status}">'
            f"{STATUS_LABELS[cp.status]}</span></td>"
            f'<td data-label="Preuves">{_evidence(index, quotes)}</td>'
            f"{_decision_cell(decided.get(cp.id), STATUS_LABELS)}</tr>"
        )
    return (
        '<div class="dr-table-wrap"><table class="dr-table" id="jury-checkpoints">'
        "<caption>Points de contrôle : avis de l'outil et décision du jury</caption>"
        '<thead><tr><th scope="col">Point de contrôle</th><th scope="col">Outil</th>'
        '<th scope="col">Preuves (citations)</th><th scope="col">Jury</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _final(final: dict[str, str], competency: str) -> str:
    return escape(VERDICT_LABELS.get(final.get(competency, ""), "—"))


def competencies_table(state: DossierState) -> str:
    decided = _latest(state, "competency")
    final = state.signoff.verdicts if state.signoff else {}
    rows = "".join(
        f'<tr><th scope="row">{escape(c.competency)}</th>'
        f'<td data-label="Outil">{VERDICT_LABELS[c.verdict]}</td>'
        f"{_decision_cell(decided.get(c.competency), VERDICT_LABELS)}"
        f'<td data-label="Verdict signé">{_final(final, c.competency)}</td></tr>'
        for c in state.assessment.criteria
    )
    return (
        '<div class="dr-table-wrap"><table class="dr-table" id="jury-competencies">'
        "<caption>Compétences : verdict de l'outil, décision du jury, verdict signé</caption>"
        '<thead><tr><th scope="col">Compétence</th><th scope="col">Outil</th>'
        '<th scope="col">Jury</th><th scope="col">Verdict signé</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def shared_html(state: DossierState) -> str:
    if not state.shared:
        return ""
    mine = state.record.sha256
    items = []
    for other, pair in state.shared:
        for passage in pair.passages:
            here, there = (
                (passage.first, passage.second)
                if pair.first == mine
                else (passage.second, passage.first)
            )
            items.append(
                f"<li><strong>{escape(passage.kind)}</strong> avec « {escape(other)} » : "
                f"ici « {escape(here.text[:400])} » ({escape(page_label(here.page))}) ; "
                f"là-bas « {escape(there.text[:400])} » ({escape(page_label(there.page))})</li>"
            )
    return (
        '<section class="dr-alerts" id="jury-shared"><h3>Passages communs avec d\'autres '
        f"dossiers du lot</h3><ul>{''.join(items)}</ul></section>"
    )


def dossier_html(state: DossierState) -> str:
    a = state.assessment
    signed = (
        f"Signé par {escape(state.signoff.juror)} le "
        f"{state.signoff.signed_at:%d/%m/%Y à %H:%M} (UTC)"
        + (f" : « {escape(state.signoff.comment)} »" if state.signoff.comment else "")
        if state.signoff
        else "Pas encore signé."
    )
    alerts = "".join(
        f"<li>{escape(al.message)} ({escape(page_label(al.page))})</li>" for al in a.alerts
    )
    return (
        f'<section class="dr-summary" id="jury-dossier"><h2>{escape(state.record.filename)} — '
        f"épreuve {escape(a.epreuve)}</h2>"
        f'<p id="jury-signoff-status">{signed}</p>'
        + (f"<h3>Alertes de l'outil</h3><ul>{alerts}</ul>" if alerts else "")
        + "</section>"
        + shared_html(state)
    )
