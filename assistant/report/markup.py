"""Markdown and HTML reports from Jinja2 templates (``templates/``).

HTML is autoescaped. Markdown has no autoescape, so a ``finalize`` hook escapes every value
the template prints: a quote from the dossier can neither inject HTML (for viewers that
render Markdown) nor break a table or a blockquote. Our own ids go through ``| code``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from assistant.report.view import ReportView, one_line

_MD_SPECIAL = re.compile(r"([\\`*\[\]<>|]|&(?=#?\w+;))")


def markdown_escape(value: object) -> str:
    """``value`` as one line of inert Markdown text (CommonMark backslash escapes)."""
    if isinstance(value, Markup):
        return str(value)
    text = one_line(str(value))
    return _MD_SPECIAL.sub(r"\\\1", text)


def _code(value: object) -> Markup:
    return Markup(f"`{value}`")


@cache
def _environment(kind: str) -> Environment:
    loader = PackageLoader("assistant.report", "templates")
    if kind == "html":
        return Environment(
            loader=loader, autoescape=select_autoescape(["html.j2"]), trim_blocks=True
        )
    env = Environment(
        loader=loader, autoescape=False, finalize=markdown_escape, keep_trailing_newline=True
    )
    env.filters["code"] = _code
    return env


def _render(kind: str, view: ReportView) -> str:
    template = _environment(kind).get_template(f"report.{kind}.j2")
    context: dict[str, Any] = {"view": view}
    return template.render(context)


def render_markdown(view: ReportView) -> str:
    return re.sub(r"\n{3,}", "\n\n", _render("md", view))


def render_html(view: ReportView) -> str:
    return _render("html", view)
