"""Alerts for text that tries to steer the assessment (prompt injection) or hides from readers.

A dossier is untrusted data. Text that addresses the dossier's reader (an AI, a grader, the
"système", the jury) and asks it to mark, validate, ignore or report something is reported to
the jury and removed from the evidence; it never changes a status. ``meaning`` decides by
addressee and request, in French, English, Spanish, German, Italian, Portuguese and Dutch,
and by a loan-word address in languages it does not hold, over runs of sentences, on text
folded by ``scan_fold`` (homoglyphs, zero-width characters, accents). Ingestion flags the
blocks; ``meaning`` (and its lexicon, ~0.3 s to compile) is imported only by the functions
that read text again, so a review that only reads the flags never loads it. A learned second
reading (``learned``: USE embedding and the rules' cues, weights in ``model/``) scores the few
candidate sentences ingestion keeps (``windows``) after parsing, for wordings the rules miss;
below its alarm, the sentences it finds suspect are kept out of the evidence and of model
requests without an alert (``Block.suspect``, ``suspect_spans``): defence in depth, so that an
instruction the alarm misses is still not quoted. Last, ``requests`` keeps out of the
evidence, without an alert, every sentence that asks the dossier's reader for something
(the reader named with a request mood, a criterion of the grid given one), whatever its
form of address and whether or not anything above raised an alarm.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.assessment import Alert
from assistant.document import Block, Document

MAX_QUOTE = 300
MAX_HIDDEN_ALERTS = 20


@dataclass(frozen=True)
class Injection:
    """An injection passage: where it is, and whether the file hides it."""

    start: int
    end: int
    page: int | None
    quote: str
    hidden: bool


def is_injection(text: str) -> bool:
    """True when ``text`` addresses the dossier's reader (a tool, an AI, the jury) and asks it
    to judge, validate, ignore or report something."""
    from assistant.injection.meaning import is_instruction

    return is_instruction(text)


def find_injections(doc: Document) -> list[Injection]:
    """Instructions to the reader in ``doc``, hidden blocks included, read as one run of
    sentences so that an address and its request may sit in different sentences or
    paragraphs."""
    from assistant.injection.meaning import cues, instruction_runs
    from assistant.injection.spans import scan_spans

    spans: list[tuple[int, int, Block]] = []
    for block in doc.blocks:
        spans.extend((s, e, block) for s, e in scan_spans(block.text, block.start))
    found: list[Injection] = []
    for first, last in instruction_runs([cues(doc.text[s:e]) for s, e, _ in spans]):
        start, end = spans[first][0], spans[last][1]
        blocks = [b for _, _, b in spans[first : last + 1]]
        page = blocks[0].page if blocks[0].page is not None else doc.page_at(start)
        hidden = any(b.hidden for b in blocks)
        found.append(Injection(start, end, page, _shorten(doc.text[start:end]), hidden))
    return found


def flagged_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans of ``doc.text`` that are instructions to the reader (``injection_passages``)
    or suspect of being one (``suspect_spans``): what no evidence, tutor passage or model
    request may contain."""
    found = [(i.start, i.end) for i in injection_passages(doc) if i.start >= 0]
    return found + suspect_spans(doc)


def suspect_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans of the blocks the learned reading found suspect (below the alarm): kept out of
    the evidence and of model requests, reported to nobody."""
    return [(b.start, b.end) for b in doc.blocks if b.suspect]


def injection_passages(doc: Document) -> list[Injection]:
    """The passages ingestion flagged as instructions to the reader (adjacent flagged blocks
    make one passage), and hidden findings that carry one: what the alerts report and what
    ``excluded`` spans hold. Computed once, at ingestion; nothing is scanned again here."""
    groups: list[list[Block]] = []
    for block in doc.blocks:
        if not block.injection:
            continue
        if groups and groups[-1][-1].index == block.index - 1:
            groups[-1].append(block)
        else:
            groups.append([block])
    found = [
        Injection(
            g[0].start,
            g[-1].end,
            g[0].page,
            _shorten(doc.text[g[0].start : g[-1].end]),
            any(b.hidden for b in g),
        )
        for g in groups
    ]
    return found + hidden_injections(doc)


def hidden_injections(doc: Document) -> list[Injection]:
    """Injection text among the hidden findings that is not already in ``doc.text`` blocks."""
    out: list[Injection] = []
    for finding in doc.hidden:
        if finding.quote and finding.quote in doc.text:
            continue
        if is_injection(finding.quote):
            out.append(Injection(-1, -1, finding.page, _shorten(finding.quote), True))
    return out


def injection_alerts(injections: list[Injection]) -> list[Alert]:
    """One ``prompt_injection`` alert per passage, with its page and verbatim quote."""
    alerts: list[Alert] = []
    for inj in injections:
        where = " (texte masqué dans le fichier)" if inj.hidden else ""
        alerts.append(
            Alert(
                kind="prompt_injection",
                page=inj.page,
                quote=inj.quote,
                message=(
                    f"Ce passage{where} s'adresse à l'outil d'évaluation ou au jury avec des "
                    "consignes : il a été ignoré pour la pré-évaluation. À examiner par le jury."
                ),
            )
        )
    return alerts


_REASONS = {
    "invisible_render_mode": "texte en mode invisible",
    "white_text": "texte blanc sur fond blanc",
    "low_contrast": "texte de contraste très faible",
    "tiny_font": "texte en police minuscule",
    "off_page": "texte placé hors de la page",
    "covered": "texte recouvert par un autre élément",
    "vanished": "texte masqué par le traitement de texte",
    "compressed": "texte écrasé à l'horizontale jusqu'à l'illisible",
    "not_rendered": "texte absent de la page affichée (découpé, calque masqué ou recouvert)",
    "control_chars": "caractères de contrôle invisibles",
}


def hidden_text_alerts(doc: Document) -> list[Alert]:
    """One ``hidden_text`` alert per hidden finding (duplicates merged, count capped)."""
    alerts: list[Alert] = []
    seen: set[tuple[int | None, str]] = set()
    for finding in doc.hidden:
        key = (finding.page, finding.quote.strip())
        if key in seen:
            continue
        seen.add(key)
        alerts.append(
            Alert(
                kind="hidden_text",
                page=finding.page,
                quote=_shorten(finding.quote),
                message=(
                    f"Texte invisible pour un lecteur ({_REASONS[finding.reason]}) : il n'est "
                    "jamais retenu comme preuve. À examiner par le jury."
                ),
            )
        )
    if len(alerts) > MAX_HIDDEN_ALERTS:
        rest = len(alerts) - MAX_HIDDEN_ALERTS
        alerts = alerts[:MAX_HIDDEN_ALERTS]
        alerts[-1] = alerts[-1].model_copy(
            update={"message": alerts[-1].message + f" ({rest} autres passages masqués.)"}
        )
    return alerts


def _shorten(text: str) -> str:
    text = text.strip()
    if len(text) <= MAX_QUOTE:
        return text
    cut = text[:MAX_QUOTE]
    space = cut.rfind(" ")
    return cut[:space] if space > MAX_QUOTE // 2 else cut
