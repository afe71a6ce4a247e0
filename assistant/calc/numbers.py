"""French number reading: finds the figures of a piece of text, with their unit and span.

Reads "42 000 €", "42 000,50", "42.000", "35 %", "35,5 %", "12 k€", "1,2 M€", thousands
separated by a space, U+00A0, U+202F or U+2009, "−1 200" and, in table cells, "(1 200)".
Leaves alone what only looks like a number: dates ("12/03/2025", "12 mars"), years in prose
("2025"), phone numbers, codes glued to letters ("C14", "E5-P1"), versions and section
numbers ("RGAA 4.1", "2.3"), times ("14h30"), ordinals ("1er"), page and item numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

Unit = Literal["currency", "percent", "days", "months", "quantity", "number"]
Period = Literal["month", "year"]

_SPACE = " \u00a0\u202f\u2009"
_NUMBER = re.compile(
    rf"""
    (?<![\w/.,°+\-−])(?<!\d:)         # not glued to a word, a date, a decimal or a sign
    (?P<sign>[-−+](?=\d))?
    (?P<int>
        \d{{1,3}}(?:[{_SPACE}]\d{{3}})+(?![\d])
      | \d{{1,3}}(?:\.\d{{3}})+(?![\d]|\.\d)
      | \d+
    )
    (?P<frac>[,.]\d+)?
    (?![\d/]|[.,]\d|:\d|[-−]\d)       # not the first part of a date, time or range
    """,
    re.VERBOSE,
)
_PHONE = re.compile(r"(?<!\d)(?:\+33[\s.]?[1-9]|0[1-9])(?:[\s.\-]?\d{2}){4}(?!\d)")
_DATE = re.compile(r"(?<!\d)\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}(?!\d)")

_CURRENCY = r"(?:€|euros?\b|EUR\b)"
_TAILS: list[tuple[re.Pattern[str], float, Unit]] = [
    (re.compile(rf"^[{_SPACE}]?[kK][{_SPACE}]?{_CURRENCY}"), 1e3, "currency"),
    (re.compile(rf"^[{_SPACE}]?(?:M|Md|Mds)[{_SPACE}]?{_CURRENCY}"), 1e6, "currency"),
    (re.compile(rf"^[{_SPACE}]millions?[{_SPACE}]d['’][{_SPACE}]?euros?\b"), 1e6, "currency"),
    (re.compile(rf"^[{_SPACE}]?{_CURRENCY}"), 1.0, "currency"),
    (re.compile(rf"^[{_SPACE}]?%"), 1.0, "percent"),
    (re.compile(rf"^[{_SPACE}]pour[{_SPACE}]?cent\b"), 1.0, "percent"),
    (re.compile(rf"^[{_SPACE}]?[kK]\b"), 1e3, "number"),
    (re.compile(rf"^[{_SPACE}]millions?\b"), 1e6, "number"),
    (re.compile(rf"^[{_SPACE}](?:jours?|j\b)", re.IGNORECASE), 1.0, "days"),
    (re.compile(rf"^[{_SPACE}]mois\b", re.IGNORECASE), 1.0, "months"),
]
_QUANTITY_WORDS = (
    "unités?|produits?|articles?|exemplaires?|billets?|places?|ventes?|clients?|"
    "abonnements?|abonnés?|couverts?|repas|box|coffrets?|pièces?|entrées?|participants?|"
    "inscriptions?|commandes?|bouteilles?|paniers?|kits?|licences?|séances?|nuitées?|"
    "tickets?|visiteurs?|personnes?|menus?|prestations?|heures? facturées|ateliers?"
)
_QUANTITY = re.compile(rf"^[{_SPACE}](?:{_QUANTITY_WORDS})\b", re.IGNORECASE)
_PERIOD_MONTH = re.compile(
    rf"^[{_SPACE}]*(?:HT|TTC)?[{_SPACE}]*(?:/[{_SPACE}]*mois\b|par[{_SPACE}]+mois\b|mensuel)",
    re.IGNORECASE,
)
_PERIOD_YEAR = re.compile(
    rf"^[{_SPACE}]*(?:HT|TTC)?[{_SPACE}]*(?:/[{_SPACE}]*an\b|par[{_SPACE}]+an\b|annuel)",
    re.IGNORECASE,
)
_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    "novembre|décembre|decembre|janv|févr|fevr|avr|juil|sept|oct|nov|déc|dec"
)
_MONTH_AFTER = re.compile(rf"^[{_SPACE}](?:{_MONTHS})\b", re.IGNORECASE)
_REFERENCE_BEFORE = re.compile(
    r"(?:\bn°|\bno\.?|\bnuméro|\bp\.|\bpp\.|\bpage|\bpages|\bchapitre|\bpartie|\bsection|"
    r"\bannexe|\bfigure|\btableau|\bétape|\barticle|\balinéa|\bniveau|\bversion|\bv\.?|"
    r"\bbloc|\bépreuve|\bphase|\bsprint|\blot|\bpersona|\bgraphique|\bschéma|\bcritère)"
    rf"[{_SPACE}]*$",
    re.IGNORECASE,
)
_ACRONYM_BEFORE = re.compile(rf"\b[A-Z]{{2,}}[{_SPACE}]$")
_LETTER_AFTER = re.compile(r"^[^\W\d_]")


@dataclass(frozen=True)
class Number:
    """A figure found in a piece of text; offsets are relative to that text."""

    value: float = 0.0
    unit: Unit = "number"
    start: int = 0
    end: int = 0
    step: float = 1.0
    period: Period | None = None

    def in_unit(self) -> float:
        """The value as a plain number, a percentage as a fraction (35 % -> 0.35)."""
        return self.value / 100 if self.unit == "percent" else self.value


def find_numbers(text: str, *, accounting: bool = False) -> list[Number]:
    """Every figure of ``text`` in order. ``accounting``: "(1 200)" reads as −1 200."""
    masked = _mask(text)
    found: list[Number] = []
    for match in _NUMBER.finditer(masked):
        number = _read(masked, match, accounting=accounting)
        if number is not None:
            found.append(number)
    return found


_CELL_SIGN = re.compile(rf"^([-−–+])[{_SPACE}]*(?=\d)")  # "– 400 €", "–1 480 €" (en dash)


def parse_cell(cell: str) -> Number | None:
    """The figure of a table cell that holds one figure and nothing else but units; a sign
    set apart ('− 400 €', '+ 650 €') still counts."""
    sign = _CELL_SIGN.match(cell)
    if sign:
        number = parse_cell(cell[sign.end() :])
        if number is None or number.value < 0:
            return None
        negative = sign.group(1) != "+"
        return replace(number, value=-number.value if negative else number.value, start=0)
    numbers = find_numbers(cell, accounting=True)
    if len(numbers) != 1:
        return None
    number = numbers[0]
    rest = cell[: number.start] + " " + cell[number.end :]
    rest = re.sub(
        r"\b(?:HT|TTC|env\.?|environ|soit|approx\.?)(?!\w)|[€%~≈*]", " ", rest, flags=re.IGNORECASE
    )
    if re.search(r"[^\W\d_]", rest):
        return None
    return number


def written_scale(raw: str) -> float:
    """The multiplier a figure's unit carries as written: 1 000 for '38,9 k€', 1 000 000 for
    '1,2 M€', 1 for '38 900 €' or a bare '38,9'."""
    found = _NUMBER.search(raw)
    return _unit_of(raw[found.end() :])[0] if found else 1.0


def is_empty_cell(cell: str) -> bool:
    """A cell that stands for zero or nothing: '', '-', '—', '0'."""
    return cell.strip() in {"", "-", "–", "—", "/", "néant", "Néant", "n/a", "N/A"}


def _mask(text: str) -> str:
    """Blank out phone numbers and numeric dates so that no figure is read inside them."""
    for pattern in (_PHONE, _DATE):
        text = pattern.sub(lambda m: "#" * len(m.group(0)), text)
    return text


def _read(text: str, match: re.Match[str], *, accounting: bool) -> Number | None:
    int_part, frac = match.group("int"), match.group("frac") or ""
    dotted_decimal = frac.startswith(".")
    if _looks_like_code(text, match, int_part, dotted_decimal):
        return None
    tail = text[match.end() :]
    scale, unit, unit_len = _unit_of(tail)
    if unit == "number" and not _number_may_stand_alone(text, match, tail, frac):
        return None
    if dotted_decimal and unit not in ("currency", "percent"):
        return None
    digits = re.sub(rf"[{_SPACE}.]", "", int_part)
    value = float(f"{digits}.{frac[1:]}") if frac else float(digits)
    step = 10.0 ** -(len(frac) - 1) if frac else 1.0
    start, end = match.start(), match.end() + unit_len
    negative = match.group("sign") in ("-", "−")
    if accounting:
        start, end, negative = _parentheses(text, start, end, negative)
    return Number(
        value=(-value if negative else value) * scale,
        unit=unit,
        start=start,
        end=end,
        step=step * scale,
        period=_period_of(text[end:]),
    )


def _looks_like_code(text: str, match: re.Match[str], int_part: str, dotted: bool) -> bool:
    """Leading zeros ('07'), section numbers ('2.3.1'), multi-dot versions."""
    if len(int_part) > 1 and int_part.startswith("0") and not int_part.startswith("0,"):
        return True
    return dotted and bool(re.match(r"^\.\d", text[match.end() :]))


def _unit_of(tail: str) -> tuple[float, Unit, int]:
    for pattern, scale, unit in _TAILS:
        found = pattern.match(tail)
        if found:
            return scale, unit, found.end()
    quantity = _QUANTITY.match(tail)
    if quantity:
        return 1.0, "quantity", quantity.end()
    return 1.0, "number", 0


def _number_may_stand_alone(text: str, match: re.Match[str], tail: str, frac: str) -> bool:
    """A figure without unit: not a year, a day of a month, a reference or an acronym's code."""
    if _LETTER_AFTER.match(tail):
        return False
    raw = match.group(0)
    if not frac and re.fullmatch(r"(?:19|20)\d\d", raw):
        return False
    before = text[max(0, match.start() - 30) : match.start()]
    return not (
        _MONTH_AFTER.match(tail)
        or _REFERENCE_BEFORE.search(before)
        or _ACRONYM_BEFORE.search(before)
    )


def _parentheses(text: str, start: int, end: int, negative: bool) -> tuple[int, int, bool]:
    """Accounting notation: '(1 200)' is −1 200; the span then covers the parentheses."""
    before, after = text[:start].rstrip(), text[end:]
    if not (before.endswith("(") and after.lstrip().startswith(")")):
        return start, end, negative
    close = end + len(after) - len(after.lstrip())
    return len(before) - 1, close + 1, True


def _period_of(tail: str) -> Period | None:
    if _PERIOD_MONTH.match(tail):
        return "month"
    if _PERIOD_YEAR.match(tail):
        return "year"
    return None
