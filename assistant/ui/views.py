"""HTML fragments that show a pre-assessment in the app. Pure functions, no Gradio.

Every piece of dossier text is escaped: dossiers are untrusted. Status is always written in
words (colour only repeats it), tables have captions and header cells, and the coverage chart
is a list of labelled bars with their value in text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from assistant.assessment import Alert, Assessment, CheckpointResult, Evidence
from assistant.preview import Excerpt
from assistant.referentiel.models import Referentiel

STATUS_LABELS = {"present": "Présent", "partial": "Partiel", "absent": "Absent"}
VERDICT_LABELS = {
    "satisfait": "Satisfait",
    "partiellement_satisfait": "Partiellement satisfait",
    "non_satisfait": "Non satisfait",
    "non_evaluable": "Non évaluable",
}
ALERT_LABELS = {
    "prompt_injection": "Instruction adressée à l'évaluateur",
    "hidden_text": "Texte caché",
    "calculation_error": "Erreur de calcul",
    "unverified_calculation": "Calcul non vérifiable",
}
PREVIEW_HINT = (
    '<p class="dr-hint">Choisissez une citation pour afficher ici la page du dossier où elle '
    "se trouve, le passage surligné.</p>"
)
NOTICE = (
    "Pré-évaluation automatique, pour préparer le passage devant le jury : "
    "elle ne remplace pas son appréciation. Le jury décide."
)


@dataclass(frozen=True)
class CompetencyCoverage:
    competency: str
    title: str
    verdict: str
    percent: int


def notice_html() -> str:
    return f'<p class="dr-notice" role="note"><strong>À noter :</strong> {escape(NOTICE)}</p>'


def message_html(text: str, kind: str = "info") -> str:
    """A visible message; errors are announced to screen readers at once."""
    role = "alert" if kind == "error" else "status"
    return f'<div class="dr-msg dr-msg-{escape(kind)}" role="{role}">{escape(text)}</div>'


def page_label(page: int | None) -> str:
    return f"p. {page}" if page is not None else "sans page"


def _checkpoint_label(result: CheckpointResult, ref: Referentiel) -> str:
    if result.label:
        return result.label
    return next((c.label for c in ref.checkpoints if c.id == result.id), result.id)


def _element_labels(checkpoint_id: str, ref: Referentiel) -> dict[str, str]:
    checkpoint = next((c for c in ref.checkpoints if c.id == checkpoint_id), None)
    return {e.id: e.label for e in checkpoint.elements} if checkpoint else {}


def missing_elements(result: CheckpointResult, ref: Referentiel) -> list[str]:
    labels = _element_labels(result.id, ref)
    return [labels.get(e.id, e.id) for e in result.elements if e.status != "present"]


def coverage(assessment: Assessment, ref: Referentiel) -> list[CompetencyCoverage]:
    """Share of each competency's checkpoints that are present (a partial one counts half)."""
    status = {c.id: c.status for c in assessment.checkpoints}
    titles = {c.id: c.title for c in ref.competencies}
    rows = []
    for criterion in assessment.criteria:
        scores = [
            {"present": 1.0, "partial": 0.5}.get(status.get(cp, "absent"), 0.0)
            for cp in criterion.checkpoints
        ]
        percent = round(100 * sum(scores) / len(scores)) if scores else 0
        title = titles.get(criterion.competency, "")
        rows.append(CompetencyCoverage(criterion.competency, title, criterion.verdict, percent))
    return rows


def _verdict_counts(assessment: Assessment) -> str:
    counts = {key: 0 for key in VERDICT_LABELS}
    for criterion in assessment.criteria:
        counts[criterion.verdict] += 1
    items = "".join(
        f'<li class="dr-count dr-{key}"><span class="dr-count-n">{n}</span> '
        f"{escape(VERDICT_LABELS[key].lower())}</li>"
        for key, n in counts.items()
        if n or key != "non_evaluable"
    )
    return f'<ul class="dr-counts" aria-label="Compétences par avis">{items}</ul>'


def chart_html(rows: Iterable[CompetencyCoverage]) -> str:
    """Coverage per competency as labelled bars; the value and verdict are written out."""
    bars = "".join(
        f'<li class="dr-bar-row"><span class="dr-bar-label">{escape(r.competency)}'
        f'<span class="dr-bar-title"> {escape(r.title)}</span></span>'
        f'<span class="dr-bar-track" aria-hidden="true">'
        f'<span class="dr-bar dr-{r.verdict}" style="width:{r.percent}%"></span></span>'
        f'<span class="dr-bar-value">{r.percent} % · {escape(VERDICT_LABELS[r.verdict])}</span>'
        "</li>"
        for r in rows
    )
    return (
        '<figure class="dr-chart"><figcaption>Couverture des points de contrôle par '
        f'compétence</figcaption><ul class="dr-bars">{bars}</ul></figure>'
    )


