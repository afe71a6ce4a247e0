"""Cross-references between the sections of a référentiel that passed the schema.

The schema checks each entry on its own; these checks look across entries: ids are unique,
every reference (bloc, option, competency, épreuve) points to an existing entry, and what an
épreuve assesses agrees with its criteria and checkpoints. Each problem is one French
sentence that starts with the file defining the faulty entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from assistant.referentiel.models import Referentiel

# How messages name one entry of each list section, and the whole section.
ENTRY_NOUNS = {
    "blocs": "le bloc",
    "activities": "l'activité",
    "competencies": "la compétence",
    "criteria": "le critère",
    "epreuves": "l'épreuve",
    "checkpoints": "le point de contrôle",
}
SECTION_NOUNS = {
    "blocs": "les blocs",
    "activities": "les activités",
    "competencies": "les compétences",
    "criteria": "les critères",
    "epreuves": "les épreuves",
    "checkpoints": "les points de contrôle",
}

Check = Callable[[Referentiel, Mapping[str, str]], Iterator[str]]


def cross_check(ref: Referentiel, owners: Mapping[str, str]) -> list[str]:
    """Every cross-reference problem of ``ref``; ``owners`` maps a section to its file label."""
    checks: tuple[Check, ...] = (
        _unique_ids,
        _unique_parts,
        _bloc_references,
        _epreuve_references,
        _criterion_references,
        _checkpoint_references,
        _assessed_competencies,
    )
    return [problem for check in checks for problem in check(ref, owners)]


def _sections(ref: Referentiel) -> dict[str, list[str]]:
    return {
        "blocs": [b.id for b in ref.blocs],
        "activities": [a.id for a in ref.activities],
        "competencies": [c.id for c in ref.competencies],
        "criteria": [c.id for c in ref.criteria],
        "epreuves": [e.id for e in ref.epreuves],
        "checkpoints": [c.id for c in ref.checkpoints],
    }


def _duplicates(ids: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    repeated: list[str] = []
    for ident in ids:
        if ident in seen and ident not in repeated:
            repeated.append(ident)
        seen.add(ident)
    return repeated


def _unique_ids(ref: Referentiel, owners: Mapping[str, str]) -> Iterator[str]:
    for section, ids in _sections(ref).items():
        for ident in _duplicates(ids):
            yield (
                f"{owners[section]} : l'identifiant « {ident} » apparaît plusieurs fois parmi "
                f"{SECTION_NOUNS[section]} ; chaque identifiant doit être unique."
            )


def _unique_parts(ref: Referentiel, owners: Mapping[str, str]) -> Iterator[str]:
    for checkpoint in ref.checkpoints:
        for ident in _duplicates(e.id for e in checkpoint.elements):
            yield (
                f"{owners['checkpoints']} : le point de contrôle « {checkpoint.id} » contient "
                f"plusieurs fois l'élément « {ident} »."
            )
    for bloc in ref.blocs:
        for ident in _duplicates(o.id for o in bloc.options):
            yield (
                f"{owners['blocs']} : le bloc « {bloc.id} » contient plusieurs fois "
                f"l'option « {ident} »."
            )


def _bloc_references(ref: Referentiel, owners: Mapping[str, str]) -> Iterator[str]:
    blocs = {b.id: b for b in ref.blocs}
    entries = (
        [("activities", a.id, a.bloc, a.option) for a in ref.activities]
        + [("competencies", c.id, c.bloc, c.option) for c in ref.competencies]
        + [("epreuves", e.id, e.bloc, e.option) for e in ref.epreuves]
    )
    for section, ident, bloc_id, option in entries:
        start = f"{owners[section]} : {ENTRY_NOUNS[section]} « {ident} » renvoie"
        bloc = blocs.get(bloc_id)
        if bloc is None:
            yield f"{start} au bloc inconnu « {bloc_id} »."
        elif option is not None and option not in {o.id for o in bloc.options}:
            yield f"{start} à l'option inconnue « {option} » du bloc « {bloc_id} »."


def _epreuve_references(ref: Referentiel, owners: Mapping[str, str]) -> Iterator[str]:
    known = {c.id for c in ref.competencies}
    for epreuve in ref.epreuves:
        for ident in epreuve.competencies:
            if ident not in known:
                yield (
                    f"{owners['epreuves']} : l'épreuve « {epreuve.id} » renvoie à la "
                    f"compétence inconnue « {ident} »."
                )


def _criterion_references(ref: Referentiel, owners: Mapping[str, str]) -> Iterator[str]:
    known = {c.id for c in ref.competencies}
    epreuves = {e.id: e for e in ref.epreuves}
    for crit in ref.criteria:
        start = f"{owners['criteria']} : le critère « {crit.id} »"
        yield from _unknown(start, "à la compétence inconnue", crit.competencies, known)
        yield from _unknown(start, "à l'épreuve inconnue", crit.epreuves, set(epreuves))
        for eid in crit.epreuves:
            for cid in crit.competencies:
                if eid in epreuves and cid in known and cid not in epreuves[eid].competencies:
                    yield (
                        f"{start} s'applique à l'épreuve « {eid} », qui n'évalue pas la "
                        f"compétence « {cid} »."
                    )


def _checkpoint_references(ref: Referentiel, owners: Mapping[str, str]) -> Iterator[str]:
    known = {c.id for c in ref.competencies}
    epreuves = {e.id: e for e in ref.epreuves}
    for cp in ref.checkpoints:
        start = f"{owners['checkpoints']} : le point de contrôle « {cp.id} »"
        yield from _unknown(start, "à la compétence inconnue", cp.competencies, known)
        yield from _unknown(start, "à l'épreuve inconnue", cp.epreuves, set(epreuves))
        own = [epreuves[e] for e in cp.epreuves if e in epreuves]
        for cid in cp.competencies:
            if cid in known and own and not any(cid in e.competencies for e in own):
                names = ", ".join(e.id for e in own)
                yield (
                    f"{start} sert la compétence « {cid} », qu'aucune de ses épreuves "
                    f"({names}) n'évalue."
                )


def _assessed_competencies(ref: Referentiel, owners: Mapping[str, str]) -> Iterator[str]:
    assessed = {cid for e in ref.epreuves for cid in e.competencies}
    for competency in ref.competencies:
        if competency.id not in assessed:
            yield (
                f"{owners['competencies']} : la compétence « {competency.id} » n'est évaluée "
                "par aucune épreuve."
            )


def _unknown(start: str, what: str, ids: Iterable[str], known: set[str]) -> Iterator[str]:
    for ident in ids:
        if ident not in known:
            yield f"{start} renvoie {what} « {ident} »."
