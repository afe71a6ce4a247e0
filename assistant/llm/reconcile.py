"""Reconciliation of an LLM judgement with the offline result.

The LLM may lower a status freely. It may raise an element only with a quote that is found
verbatim in the dossier, that the offline judgment accepts as case-anchored analysis of that
element (``assistant.detect.support``), that lies outside every flagged passage, and that no
other raised element uses: one sentence raises at most the element it supports best. A raise
refused is said in the comment, with its reason; the model's own words are shown only as its
opinion, without links or verdicts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.assessment import CheckpointResult, ElementResult, Evidence, Status
from assistant.detect.support import Refusal, support
from assistant.llm.judgement import ElementJudgement, LLMJudgement, QuotedPassage
from assistant.llm.opinion import opinion
from assistant.llm.quotes import Located, QuoteLocator
from assistant.referentiel.models import Checkpoint

RANK: dict[Status, int] = {"absent": 0, "partial": 1, "present": 2}
LABEL: dict[Status, str] = {"absent": "absent", "partial": "partiel", "present": "présent"}
Reason = Refusal | str  # also "none", "unverified", "flagged", "reused"
REASONS: dict[str, str] = {
    "none": "aucune citation n'est donnée",
    "unverified": "la citation est introuvable telle quelle dans le dossier",
    "flagged": "la citation vient d'un passage signalé (texte masqué ou consigne adressée à "
    "l'évaluateur)",
    "reused": "la même phrase sert déjà de preuve à un autre élément",
    "thin": "la citation en parle sans analyse propre au cas (liste, définition, intention, "
    "sommaire ou propos trop général)",
    "denied": "la citation dit que ce n'est pas fait (négation ou hypothèse)",
    "passing": "la citation n'en parle qu'en passant, hors d'une partie qui y est consacrée",
    "unnamed": "la citation n'en traite pas",
}


@dataclass
class _Claim:
    """A raise the model asks for, and what became of each of its quotes."""

    target: str  # element id, or "" for the checkpoint itself
    status: Status
    candidates: list[tuple[float, Located, Status]] = field(default_factory=list)
    refusals: list[Reason] = field(default_factory=list)


@dataclass
class Reconciled:
    result: CheckpointResult
    rejected: int  # quotes not found verbatim


def reconcile(
    offline: CheckpointResult,
    judgement: LLMJudgement,
    locator: QuoteLocator,
    checkpoint: Checkpoint,
    others: Sequence[Checkpoint] = (),
    flagged: Sequence[tuple[int, int]] = (),
) -> Reconciled:
    """The reconciled checkpoint; ``others`` are the épreuve's checkpoints (a sentence naming
    several is a list of tools), ``flagged`` spans of ``Document.text`` are never evidence."""
    judged = {e.id: e for e in judgement.elements}
    every = [*judgement.quotes, *(q for e in judgement.elements for q in e.quotes)]
    rejected = sum(locator.find(q.quote) is None for q in every)
    claims: list[_Claim] = []
    for element in offline.elements:
        asked = judged.get(element.id)
        if asked is not None and RANK[asked.status] > RANK[element.status]:
            claims.append(_Claim(element.id, asked.status))
            _weigh(claims[-1], asked.quotes, locator, checkpoint, others, flagged)
    if not offline.elements and RANK[judgement.status] > RANK[offline.status]:
        claims.append(_Claim("", judgement.status))
        _weigh(claims[-1], judgement.quotes, locator, checkpoint, others, flagged)
    granted = _assign(claims)
    elements = [_element(e, judged.get(e.id), granted.get(e.id)) for e in offline.elements]
    status = _status(offline, judgement.status, elements, granted.get(""))
    evidence = _evidence(offline, status, elements, granted.get(""))
    refused = [c for c in claims if c.target not in granted]
    result = offline.model_copy(
        update={
            "status": status,
            "elements": elements,
            "evidence": evidence,
            "comment": _comment(offline, judgement, checkpoint, refused),
            "recommendation": offline.recommendation or opinion(judgement.recommendation) or None,
            "source": "llm"
            if status != offline.status or elements != offline.elements
            else "offline",
            "llm_status": judgement.status,
            "llm_rationale": opinion(judgement.rationale) or None,
        }
    )
    return Reconciled(result, rejected)


def _weigh(
    claim: _Claim,
    quotes: Sequence[QuotedPassage],
    locator: QuoteLocator,
    checkpoint: Checkpoint,
    others: Sequence[Checkpoint],
    flagged: Sequence[tuple[int, int]],
) -> None:
    """Judge each quote of ``claim``: a candidate for the raise, or a reason to refuse it."""
    if not quotes:
        claim.refusals.append("none")
    for quoted in quotes:
        found = locator.find(quoted.quote)
        if found is None:
            claim.refusals.append("flagged" if locator.is_flagged(quoted.quote) else "unverified")
        elif any(found.overlaps(span) for span in flagged):
            claim.refusals.append("flagged")
        else:
            verdict = support(
                found.passage, checkpoint, claim.target or None, found.section, others
            )
            if RANK[verdict.status] > 0:
                claim.candidates.append((verdict.score, found, verdict.status))
            if verdict.refusal is not None and verdict.status != claim.status:
                claim.refusals.append(verdict.refusal)


def _assign(claims: Sequence[_Claim]) -> dict[str, tuple[Located, Status]]:
    """Each claim's best supporting quote, no sentence serving two elements: the pairs are
    taken best first, so a sentence goes to the element it supports best."""
    pairs = sorted(
        (
            (score, i, found, status)
            for i, claim in enumerate(claims)
            for score, found, status in claim.candidates
        ),
        key=lambda p: (-RANK[p[3]], -p[0], p[1]),
    )
    granted: dict[str, tuple[Located, Status]] = {}
    used: list[Located] = []
    for _score, i, found, status in pairs:
        claim = claims[i]
        if claim.target in granted:
            continue
        if any(found.overlaps(u) for u in used):
            claim.refusals.append("reused")
            continue
        granted[claim.target] = (found, min(status, claim.status, key=RANK.__getitem__))
        used.append(found)
    return granted


def _element(
    offline: ElementResult,
    asked: ElementJudgement | None,
    granted: tuple[Located, Status] | None,
) -> ElementResult:
    status = asked.status if asked is not None else None
    if status is None or status == offline.status:
        return offline
    if RANK[status] < RANK[offline.status]:
        return ElementResult(id=offline.id, status=status, evidence=[])
    if granted is not None and granted[1] == "present":
        return ElementResult(id=offline.id, status="present", evidence=[granted[0].evidence])
    return offline


def _status(
    offline: CheckpointResult,
    llm_status: Status,
    elements: list[ElementResult],
    granted: tuple[Located, Status] | None,
) -> Status:
    if elements:
        derived = _derive(elements, min(offline.status, llm_status, key=RANK.__getitem__))
        return min(derived, llm_status, key=RANK.__getitem__)
    if RANK[llm_status] < RANK[offline.status]:
        return llm_status
    if granted is not None and RANK[granted[1]] > RANK[offline.status]:
        return granted[1]
    return offline.status


def _derive(elements: list[ElementResult], fallback: Status) -> Status:
    statuses = [e.status for e in elements]
    if all(s == "present" for s in statuses):
        return "present"
    if any(s != "absent" for s in statuses):
        return "partial"
    return "partial" if fallback != "absent" else "absent"


def _evidence(
    offline: CheckpointResult,
    status: Status,
    elements: list[ElementResult],
    granted: tuple[Located, Status] | None,
) -> list[Evidence]:
    if RANK[status] <= RANK[offline.status]:
        return offline.evidence
    if granted is not None:
        return [granted[0].evidence]
    changed = zip(elements, offline.elements, strict=True)
    return [ev for e, o in changed if e != o for ev in e.evidence] or offline.evidence


def _comment(
    offline: CheckpointResult,
    judgement: LLMJudgement,
    checkpoint: Checkpoint,
    refused: Sequence[_Claim],
) -> str:
    parts = [offline.comment]
    labels = {e.id: e.label for e in checkpoint.elements}
    groups: dict[tuple[Status, str], list[str]] = {}
    for claim in refused:
        what = f"« {labels.get(claim.target, claim.target)} »" if claim.target else "ce point"
        reasons = "; ".join(dict.fromkeys(REASONS.get(r, r) for r in claim.refusals))
        groups.setdefault((claim.status, reasons or REASONS["unnamed"]), []).append(what)
    for (status, reasons), names in groups.items():
        several = len(names) > 1
        parts.append(
            f"Le modèle de langue jugeait {', '.join(names)} {LABEL[status]}"
            f"{'s' if several else ''} ; hausse{'s' if several else ''} "
            f"refusée{'s' if several else ''} : {reasons}."
        )
    said = opinion(judgement.rationale)
    if judgement.status != offline.status or said:
        parts.append(
            f"Avis du modèle : {LABEL[judgement.status]}" + (f" — {said}" if said else ".")
        )
    return " ".join(p.strip() for p in parts if p and p.strip())
