"""Audit the engine's evidence quotes and calculation alarms against the dossier sources.

    python -m eval.quote_audit --set NAME [--set NAME ...] [--format md|pdf|docx] [-v]

Issue #13 asks for "0 quotes from a table of contents, a negated statement, a definition-only
passage, or a flagged passage; 0 quotes with U+FFFD/U+FFFE; 0 false calculation alarms". This
module counts each, per set, with checks of its own: nothing here imports the engine's
contents, negation or definition rules (assistant/detect, assistant/injection), so a miss of
those rules shows up here instead of being repeated. Every check reads the dossier's Markdown
source and its labels:

- ``contents``: the quote lies in the source's contents section (a heading Sommaire, Table des
  matières, Plan, Contents, Table of contents up to the next heading) or on a line that ends in
  a page number after dot leaders;
- ``negated``: the quote overlaps the clause of a source sentence that says something was not
  done (``negated_clauses``): a quote cut before that clause quotes no denial;
- ``definition``: a source sentence the quote overlaps has a definitional shape and no word of
  the case (``definitional_sentence``);
- ``flagged``: the quote overlaps a labelled injection or a hidden passage of the source;
- ``characters``: the quote holds U+FFFD, U+FFFE, a soft hyphen or a zero-width character;
- ``unlocated``: the quote could not be found in the source (its sentence checks then read the
  quote alone);
- calculation alarms (``calculation_error`` alerts) matching no labelled error are false alarms.

The engine runs exactly as in ``eval.run`` (labels checked, dossiers rendered with
``--format``, ``build_services().review.assess``). ``-v`` lists the flagged quotes: never on a
held-out set (measure only, counts only).
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.assessment import Assessment
from assistant.services import Services
from eval.engines import engine_assess, run
from eval.labels import DossierLabel
from eval.metrics import alert_matches_error, alerts_of, quotes_overlap
from eval.run import SETS, checked_labels, measuring, render

CATEGORIES = ("contents", "negated", "definition", "flagged", "characters")
HELD_OUT = frozenset(name for name in SETS if "heldout" in name)
BAD_CHARACTERS = {
    "\ufffd": "U+FFFD",
    "\ufffe": "U+FFFE",
    "\u00ad": "U+00AD",
    "\u200b": "U+200B",
    "\u200c": "U+200C",
    "\u200d": "U+200D",
    "\u2060": "U+2060",
    "\ufeff": "U+FEFF",
}

# ----------------------------------------------------------------------------- the source

_COMMENT = re.compile(r"<!--\s*(?:hidden:\w+\s+)?(.*?)\s*-->", re.S)
_HIDDEN = re.compile(r"<!--\s*hidden:\w+\s+(.*?)\s*-->", re.S)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_CONTENTS_TITLE = re.compile(
    r"(?:sommaire|table des mati[eè]res|plan(?: du (?:dossier|m[ée]moire|rapport))?"
    r"|(?:table of )?contents)\s*:?",
    re.I,
)
_PAGE_NUMBER_LINE = re.compile(r"(?:\.{3,}|…+|\s\.\s\.\s?\.?)\s*(?:p\.\s*)?\d{1,3}\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)|\n+")


def _title_text(line: str) -> str:
    """The words of a line without Markdown marks ('## **Sommaire**' -> 'Sommaire')."""
    return re.sub(r"[#*_`]+", " ", line).strip()


def contents_spans(source: str) -> list[tuple[int, int]]:
    """Character spans of the source's contents: from a contents title (a heading, or a line
    of its own) to the next Markdown heading (or, after a bare title, to the first blank line
    after some content), and every line ending in a page number after dot leaders."""
    spans: list[tuple[int, int]] = []
    offset, start, bare, seen = 0, None, False, False
    for line in source.splitlines(keepends=True):
        is_heading = bool(_HEADING.match(line))
        ends_bare = bare and seen and not line.strip()
        if start is not None and (is_heading or ends_bare):
            spans.append((start, offset))
            start = None
        if start is None and _CONTENTS_TITLE.fullmatch(_title_text(line)):
            start, bare, seen = offset, not is_heading, False
        elif start is not None and line.strip():
            seen = True
        if _PAGE_NUMBER_LINE.search(line.rstrip("\n")):
            spans.append((offset, offset + len(line)))
        offset += len(line)
    if start is not None:
        spans.append((start, offset))
    return spans


def hidden_passages(source: str) -> list[str]:
    """Texts the source hides (``<!-- hidden:HOW text -->``, eval/docbuild.py)."""
    return [m.group(1) for m in _HIDDEN.finditer(source)]


def sentence_spans(source: str) -> list[tuple[int, int]]:
    """Sentences of the source: cut after . ! ? … and at every line break."""
    spans, start = [], 0
    for cut in _SENTENCE_END.finditer(source):
        if source[start : cut.start()].strip():
            spans.append((start, cut.start()))
        start = cut.end()
    if source[start:].strip():
        spans.append((start, len(source)))
    return spans


@dataclass(frozen=True)
class Folded:
    """Letters and digits of a text, case-folded, each mapped back to its source offset:
    quotes are found whatever the spacing, hyphenation, ligatures or markup."""

    chars: str
    offsets: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Folded:
        chars, offsets = [], []
        for i, ch in enumerate(text):
            for c in unicodedata.normalize("NFKC", ch).casefold():
                if c.isalnum():
                    chars.append(_strip_accent(c))
                    offsets.append(i)
        return cls("".join(chars), tuple(offsets))


def _strip_accent(c: str) -> str:
    return unicodedata.normalize("NFKD", c)[0]


def _blank_comments(source: str) -> str:
    """Comments replaced by spaces (offsets kept), except a hidden passage's own text."""

    def blank(m: re.Match[str]) -> str:
        hidden = _HIDDEN.fullmatch(m.group(0))
        if hidden is None:
            return " " * len(m.group(0))
        a, b = hidden.start(1), hidden.end(1)
        return " " * a + hidden.group(1) + " " * (len(m.group(0)) - b)

    return _COMMENT.sub(blank, source)


