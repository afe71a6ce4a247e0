"""People's names in a dossier, found by their context: a civility ("Mme"), a role
("Rédigé par", "Tuteur :", "Signé"), a signature block, or a first name from the list shipped
with the package (``data/first_names.txt``) next to a surname."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from itertools import pairwise

from assistant.textnorm import fold

_L = r"[^\W\d_]"
TOKEN = re.compile(rf"{_L}+(?:['’]{_L}+)?(?:[-‐‑]{_L}+)*")

CIVILITY = re.compile(
    r"\b(?:M\.|MM\.|Mme|Mmes|Mlle|[Mm]onsieur|[Mm]adame|[Mm]ademoiselle|MONSIEUR|MADAME|Dr\.?"
    r"|Docteur|Pr\.)\s+"
)
# a role whose next words are a person's name, whatever their case after a colon
STRONG_ROLE = re.compile(
    r"\b(?:(?:r[ée]dig[ée]e?|r[ée]alis[ée]e?|pr[ée]sent[ée]e?|[ée]crit|soutenu|pr[ée]par[ée]e?)"
    r"\s+par|tut(?:eur|rice)(?:\s+(?:entreprise|p[ée]dagogique|acad[ée]mique|de\s+stage))?"
    r"|ma[iî]tre\s+d['’]apprentissage|ma[iî]tre\s+de\s+stage|candidat(?:e)?|[ée]tudiant(?:e)?"
    r"|apprenti(?:e)?|alternant(?:e)?|auteure?|nom(?:\s+et\s+pr[ée]nom)?"
    r"|pr[ée]nom(?:\s+et\s+nom)?|sign[ée]e?|signature|encadrant(?:e)?|r[ée]f[ée]rent(?:e)?)\b"
    r"\s*(?P<colon>:)?\s*",
    re.IGNORECASE,
)
# a role whose next words are a name only when they look like one
WEAK_ROLE = re.compile(
    r"\b(?:responsable|manager|direct(?:eur|rice)|fondat(?:eur|rice)|co-?fondat(?:eur|rice)"
    r"|g[ée]rante?|contact|pr[ée]sidente?|PDG|CEO|DG|chef(?:fe)?\s+de\s+projet|interlocut\w+)\b"
    r"\s*:?\s*",
    re.IGNORECASE,
)
SIGN_OFF = re.compile(
    r"^\s*(?:signature|sign[ée]e?|lu\s+et\s+approuv[ée]|fait\s+[àa]\s|cordialement|bien\s+[àa]"
    r"\s+vous)\b.*$",
    re.IGNORECASE | re.MULTILINE,
)


def _words(text: str, folded: bool = True) -> frozenset[str]:
    return frozenset(fold(w) if folded else w for w in text.split())


NOT_NAMES = _words(
    """
    le la les un une des de du d l au aux et ou en pour par dans sur avec sans chez notre nos
    votre vos mon ma mes son sa ses leur leurs ce cet cette ces il elle ils elles nous vous on
    je tu qui que quoi dont selon entre depuis vers afin ainsi mais donc or ni car
    monsieur madame mademoiselle m mm mme mmes mlle dr docteur me pr
    nom prenom tuteur tutrice signature signe candidat candidate etudiant etudiante auteur
    auteure apprenti apprentie alternant alternante responsable manager directeur directrice
    contact redige realise presente encadrant encadrante referent referente
    analyse matrice plan politique economique sociale social total bloc epreuve annexe partie
    chapitre sommaire introduction conclusion bachelor dossier rapport memoire entreprise
    societe groupe marque agence projet mission stage alternance objectif objectifs strategie
    marketing communication digital digitale cible budget planning tableau figure source
    janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
    lundi mardi mercredi jeudi vendredi samedi dimanche
    france paris lyon marseille lille bordeaux nantes toulouse rennes nice strasbourg europe
    porter pestel swot kotler maslow ansoff mckinsey boston bcg smart aida
    nord sud est ouest saint sainte rue avenue boulevard place
    """
)
ACRONYMS = _words(
    """
    PESTEL PESTE SWOT RNCP KPI KPIS SEO SEA SEM SMO ROI CRM ERP B2B B2C FCS PME TPE ETI SARL SAS
    SA SASU EURL CDI CDD RSE TVA HT TTC CA BFR EBE CAF PDG CEO DG RH IA UX UI CTA CPC CPM CTR
    FAQ PDF URL RGPD CNIL INSEE AGEC UE USA DOM TOM IUT BTS BUT MBA ESC ISO AFNOR BCG AIDA
    SMART OK NB PS TV PLV GMS GSA GSB DIY LCD LED
    """,
    folded=False,
)
# first names that are also common words: masked alone only when written as names
COMMON_WORDS = _words(
    """
    rose pierre marine jade violette guy martin jean ambre capucine clemence lila germain
    angelique marc pascal charlotte madeleine maxime blanche aurore
    """
)


@cache
def first_names() -> frozenset[str]:
    """The shipped first-name list, folded (lower case, no accents)."""
    text = files("assistant").joinpath("data/first_names.txt").read_text(encoding="utf-8")
    return frozenset(
        fold(line.strip()) for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def names_in(text: str) -> list[str]:
    """People's names found in ``text`` by their context."""
    return [
        *_after(CIVILITY, text, lower=None),
        *_after(STRONG_ROLE, text, lower=None),
        *_after(WEAK_ROLE, text, lower=False, weak=True),
        *_signatures(text),
        *_first_name_pairs(text),
        *_capital_surnames(text),
    ]


