"""The jury service over the real offline engine and a real store: a batch where each dossier
has its own épreuve, the épreuve-fit warning, rows rebuilt from the store, sign-off."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.services import build_services
from assistant.settings import PROJECT_ROOT, Settings

DEVSET = PROJECT_ROOT / "eval" / "devset"


def test_a_batch_with_one_epreuve_per_dossier(tmp_path: Path) -> None:
    for name in (
        "e1-02-pages-vagabondes-librairie",
        "e3-03-bocal-vrac-epicerie",
        "e3-04-theatre-des-quais-tournee",
    ):
        shutil.copy(DEVSET / f"{name}.md", tmp_path / f"{name[:5]}.md")
    services = build_services(Settings(home=tmp_path / "home"))
    plan = [
        (tmp_path / "e1-02.md", "E1"),
        (tmp_path / "e3-03.md", "e3"),  # any case
        (tmp_path / "e3-04.md", "E1"),  # an E3 dossier filed as E1
        (tmp_path / "absent.md", "E1"),
    ]
    result = services.jury.analyse(plan)
    assert [e.error != "" for e in result.assessed] == [False, False, False, True]
    assert result.data.decode("utf-8-sig").startswith("fichier;empreinte;")

    # a new service over the same home: everything comes back from the store
    again = build_services(Settings(home=tmp_path / "home")).jury
    rows = {row.filename: row for row in again.rows()}
    assert {name: row.epreuve for name, row in rows.items()} == {
        "e1-02.md": "E1",
        "e3-03.md": "E3",
        "e3-04.md": "E1",
    }
    assert rows["e3-04.md"].fit.startswith("⚠ correspond mieux à E3")
    assert rows["e1-02.md"].fit == "" and rows["e3-03.md"].fit == ""
    assert rows["e3-03.md"].decided == f"0/{len(services.referentiel.checkpoints_for('E3'))}"

    sha = rows["e3-03.md"].sha256
    state = again.dossier(sha)
    assert state is not None
    first = state.assessment.criteria[0]
    other = "non_satisfait" if first.verdict != "non_satisfait" else "satisfait"
    assert again.decide(sha, "competency", first.competency, other, "Marie")
    assert again.decide(sha, "checkpoint", state.assessment.checkpoints[0].id, "absent", "Marie")
    signed = again.sign_off(sha, "Marie", "Bon dossier.")
    tool = {c.competency: c.verdict for c in state.assessment.criteria}
    assert signed.verdicts == {**tool, first.competency: other}  # decisions win, tool elsewhere
    row = next(r for r in again.rows() if r.sha256 == sha)
    assert row.signed == "Marie" and row.decided.startswith("1/")
    with pytest.raises(InputError, match="plus dans l'espace jury"):
        again.sign_off("00" * 32, "Marie")
