"""Figures written the French way for messages: '52 500 €', '40 %', '157,5 jours'."""

from __future__ import annotations

from assistant.calc.numbers import Unit

NBSP = "\u00a0"
_SUFFIX: dict[Unit, str] = {
    "currency": f"{NBSP}€",
    "percent": f"{NBSP}%",
    "days": f"{NBSP}jours",
    "months": f"{NBSP}mois",
    "quantity": f"{NBSP}unités",
    "number": "",
}


def number(value: float, decimals: int = 2) -> str:
    """'52 500', '157,5', '0,35': thousands separated, decimal comma, no useless zeros."""
    rounded = round(value, decimals)
    if abs(rounded - round(rounded)) < 10**-decimals / 2:
        text = f"{round(rounded):,}"
    else:
        text = f"{rounded:,.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(",", NBSP).replace(".", ",")


def amount(value: float, unit: Unit) -> str:
    """A figure with its unit: amount(52500, 'currency') == '52 500 €'."""
    return number(value, 1 if unit in ("percent", "days") else 2) + _SUFFIX[unit]