def _after(
    pattern: re.Pattern[str], text: str, lower: bool | None, weak: bool = False
) -> Iterator[str]:
    """Up to three name-shaped words right after each match of ``pattern`` (on one line);
    ``lower``: lower-case words count too (None: only after a colon, or after a civility
    itself in lower case, "madame froment")."""
    for match in pattern.finditer(text):
        civil = pattern is CIVILITY and match.group()[:1].islower()
        allow_lower = bool(match.groupdict().get("colon") or civil) if lower is None else lower
        words = _name_words(text, match.end(), allow_lower)
        if not words:
            continue
        if weak and not (_known(words[0]) or any(_caps(w) for w in words)):
            continue
        alone = len(words) == 1 and not (_caps(words[0]) or allow_lower or _known(words[0]))
        if alone and pattern is not CIVILITY:
            continue
        yield " ".join(words)


def _name_words(text: str, at: int, allow_lower: bool, limit: int = 3) -> list[str]:
    words: list[str] = []
    position = at
    for match in TOKEN.finditer(text, at):
        gap = text[position : match.start()]
        if gap.strip() or (words and "\n" in gap) or len(words) == limit:
            break
        word = match.group()
        if fold(word) in NOT_NAMES or not (_shaped(word) or (allow_lower and word.islower())):
            break
        words.append(word)
        position = match.end()
    return words


def _signatures(text: str) -> Iterator[str]:
    """The short name-shaped lines just under a sign-off ("Fait à Lyon, le ...")."""
    for match in SIGN_OFF.finditer(text):
        lines = [ln.strip() for ln in text[match.end() :].split("\n")[1:4] if ln.strip()]
        for line in lines[:2]:
            words = TOKEN.findall(line)
            shaped = [w for w in words if _shaped(w) and fold(w) not in NOT_NAMES]
            bare = re.sub(rf"{_L}+(?:['’]{_L}+)?(?:[-‐‑]{_L}+)*|[\s.,]", "", line)
            if 2 <= len(words) <= 4 and len(shaped) == len(words) and not bare:
                yield " ".join(words)


def _first_name_pairs(text: str) -> Iterator[str]:
    """A listed first name and the name-shaped word after it ("Lucas Martin", "Maëlle
    KERVRAN-DUAULT", "sophie bernard"), or a surname in capitals before it ("LEFÈVRE Jean");
    a listed first name written as a name stands alone too."""
    tokens = list(TOKEN.finditer(text))
    for i, match in enumerate(tokens):
        word = match.group()
        if not _known(word) or fold(word) in NOT_NAMES:
            continue
        lower = word.islower()
        if lower and fold(word) in COMMON_WORDS:
            continue
        after = _next(text, tokens, i, lower)
        before = tokens[i - 1].group() if i and _joined(text, tokens[i - 1], match) else ""
        if after:
            yield f"{word} {after}"
        elif before and _caps(before) and fold(before) not in NOT_NAMES:
            yield f"{before} {word}"
        elif not lower and not _caps(word):
            yield word


def _capital_surnames(text: str) -> Iterator[str]:
    """A name-shaped word before a surname in capitals ("Ysaline FROMENT"); unless the first
    word is a listed first name, the capitals must read as a word, not as an acronym
    ("Critère RGAA", "Club FFME")."""
    tokens = list(TOKEN.finditer(text))
    for left, right in pairwise(tokens):
        first, surname = left.group(), right.group()
        if (
            _joined(text, left, right)
            and _shaped(first)
            and not _caps(first)
            and fold(first) not in NOT_NAMES
            and _caps(surname)
            and fold(surname) not in NOT_NAMES
            and (_known(first) or _wordlike(surname))
        ):
            yield f"{first} {surname}"


def _wordlike(caps: str) -> bool:
    """Capitals that read as a word: four letters or more, with two different vowels."""
    letters = fold(caps).replace("-", "")
    return len(letters) >= 4 and len(set(letters) & set("aeiouy")) >= 2


def _next(text: str, tokens: list[re.Match[str]], i: int, lower: bool) -> str:
    if i + 1 >= len(tokens) or not _joined(text, tokens[i], tokens[i + 1]):
        return ""
    word = tokens[i + 1].group()
    if fold(word) in NOT_NAMES or word.upper() in ACRONYMS:
        return ""
    if (lower and word.islower() and len(word) >= 3) or (not lower and _shaped(word)):
        return word
    return ""


def _joined(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    """Two words separated by spaces only (no punctuation, no line break)."""
    gap = text[left.end() : right.start()]
    return bool(gap) and not gap.strip() and "\n" not in gap


def _known(word: str) -> bool:
    return any(fold(p) in first_names() for p in re.split(r"[-‐‑]", word)[:1])


def _shaped(word: str) -> bool:
    """Written as a name: capital initials ("Kervran-Duault") or capitals ("FROMENT")."""
    parts = re.split(r"[-‐‑'’]", word)
    return all(p[:1].isupper() and (p[1:].islower() or p.isupper() or len(p) == 1) for p in parts)


def _caps(word: str) -> bool:
    letters = word.replace("-", "")
    return len(letters) >= 2 and letters.isupper() and word.upper() not in ACRONYMS
