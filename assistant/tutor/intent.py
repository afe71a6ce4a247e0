"""What a question asks the tutor, read from its French wording (no model needed).

- ghostwriting: a request to write or rewrite the dossier or a part of it (« Écris-moi la
  conclusion », « peux-tu rédiger ma SWOT ») — but not a question on how to write it;
- coverage: whether the candidate's own dossier treats a topic (« Mon dossier traite-t-il le
  RGAA ? », « ai-je oublié le facteur légal ? »);
- expectation: what the jury expects for a topic (« Qu'attend le jury pour la SWOT ? »);
- retrieval: anything else (« Où le candidat parle-t-il de RSE ? »).
"""

from __future__ import annotations

import re

from assistant.textnorm import fold_apostrophes
from assistant.tutor.models import Intent

_HOW_TO = re.compile(
    r"\b(comment|conseils?|astuces?|methode|quelle facon|de quelle maniere|aide[sz]?-moi a"
    r"|pistes?|exemples? de plan)\b"
)
_REQUEST = re.compile(
    r"\b(peux[- ]tu|pourrais[- ]tu|tu peux|tu pourrais|pouvez[- ]vous|pourriez[- ]vous"
    r"|vous pouvez|je veux que tu|je voudrais que tu|j'aimerais que tu|j'aimerais que vous"
    r"|est[- ]ce que tu (?:peux|pourrais)|merci de|il me faut|j'ai besoin que tu|tu veux bien)\b"
)
_WRITE_INFINITIVE = (
    r"(?:m'|me |nous )?(?:rediger|ecrire|reecrire|reformuler|generer|faire|composer|produire"
    r"|terminer|completer|corriger|ameliorer|refaire|pondre|inventer|rediges|ecrives|reecrives"
    r"|reformules|generes|fasses|composes|produises|termines|completes|corriges|ameliores"
    r"|refasses|rediger?ez|ecriviez|fassiez)\b"
)
_WRITE_IMPERATIVE = re.compile(
    r"(?:^|[.!?;:,]\s*|\b(?:et|puis|alors|stp|svp|s'il te plait)\s+)"
    r"(?:redige[sz]?|ecri[st]|ecrivez|reecri[st]|reecrivez|reformule[sz]?|genere[sz]?"
    r"|compose[sz]?|produi[st]|termine[sz]?|complete[sz]?|corrige[sz]?|ameliore[sz]?"
    r"|refai[st]|refaites|fai[st](?![- ]le point)|faites(?![- ]le point)|invente[sz]?"
    r"|donne[sz]?[- ]moi (?:un|une|le|la|les|des) (?:texte|paragraphe|redaction|version))\b"
)
_WRITE_OBJECT = re.compile(
    r"\b(dossier|partie|section|chapitre|paragraphes?|texte|introduction|intro|conclusion"
    r"|analyse|swot|pestel|porter|problematique|plan|bilan|synthese|memoire|rapport|redaction"
    r"|resume|presentation|diagnostic|recommandations?|preconisations?|pages?|contenu|lettre"
    r"|matrice|etude|budget|phrases?|version|mission|projet|strategie|a ma place|pour moi)\b"
)
_FOR_ME = re.compile(r"\b(a ma place|a notre place|pour moi)\b")
_SELF = re.compile(
    r"\b(mon|ma|mes|notre|nos|j'ai|ai[- ]je|je n'ai|j'aborde|je traite|je parle|je presente"
    r"|je mentionne|j'evoque|je cite|j'ai bien|est[- ]ce que j|le candidat|la candidate"
    r"|ce dossier|le dossier|du dossier|mon propre)\b"
)
_TREATS = re.compile(
    r"\b(traite[snr]?|traite[- ]t[- ](?:il|elle)|traitee?s?|aborde[snr]?|abordee?s?|parle[snr]?"
    r"|couvre[snt]?|couverte?s?|contien[st]|contient|mentionne[snr]?|mentionnee?s?|presente[snr]?"
    r"|presentee?s?|evoque[snr]?|evoquee?s?|inclu[st]|incluse?s?|comporte[snr]?|respecte[snr]?"
    r"|satisfai[st]|satisfaite?s?|repond[s]?|manque[snr]?|manquant|manquante?s?|oublie[snr]?"
    r"|oubliee?s?|suffisante?s?|suffit|complete?s?|incomplete?s?|figure[snr]?|developpe[snr]?"
    r"|developpee?s?|cite[snr]?|integre[snr]?|prise? en compte|prends? en compte|valide[snr]?"
    r"|tient la route|assez|bien fait|bien faite|ok|conforme|a jour|rempli[st]?|coche"
    r"|est[- ]il la|est[- ]elle la|y est|y sont|il y a|y a[- ]t[- ]il|trouve[snr]?)\b"
)
_EXPECTS = re.compile(
    r"\b(attend|attendent|attendu|attendue|attendus|attentes?|exige[snt]?|exigences?"
    r"|criteres?|evalue[snr]?|evaluee?s?|note[snr]?|faut[- ]il|dois[- ]je|doit[- ](?:il|elle)"
    r"|doit contenir|doit comporter|doivent|demande[snt]?|requis|obligatoires?|necessaires?"
    r"|mettre dans|inclure|contenir|comporter|a quoi sert|c'est quoi|qu'est[- ]ce qu"
    r"|comment (?:traiter|reussir|faire|presenter|rediger|construire|realiser|ecrire|reussit)"
    r"|que faut|il faut|bonne|bon|reussi|reussie|referentiel|jury|examinateurs?|correcteurs?)\b"
)
_WHERE = re.compile(r"^\W*ou\b")


def classify_intent(question: str) -> Intent:
    """The intent of a French question (see the module's docstring)."""
    folded = " ".join(fold_apostrophes(question).split())
    if _asks_to_write(folded):
        return "ghostwriting"
    if _WHERE.search(folded):
        return "retrieval"
    if _SELF.search(folded) and _TREATS.search(folded):
        return "coverage"
    if _EXPECTS.search(folded):
        return "expectation"
    return "retrieval"


def _asks_to_write(folded: str) -> bool:
    request = _WRITE_IMPERATIVE.search(folded)
    if request is None:
        asked = _REQUEST.search(folded)
        after = folded[asked.end() :] if asked else ""
        if not asked or not re.match(rf"\s*{_WRITE_INFINITIVE}", after):
            return False
        tail = after
    else:
        tail = folded[request.start() :]
        if _HOW_TO.search(folded[: request.start()]):
            return False
    return bool(_WRITE_OBJECT.search(tail) or _FOR_ME.search(folded))
