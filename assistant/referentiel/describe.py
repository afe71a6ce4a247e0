"""The référentiel in readable French text: one épreuve with its competencies, criteria and
checkpoints. Used by ``dossier-review referentiel show`` and reusable by the UI."""

from __future__ import annotations

import textwrap

from assistant.referentiel.models import Checkpoint, Competency, Criterion, Epreuve, Referentiel

WIDTH = 100


def describe_epreuve(ref: Referentiel, epreuve_id: str, width: int = WIDTH) -> str:
    """French description of an épreuve: heading, then each competency with its text, its
    criteria and its checkpoints (with their elements). ``UnknownEpreuveError`` if unknown."""
    epreuve = ref.epreuve(epreuve_id)
    lines = epreuve_heading(ref, epreuve, width)
    for competency in ref.competencies_for(epreuve.id):
        lines += ["", *competency_section(ref, epreuve, competency, width)]
    orphans = [
        cp
        for cp in ref.checkpoints_for(epreuve.id)
        if not set(cp.competencies) & set(epreuve.competencies)
    ]
    if orphans:
        lines += ["", "Autres points de contrôle vérifiés dans cette épreuve"]
        for checkpoint in orphans:
            lines += checkpoint_lines(checkpoint, width, indent=2)
    return "\n".join(lines) + "\n"


def epreuve_heading(ref: Referentiel, epreuve: Epreuve, width: int = WIDTH) -> list[str]:
    """Title, bloc, modality, deliverable, data version and description of the épreuve."""
    bloc = next(b for b in ref.blocs if b.id == epreuve.bloc)
    bloc_line = f"Bloc {bloc.number} : {bloc.title}"
    option = next((o for o in bloc.options if o.id == epreuve.option), None)
    if option is not None:
        bloc_line += f" — parcours {option.id} : {option.title}"
    return [
        *_wrap(f"Épreuve {epreuve.id} — {epreuve.title}", width),
        *_wrap(bloc_line, width),
        *_wrap(f"Modalité : {epreuve.modality}", width),
        *_wrap(f"Livrable : {epreuve.deliverable}", width),
        f"Référentiel version {ref.version} (empreinte {ref.content_hash[:12]})",
        "",
        "Description :",
        *_wrap(epreuve.description, width, indent=2),
    ]


def competency_section(
    ref: Referentiel, epreuve: Epreuve, competency: Competency, width: int = WIDTH
) -> list[str]:
    """A competency: its text, the épreuve's criteria for it, and its checkpoints."""
    kind = "Partie d'épreuve" if competency.kind == "epreuve_part" else "Compétence"
    lines = [f"{kind} {competency.id} — {competency.title}"]
    lines += _wrap(competency.text, width, indent=2)
    criteria = ref.criteria_for(epreuve.id, competency.id)
    lines.append("  Critères d'évaluation :" if criteria else "  Critères d'évaluation : aucun.")
    for criterion in criteria:
        lines += criterion_lines(criterion, competency.id, width)
    checkpoints = ref.checkpoints_for(epreuve.id, competency.id)
    lines.append("  Points de contrôle :" if checkpoints else "  Points de contrôle : aucun.")
    for checkpoint in checkpoints:
        lines += checkpoint_lines(checkpoint, width, indent=4)
    return lines


def criterion_lines(criterion: Criterion, competency_id: str, width: int = WIDTH) -> list[str]:
    """One criterion as a bullet, noting the other competencies that share it."""
    shared = [c for c in criterion.competencies if c != competency_id]
    text = criterion.text
    if shared:
        text = f"(commun avec {' et '.join(shared)}) {text}"
    lines = _wrap(text, width, indent=6, first="    • ")
    if criterion.note:
        lines += _wrap(f"Remarque : {criterion.note}", width, indent=6)
    return lines


def checkpoint_lines(checkpoint: Checkpoint, width: int = WIDTH, indent: int = 4) -> list[str]:
    """One checkpoint: id and label, what is expected, its elements."""
    pad = " " * indent
    lines = _wrap(f"{checkpoint.id} — {checkpoint.label}", width, indent + 2, f"{pad}• ")
    lines += _wrap(f"Attendu : {checkpoint.description}", width, indent + 2)
    if checkpoint.elements:
        parts = " ; ".join(f"{e.label} ({e.id})" for e in checkpoint.elements)
        lines += _wrap(f"Éléments : {parts}.", width, indent + 2)
    return lines


def _wrap(text: str, width: int, indent: int = 0, first: str | None = None) -> list[str]:
    """Wrap each line of ``text``; list items ('- ...') hang under their dash."""
    pad = " " * indent
    lines: list[str] = []
    for number, paragraph in enumerate(text.splitlines() or [""]):
        head = first if (first is not None and number == 0) else pad
        rest = pad + ("  " if paragraph.startswith("- ") else "")
        wrapped = textwrap.wrap(
            paragraph,
            width,
            initial_indent=head,
            subsequent_indent=rest,
            break_long_words=False,
            break_on_hyphens=False,  # keep "macro-environnement", "facteurs-clés" whole
        )
        lines += wrapped or [head.rstrip()]
    return lines
