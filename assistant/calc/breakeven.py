"""Break-even checks: seuil de rentabilité, quantity, point mort, margin rate and MCV.

SR = charges fixes / taux de MCV, where the rate is given or comes from MCV / CA,
1 − CV / CA, 1 − taux de CV or the unit margin over the price (SR = CA × CF / MCV is the same
computation). Quantity = CF / marge unitaire. Point mort = SR / CA × 360 or 365 days, or × 12
months. A written figure is accepted when any of these routes leads to it; it is an error
only when the routes that can be followed all lead elsewhere, and none rests on a bare
"taux de marge" (which may be a commercial margin rate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.assessment import Evidence
from assistant.calc.chains import chains_in
from assistant.calc.facts import (
    AMBIGUOUS,
    VAT_RATES,
    Fact,
    Found,
    Quantity,
    Resolver,
    is_scenario,
)
from assistant.calc.figures import Figure, prose_blocks
from assistant.calc.formatting import amount
from assistant.calc.models import CalcCheck, CheckKind, CheckStatus
from assistant.calc.outcome import at_page, close, evidence_of
from assistant.calc.vocabulary import folded
from assistant.referentiel.models import Calculation

NAMES: dict[Quantity, str] = {
    "fixed_costs": "charges fixes",
    "variable_costs": "charges variables",
    "revenue": "chiffre d'affaires",
    "mcv": "marge sur coût variable",
    "mcv_rate": "taux de marge sur coût variable",
    "margin_rate": "taux de marge",
    "cv_rate": "taux de charges variables",
    "breakeven": "seuil de rentabilité",
    "breakeven_qty": "seuil de rentabilité en quantité",
    "breakeven_days": "point mort en jours",
    "breakeven_months": "point mort en mois",
    "unit_price": "prix de vente unitaire",
    "unit_variable_cost": "coût variable unitaire",
    "unit_margin": "marge unitaire",
}


@dataclass(frozen=True)
class Route:
    """One way to the expected value: the value, the facts it rests on, how to say it."""

    value: float
    facts: tuple[Fact, ...]
    formula: str
    strong: bool = True


@dataclass
class Context:
    resolver: Resolver
    text: str
    tolerance: float


def check_breakeven(facts: list[Fact], text: str, *, tolerance: float) -> list[CalcCheck]:
    """Every break-even figure of the dossier, redone from the figures around it."""
    context = Context(Resolver(facts), text, tolerance)
    checks: list[CalcCheck] = []
    for fact in facts:
        check = _CHECKS[fact.quantity](fact, context) if fact.quantity in _CHECKS else None
        if check is not None:
            checks.append(check)
    return checks


def _fmt(fact: Fact) -> str:
    return amount(fact.figure.value, fact.figure.unit)


def _rates(target: Fact, ctx: Context) -> tuple[list[Route], list[str]]:
    """Routes to the margin rate on variable cost, and the inputs found ambiguous."""
    find = ctx.resolver.find
    got = {q: find(target, q) for q in _RATE_INPUTS}
    ambiguous = [NAMES[q] for q, f in got.items() if f == AMBIGUOUS]
    fact = {q: f for q, f in got.items() if isinstance(f, Fact)}
    routes: list[Route] = []
    if "mcv_rate" in fact:
        rate = fact["mcv_rate"]
        routes.append(Route(rate.value, (rate,), f"taux de marge sur coût variable {_fmt(rate)}"))
    if {"mcv", "revenue"} <= fact.keys() and fact["revenue"].value:
        mcv, ca = fact["mcv"], fact["revenue"]
        formula = f"× chiffre d'affaires {_fmt(ca)} / marge sur coût variable {_fmt(mcv)}"
        routes.append(Route(mcv.value / ca.value, (mcv, ca), formula))
    if {"variable_costs", "revenue"} <= fact.keys() and fact["revenue"].value:
        cv, ca = fact["variable_costs"], fact["revenue"]
        formula = f"/ (1 − charges variables {_fmt(cv)} / chiffre d'affaires {_fmt(ca)})"
        routes.append(Route(1 - cv.value / ca.value, (cv, ca), formula))
    if "cv_rate" in fact:
        cvr = fact["cv_rate"]
        routes.append(
            Route(1 - cvr.value, (cvr,), f"/ (1 − taux de charges variables {_fmt(cvr)})")
        )
    routes += _unit_rates(fact)
    if "margin_rate" in fact:
        rate = fact["margin_rate"]
        routes.append(Route(rate.value, (rate,), f"taux de marge {_fmt(rate)}", strong=False))
    return [r for r in routes if r.value > 0], ambiguous


_RATE_INPUTS: tuple[Quantity, ...] = (
    "mcv_rate",
    "mcv",
    "revenue",
    "variable_costs",
    "cv_rate",
    "unit_price",
    "unit_variable_cost",
    "unit_margin",
    "margin_rate",
)


def _unit_rates(fact: dict[Quantity, Fact]) -> list[Route]:
    routes = []
    price = fact.get("unit_price")
    if price is None or not price.value:
        return []
    if "unit_variable_cost" in fact:
        uvc = fact["unit_variable_cost"]
        formula = f"/ (1 − coût variable unitaire {_fmt(uvc)} / prix unitaire {_fmt(price)})"
        routes.append(Route(1 - uvc.value / price.value, (uvc, price), formula))
    if "unit_margin" in fact:
        margin = fact["unit_margin"]
        formula = f"/ (marge unitaire {_fmt(margin)} / prix unitaire {_fmt(price)})"
        routes.append(Route(margin.value / price.value, (margin, price), formula))
    return routes


def _check_amount(target: Fact, ctx: Context) -> CalcCheck | None:
    """SR = CF / taux de MCV."""
    cf = ctx.resolver.find(target, "fixed_costs")
    rates, ambiguous = _rates(target, ctx)
    if not isinstance(cf, Fact) or not rates:
        missing = _missing(cf, "charges fixes") + (
            [] if rates else ["taux de marge sur coût variable"]
        )
        ambiguous += _ambiguous(cf, "charges fixes")
        return _unverified(target, "seuil_rentabilite", missing, ambiguous, ctx)
    routes = [
        Route(cf.value / r.value, (cf, *r.facts), _sr_formula(cf, r), r.strong) for r in rates
    ]
    return _judge(target, "seuil_rentabilite", routes, ctx)


def _sr_formula(cf: Fact, rate: Route) -> str:
    if rate.formula.startswith("taux"):
        return f"charges fixes {_fmt(cf)} / {rate.formula}"
    return f"charges fixes {_fmt(cf)} {rate.formula}"


def _check_quantity(target: Fact, ctx: Context) -> CalcCheck | None:
    """Quantity = CF / (prix − coût variable unitaire), or SR / prix; per month or week when
    the quantity is ('120 couverts par mois'), never checked per day (days open vary)."""
    per = _PER.match(target.figure.after)
    divisor = _DIVISORS.get(per.group(1), 0.0) if per else 1.0
    if not divisor:
        return None
    find = ctx.resolver.find
    got = {q: find(target, q) for q in _QUANTITY_INPUTS}
    routes = _quantity_routes({q: f for q, f in got.items() if isinstance(f, Fact)})
    if not routes:
        missing = _missing(got["fixed_costs"], "charges fixes")
        missing += _missing(got["unit_margin"], "marge unitaire")
        ambiguous = [NAMES[q] for q, f in got.items() if f == AMBIGUOUS]
        return _unverified(target, "seuil_quantite", missing, ambiguous, ctx)
    if divisor != 1.0:
        per_text = "par mois (÷ 12)" if divisor == 12 else "par semaine (÷ 52)"
        routes = [
            replace(r, value=r.value / divisor, formula=f"{r.formula}, {per_text}") for r in routes
        ]
    return _judge(target, "seuil_quantite", routes, ctx, step=1.0)


_QUANTITY_INPUTS: tuple[Quantity, ...] = (
    "fixed_costs",
    "unit_price",
    "unit_variable_cost",
    "unit_margin",
    "breakeven",
)


def _quantity_routes(fact: dict[Quantity, Fact]) -> list[Route]:
    routes: list[Route] = []
    cf, price = fact.get("fixed_costs"), fact.get("unit_price")
    margin, uvc, sr = fact.get("unit_margin"), fact.get("unit_variable_cost"), fact.get("breakeven")
    if cf and margin and margin.value > 0:
        formula = f"charges fixes {_fmt(cf)} / marge unitaire {_fmt(margin)}"
        routes.append(Route(cf.value / margin.value, (cf, margin), formula))
    if cf and price and uvc and price.value > uvc.value:
        formula = (
            f"charges fixes {_fmt(cf)} / (prix unitaire {_fmt(price)}"
            f" − coût variable unitaire {_fmt(uvc)})"
        )
        routes.append(Route(cf.value / (price.value - uvc.value), (cf, price, uvc), formula))
    if sr and price and price.value:
        formula = f"seuil de rentabilité {_fmt(sr)} / prix unitaire {_fmt(price)}"
        routes.append(Route(sr.value / price.value, (sr, price), formula))
    return routes


_PER = re.compile(
    r"^(?:[^\W\d]+\s+){0,2}(?:par|/)\s*(jour|soir|semaine|mois|an|année)\b", re.IGNORECASE
)
_DIVISORS = {"jour": 0.0, "soir": 0.0, "semaine": 52.0, "mois": 12.0, "an": 1.0, "année": 1.0}


def _check_time(target: Fact, ctx: Context) -> CalcCheck | None:
    """Point mort = SR / CA × 360 or 365 days, or × 12 months."""
    find = ctx.resolver.find
    sr, ca = find(target, "breakeven"), find(target, "revenue")
    if not isinstance(sr, Fact) or not isinstance(ca, Fact) or not ca.value:
        missing = _missing(sr, "seuil de rentabilité") + _missing(ca, "chiffre d'affaires")
        ambiguous = _ambiguous(sr, "seuil de rentabilité") + _ambiguous(ca, "chiffre d'affaires")
        return _unverified(target, "point_mort", missing, ambiguous, ctx)
    ratio, base = sr.value / ca.value, f"seuil {_fmt(sr)} / chiffre d'affaires {_fmt(ca)}"
    if target.quantity == "breakeven_months":
        routes = [Route(ratio * 12, (sr, ca), f"{base} × 12")]
    else:
        routes = [Route(ratio * days, (sr, ca), f"{base} × {days}") for days in (360, 365)]
    return _judge(target, "point_mort", routes, ctx, step=1.0)


def _check_rate(target: Fact, ctx: Context) -> CalcCheck | None:
    """Taux de MCV = MCV / CA = 1 − CV / CA, from figures of the same section."""
    find = ctx.resolver.find
    mcv, ca = find(target, "mcv", wide=False), find(target, "revenue", wide=False)
    cv = find(target, "variable_costs", wide=False)
    routes: list[Route] = []
    if isinstance(ca, Fact) and ca.value:
        if isinstance(mcv, Fact):
            formula = f"marge sur coût variable {_fmt(mcv)} / chiffre d'affaires {_fmt(ca)}"
            routes.append(Route(mcv.value / ca.value, (mcv, ca), formula))
        if isinstance(cv, Fact):
            formula = f"1 − charges variables {_fmt(cv)} / chiffre d'affaires {_fmt(ca)}"
            routes.append(Route(1 - cv.value / ca.value, (cv, ca), formula))
    if not routes:
        return None
    return _judge(target, "taux_mcv", routes, ctx, step=target.figure.step / 100)


def _check_mcv(target: Fact, ctx: Context) -> CalcCheck | None:
    """MCV = CA − CV, from figures of the same section."""
    find = ctx.resolver.find
    ca, cv = find(target, "revenue", wide=False), find(target, "variable_costs", wide=False)
    if not isinstance(ca, Fact) or not isinstance(cv, Fact):
        return None
    formula = f"chiffre d'affaires {_fmt(ca)} − charges variables {_fmt(cv)}"
    return _judge(
        target, "marge_sur_cout_variable", [Route(ca.value - cv.value, (ca, cv), formula)], ctx
    )


def _check_unit_margin(target: Fact, ctx: Context) -> CalcCheck | None:
    """Marge unitaire = prix − coût variable unitaire, from the inputs of its own section (a
    margin worked out from another variable cost than the one the inputs give is wrong even
    when its subtraction holds); a price with VAT may be meant without it."""
    find = ctx.resolver.find
    price = find(target, "unit_price", wide=False)
    uvc = find(target, "unit_variable_cost", wide=False)
    if not isinstance(price, Fact) or not isinstance(uvc, Fact) or price.value <= uvc.value:
        return None
    formula = f"prix unitaire {_fmt(price)} − coût variable unitaire {_fmt(uvc)}"
    routes = [Route(price.value - uvc.value, (price, uvc), formula)]
    routes += [
        Route(price.value / vat - uvc.value, (price, uvc), f"{formula}, prix HT", strong=False)
        for vat in VAT_RATES
    ]
    if price.gross:  # the price restated without VAT: the margin may be taken on either
        gross = f"prix unitaire TTC {amount(price.gross, 'currency')} − coût variable unitaire"
        routes.append(Route(price.gross - uvc.value, (price, uvc), f"{gross} {_fmt(uvc)}", False))
    check = _judge(target, "marge_unitaire", routes, ctx)
    if check.status == "error" and check.expected is not None and target.value < check.expected:
        return None  # lower than price − cost: other variable costs (a commission) may be in it
    return check


_CHECKS = {
    "unit_margin": _check_unit_margin,
    "breakeven": _check_amount,
    "breakeven_qty": _check_quantity,
    "breakeven_days": _check_time,
    "breakeven_months": _check_time,
    "mcv_rate": _check_rate,
    "mcv": _check_mcv,
}
_TITLES: dict[CheckKind, tuple[str, str]] = {  # title, agreement of its adjectives
    "seuil_rentabilite": ("Seuil de rentabilité", ""),
    "seuil_quantite": ("Seuil de rentabilité en quantité", ""),
    "point_mort": ("Point mort", ""),
    "taux_mcv": ("Taux de marge sur coût variable", ""),
    "marge_sur_cout_variable": ("Marge sur coût variable", "e"),
    "marge_unitaire": ("Marge unitaire", "e"),
}


def _judge(
    target: Fact, kind: CheckKind, routes: list[Route], ctx: Context, *, step: float | None = None
) -> CalcCheck:
    """ok when one route leads to the figure written; error when strong routes all miss."""
    if step is None:
        step = target.figure.step * (12 if target.monthly else 1)
    for route in routes:
        if any(
            close(f, e, tolerance=ctx.tolerance, step=step) for f, e in _readings(target, route)
        ):
            return _outcome(target, kind, route, "ok", ctx)
    strong = [r for r in routes if r.strong]
    if not strong:
        return _outcome(target, kind, routes[0], "unverified", ctx)
    return _outcome(target, kind, strong[0], "error", ctx)


def _readings(target: Fact, route: Route) -> list[tuple[float, float]]:
    """(found, expected) pairs to compare: as written, and, when a monthly figure is involved
    without the other side saying so, per month."""
    pairs = [(target.value, route.value)]
    if target.quantity in ("breakeven_days", "breakeven_months", "mcv_rate"):
        return pairs
    if any(f.monthly for f in route.facts) and not target.monthly:
        pairs.append((target.value, route.value / 12))
    if target.monthly and not any(f.monthly for f in route.facts):
        pairs.append((target.figure.value, route.value))
    return pairs


def _outcome(
    target: Fact, kind: CheckKind, route: Route, status: CheckStatus, ctx: Context
) -> CalcCheck:
    figure, scale = target.figure, (12 if target.monthly else 1)
    expected = route.value / scale
    unit, found = figure.unit, figure.value
    if kind == "taux_mcv":
        expected, found, unit = expected * 100, target.value * 100, "percent"
    where, (title, e) = at_page(figure.page), _TITLES[kind]
    found_text, expected_text = amount(found, unit), amount(expected, unit)
    if status == "error":
        message = (
            f"{title} erroné{e}{where} : {found_text} annoncés, {expected_text} attendus "
            f"({route.formula})."
        )
    elif status == "ok":
        message = f"{title}{where} vérifié{e} : {found_text} ({route.formula})."
    else:
        message = (
            f"{title}{where} ({found_text}) non vérifié{e} : {expected_text} attendus si le "
            f"« taux de marge » cité est un taux de marge sur coût variable ({route.formula})."
        )
    return CalcCheck(
        kind=kind,
        status=status,
        figures={NAMES[f.quantity]: _shown(f) for f in route.facts},
        expected=round(expected, 4),
        found=found,
        unit=unit,
        page=figure.page,
        quote=figure.quote(ctx.text),
        message=message,
        span=(figure.start, figure.end),
        evidence=_evidence(target, kind, route, ctx) if status == "ok" else {},
    )


def _shown(fact: Fact) -> float:
    return fact.figure.value


def _evidence(
    target: Fact, kind: CheckKind, route: Route, ctx: Context
) -> dict[Calculation, list[Evidence]]:
    evidence: dict[Calculation, list[Evidence]] = {}
    if kind in ("seuil_rentabilite", "seuil_quantite", "point_mort"):
        evidence["breakeven"] = [evidence_of(target.figure, ctx.text)]
    costs = [f for f in route.facts if f.quantity in ("fixed_costs", "variable_costs")]
    if costs and (kind == "marge_sur_cout_variable" or costs[0].quantity == "fixed_costs"):
        evidence["cost_structure"] = [evidence_of(f.figure, ctx.text) for f in costs]
    return evidence


def _missing(found: Found, name: str) -> list[str]:
    return [name] if found is None else []


def _ambiguous(found: Found, name: str) -> list[str]:
    return [name] if found == AMBIGUOUS else []


def _unverified(
    target: Fact, kind: CheckKind, missing: list[str], ambiguous: list[str], ctx: Context
) -> CalcCheck:
    figure = target.figure
    found_text = amount(figure.value, figure.unit)
    reasons = [f"{', '.join(missing)} introuvable(s) près du calcul"] if missing else []
    if ambiguous:
        reasons.append(f"plusieurs valeurs différentes pour {', '.join(dict.fromkeys(ambiguous))}")
    reason = " ; ".join(reasons) or "données insuffisantes"
    title, e = _TITLES[kind]
    message = f"{title}{at_page(figure.page)} ({found_text}) non vérifié{e} : {reason}."
    return CalcCheck(
        kind=kind,
        status="unverified",
        found=figure.value,
        unit=figure.unit,
        page=figure.page,
        quote=figure.quote(ctx.text),
        message=message,
        span=(figure.start, figure.end),
    )


def check_counts_at_price(
    figures: list[Figure], facts: list[Fact], text: str, *, tolerance: float
) -> list[CalcCheck]:
    """'41 684 / 6,00 = 6 947 pintes': the break-even in value divided by the unit price is
    the break-even in quantity. The threshold is worked out without VAT, so the division by
    the price with VAT (restated without it elsewhere: '6,00 € TTC, soit 5,00 € HT') is
    wrong even when its arithmetic holds; by the price without VAT it is right."""
    thresholds = [
        f
        for f in facts
        if f.quantity == "breakeven" and not _GROSS_AFTER.match(folded(f.figure.after))
    ]
    prices = [f for f in facts if f.quantity == "unit_price" and f.gross]
    checks = []
    for block in prose_blocks(figures).values():
        for chain in chains_in(block):
            tokens, result = chain.tokens, chain.figures[-1]
            if len(tokens) != 5 or tokens[1] != "/" or tokens[3] != "=":
                continue
            dividend, divisor = tokens[0], tokens[2]
            if not isinstance(dividend, Figure) or not isinstance(divisor, Figure):
                continue
            if result.unit not in ("quantity", "number") or result.value <= 0:
                continue
            if is_scenario(folded(f"{result.lead} {result.after}")):
                continue  # another case than the base one
            sr = next((f for f in thresholds if _same_value(dividend.value, f.value)), None)
            price = next(
                (
                    p
                    for p in prices
                    if _same_value(divisor.value, p.gross or 0.0)
                    or _same_value(divisor.value, p.value)
                ),
                None,
            )
            if sr is None or price is None or not price.value:
                continue
            count = result.model_copy(update={"unit": "quantity"})  # 'pintes', 'bocaux'
            target = Fact("breakeven_qty", count, computed=True)
            formula = f"seuil de rentabilité {_fmt(sr)} / prix unitaire HT {_fmt(price)}"
            route = Route(sr.value / price.value, (sr, price), formula)
            context = Context(Resolver(facts), text, tolerance)
            checks.append(_judge(target, "seuil_quantite", [route], context, step=1.0))
    return checks


def _same_value(a: float, b: float) -> bool:
    return b > 0 and abs(a - b) <= 0.005 * b


_GROSS_AFTER = re.compile(r"^(?:€|euros?)?\s*ttc\b")
