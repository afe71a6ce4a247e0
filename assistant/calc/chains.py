"""Arithmetic written out in prose: "SR = 21 000 / 0,40 = 52 500 €".

A chain is a run of figures of one sentence joined only by operators, parentheses and equal
signs. Its segments (split on '=') can be evaluated; a percentage may be meant as a fraction
("× 40 %") or as a number ("/ 40"), so a segment has up to two values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.calc.figures import Figure

_OPERATOR_END = re.compile(r"(?:[-+−–×*/÷]|\b[xX])\s*\(?\s*$")
_GAP = re.compile(r"^[\s()]*(?:(?P<op>[-+−–×xX*/÷=≈])[\s()]*)?$")  # ':' is a label's colon
_OPS = {"-": "-", "−": "-", "–": "-", "+": "+", "×": "*", "x": "*", "X": "*", "*": "*"}
_OPS |= {"/": "/", "÷": "/", "=": "=", "≈": "="}

Token = Figure | str


@dataclass(frozen=True)
class Chain:
    """Figures and the tokens joining them, ready to evaluate."""

    tokens: list[Token]
    head_label: str

    @property
    def figures(self) -> list[Figure]:
        return [t for t in self.tokens if isinstance(t, Figure)]

    def segments(self) -> list[list[Token]]:
        """The sides of the equal signs, in order."""
        return _split(self.tokens)


def chains_in(figures: list[Figure]) -> list[Chain]:
    """Chains with at least one operator and one equal sign, among prose figures of a block."""
    chains: list[Chain] = []
    run: list[Token] = []
    for i, figure in enumerate(figures):
        joint = _joint(figures[i - 1], figure) if i and run else None
        if joint is None:
            chains += _finish(run)
            run = [*_opening(figure.label), figure]
        else:
            run += [*joint, figure]
    chains += _finish(run)
    return chains


def _joint(left: Figure, right: Figure) -> list[str] | None:
    """Tokens between two figures of the same sentence, or None when they are not joined."""
    if not left.same_sentence(right):
        return None
    gap = right.label
    found = _GAP.match(gap)
    if found is None:
        return None
    op = found.group("op")
    if op is None:
        if right.raw[:1] in "-−+" and not re.search(r"[()]", gap):
            return ["+"]  # "120 000 −72 000": the sign is the operator, the value is signed
        return None
    before, after = gap[: found.start("op")], gap[found.end("op") :]
    return [*_parens(before), _OPS[op], *_parens(after)]


def ends_with_operator(label: str) -> bool:
    """'point mort = SR / CA ×' before '360': the figure is a term of a formula in words."""
    return bool(_OPERATOR_END.search(label))


def _opening(label: str) -> list[str]:
    """Opening parentheses that end the label before a chain's first figure."""
    trailing = re.search(r"[\s(]*$", label)
    return _parens(trailing.group(0)) if trailing else []


def _parens(text: str) -> list[str]:
    return [c for c in text if c in "()"]


def _finish(run: list[Token]) -> list[Chain]:
    head = next((t for t in run if isinstance(t, Figure)), None)
    if head is not None and ends_with_operator(head.label) and "=" in run:
        run = run[run.index("=") + 1 :]  # 'SR / CA × 360 = ...': 360 belongs to the words
        return [replace(c, head_label=head.label) for c in _finish(run)]
    figures = [t for t in run if isinstance(t, Figure)]
    ops = [t for t in run if isinstance(t, str) and t not in "()"]
    if len(figures) < 2 or "=" not in ops or not set(ops) - {"="}:
        return []
    closing = re.match(r"[\s)]*", figures[-1].after)
    tokens = _balanced([*run, *_parens(closing.group(0) if closing else "")])
    if tokens is None:
        return []
    return [Chain(tokens=tokens, head_label=figures[0].label)]


def _balanced(run: list[Token]) -> list[Token] | None:
    """Drop parentheses around the whole chain and unmatched opening ones before it; None
    when a side of it is still unbalanced."""
    depth, tokens = 0, list(run)
    while len(tokens) > 2 and tokens[0] == "(" and tokens[-1] == ")":
        tokens = tokens[1:-1]
    while tokens and tokens[0] == "(" and tokens.count("(") > tokens.count(")"):
        tokens.pop(0)
    for side in _split(tokens):
        depth = 0
        for token in side:
            depth += 1 if token == "(" else -1 if token == ")" else 0
            if depth < 0:
                return None
        if depth:
            return None
    return tokens


def _split(tokens: list[Token]) -> list[list[Token]]:
    sides: list[list[Token]] = [[]]
    for token in tokens:
        if token == "=":
            sides.append([])
        else:
            sides[-1].append(token)
    return sides


def side_values(side: list[Token]) -> list[float]:
    """The values of one side, a percentage read as a fraction and as a number."""
    found = [evaluate(side, percent_as_fraction=f) for f in (True, False)]
    return [v for v in found if v is not None]


def deduction_values(side: list[Token], written: Figure) -> list[float]:
    """The values of ``side`` as ``written`` shows them: a deduction (a discount, a refund)
    written with its minus sign (« 6 000 × 10 % = −600 € ») is the product of its terms taken
    off, when the side itself subtracts nothing."""
    values = side_values(side)
    if written.value >= 0 or "-" in side or not values or min(values) <= 0:
        return values
    return [-v for v in values] + values


def evaluate(side: list[Token], *, percent_as_fraction: bool) -> float | None:
    """Value of one side of a chain; None when it is not a well-formed expression."""
    parser = _Parser(side, percent_as_fraction)
    try:
        value = parser.sum()
    except (ValueError, ZeroDivisionError):
        return None
    return value if parser.done() else None


class _Parser:
    """Recursive descent over figures and operator tokens: sums of products, parentheses."""

    def __init__(self, tokens: list[Token], percent_as_fraction: bool) -> None:
        self.tokens, self.pos, self.fraction = tokens, 0, percent_as_fraction

    def done(self) -> bool:
        return self.pos == len(self.tokens)

    def _peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def sum(self) -> float:
        value = self.product()
        while self._peek() in ("+", "-"):
            op = self.tokens[self.pos]
            self.pos += 1
            right = self.product()
            value = value + right if op == "+" else value - right
        return value

    def product(self) -> float:
        value = self.atom()
        while self._peek() in ("*", "/"):
            op = self.tokens[self.pos]
            self.pos += 1
            right = self.atom()
            value = value * right if op == "*" else value / right
        return value

    def atom(self) -> float:
        token = self._peek()
        self.pos += 1
        if token == "(":
            value = self.sum()
            if self._peek() != ")":
                raise ValueError("unclosed parenthesis")
            self.pos += 1
            return value
        if isinstance(token, Figure):
            return token.fraction() if self.fraction else token.value
        raise ValueError(f"unexpected token {token!r}")
