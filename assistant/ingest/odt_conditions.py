"""ODT conditions (``text:condition`` of hidden-text fields and conditional sections), as
LibreOffice evaluates them when it lays the text out: comparisons and logic on constants. A
condition on names (variables, user fields) is not evaluated here: ``None``."""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable
from typing import Any

_PREFIX = re.compile(r"^\s*[a-z]{3,5}:", re.IGNORECASE)  # ooow:, oooc:, of:
_WORDS = {
    "EQ": "==", "NEQ": "!=", "LT": "<", "GT": ">", "LEQ": "<=", "GEQ": ">=",
    "AND": " and ", "OR": " or ", "NOT": " not ", "TRUE": "1", "FALSE": "0",
}  # fmt: skip
_WORD = re.compile(r"\b(" + "|".join(_WORDS) + r")\b", re.IGNORECASE)
_MAX_LENGTH = 200


def condition_holds(condition: str | None) -> bool | None:
    """Whether a condition on constants holds; None when it names anything else, or is
    not understood."""
    if not condition or len(condition) > _MAX_LENGTH:
        return None
    text = _PREFIX.sub("", condition)
    text = text.replace("&&", " and ").replace("||", " or ").replace("!=", "\0")
    text = text.replace("!", " not ").replace("\0", "!=").replace("<>", "!=")
    text = _WORD.sub(lambda m: _WORDS[m.group(1).upper()], text)
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError):
        return None
    try:
        return bool(_value(tree.body))
    except (_Unknown, TypeError, ZeroDivisionError):
        return None


class _Unknown(Exception):
    """A part of the condition that is not a constant."""


_COMPARE: dict[type, Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt,
    ast.Gt: operator.gt, ast.LtE: operator.le, ast.GtE: operator.ge,
}  # fmt: skip
_ARITHMETIC: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}  # fmt: skip


def _value(node: ast.AST) -> object:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str)):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _value(node.operand)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        operand = _value(node.operand)
        if not isinstance(operand, (int, float)):
            raise _Unknown
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BoolOp):
        values = [bool(_value(v)) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
        left, right = _value(node.left), _value(node.right)
        if not isinstance(left, (int, float)) or not isinstance(right, (int, float)):
            raise _Unknown  # no string arithmetic ("x" * 10**9)
        return _ARITHMETIC[type(node.op)](left, right)
    if isinstance(node, ast.Compare) and all(type(op) in _COMPARE for op in node.ops):
        left = _value(node.left)
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            right = _value(right_node)
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    raise _Unknown