def locate(quote: str, source: Folded, near: float | None = None) -> tuple[int, int] | None:
    """Source span of the quote (the occurrence nearest the relative position ``near``), or
    None. Long quotes PDF text spoils are found by their first or last 40 letters."""
    probe = Folded.of(quote).chars
    if not probe:
        return None
    for part, whole in ((probe, True), (probe[:40], False), (probe[-40:], False)):
        if len(part) < 12 and not whole:
            continue
        hits = [m.start() for m in re.finditer(re.escape(part), source.chars)]
        if hits:
            at = min(hits, key=lambda h: abs(h / max(len(source.chars), 1) - (near or 0.0)))
            if not whole and part == probe[-40:]:
                at = max(0, at + len(part) - len(probe))
            end = min(at + len(probe), len(source.chars)) - 1
            return source.offsets[at], source.offsets[end] + 1
    return None


# ----------------------------------------------------------------------------- sentences

_NEG = r"(?:pas|jamais|plus|aucun|aucune|rien|gu[èe]re)"
_DONE = (  # a past participle: regular in -é, or a common irregular one; not « été » alone
    r"(?!été\b)(?:\w{2,}é(?:e|s|es)?|eu|pu|su|vu|lu|fait|mis|pris|prévu|reçu|obtenu|tenu|venu|conduit|produit"
    r"|ouvert|offert|écrit|dit|fini|choisi|réussi|défini|établi|suivi|atteint)e?s?"
)
_NOT_AN_ACTION = (  # modals, attitudes and states: "je ne pouvais rien", "je n'osais pas"
    r"(?!(?:pouv\w*|peu[xt]|puis|doi\w*|dev\w*|suis|sommes|étais|était|étions|serai\w*"
    r"|serons|os\w*|voul\w*|veu[xt]|sa(?:is|it|vais|vait|vions)|connai\w*)\b)"
)
_NEGATION = re.compile(
    # compound past denied: "n'avons pas eu", "n'a jamais été lancé", "n'ont rien fait"
    r"\bn['’]\s*(?:ai|as|a|avons|avez|ont|avait|avions|aviez|avaient|aura|aurons|auront)\s+"
    + _NEG
    + r"\s+(?:encore\s+|toujours\s+|vraiment\s+)?(?:pu\s+|su\s+|été\s+)?(?:être\s+)?"
    + _DONE
    # the writer denies doing: "nous ne mesurons pas", "on n'organise aucun", "je n'ai rien"
    + r"\b|\b(?:nous|on|je)\s+(?:ne\s+|n['’]\s*)"
    + _NOT_AN_ACTION
    + r"(?:\w+\s+){1,2}?"
    + _NEG
    # nothing was done: "aucun temps fédérateur n'a été organisé", "rien n'a été prévu"
    + r"\b|\b(?:aucun|aucune|rien)\b[^.;:]{0,80}?\bn['’]\s*(?:a|ont|est|sont|était|étaient)\s+"
    r"(?:encore\s+|jamais\s+)?(?:pu\s+)?(?:été\s+)?"
    + _DONE
    # not yet done, done without: "pas encore pu", "pas encore été", "sans avoir"
    + r"\b|\bpas\s+encore\s+"
    + _DONE
    + r"\b|\bsans\s+avoir\b",
    re.I,
)


