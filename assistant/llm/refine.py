"""LLM refinement of the offline checkpoints: pseudonymised, spotlighted prompts; validated
answers with a bounded re-ask; verified quotes; reconciliation; an audit record."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from assistant.assessment import Alert, CheckpointResult
from assistant.document import Document
from assistant.errors import LLMError
from assistant.llm.audit import AuditCall, AuditRecord, write_audit
from assistant.llm.client import ChatModel, Message
from assistant.llm.judgement import InvalidAnswer, LLMJudgement, checked, parse_judgement
from assistant.llm.opinion import unlinked
from assistant.llm.prompts import PromptTemplate, load_prompt
from assistant.llm.quotes import Located, QuoteLocator
from assistant.llm.reconcile import reconcile
from assistant.pseudonymise import Pseudonymiser
from assistant.referentiel.models import Checkpoint, Referentiel
from assistant.settings import Settings

log = logging.getLogger(__name__)
PROMPTS = ("judge_system", "judge_user", "judge_reask")


@dataclass(frozen=True)
class Passage:
    text: str
    page: int | None
    section: str


@dataclass
class Refinement:
    checkpoints: list[CheckpointResult]
    notices: list[str] = field(default_factory=list)
    quotes_total: int = 0
    quotes_rejected: int = 0
    judged: int = 0
    audit_path: Path | None = None
    alerts: list[Alert] = field(default_factory=list)


@dataclass
class _Outcome:
    result: CheckpointResult
    call: AuditCall
    quotes_total: int = 0
    quotes_rejected: int = 0
    failure: str | None = None  # "error" or "invalid"
    alert: Alert | None = None  # the model says a passage addresses it


class LLMRefiner:
    def __init__(self, model: ChatModel, settings: Settings) -> None:
        self.model = model
        self.settings = settings
        self.prompts: dict[str, PromptTemplate] = {
            name: load_prompt(settings.prompts_dir, name) for name in PROMPTS
        }

    def refine(
        self,
        doc: Document,
        epreuve: str,
        referentiel: Referentiel,
        offline: list[CheckpointResult],
        passages_for: Callable[[Checkpoint], list[Passage]],
        excluded: list[tuple[int, int]],
    ) -> Refinement:
        masker = Pseudonymiser.for_document(doc)
        locator = QuoteLocator(doc, excluded)
        jobs = [(result, referentiel.checkpoint(result.id)) for result in offline]
        with ThreadPoolExecutor(max_workers=max(1, self.settings.llm.max_parallel)) as pool:
            outcomes = list(
                pool.map(
                    lambda job: self._one(
                        job[0], job[1], epreuve, referentiel, passages_for(job[1]), masker, locator
                    ),
                    jobs,
                )
            )
        alerts = {(a.quote, a.page): a for o in outcomes if (a := o.alert) is not None}
        refinement = Refinement(
            checkpoints=[o.result for o in outcomes],
            quotes_total=sum(o.quotes_total for o in outcomes),
            quotes_rejected=sum(o.quotes_rejected for o in outcomes),
            notices=_notices(outcomes),
            judged=sum(1 for o in outcomes if o.failure is None),
            alerts=list(alerts.values()),
        )
        refinement.audit_path = write_audit(
            AuditRecord(
                dossier_sha256=doc.meta.sha256,
                epreuve=epreuve,
                model=self.model.name,
                base_url=self.settings.llm.base_url,
                prompt_versions={n: p.version for n, p in self.prompts.items()},
                settings_hash=self.settings.fingerprint(),
                calls=[o.call for o in outcomes],
            ),
            self.settings.folders.audit,
        )
        return refinement

    def _one(
        self,
        offline: CheckpointResult,
        checkpoint: Checkpoint,
        epreuve: str,
        referentiel: Referentiel,
        passages: list[Passage],
        masker: Pseudonymiser,
        locator: QuoteLocator,
    ) -> _Outcome:
        messages = self._messages(checkpoint, epreuve, referentiel, passages, masker)
        call = AuditCall(checkpoint=checkpoint.id, messages=_plain(messages))
        try:
            judgement = self._ask(messages, [e.id for e in checkpoint.elements], call)
        except LLMError as err:
            call.error = err.message
            log.warning("LLM failed on %s: %s", checkpoint.id, err.detail or err.message)
            return _Outcome(offline, call, failure="error")
        if judgement is None:
            return _Outcome(offline, call, failure="invalid")
        judgement = _unmasked(judgement, masker)
        total = len(judgement.quotes) + sum(len(e.quotes) for e in judgement.elements)
        said = judgement.injection
        found = locator.find(said) if said and _says(said) else None
        flagged = [(found.start, found.end)] if found else []
        others = referentiel.checkpoints_for(epreuve)
        done = reconcile(offline, judgement, locator, checkpoint, others, flagged)
        alert = _model_alert(judgement.injection, found, checkpoint)
        return _Outcome(done.result, call, total, done.rejected, alert=alert)

    def _messages(
        self,
        checkpoint: Checkpoint,
        epreuve: str,
        referentiel: Referentiel,
        passages: list[Passage],
        masker: Pseudonymiser,
    ) -> list[Message]:
        boundary = f"extrait-{secrets.token_hex(4)}"
        criteria = [
            c.text
            for c in referentiel.criteria_for(epreuve)
            if set(c.competencies) & set(checkpoint.competencies)
        ]
        user = self.prompts["judge_user"].render(
            epreuve=epreuve,
            checkpoint_id=checkpoint.id,
            checkpoint_label=checkpoint.label,
            checkpoint_description=checkpoint.description,
            criteria=criteria,
            elements=checkpoint.elements,
            passages=[
                Passage(masker.mask(p.text.replace(boundary, "")), p.page, masker.mask(p.section))
                for p in passages
            ],
            boundary=boundary,
        )
        system = self.prompts["judge_system"].render(boundary=boundary)
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    def _ask(
        self, messages: list[Message], element_ids: list[str], call: AuditCall
    ) -> LLMJudgement | None:
        for _attempt in range(1 + max(0, self.settings.llm.max_retries)):
            answer = self.model.structured(messages, LLMJudgement)
            raw = answer.raw
            call.answers.append(raw)
            try:
                if answer.parsed is not None:
                    return checked(answer.parsed, element_ids)
                return parse_judgement(raw, element_ids)
            except InvalidAnswer as err:
                problem = self.prompts["judge_reask"].render(problem=str(err))
                messages = [
                    *messages,
                    {"role": "assistant", "content": raw},
                    {"role": "user", "content": problem},
                ]
                call.messages = _plain(messages)
        return None


def _says(injection: str | None) -> bool:
    """The model's ``injection`` field reports something (not "null", "aucune", the mark of a
    passage already removed...)."""
    text = (injection or "").strip().strip(".\"'«» ").lower()
    return len(text) >= 4 and text not in _NOTHING and "passage retiré" not in text


_NOTHING = frozenset({"null", "none", "aucun", "aucune", "néant", "rien", "non", "n/a"})


def _model_alert(
    injection: str | None, found: Located | None, checkpoint: Checkpoint
) -> Alert | None:
    """The model's own report of a passage addressed to it, as an alert for the jury."""
    if not _says(injection):
        return None
    where = f"(point « {checkpoint.label} »)"
    if found is not None:
        return Alert(
            kind="prompt_injection",
            page=found.evidence.page,
            quote=found.passage,
            message=f"Le modèle de langue signale ce passage {where} comme une consigne qui "
            "s'adresse à l'évaluateur : il n'a servi de preuve pour aucune hausse. À examiner "
            "par le jury.",
        )
    return Alert(
        kind="prompt_injection",
        page=None,
        quote=unlinked(str(injection)),
        message=f"Le modèle de langue signale une consigne qui s'adresse à l'évaluateur {where}, "
        "sans qu'on la retrouve telle quelle dans le dossier : à vérifier par le jury.",
    )


def _plain(messages: list[Message]) -> list[dict[str, str]]:
    return [{"role": m["role"], "content": m["content"]} for m in messages]


def _unmasked(judgement: LLMJudgement, masker: Pseudonymiser) -> LLMJudgement:
    return LLMJudgement.model_validate_json(masker.unmask(judgement.model_dump_json()))


def _notices(outcomes: list[_Outcome]) -> list[str]:
    failed = [o.result.id for o in outcomes if o.failure == "error"]
    invalid = [o.result.id for o in outcomes if o.failure == "invalid"]
    notices = []
    if failed and len(failed) == len(outcomes):
        notices.append(
            "Le modèle de langue n'a pas pu être utilisé (indisponible, délai dépassé ou refus) : "
            "cette pré-évaluation est celle du moteur hors ligne."
        )
    elif failed:
        notices.append(
            "Le modèle de langue n'a pas répondu pour "
            + ", ".join(failed)
            + " : ces points gardent l'avis du moteur hors ligne."
        )
    if invalid:
        notices.append(
            "Réponses du modèle de langue inexploitables pour "
            + ", ".join(invalid)
            + " : ces points restent non évaluables par le modèle et gardent l'avis hors ligne."
        )
    return notices
