"""Load the référentiel data files (``referentiel/*.yaml``): read, validate, cross-check.

Every ``*.yaml`` file of the folder contributes top-level sections (``version``,
``certification``, ``blocs``, ``activities``, ``competencies``, ``criteria``, ``epreuves``,
``checkpoints``); a section may be defined in one file only. The merged data is validated
against :class:`~assistant.referentiel.models.Referentiel` (unknown keys refused), then every
reference between sections is checked. Any problem raises :class:`ReferentielError` with one
French sentence naming the file and the faulty entry.

``content_hash`` is the sha256 of the files (name and bytes, sorted by name): reports stamp
it so that a verdict can be traced to the exact data that shaped it. Loads are cached per
folder and file modification times.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from assistant.errors import ReferentielError
from assistant.referentiel.checks import ENTRY_NOUNS, cross_check
from assistant.referentiel.models import Referentiel

log = logging.getLogger(__name__)

DATA_SUFFIXES = (".yaml", ".yml")

# yaml.safe_load's loader, in C when libyaml is there (same rules, several times faster).
_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Signature = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class Source:
    """One data file: its display label (``referentiel/checkpoints.yaml``), bytes and data."""

    label: str
    raw: bytes
    data: dict[str, Any]


def load_referentiel(directory: Path) -> Referentiel:
    """The validated référentiel of ``directory``; ``ReferentielError`` if the data is invalid."""
    stats = [(path.name, path.stat()) for path in data_files(directory)]
    signature: Signature = tuple((name, st.st_mtime_ns, st.st_size) for name, st in stats)
    return _load_cached(directory.resolve(), signature)


def data_files(directory: Path) -> list[Path]:
    """The YAML data files of ``directory``, sorted by name."""
    if not directory.is_dir():
        raise ReferentielError(
            f"Le dossier du référentiel « {directory} » est introuvable : vérifiez le chemin "
            "(variable DOSSIER_REVIEW_REFERENTIEL_DIR)."
        )
    files = sorted(p for p in directory.iterdir() if p.suffix in DATA_SUFFIXES and p.is_file())
    if not files:
        raise ReferentielError(
            f"Le dossier du référentiel « {directory} » ne contient aucun fichier YAML : "
            "ajoutez-y referentiel.yaml et checkpoints.yaml."
        )
    return files


@lru_cache(maxsize=8)
def _load_cached(directory: Path, signature: Signature) -> Referentiel:
    sources = [read_source(directory / name) for name, _, _ in signature]
    merged, owners = merge_sections(sources)
    referentiel = validate(merged, owners, content_hash(sources), directory)
    problems = cross_check(referentiel, owners)
    if problems:
        log.debug("référentiel problems:\n%s", "\n".join(problems))
        raise ReferentielError(
            _and_more(problems[0], len(problems) - 1, "problème"), detail="\n".join(problems)
        )
    log.info("référentiel %s loaded from %s", referentiel.version, directory)
    return referentiel


def read_source(path: Path) -> Source:
    """Read and parse one YAML data file."""
    label = f"{path.parent.name}/{path.name}"
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ReferentielError(
            f"{label} : le fichier n'est pas encodé en UTF-8 ; réenregistrez-le en UTF-8."
        ) from err
    if "\ufffd" in text:
        line = text[: text.index("\ufffd")].count("\n") + 1
        raise ReferentielError(
            f"{label} : la ligne {line} contient le caractère de remplacement U+FFFD "
            "(ligature perdue à l'extraction du PDF) : réparez le texte."
        )
    try:
        data = yaml.load(text, Loader=_SAFE_LOADER)  # the safe loader, see _SAFE_LOADER
    except yaml.YAMLError as err:
        where = getattr(err, "problem_mark", None)
        at = f" à la ligne {where.line + 1}" if where is not None else ""
        raise ReferentielError(
            f"{label} : le YAML est mal formé{at} ; corrigez la syntaxe.", detail=str(err)
        ) from err
    if not isinstance(data, dict):
        raise ReferentielError(
            f"{label} : le fichier doit contenir des sections nommées (un dictionnaire YAML)."
        )
    return Source(label=label, raw=raw, data=data)


def merge_sections(sources: Iterable[Source]) -> tuple[dict[str, Any], dict[str, str]]:
    """All top-level sections in one mapping, and the file label defining each section."""
    merged: dict[str, Any] = {}
    owners: dict[str, str] = {}
    for source in sources:
        for key, value in source.data.items():
            if key in owners:
                raise ReferentielError(
                    f"{source.label} : la section « {key} » est déjà définie dans "
                    f"{owners[key]} ; gardez-la dans un seul fichier."
                )
            if key == "content_hash":
                raise ReferentielError(
                    f"{source.label} : la clé « content_hash » est calculée au chargement ; "
                    "retirez-la du fichier."
                )
            merged[key] = value
            owners[key] = source.label
    return merged, owners


def content_hash(sources: Iterable[Source]) -> str:
    """sha256 over the files' names and bytes, in name order."""
    digest = hashlib.sha256()
    for source in sorted(sources, key=lambda s: s.label):
        digest.update(source.label.rsplit("/", 1)[-1].encode() + b"\0" + source.raw + b"\0")
    return digest.hexdigest()