# a quotation cut by the sentence split (« ... ! » ends after the « !) runs to the end
_REPORTED = re.compile(r"«[^»]*(?:»|$)|“[^”]*(?:”|$)|\"[^\"]*\"")
_SUBORDINATE = re.compile(r"(?:\bqui|\bque|\bqu['’]|\bsi|\bs['’])\s*$", re.I)


_CLAUSE_CUT = re.compile(r"[,;:()]|\s(?=mais\b)", re.I)


def negated_clauses(sentence: str) -> list[tuple[int, int]]:
    """Spans (in the sentence) of the clauses that say something was not done: each denial
    ``negated_sentence`` finds, widened to the commas, semicolons, colons, brackets or
    « mais » around it. A quote cut before or after them quotes no denial."""
    text = _REPORTED.sub(lambda m: " " * len(m.group(0)), sentence)
    cuts = [m.start() for m in _CLAUSE_CUT.finditer(text)]
    spans = []
    for m in _NEGATION.finditer(text):
        if _SUBORDINATE.search(text[: m.start()]):
            continue
        start = max((c for c in cuts if c < m.start()), default=-1) + 1
        end = min((c for c in cuts if c >= m.end()), default=len(text))
        spans.append((start, end))
    return spans


def negated_sentence(sentence: str) -> bool:
    """True when the sentence says something was not done: a denied compound past
    ("n'avons pas eu", "n'a pas encore pu être organisée", "n'ont jamais été mesurés"), the
    writer denying an action ("nous ne mesurons pas", "on n'a aucun"; not a modal or a state:
    "je ne pouvais rien imposer", "je ne suis pas son responsable"), "aucun/rien ... n'a été
    + participle", "pas encore + participle", "sans avoir". Left alone: denied facts that are
    analysis ("le secteur n'est pas reconnu", "la part n'atteint pas 40 %"), reported speech in
    quotation marks, and a negation opening a subordinate clause ("un site qui n'avait pas
    évolué", "des outils que je ne connaissais pas", "si rien n'est fait")."""
    return bool(negated_clauses(sentence))


_SUBJECT = r"^\W*(?:le|la|les|l['’]|un|une|des)\s*(?:[^,;:.()]|\([^)]*\)){1,80}?\s"
_DEFINITION = re.compile(
    _SUBJECT + r"(?:(?:est|sont|d[ée]signe|d[ée]signent|repr[ée]sente|repr[ée]sentent)\s+"
    r"(?:un|une|des|l['’]|le|la)\s*(?:\w+\s+){0,2}?"
    r"(?:outil|outils|m[ée]thode|mod[èe]le|d[ée]marche|technique|cadre|grille|matrice|analyse"
    r"|indicateur|document|ensemble|processus|moyen|fa[çc]on|mani[èe]re|concept|notion"
    r"|rapport|ratio|diff[ée]rence|somme|quotient|part|niveau|montant)\b"
    r"|(?:est|sont)\s+(?:un|une|des)\s+\w+(?:\s+\w+)?\s+(?:qui|dont|permettant)\b"
    r"|(?:est|sont)\s+(?:le|la|l['’]|les)\s*\w+(?:\s+[\w'’]+){0,3}?\s+"
    r"(?:qui|dont|où|pour lequel|pour laquelle|auquel|à laquelle)\b"
    r"|consiste(?:nt)?\s+[àa]\b|permet(?:tent)?\s+(?:de|d['’])|sert\s+[àa]|servent\s+[àa]"
    r"|se\s+d[ée]finit|sont\s+nombreu(?:x|ses)\b)"
    # a synonym given in passing: "Les coûts fixes (ou charges de structure) ..."
    r"|^\W*(?:le|la|les|l['’])\s*[^(.;:]{1,50}\((?:ou|aussi appel[ée]e?s?|dite?s?)\s"
    # a generic inventory: "Les principaux indicateurs d'audience sont ..."
    r"|^\W*(?:les|le|la)\s+(?:principa(?:ux|les?)|diff[ée]rent(?:e?s))\s[^.]{1,80}?\s(?:sont|est)\s"
    # a formula in letters, with an operator: "Taux de marge = (CA - coûts variables) / CA"
    r"|^[^=\d]{3,80}=[^=\d]*\s[/×*+–-]\s[^=\d]*$",
    re.I,
)
_CASE_WORD = re.compile(r"\b(?:nous|notre|nos|je|j['’]|mon|ma|mes|on)\b|\d", re.I)


