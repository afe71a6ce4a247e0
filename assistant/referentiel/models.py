"""Schema of the référentiel data files (``referentiel/*.yaml``). Unknown keys are refused."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from assistant.errors import UnknownEpreuveError, UnknownIdError

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A non-blank string (surrounding blanks removed)."""

Calculation = Literal["breakeven", "cost_structure", "cash_flow"]
"""What the arithmetic checks (``assistant.calc``) give evidence of: see
``Checkpoint.calculations``."""

Requirement = Literal[
    "figures", "dates", "people", "explanation", "frequency", "result", "audit", "targets",
    "schedule", "rhythm", "fixes", "balance", "survey", "budget",
]  # fmt: skip
"""What a passage must hold to treat a checkpoint or element, beyond substance: 'figures' (at
least two numbers: amounts, shares, quantities), 'dates' (months, years, weekdays, J-30, weeks,
deadlines), 'people' (roles or assignments: responsable, chargée de, confié à...),
'explanation' (causes: car, en raison de, s'explique par...), 'frequency' (a rhythm: chaque
lundi, trois fois par semaine, hebdomadaire...), 'result' (a computed figure given as the
outcome: « = 84 000 € », « soit 2 300 couverts », « atteint en octobre »), 'audit' (an audit or
a measured conformity: taux de conformité, critères validés, contrast ratio, screen-reader
test), 'targets' (target values: « objectif : 4 % d'engagement », an « Objectif » column of
figures), 'schedule' (at least two dated tasks: months, weeks, J-30, « 2 semaines avant »),
'rhythm' (planned, recurring times: a frequency, or a schedule of two dates at least), 'fixes'
(corrections proposed or made: corriger, remplacer, mise en conformité, préconisations...),
'balance' (a cash plan's balances: solde, trésorerie fin de mois, cumul), 'survey' (a
questionnaire or poll of the public held, anywhere in the dossier: not one planned), 'budget'
(a budget named or an amount of money, in the section)."""

