"""The offline grid for jurors who work in a spreadsheet.

One row per dossier and checkpoint, ``fichier;empreinte;epreuve;point_de_controle;avis_outil;
decision_jury;commentaire`` (UTF-8 with BOM, ``;``), then a count of passages shared with
another dossier of the batch. ``decision_jury`` is left for the juror; reading the grid back
checks every row before anything is recorded: one invalid row refuses the whole file.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable, Iterable
from typing import NamedTuple

from assistant.assessment import Assessment
from assistant.errors import InputError
from assistant.referentiel.models import Referentiel

GRID_COLUMNS = (
    "fichier",
    "empreinte",
    "epreuve",
    "point_de_controle",
    "avis_outil",
    "decision_jury",
    "commentaire",
)
SIMILARITY_COLUMN = "passages_similaires"
REQUIRED_COLUMNS = ("empreinte", "epreuve", "point_de_controle", "decision_jury")
FRENCH_STATUS = {"present": "présent", "partial": "partiel", "absent": "absent"}
DECISIONS = {
    "present": "present",
    "partial": "partial",
    "absent": "absent",
    "présent": "present",
    "partiel": "partial",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class GridDecision(NamedTuple):
    line: int
    sha256: str
    epreuve: str
    checkpoint: str
    decision: str
    comment: str


def cell(value: object) -> str:
    """A cell a spreadsheet will not run as a formula (file names and comments are
    untrusted)."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def uncell(text: str) -> str:
    """The value behind a neutralised cell."""
    text = text.strip()
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


def grid_rows(assessment: Assessment, filename: str, shared: int | None = None) -> list[list[str]]:
    """The grid's rows for one assessed dossier."""
    trailing = [] if shared is None else [str(shared)]
    return [
        [
            cell(value)
            for value in (
                filename,
                assessment.document.sha256,
                assessment.epreuve,
                checkpoint.id,
                FRENCH_STATUS[checkpoint.status],
                "",
                "",
                *trailing,
            )
        ]
        for checkpoint in assessment.checkpoints
    ]


def write_grid(rows: Iterable[list[str]], similarity: bool = False) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([*GRID_COLUMNS, *((SIMILARITY_COLUMN,) if similarity else ())])
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def normalise_decision(text: str) -> str | None:
    """``present``/``partial``/``absent`` from either form, any case; None if unknown."""
    key = unicodedata.normalize("NFC", text.strip().lower())
    return DECISIONS.get(key)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:  # re-saved by a spreadsheet in the Windows code page
        return data.decode("cp1252", errors="replace")


def _refuse(line: int, what: str) -> InputError:
    return InputError(
        f"Ligne {line} de la grille : {what} ; corrigez cette ligne puis relancez l'import "
        "(rien n'a été enregistré)."
    )


def read_grid(
    data: bytes, referentiel: Referentiel, assessed: Callable[[str, str], bool]
) -> list[GridDecision]:
    """Every filled decision of the grid, after checking all rows; ``assessed(sha, épreuve)``
    tells whether that dossier was assessed. InputError naming the first invalid line."""
    lines = _decode(data).splitlines(keepends=True)
    dialect = ";" if not lines or lines[0].count(";") >= lines[0].count(",") else ","
    reader = csv.DictReader(lines, delimiter=dialect)
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise _refuse(1, f"colonne(s) manquante(s) {', '.join(missing)}")
    reader.fieldnames = header
    decisions: list[GridDecision] = []
    for record in reader:
        line = reader.line_num
        found = _check_row(line, record, referentiel, assessed)
        if found is not None:
            decisions.append(found)
    return decisions


def _check_row(
    line: int,
    record: dict[str, str | None],
    referentiel: Referentiel,
    assessed: Callable[[str, str], bool],
) -> GridDecision | None:
    value = {key: uncell(text or "") for key, text in record.items() if key is not None}
    raw = value.get("decision_jury", "")
    if not raw:
        return None  # not decided yet
    decision = normalise_decision(raw)
    if decision is None:
        raise _refuse(line, f"décision « {raw} » inconnue (attendu : présent, partiel ou absent)")
    epreuve = value.get("epreuve", "").upper()
    if epreuve not in {e.id for e in referentiel.epreuves}:
        raise _refuse(line, f"épreuve « {value.get('epreuve', '')} » inconnue")
    checkpoint = value.get("point_de_controle", "")
    if checkpoint not in {c.id for c in referentiel.checkpoints_for(epreuve)}:
        raise _refuse(line, f"point de contrôle « {checkpoint} » inconnu pour l'épreuve {epreuve}")
    sha256 = value.get("empreinte", "").lower()
    if not assessed(sha256, epreuve):
        raise _refuse(
            line,
            f"le dossier d'empreinte « {sha256[:12]}… » n'a jamais été pré-évalué "
            f"pour l'épreuve {epreuve} (produisez la grille avec « jury grid »)",
        )
    return GridDecision(line, sha256, epreuve, checkpoint, decision, value.get("commentaire", ""))