def case_words(company: str) -> list[str]:
    """Words naming the case: the company's name words of four letters or more."""
    return [w for w in re.findall(r"\w{4,}", company) if not w.isdigit()]


def definitional_sentence(sentence: str, case: Sequence[str] = ()) -> bool:
    """True when a sentence has a definitional shape and holds no word of the case (first
    person, a figure, the company's name). Shapes: a generic subject ('Le/La/Les/Un ... ')
    followed by 'est un outil / une méthode / le rapport ...', 'sont des charges qui ...',
    'est le chiffre pour lequel ...', 'consiste à', 'permet de', 'sert à', 'se définit', 'sont
    nombreux'; a synonym in passing ('Les coûts fixes (ou charges de structure)'); a generic
    inventory ('Les principaux indicateurs sont ...'); a formula in letters ('Marge = CA -
    coûts')."""
    if not _DEFINITION.search(sentence) or _CASE_WORD.search(sentence):
        return False
    folded = sentence.casefold()
    return not any(w.casefold() in folded for w in case)


# ----------------------------------------------------------------------------- audit


@dataclass(frozen=True)
class Quote:
    file: str
    where: str  # checkpoint or checkpoint/element
    status: str  # the engine's status for it
    text: str
    start: int | None


@dataclass
class Finding:
    quote: Quote
    categories: list[str]
    detail: str = ""


@dataclass
class DossierAudit:
    file: str
    quotes: int = 0
    unlocated: int = 0
    findings: list[Finding] = field(default_factory=list)
    calc_alarms: int = 0
    false_calc_alarms: list[str] = field(default_factory=list)
    failed: bool = False


def evidence_quotes(file: str, assessment: Assessment) -> Iterator[Quote]:
    for cp in assessment.checkpoints:
        for ev in cp.evidence:
            yield Quote(file, cp.id, cp.status, ev.quote, ev.start)
        for el in cp.elements:
            for ev in el.evidence:
                yield Quote(file, f"{cp.id}/{el.id}", el.status, ev.quote, ev.start)


class SourceView:
    """One dossier's source, read once: folded text, contents, sentences, flagged passages."""

    def __init__(self, source: str, label: DossierLabel) -> None:
        self.source = _blank_comments(source)
        self.folded = Folded.of(self.source)
        self.contents = contents_spans(self.source)
        self.sentences = sentence_spans(self.source)
        self.flagged = [i.quote for i in label.injections] + hidden_passages(source)
        self.case = case_words(label.company)

    def overlapping_sentences(self, span: tuple[int, int]) -> list[str]:
        return [self.source[a:b] for a, b in self.sentences if a < span[1] and span[0] < b]

    def quoted_denial(self, span: tuple[int, int]) -> str | None:
        """The sentence whose denial clause the quote overlaps, if any."""
        for a, b in self.sentences:
            if a < span[1] and span[0] < b:
                sentence = self.source[a:b]
                if any(a + x < span[1] and span[0] < a + y for x, y in negated_clauses(sentence)):
                    return sentence
        return None

    def classify(self, quote: Quote, near: float | None) -> tuple[list[str], str, bool]:
        """(categories, the sentence or line that triggered them, located?)."""
        span = locate(quote.text, self.folded, near)
        sentences = self.overlapping_sentences(span) if span else [quote.text]
        found: list[str] = []
        detail = ""
        if span and any(a < span[1] and span[0] < b for a, b in self.contents):
            found.append("contents")
        denial = (
            self.quoted_denial(span) if span else next(filter(negated_sentence, sentences), None)
        )
        if denial is not None:
            found.append("negated")
            detail = denial.strip()
        hit = next((s for s in sentences if definitional_sentence(s, self.case)), None)
        if hit is not None:
            found.append("definition")
            detail = detail or hit.strip()
        if any(quotes_overlap(quote.text, f) for f in self.flagged):
            found.append("flagged")
        bad = sorted({name for ch, name in BAD_CHARACTERS.items() if ch in quote.text})
        if bad:
            found.append("characters")
            detail = detail or ", ".join(bad)
        return found, detail, span is not None