def attention_html(assessment: Assessment, ref: Referentiel) -> str:
    """What needs attention first: alerts (kind and page), then competencies not satisfied."""
    alerts = [
        f'<li class="dr-attn-alert"><strong>{escape(ALERT_LABELS.get(a.kind, a.kind))}</strong>'
        f" ({escape(page_label(a.page))})</li>"
        for a in assessment.alerts
    ]
    titles = {c.id: c.title for c in ref.competencies}
    weak = [
        f'<li class="dr-attn-competency"><strong>{escape(c.competency)}</strong> '
        f"{escape(titles.get(c.competency, ''))} : {escape(VERDICT_LABELS[c.verdict].lower())}"
        "</li>"
        for c in assessment.criteria
        if c.verdict in ("non_satisfait", "partiellement_satisfait")
    ]
    if not alerts and not weak:
        body = "<p>Aucune alerte, et toutes les compétences sont satisfaites.</p>"
    else:
        body = ""
        if alerts:
            body += f"<h3>Alertes ({len(alerts)})</h3><ul>{''.join(alerts)}</ul>"
        if weak:
            body += f"<h3>Compétences non satisfaites ({len(weak)})</h3><ul>{''.join(weak)}</ul>"
    return (
        '<div class="dr-attention" role="region" aria-labelledby="dr-attn-h">'
        f'<h3 id="dr-attn-h" class="dr-attn-title">À regarder en premier</h3>{body}</div>'
    )


def summary_html(
    assessment: Assessment, ref: Referentiel, epreuve_warning: str | None = None
) -> str:
    """The summary: the épreuve warning (before any score), what needs attention, then the
    counts and the coverage chart."""
    doc = assessment.document
    pages = f"{doc.pages} pages, " if doc.pages else ""
    warning = (
        f'<div class="dr-msg dr-msg-warning dr-epreuve-warning" role="status">'
        f"<strong>Épreuve à vérifier :</strong> {escape(epreuve_warning)}</div>"
        if epreuve_warning
        else ""
    )
    return (
        f'<section class="dr-summary" aria-labelledby="dr-summary-h">'
        f'<h2 id="dr-summary-h">Synthèse — épreuve {escape(assessment.epreuve)}</h2>'
        f"<p>Dossier « {escape(doc.filename)} » ({pages}{doc.words} mots).</p>"
        f"{warning}{attention_html(assessment, ref)}{notice_html()}"
        f"{_verdict_counts(assessment)}{chart_html(coverage(assessment, ref))}"
        "</section>"
    )


def _status_cell(status: str) -> str:
    return (
        f'<td data-label="Statut"><span class="dr-status dr-{status}">'
        f"{STATUS_LABELS[status]}</span></td>"
    )