def validate(
    merged: dict[str, Any], owners: dict[str, str], digest: str, directory: Path
) -> Referentiel:
    """The merged data as a ``Referentiel``; schema errors become one French sentence."""
    try:
        return Referentiel.model_validate({**merged, "content_hash": digest})
    except ValidationError as err:
        errors = err.errors()
        first = describe_error(errors[0], merged, owners, f"{directory.name}/")
        message = _and_more(first, len(errors) - 1, "erreur")
        raise ReferentielError(message, detail=str(err)) from err


def describe_error(
    error: ErrorDetails, merged: dict[str, Any], owners: dict[str, str], fallback: str
) -> str:
    """One French sentence for one pydantic error: file, entry, field, problem."""
    loc = error["loc"]
    section = str(loc[0]) if loc else ""
    where = list(_entry_names(loc, merged))
    field_path = _field_path(loc, error["type"])
    subject = f"{', '.join(where)} : " if where else ""
    return f"{owners.get(section, fallback)} : {subject}{_problem(error, field_path)}"


def _entry_names(loc: tuple[int | str, ...], merged: dict[str, Any]) -> Iterator[str]:
    """'le point de contrôle « pestel »', then 'l'élément « legal »' when inside one."""
    node: Any = merged
    for i, part in enumerate(loc):
        if not isinstance(part, int) or not isinstance(node, list) or part >= len(node):
            node = node.get(part) if isinstance(node, dict) else None
            continue
        entry = node[part]
        if not isinstance(entry, dict):
            return  # an item of a list of texts: the field path names it
        ident = entry.get("id")
        noun = ENTRY_NOUNS.get(str(loc[i - 1]), "l'élément") if i else "l'élément"
        yield f"{noun} « {ident} »" if ident else f"{noun} n° {part + 1}"
        node = entry


def _field_path(loc: tuple[int | str, ...], error_type: str) -> str:
    """The field named in the error, after the last list entry: 'cues', 'elements[2]'..."""
    tail: list[int | str] = []
    for part in reversed(loc):
        if isinstance(part, int) and tail and not isinstance(tail[0], int):
            break
        tail.insert(0, part)
    if error_type in {"extra_forbidden", "missing"}:
        tail = tail[-1:]
    text = ""
    for part in tail:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _problem(error: ErrorDetails, field: str) -> str:
    kind = error["type"]
    messages = {
        "extra_forbidden": f"la clé « {field} » est inconnue du schéma : retirez-la ou "
        "corrigez son nom.",
        "missing": f"le champ obligatoire « {field} » manque.",
        "string_type": f"le champ « {field} » doit être un texte.",
        "string_too_short": f"le champ « {field} » ne doit pas être vide.",
        "list_type": f"le champ « {field} » doit être une liste.",
        "too_short": f"la liste « {field} » doit contenir au moins une valeur.",
        "int_type": f"le champ « {field} » doit être un nombre entier.",
        "int_parsing": f"le champ « {field} » doit être un nombre entier.",
        "model_type": f"le champ « {field} » doit être un dictionnaire.",
        "dict_type": f"le champ « {field} » doit être un dictionnaire.",
        "literal_error": f"le champ « {field} » a une valeur non permise (attendu : "
        f"{str(error.get('ctx', {}).get('expected', '?')).replace(' or ', ' ou ')}).",
    }
    return messages.get(kind, f"le champ « {field} » est invalide ({error['msg']}).")


def _and_more(sentence: str, others: int, noun: str) -> str:
    """``sentence`` with the number of further problems before its final full stop."""
    if others <= 0:
        return sentence
    plural = "s" if others > 1 else ""
    return f"{sentence.rstrip('.')} ({others} autre{plural} {noun}{plural} ensuite)."