REQUIRES_DESCRIPTION = (
    "What the passage treating it must hold, beyond substance (figures, dates, people, "
    "explanation, frequency, result, audit, targets, schedule); without it the checkpoint or "
    "element is at most partial."
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Certification(Strict):
    title: Text = Field(description="Title of the certification, in French.")
    school: Text = Field(description="School that awards it.")
    # "register" would shadow ABCMeta.register on the model class: keep the key, rename the field.
    register_: Text = Field(
        alias="register", description="Register the certification belongs to, e.g. 'RNCP'."
    )
    source: Text = Field(description="Where the texts come from.")


class BlocOption(Strict):
    id: Text = Field(description="'P1', 'P2' or 'P3' (bloc 5 professionalisation options).")
    title: Text = Field(description="French title of the option.")


class Bloc(Strict):
    id: Text = Field(description="'B1' to 'B5'.")
    number: int = Field(description="Bloc number, 1 to 5.")
    title: Text = Field(description="French title of the bloc.")
    options: list[BlocOption] = Field(
        default_factory=list, description="Options to choose from (bloc 5 only)."
    )


class Activity(Strict):
    id: Text = Field(description="'A1'..'A10', 'AP1-1'..'AP3-2'.")
    bloc: Text = Field(description="Id of the bloc it belongs to.")
    option: Text | None = Field(None, description="Id of the bloc option, for bloc 5.")
    title: Text = Field(description="French title of the activity.")
    tasks: list[Text] = Field(description="Tasks of the activity, as listed in the référentiel.")


class Competency(Strict):
    id: Text = Field(description="'C1'..'C19', 'CP1-1'..'CP3-5', or an épreuve part 'E5-...'.")
    bloc: Text = Field(description="Id of the bloc it belongs to.")
    option: Text | None = Field(None, description="Id of the bloc option, for bloc 5.")
    kind: Literal["competency", "epreuve_part"] = Field(
        "competency",
        description="'competency' for the référentiel's competencies; 'epreuve_part' for a "
        "part of an épreuve assessed as a whole (E5 diagnosis, E5 second part).",
    )
    title: Text = Field(description="Short French title for tables.")
    text: Text = Field(description="Full text from the référentiel, repaired.")


class Criterion(Strict):
    id: Text = Field(description="Stable id, e.g. 'crit-C2' or 'crit-E5-diagnostic-P1'.")
    competencies: list[Text] = Field(min_length=1, description="Competencies it evaluates.")
    epreuves: list[Text] = Field(min_length=1, description="Épreuves where it applies.")
    text: Text = Field(
        description="Evaluation criterion from the référentiel, without its 'Pour C2.' prefix."
    )
    note: Text | None = Field(None, description="French remark on the source text, if any.")


class Epreuve(Strict):
    id: Text = Field(description="Épreuve id as the certification names it, e.g. 'E5-P2'.")
    bloc: Text = Field(description="Id of the bloc it certifies.")
    option: Text | None = Field(None, description="Id of the bloc option, for bloc 5.")
    title: Text = Field(description="French title of the épreuve.")
    modality: Text = Field(description="How the épreuve is run (written case study, oral...).")
    deliverable: Text = Field(description="What the candidate hands in.")
    description: Text = Field(description="The référentiel's description of the épreuve.")
    competencies: list[Text] = Field(
        min_length=1, description="Competencies (and épreuve parts) it assesses, in order."
    )


class Element(Strict):
    id: Text = Field(description="Stable element id, unique within its checkpoint.")
    label: Text = Field(description="French label shown to users.")
    cues: list[Text] = Field(
        min_length=1,
        description="French words and phrases that name this element (synonyms, variants).",
    )
    description: str = Field("", description="What a juror expects for this element, in French.")
    requires: list[Requirement] = Field(default_factory=list, description=REQUIRES_DESCRIPTION)
    instances: list[Text] = Field(
        default_factory=list,
        description="French names of things that are this element's kind (the channels and "
        "supports a plan's means are: « Instagram », « flyers », « radio »): a paragraph or "
        "list that names ``INSTANCES`` of them, distinct, inside the checkpoint's context "
        "treats the element even where its own name is never written.",
    )
    of_statement: bool = Field(
        False,
        description="A quality of the statement the checkpoint's ``statement_cues`` name (an "
        "objective is measurable, dated): the case's own statement (« Objectif : vendre 1 500 "
        "matelas d'ici décembre 2026 ») shows it when it holds figures and meets ``requires``.",
    )


class Checkpoint(Strict):
    id: Text = Field(description="Stable checkpoint id (shared/spec/checkpoints.yaml).")
    label: Text = Field(description="French label shown to users.")
    description: Text = Field(description="What a juror expects, in French, for candidates.")
    competencies: list[Text] = Field(min_length=1, description="Competencies it serves.")
    epreuves: list[Text] = Field(min_length=1, description="Épreuves where it is checked.")
    cues: list[Text] = Field(
        min_length=1,
        description="French words and phrases naming the checkpoint (tool names, synonyms).",
    )
    elements: list[Element] = Field(
        default_factory=list, description="Parts that must all be present, if any."
    )
    recommendation: str = Field(
        "", description="French advice when the checkpoint is missing or thin."
    )
    requires: list[Requirement] = Field(default_factory=list, description=REQUIRES_DESCRIPTION)
    calculations: list[Calculation] = Field(
        default_factory=list,
        description="Computations that, redone by the arithmetic checks, are evidence the "
        "checkpoint is treated: 'breakeven' (break-even point), 'cost_structure' (a cost table "
        "separating fixed and variable costs whose totals hold), 'cash_flow' (a cash-flow plan).",
    )
    requires_terms: list[Text] = Field(
        default_factory=list,
        description="French words, one of which the passage treating the checkpoint must "
        "hold: the part of the criterion most often left out (the satisfaction survey of an "
        "event's review, the previous editions behind its targets); without one, partial.",
    )
    heading_cues: list[Text] = Field(
        default_factory=list,
        description="French words that name the checkpoint only when they title something: a "
        "heading, a table's header cell or row label, a short label line (« Tâches : »); "
        "elsewhere they are too common (« les tâches à déléguer »).",
    )
    background: bool = Field(
        False,
        description="A section titled by this checkpoint (the company's presentation, the "
        "personal review) tells the background: a topic without elements named there in "
        "passing is mentioned, not treated (« nos coûts d'acquisition » in a presentation is "
        "not a choice of KPI).",
    )
    done: bool = Field(
        False,
        description="The criterion asks for work already done (an audit, a measurement, a "
        "variance tracking, a survey, a review): an intention (« nous mesurerons », « un "
        "questionnaire est prévu ») meets none of it, where a plan, a schedule or target values "
        "are forward-looking by nature and count as planned.",
    )
    fact_sheet: bool = Field(
        False,
        description="The checkpoint is the company's presentation: a section whose body gives "
        "when it was founded, its headcount and its turnover treats it, whatever its title.",
    )
    element_sections: bool = Field(
        False,
        description="Each element is a topic of its own that dossiers often give a section of "
        "its own (« La concurrence », « La cible »): a heading that names one element and "
        "nothing else opens that element's context even where the checkpoint is not named.",
    )
    whole_dossier: bool = Field(
        False,
        description="The dossier as a whole tells this checkpoint (E2's retrospective of one "
        "project tells that project's phases in the order they happened): an element's name "
        "counts wherever the dossier asserts something with it, even where the checkpoint is "
        "never named, still weighed for substance, denials and plans.",
    )
    statement_cues: list[Text] = Field(
        default_factory=list,
        description="French nouns naming the statement whose qualities the elements marked "
        "``of_statement`` are (« objectif » for SMART): a line that opens on one of them and a "
        "colon or « est de » states it (see ``assistant.detect.statement``).",
    )
    initials: list[Text] = Field(
        default_factory=list,
        description="The tool's name spelt by its elements' initials, one letter per element "
        "in the order of ``elements`` (« PESTEL », « SMART »): a run of lines that open on "
        "those letters (« P : ... », « E : ... ») gives each element its line (see "
        "``assistant.detect.initials``).",
    )
    note: str | None = Field(None, description="Remark for developers and jurors, if any.")


class Referentiel(Strict):
    version: str = Field(description="Version of the référentiel data, stamped in reports.")
    certification: Certification
    blocs: list[Bloc]
    activities: list[Activity]
    competencies: list[Competency]
    criteria: list[Criterion]
    epreuves: list[Epreuve]
    checkpoints: list[Checkpoint]
    content_hash: str = Field("", description="sha256 of the data files, set by the loader.")

    def epreuve(self, epreuve_id: str) -> Epreuve:
        """The épreuve with this id (case-insensitive); ``UnknownEpreuveError`` otherwise."""
        wanted = epreuve_id.strip().upper()
        for epreuve in self.epreuves:
            if epreuve.id.upper() == wanted:
                return epreuve
        valid = ", ".join(e.id for e in self.epreuves)
        raise UnknownEpreuveError(
            f"L'épreuve « {epreuve_id} » n'existe pas dans le référentiel : "
            f"choisissez l'une de celles-ci : {valid}."
        )

    def competency(self, competency_id: str) -> Competency:
        """The competency (or épreuve part) with this id; ``UnknownIdError`` otherwise."""
        for competency in self.competencies:
            if competency.id == competency_id:
                return competency
        raise UnknownIdError(
            f"La compétence « {competency_id} » n'existe pas dans le référentiel "
            f"(version {self.version}) : vérifiez son identifiant, par exemple C2 ou CP1-3."
        )

    def checkpoint(self, checkpoint_id: str) -> Checkpoint:
        """The checkpoint with this id; ``UnknownIdError`` otherwise."""
        for checkpoint in self.checkpoints:
            if checkpoint.id == checkpoint_id:
                return checkpoint
        raise UnknownIdError(
            f"Le point de contrôle « {checkpoint_id} » n'existe pas dans le référentiel "
            f"(version {self.version}) : vérifiez son identifiant, par exemple pestel ou swot."
        )

    def competencies_for(self, epreuve_id: str) -> list[Competency]:
        """Competencies (and épreuve parts) the épreuve assesses, in the épreuve's order."""
        return [self.competency(cid) for cid in self.epreuve(epreuve_id).competencies]

    def criteria_for(self, epreuve_id: str, competency_id: str | None = None) -> list[Criterion]:
        """Criteria applied in the épreuve, optionally only those of one competency."""
        eid = self.epreuve(epreuve_id).id
        return [
            c
            for c in self.criteria
            if eid in c.epreuves and (competency_id is None or competency_id in c.competencies)
        ]

    def checkpoints_for(
        self, epreuve_id: str, competency_id: str | None = None
    ) -> list[Checkpoint]:
        """Checkpoints checked in the épreuve, optionally only those serving one competency."""
        eid = self.epreuve(epreuve_id).id
        return [
            c
            for c in self.checkpoints
            if eid in c.epreuves and (competency_id is None or competency_id in c.competencies)
        ]

    def export(self) -> dict[str, Any]:
        """The whole référentiel as plain JSON-ready data, keys as in the YAML files."""
        return self.model_dump(mode="json", by_alias=True)