def audit_dossier(
    label: DossierLabel, source: str, assessment: Assessment, text: str
) -> DossierAudit:
    view = SourceView(source, label)
    result = DossierAudit(label.file)
    for quote in evidence_quotes(label.file, assessment):
        result.quotes += 1
        near = quote.start / len(text) if quote.start is not None and text else None
        categories, detail, located = view.classify(quote, near)
        result.unlocated += not located
        if categories:
            result.findings.append(Finding(quote, categories, detail))
    alarms = alerts_of(assessment, "calculation_error")
    result.calc_alarms = len(alarms)
    result.false_calc_alarms = [
        a.quote
        for a in alarms
        if not any(alert_matches_error(a, e) for e in label.calculation_errors)
    ]
    return result


def audit_set(folder: Path, fmt: str, services: Services) -> list[DossierAudit]:
    """Assess every labelled dossier of ``folder`` (rendered to ``fmt``) and audit it."""
    labels = checked_labels(folder, services.referentiel)
    with tempfile.TemporaryDirectory(prefix="dossier-audit-") as tmp:
        dossiers = [(lb, render(folder / lb.file, fmt, Path(tmp))) for lb in labels]
        outcome = run("engine", engine_assess(services), services.ingest, dossiers)
    audits = []
    for case in outcome.cases:
        if case.assessment is None:
            audits.append(DossierAudit(case.label.file, failed=True))
            continue
        source = (folder / case.label.file).read_text(encoding="utf-8")
        audits.append(audit_dossier(case.label, source, case.assessment, case.text))
    return audits


# ----------------------------------------------------------------------------- printing


def totals(audits: Sequence[DossierAudit]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for a in audits:
        counts["dossiers"] += 1
        counts["failed"] += a.failed
        counts["quotes"] += a.quotes
        counts["unlocated"] += a.unlocated
        counts["calc alarms"] += a.calc_alarms
        counts["false calc"] += len(a.false_calc_alarms)
        for f in a.findings:
            counts.update(f.categories)
    return counts


COLUMNS = ("dossiers", "quotes", *CATEGORIES, "unlocated", "calc alarms", "false calc", "failed")


def table(rows: Sequence[tuple[str, Counter[str]]]) -> str:
    head = "| set | format | " + " | ".join(COLUMNS) + " |"
    lines = [head, "|" + "---|" * (len(COLUMNS) + 2)]
    for name, counts in rows:
        set_name, fmt = name.split(" ")
        lines.append(
            f"| {set_name} | {fmt} | " + " | ".join(str(counts[c]) for c in COLUMNS) + " |"
        )
    return "\n".join(lines)


def listing(audits: Sequence[DossierAudit]) -> str:
    lines = []
    for a in audits:
        for f in a.findings:
            what = f"{f.quote.where} ({f.quote.status})"
            lines.append(f"{a.file} {what} [{', '.join(f.categories)}]")
            lines.append(f"    quote: {f.quote.text[:300]!r}")
            if f.detail and f.detail != f.quote.text:
                lines.append(f"    from : {f.detail[:300]!r}")
        for q in a.false_calc_alarms:
            lines.append(f"{a.file} false calculation alarm: {q[:300]!r}")
    return "\n".join(lines) or "(nothing flagged)"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m eval.quote_audit", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--set", dest="sets", action="append", choices=sorted(SETS), required=True,
        help="A labelled set (as in eval.run); give --set several times for several sets.",
    )  # fmt: skip
    parser.add_argument("--format", choices=["md", "pdf", "docx"], default="md")
    parser.add_argument("-v", "--verbose", action="store_true", help="List the flagged quotes.")
    args = parser.parse_args(argv)
    if args.verbose and HELD_OUT.intersection(args.sets):
        parser.error("-v is refused on held-out sets: counts only (eval/README.md)")
    return args


def main(argv: Sequence[str] | None = None, services: Services | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = parse_args(argv)
    services = measuring(services)
    rows = []
    for name in args.sets:
        audits = audit_set(SETS[name], args.format, services)
        rows.append((f"{name} {args.format}", totals(audits)))
        if args.verbose:
            print(f"## {name} ({args.format})\n{listing(audits)}\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
