"""Pseudonymisation before any LLM call: people's names, e-mail addresses, phone numbers,
social handles and profile links are replaced by placeholders ("[PERSONNE_1]"), and restored
in what comes back.

Names are found offline, from their context in the dossier itself: a civility ("Mme"), a role
("Rédigé par", "Tuteur :", "Signé"), a signature block, or a first name from the list shipped
with the package (``data/first_names.txt``) next to a surname. A name once found is masked
everywhere, whatever its case, accents or hyphenation ("Jean-Pierre Lefèvre", "JEAN PIERRE
LEFEVRE", "jean-pierre lefèvre"); its parts alone are masked when written as names (capital
initial or capitals), and a first name from the list also in lower case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from itertools import pairwise

from assistant.document import Document
from assistant.textnorm import fold

_L = r"[^\W\d_]"
_TOKEN = re.compile(rf"{_L}+(?:['’]{_L}+)?(?:[-‐‑]{_L}+)*")
_SEP = r"[\s\-‐‑]+"  # between a name's parts: a space, a line break or a hyphen

_AT = (
    r"(?:\s*(?:\[\s*(?:at|@|arobase)\s*\]|\(\s*(?:at|@|arobase)\s*\)|\{\s*(?:at|@)\s*\})\s*"
    r"|\s+(?:at|arobase)\s+|@)"
)
_DOT = r"(?:\s*(?:\[\s*(?:dot|point|\.)\s*\]|\(\s*(?:dot|point|\.)\s*\))\s*|\s+(?:dot|point)\s+|\.)"
EMAIL = re.compile(
    rf"(?<![\w.+-])[\w+-]+(?:{_DOT}[\w+-]+)*{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[a-z]{{2,12}}\b",
    re.IGNORECASE,
)
_SOCIAL = (
    r"linkedin\.com|instagram\.com|instagr\.am|facebook\.com|fb\.com|twitter\.com|x\.com"
    r"|tiktok\.com|youtube\.com|youtu\.be|github\.com|behance\.net|dribbble\.com|pinterest\.\w+"
    r"|threads\.net|snapchat\.com|medium\.com|viadeo\.com|malt\.fr|linktr\.ee|twitch\.tv"
)
PROFILE = re.compile(
    rf"(?:https?://)?(?:[\w-]+\.)*(?:{_SOCIAL})/[^\s<>()\[\]{{}},;\"']+", re.IGNORECASE
)
HANDLE = re.compile(r"(?<![\w.@/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
_PHONES = (
    # +33 (0)6 12 34 56 78, 0033 6 12..., +41 79 123 45 67, +1 (514) 555-0199
    r"(?<![\w+])(?:\+|00)\s?[1-9]\d{0,2}(?:\s?\(0\))?(?:[\s.\-]?\(?\d{1,4}\)?){2,6}(?!\d)",
    # 06 12 34 56 78, 06.12.34.56.78, 079 123 45 67, 0470 12 34 56
    r"(?<![\w+])0\d{1,3}(?:[\s.\-]?\d{2,3}){3,4}(?!\d)",
)
PHONE = re.compile("|".join(_PHONES))
PHONE_DIGITS = (9, 15)

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
    r"|pr[ée]nom(?:\s+et\s+nom)?|sign[ée]e?|signature|encadrant(?:e)?|r[ée]f[ée]rent(?:e)?)"
    r"\s*(?P<colon>:)?\s*",
    re.IGNORECASE,
)
# a role whose next words are a name only when they look like one
WEAK_ROLE = re.compile(
    r"\b(?:responsable|manager|direct(?:eur|rice)|fondat(?:eur|rice)|co-?fondat(?:eur|rice)"
    r"|g[ée]rante?|contact|pr[ée]sidente?|PDG|CEO|DG|chef(?:fe)?\s+de\s+projet|interlocut\w+)"
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


_NOT_NAMES = _words(
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
_COMMON_WORDS = _words(
    """
    rose pierre marine jade violette guy martin jean ambre capucine clemence lila germain
    angelique marc pascal charlotte madeleine maxime
    """
)


@cache
def first_names() -> frozenset[str]:
    """The shipped first-name list, folded (lower case, no accents)."""
    text = files("assistant").joinpath("data/first_names.txt").read_text(encoding="utf-8")
    return frozenset(
        fold(line.strip()) for line in text.splitlines() if line.strip() and line[0] != "#"
    )


@dataclass
class Pseudonymiser:
    """A reversible mapping from real values to placeholders for one dossier."""

    mapping: dict[str, str] = field(default_factory=dict)
    _names: set[str] = field(default_factory=set)  # values matched as names (case, accents)

    @classmethod
    def for_document(cls, doc: Document) -> Pseudonymiser:
        return cls.for_text(doc.text)

    @classmethod
    def for_text(cls, text: str, extra_names: tuple[str, ...] = ()) -> Pseudonymiser:
        found = cls()
        for pattern, kind in ((PROFILE, "PROFIL"), (EMAIL, "EMAIL"), (HANDLE, "COMPTE")):
            for match in pattern.finditer(text):
                found._add(match.group().strip(), kind)
        for match in PHONE.finditer(text):
            if PHONE_DIGITS[0] <= sum(c.isdigit() for c in match.group()) <= PHONE_DIGITS[1]:
                found._add(match.group().strip(), "TELEPHONE")
        for name in [*extra_names, *names_in(text)]:
            found.add_name(name)
        return found

    def add_name(self, name: str) -> None:
        """Mask ``name`` (every case, accent and hyphenation), and its parts written as names."""
        parts = [p for p in _TOKEN.findall(name) if fold(p) not in _NOT_NAMES]
        if not parts:
            return
        self._add(" ".join(parts), "PERSONNE", name=True)
        for part in parts:
            pieces = [part, *re.split(r"[-‐‑]", part)] if "-" in part else [part]
            for piece in pieces:
                if len(piece) >= 3 and fold(piece) not in _NOT_NAMES:
                    self._add(piece, "PERSONNE", name=True)

    def _add(self, value: str, kind: str, name: bool = False) -> None:
        key = _key(value) if name else value
        if any((_key(v) if v in self._names else v) == key for v in self.mapping):
            return
        count = sum(1 for p in self.mapping.values() if p.startswith(f"[{kind}_"))
        self.mapping[value] = f"[{kind}_{count + 1}]"
        if name:
            self._names.add(value)

    def mask(self, text: str) -> str:
        for value in sorted(self.mapping, key=len, reverse=True):
            placeholder = self.mapping[value]
            if value in self._names:
                text = _name_pattern(value).sub(_masker(value, placeholder), text)
            else:
                text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", placeholder, text)
        return text

    def unmask(self, text: str) -> str:
        for value, placeholder in sorted(self.mapping.items(), key=lambda kv: -len(kv[1])):
            text = text.replace(placeholder, value)
        return text


def _masker(value: str, placeholder: str) -> Callable[[re.Match[str]], str]:
    """Replace a name's occurrence; a single word in lower case only if it is a first name
    that is no common word ("sophie", not "pierre" nor "froment")."""
    single = len(_TOKEN.findall(value)) == 1 and "-" not in value
    lower_ok = not single or (fold(value) in first_names() and fold(value) not in _COMMON_WORDS)

    def replace(match: re.Match[str]) -> str:
        written = match.group()
        if lower_ok or written[:1].isupper():
            return placeholder
        return written

    return replace


def _key(value: str) -> str:
    return " ".join(fold(p) for p in re.split(_SEP, value) if p)


@lru_cache(maxsize=4096)
def _name_pattern(value: str) -> re.Pattern[str]:
    """``value`` in any case, with or without accents, its parts joined by spaces, line
    breaks or hyphens."""
    parts = [p for p in re.split(_SEP, value) if p]
    body = _SEP.join("".join(_letter(c) for c in part) for part in parts)
    return re.compile(rf"(?<![\w\[]){body}(?!\w)", re.IGNORECASE)


def _letter(char: str) -> str:
    base = unicodedata.normalize("NFKD", char.lower())[0]
    if not base.isalpha():
        return re.escape(char)
    variants = {base, char.lower(), *_ACCENTED.get(base, "")}
    return "[" + "".join(sorted(re.escape(v) for v in variants)) + "]"


_ACCENTED = {
    "a": "àâäáã",
    "c": "ç",
    "e": "éèêë",
    "i": "îïíì",
    "o": "ôöóò",
    "u": "ùûüú",
    "y": "ÿý",
    "n": "ñ",
}


# --- finding names -------------------------------------------------------------------------


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
        allow_lower = (
            bool(match.groupdict().get("colon") or match.group()[:1].islower())
            if lower is None
            else lower
        )
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
    for match in _TOKEN.finditer(text, at):
        gap = text[position : match.start()]
        if gap.strip() or (words and "\n" in gap) or len(words) == limit:
            break
        word = match.group()
        if fold(word) in _NOT_NAMES or not (_shaped(word) or (allow_lower and word.islower())):
            break
        words.append(word)
        position = match.end()
    return words


def _signatures(text: str) -> Iterator[str]:
    """The short name-shaped lines just under a sign-off ("Fait à Lyon, le ...")."""
    for match in SIGN_OFF.finditer(text):
        lines = [ln.strip() for ln in text[match.end() :].split("\n")[1:4] if ln.strip()]
        for line in lines[:2]:
            words = _TOKEN.findall(line)
            shaped = [w for w in words if _shaped(w) and fold(w) not in _NOT_NAMES]
            bare = re.sub(rf"{_L}+(?:['’]{_L}+)?(?:[-‐‑]{_L}+)*|[\s.,]", "", line)
            if 2 <= len(words) <= 4 and len(shaped) == len(words) and not bare:
                yield " ".join(words)


def _first_name_pairs(text: str) -> Iterator[str]:
    """A listed first name and the name-shaped word after it ("Lucas Martin", "Maëlle
    KERVRAN-DUAULT", "sophie bernard"), or a surname in capitals before it ("LEFÈVRE Jean");
    a listed first name written as a name stands alone too."""
    tokens = list(_TOKEN.finditer(text))
    for i, match in enumerate(tokens):
        word = match.group()
        if not _known(word) or fold(word) in _NOT_NAMES:
            continue
        lower = word.islower()
        if lower and fold(word) in _COMMON_WORDS:
            continue
        after = _next(text, tokens, i, lower)
        before = tokens[i - 1].group() if i and _joined(text, tokens[i - 1], match) else ""
        if after:
            yield f"{word} {after}"
        elif before and _caps(before) and fold(before) not in _NOT_NAMES:
            yield f"{before} {word}"
        elif not lower and not _caps(word):
            yield word


def _capital_surnames(text: str) -> Iterator[str]:
    """A name-shaped word before a surname in capitals ("Ysaline FROMENT")."""
    tokens = list(_TOKEN.finditer(text))
    for left, right in pairwise(tokens):
        first, surname = left.group(), right.group()
        if (
            _joined(text, left, right)
            and _shaped(first)
            and not _caps(first)
            and fold(first) not in _NOT_NAMES
            and _caps(surname)
            and len(surname) >= 3
            and fold(surname) not in _NOT_NAMES
        ):
            yield f"{first} {surname}"


def _next(text: str, tokens: list[re.Match[str]], i: int, lower: bool) -> str:
    if i + 1 >= len(tokens) or not _joined(text, tokens[i], tokens[i + 1]):
        return ""
    word = tokens[i + 1].group()
    if fold(word) in _NOT_NAMES or word.upper() in ACRONYMS:
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
