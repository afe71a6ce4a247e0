"""Prompt templates: French files in ``prompts/`` with a front matter declaring their version
and variables. Rendering refuses a missing or undeclared variable."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import ReviewError


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    version: str
    variables: frozenset[str]
    body: str

    def render(self, **values: Any) -> str:
        import jinja2

        given = frozenset(values)
        if given != self.variables:
            missing, extra = sorted(self.variables - given), sorted(given - self.variables)
            raise ValueError(f"prompt {self.name}: missing {missing}, undeclared {extra}")
        env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
        return env.from_string(self.body).render(**values).strip()


def load_prompt(directory: Path, name: str) -> PromptTemplate:
    path = directory / f"{name}.md"
    try:
        raw = path.read_text(encoding="utf-8")
        _, front, body = raw.split("---\n", 2)
        meta = yaml.safe_load(front)
        return PromptTemplate(
            name=name,
            version=str(meta["version"]),
            variables=frozenset(meta.get("variables") or []),
            body=body,
        )
    except (OSError, ValueError, KeyError, TypeError, yaml.YAMLError) as err:
        raise ReviewError(
            f"Le gabarit de prompt « {path} » est illisible ; réinstallez dossier-review.",
            detail=str(err),
        ) from err