def checkpoints_html(assessment: Assessment, ref: Referentiel) -> str:
    rows = "".join(
        f'<tr><th scope="row">{escape(_checkpoint_label(c, ref))}</th>{_status_cell(c.status)}'
        f'<td data-label="Éléments manquants">{escape(", ".join(missing_elements(c, ref)) or "—")}'
        f'</td><td data-label="Commentaire">{escape(c.comment or "—")}</td></tr>'
        for c in assessment.checkpoints
    )
    return (
        '<div class="dr-table-wrap" role="region" tabindex="0" aria-labelledby="dr-cp-cap">'
        '<table class="dr-table"><caption id="dr-cp-cap">Points de contrôle de l\'épreuve '
        f"{escape(assessment.epreuve)}</caption>"
        '<thead><tr><th scope="col">Point de contrôle</th><th scope="col">Statut</th>'
        '<th scope="col">Éléments manquants</th><th scope="col">Commentaire</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def advice_html(assessment: Assessment, ref: Referentiel) -> str:
    """What a jury will miss: incomplete checkpoints with their missing parts and advice."""
    items = []
    for c in assessment.checkpoints:
        if c.status == "present":
            continue
        missing = missing_elements(c, ref)
        parts = [
            f"<strong>{escape(_checkpoint_label(c, ref))}</strong> ({STATUS_LABELS[c.status]})"
        ]
        if missing:
            parts.append(f"Manque : {escape(', '.join(missing))}.")
        parts.append(f"Où l'ajouter : {escape(where_to_add(c, ref))}.")
        if c.recommendation:
            parts.append(f"Conseil : {escape(c.recommendation)}")
        items.append(f"<li>{' '.join(parts)}</li>")
    given = {c.recommendation for c in assessment.checkpoints if c.status != "present"}
    general = "".join(f"<li>{escape(r)}</li>" for r in assessment.recommendations if r not in given)
    body = (
        f"<ul>{''.join(items)}</ul>"
        if items
        else "<p>Tous les points de contrôle sont traités.</p>"
    )
    if general:
        body += f"<h3>Recommandations</h3><ul>{general}</ul>"
    return (
        '<section class="dr-advice" aria-labelledby="dr-advice-h">'
        f'<h2 id="dr-advice-h">Ce que le jury risque de ne pas trouver</h2>{body}</section>'
    )


def where_to_add(result: CheckpointResult, ref: Referentiel) -> str:
    """Where the missing part belongs: beside what the dossier already says on the
    checkpoint (its section and page), else in a part of its own."""
    found = [ev for ev in result.evidence] + [ev for e in result.elements for ev in e.evidence]
    placed = next((ev for ev in found if ev.section), found[0] if found else None)
    if placed is None:
        return f"dans une partie à créer, intitulée « {_checkpoint_label(result, ref)} »"
    section = f"la partie « {placed.section} »" if placed.section else "le passage"
    return f"dans {section} ({page_label(placed.page)}), à la suite de ce qui est déjà écrit"


def evidence_items(assessment: Assessment) -> list[tuple[str, Evidence]]:
    """Every quote with its checkpoint id, in report order; indices are the quote buttons'."""
    return [(c.id, ev) for c in assessment.checkpoints for ev in c.evidence]


def evidence_html(assessment: Assessment, ref: Referentiel) -> str:
    groups: dict[str, list[str]] = {}
    labels = {c.id: _checkpoint_label(c, ref) for c in assessment.checkpoints}
    for index, (checkpoint_id, ev) in enumerate(evidence_items(assessment)):
        where = page_label(ev.page) + (f", {ev.section}" if ev.section else "")
        groups.setdefault(checkpoint_id, []).append(
            f'<li><button type="button" class="dr-quote" data-ev="{index}">'
            f'<q>{escape(ev.quote)}</q> <span class="dr-where">({escape(where)})</span>'
            "</button></li>"
        )
    if not groups:
        return "<p>Aucune citation : aucun point de contrôle n'a été trouvé dans le dossier.</p>"
    sections = "".join(
        f'<h3>{escape(labels[cid])}</h3><ul class="dr-quotes">{"".join(items)}</ul>'
        for cid, items in groups.items()
    )
    return (
        '<section class="dr-evidence" aria-labelledby="dr-ev-h">'
        '<h2 id="dr-ev-h">Citations du dossier</h2>'
        "<p>Choisissez une citation pour voir la page du dossier où elle se trouve.</p>"
        f"{sections}</section>"
    )


def _alert_item(alert: Alert) -> str:
    quote = f" <q>{escape(alert.quote)}</q>" if alert.quote else ""
    return (
        f"<li><strong>{escape(ALERT_LABELS.get(alert.kind, alert.kind))}</strong> "
        f"({escape(page_label(alert.page))}) : {escape(alert.message)}{quote}</li>"
    )


def alerts_html(assessment: Assessment) -> str:
    body = (
        f"<ul>{''.join(_alert_item(a) for a in assessment.alerts)}</ul>"
        if assessment.alerts
        else "<p>Aucune alerte.</p>"
    )
    return (
        '<section class="dr-alerts" aria-labelledby="dr-alerts-h">'
        f'<h2 id="dr-alerts-h">Alertes ({len(assessment.alerts)})</h2>{body}</section>'
    )


def excerpt_html(found: Excerpt | None, ev: Evidence) -> str:
    """A quote highlighted in its surrounding text (formats without pages)."""
    if found is None:
        return message_html("Passage introuvable dans le texte du dossier.", "warning")
    return (
        f'<figure class="dr-excerpt"><figcaption>Passage cité ({escape(page_label(ev.page))})'
        f"</figcaption><blockquote>{escape(found.before)}<mark>{escape(found.match)}</mark>"
        f"{escape(found.after)}</blockquote></figure>"
    )
