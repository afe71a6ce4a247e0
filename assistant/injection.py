"""Alerts for text that tries to steer the assessment (prompt injection) or hides from readers.

A dossier is untrusted data. A sentence that addresses the AI, the assessor or the jury with
instructions ("ignore les consignes", "attribue la note maximale", "you are an AI") is reported
to the jury and removed from the evidence; it never changes a status. Matching is done on
folded sentences (lower case, no accents) in French and English, visible or hidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.assessment import Alert
from assistant.detect.sentences import sentence_spans
from assistant.document import Document
from assistant.textnorm import fold

MAX_QUOTE = 300
MAX_HIDDEN_ALERTS = 20

# Each pattern alone is an injection: an order to drop instructions, to grade, or a role prompt.
_STRONG = [
    r"\b(?:ignore[rz]?|oublie[rz]?|neglige[rz]?|(?:ne|sans) (?:tiens|tenez|tenir|prends|prenez"
    r"|prendre) pas (?:en )?compte d)\w*"
    r"(?: \w+){0,4} (?:consignes?|instructions?|directives?|regles? d'evaluation|criteres?"
    r"|grille|bareme)",
    r"\b(?:ignore|disregard|forget|override|bypass)\b(?: \w+){0,3} "
    r"(?:instructions?|prompts?|rules|guidelines|criteria|directions|rubric)\b",
    r"\b(?:attribue[rz]?|donne[rz]?|accorde[rz]?|mets?|mettez|assigne[rz]?)\b(?: \w+){0,4}"
    r" (?:note|notes|score|evaluation) (?:maximale?|maximum|parfaite|de 20|20 ?/ ?20"
    r"|la plus haute|excellente)",
    r"\b(?:valide[rz]?|coche[rz]?|approuve[rz]?)\b (?:tous|toutes|l'ensemble|chacun)\b"
    r"(?: \w+){0,3} (?:criteres?|competences?|points?|elements?)",
    r"\b(?:considere[rz]?|marque[rz]?|evalue[rz]?|juge[rz]?|classe[rz]?)\b(?: [\w']+){0,5}"
    r" comme (?:tous )?(?:presents?|satisfaits?|valides?|conformes?|acquis|excellents?)",
    r"\b(?:give|assign|award)\b(?: \w+){0,4} (?:maximum|highest|full|top|perfect|best)"
    r" (?:score|grade|marks?|rating)",
    r"\bmark (?:all|every|each)\b(?: \w+){0,3} (?:as )?(?:met|satisfied|present|passed|valid)",
    r"\byou are (?:now )?(?:an? )?(?:ai|a\.i\.|language model|llm|assistant|chatbot|grader"
    r"|evaluator|assessor)\b",
    r"\b(?:as an ai|as a language model)\b",
    r"\b(?:tu es|vous etes) (?:une? )?(?:ia|intelligence artificielle|modele de langage"
    r"|assistant d'evaluation|correcteur automatique|outil d'evaluation)\b",
    r"\b(?:system prompt|prompt systeme|invite systeme)\b(?:[\s:,-]+\w+){0,6}[\s:,-]+"
    r"(?:ignore|remplace|nouveau|new|override|reveal|affiche|revele)",
    r"\b(?:ignore|remplace|override|reveal|affiche|revele|new|nouveau)\w*(?: \w+){0,6}"
    r" (?:system prompt|prompt systeme|invite systeme)\b",
    r"(?:^|\s)(?:<\|?(?:system|im_start)\|?>|\[(?:system|inst)\]|###\s*(?:system|instruction))",
]

# An addressee (the tool, the AI, the assessor, the jury) together with an instruction.
_ADDRESSEE = (
    r"(?:\b(?:note|message|instructions?|consignes?|remarque)s? (?:a|pour|aux?|destinee?s? a)"
    r" (?:l'|la |le |les |tout |toute |tous |un |une )?(?:\w+ ){0,2}"
    r"(?:outil|ia\b|intelligence artificielle|assistant|evaluateur|correcteur"
    r"|modele|systeme d'evaluation|jury)"
    r"|\b(?:a l'attention|a l'intention) (?:de l'|du |des )?(?:outil|ia\b|intelligence artificielle"
    r"|assistant|evaluateur|correcteur|jury|modele)"
    r"|\b(?:pour|a) (?:l'|le )?(?:ia|outil d'evaluation|intelligence artificielle|correcteur"
    r"|evaluateur) ?:"
    r"|\b(?:le|la|les|l') ?(?:correcteurs?|correctrices?|evaluateurs?|evaluatrices?|jury|ia"
    r"|outil d'evaluation|intelligence artificielle)"
    r" (?:doit|doivent|devra|devront|est prie|est invite|devez)"
    r"|\b(?:to the|dear|note to the|attention) (?:ai|assistant|grader|evaluator|assessor|model"
    r"|reviewer|jury|llm)\b"
    r"|\b(?:note|message|instructions?|reminder)s? (?:for|to) (?:any |the |all |every |an? )?"
    r"(?:\w+ ){0,2}"
    r"(?:ai|a\.i\.|llm|language model|assistant|grader|evaluator|assessor|reviewer|model)s?\b)"
)
_ORDER = (
    r"\b(?:note|noter|notez|attribue|donne|valide|validez|valider|considere|ignore|evalue"
    r"|evaluez|accorde|score|grade|must|should|ignorez?|ignorer|tenez|mark|rate|presents?"
    r"|satisfaits?|maximale?|signaler|signalez|merci de|veuillez|please|output|answer|respond"
    r"|reponds|repondez|retenez|grading|satisfait|disregard|overlook|treat|consider"
    r"|signalez pas|mentionnez pas)\b"
)

_STRONG_RE = [re.compile(p) for p in _STRONG]
_ADDRESSEE_RE = re.compile(_ADDRESSEE)
_ORDER_RE = re.compile(_ORDER)


@dataclass(frozen=True)
class Injection:
    """An injection passage: where it is, and whether the file hides it."""

    start: int
    end: int
    page: int | None
    quote: str
    hidden: bool


def is_injection(sentence: str) -> bool:
    """True when ``sentence`` gives instructions to the assessor, the AI or the jury."""
    folded = fold(sentence).replace("’", "'")
    folded = re.sub(r"\s+", " ", folded)
    if any(p.search(folded) for p in _STRONG_RE):
        return True
    addressed = _ADDRESSEE_RE.search(folded)
    return bool(addressed and _ORDER_RE.search(folded[addressed.end() :]))


def find_injections(doc: Document) -> list[Injection]:
    """Injection sentences in every block of ``doc``, hidden ones included."""
    found: list[Injection] = []
    for block in doc.blocks:
        for start, end in sentence_spans(block.text, block.start):
            sentence = doc.text[start:end]
            if is_injection(sentence):
                page = block.page if block.page is not None else doc.page_at(start)
                found.append(Injection(start, end, page, _shorten(sentence), block.hidden))
    return found


def hidden_injections(doc: Document) -> list[Injection]:
    """Injection text among the hidden findings that is not already in ``doc.text`` blocks."""
    out: list[Injection] = []
    for finding in doc.hidden:
        if finding.quote and finding.quote in doc.text:
            continue
        for start, end in sentence_spans(finding.quote):
            if is_injection(finding.quote[start:end]):
                quote = _shorten(finding.quote[start:end])
                out.append(Injection(-1, -1, finding.page, quote, True))
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
