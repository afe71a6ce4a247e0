from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.errors import InputError, UnknownEpreuveError
from assistant.referentiel.models import Referentiel
from assistant.services import build_services
from assistant.settings import Settings
from assistant.triage import CSV_COLUMNS, TriageRow, dossier_files, rows_to_csv
from tests.sample_assessment import make_assessment
from tests.small_dossier import small_docx, small_pdf

CORRUPT_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage\n" * 20


@pytest.fixture(scope="module")
def referentiel(tmp_path_factory: pytest.TempPathFactory) -> Referentiel:
    return build_services(Settings(home=tmp_path_factory.mktemp("home"))).referentiel


def _read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_row_counts_coverage_with_partial_as_half(referentiel: Referentiel) -> None:
    assessment = make_assessment(referentiel, "E1")
    row = TriageRow.from_assessment("d.pdf", assessment)
    statuses = [cp.status for cp in assessment.checkpoints]
    present, partial = statuses.count("present"), statuses.count("partial")
    assert (row.present, row.partial, row.absent) == (present, partial, statuses.count("absent"))
    assert row.coverage == pytest.approx((present + partial / 2) / len(statuses))
    verdicts = {c.competency: c.verdict for c in assessment.criteria}
    assert row.not_satisfied == [c for c, v in verdicts.items() if v == "non_satisfait"]
    assert row.partially_satisfied == [
        c for c, v in verdicts.items() if v == "partiellement_satisfait"
    ]
    assert row.alerts == {"prompt_injection": 1, "calculation_error": 1}


def test_csv_is_for_french_spreadsheets_and_defuses_formulas(referentiel: Referentiel) -> None:
    ok = TriageRow.from_assessment("=HYPERLINK(1).pdf", make_assessment(referentiel, "E1"))
    bad = TriageRow(filename="b.pdf", epreuve="E1", status="erreur", error="Fichier illisible.")
    records = _read_csv(rows_to_csv([ok, bad]))
    assert list(records[0]) == list(CSV_COLUMNS)
    assert records[0]["fichier"] == "'=HYPERLINK(1).pdf"
    assert records[0]["couverture_pct"] == str(round(100 * (ok.coverage or 0)))
    assert records[0]["alertes_injection"] == "1"
    assert records[0]["alertes_erreur_calcul"] == "1"
    assert records[1]["statut"] == "erreur" and records[1]["erreur"] == "Fichier illisible."
    assert records[1]["points_presents"] == ""


def test_folder_listing_keeps_supported_files_in_name_order(tmp_path: Path) -> None:
    for name in ("b.docx", "a.PDF", "c.txt", ".cache.pdf", "~$b.docx", "photo.jpg"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "sub.pdf").mkdir()
    assert [p.name for p in dossier_files(tmp_path)] == ["a.PDF", "b.docx", "c.txt"]


def test_missing_or_empty_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="n'existe pas"):
        dossier_files(tmp_path / "absent")
    (tmp_path / "photo.jpg").write_bytes(b"x")
    with pytest.raises(InputError, match="aucun dossier lisible"):
        dossier_files(tmp_path)


def test_bad_files_are_reported_row_by_row_with_progress(tmp_path: Path) -> None:
    folder = tmp_path / "lot"
    folder.mkdir()
    (folder / "a-abime.pdf").write_bytes(CORRUPT_PDF)
    (folder / "b-vide.docx").write_bytes(b"")
    services = build_services(Settings(home=tmp_path / "home"))
    seen: list[tuple[int, int, str]] = []
    rows = services.triage.run(
        folder, "e1", progress=lambda i, n, row: seen.append((i, n, row.filename))
    )
    assert seen == [(1, 2, "a-abime.pdf"), (2, 2, "b-vide.docx")]
    assert [(row.status, row.epreuve) for row in rows] == [("erreur", "E1"), ("erreur", "E1")]
    assert "a-abime.pdf" in rows[0].error and "vide" in rows[1].error
    with pytest.raises(UnknownEpreuveError):
        services.triage.run(folder, "E7")


def test_triage_command_goes_on_after_a_bad_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOSSIER_REVIEW_HOME", str(tmp_path / "home"))
    folder = tmp_path / "lot"
    folder.mkdir()
    small_pdf(folder / "1-brulerie.pdf")
    (folder / "2-abime.pdf").write_bytes(CORRUPT_PDF)
    small_docx(folder / "3-brulerie.docx")
    out = tmp_path / "resultats.csv"
    code = main(["triage", str(folder), "--epreuve", "E1", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0
    assert captured.out == ""
    assert "[1/3] 1-brulerie.pdf … ok" in captured.err
    assert "[2/3] 2-abime.pdf … erreur" in captured.err
    records = _read_csv(out.read_bytes())
    assert [r["fichier"] for r in records] == ["1-brulerie.pdf", "2-abime.pdf", "3-brulerie.docx"]
    assert [r["statut"] for r in records] == ["ok", "erreur", "ok"]
    assert "endommagé" in records[1]["erreur"]
    assert records[0]["points_absents"] and int(records[0]["couverture_pct"]) > 0
    assert records[0]["alertes_injection"] == "1"


def test_triage_exit_codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOSSIER_REVIEW_HOME", str(tmp_path / "home"))
    out = tmp_path / "r.csv"
    assert main(["triage", str(tmp_path / "absent"), "--epreuve", "E1", "--out", str(out)]) == 2
    assert not out.exists()
    (tmp_path / "abime.pdf").write_bytes(CORRUPT_PDF)
    assert main(["triage", str(tmp_path), "--epreuve", "E1", "--out", str(out)]) == 1
    assert [r["statut"] for r in _read_csv(out.read_bytes())] == ["erreur"]
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    "name",
    [" =1+1.pdf", "＝1+1.pdf", "＋cmd.pdf", "－2.pdf", "＠SUM(A1).pdf", "\u00a0@x.pdf", "\t=1.pdf"],
)
def test_formulas_hidden_behind_spaces_or_full_width_signs_are_defused(
    name: str, referentiel: Referentiel
) -> None:
    row = TriageRow(filename=name, epreuve="E1", status="erreur", error="-1 erreur.")
    [record] = _read_csv(rows_to_csv([row]))
    assert record["fichier"] == "'" + name
    assert record["erreur"] == "'-1 erreur."


def test_triage_names_files_without_escapes_line_breaks_or_bidi(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOSSIER_REVIEW_HOME", str(tmp_path / "home"))
    folder = tmp_path / "lot"
    folder.mkdir()
    hostile = "a\x1b]0;pwned\x07\x1b[2Jdos\rsier\n\u202efdp.pdf"
    (folder / hostile).write_bytes(CORRUPT_PDF)
    out = tmp_path / "resultats.csv"
    main(["triage", str(folder), "--epreuve", "E1", "--out", str(out)])
    err = capsys.readouterr().err
    [record] = _read_csv(out.read_bytes())
    for text in (err, record["fichier"], record["erreur"]):
        assert not {"\x1b", "\x07", "\r", "\u202e"} & set(text)
    assert "\n" not in record["fichier"]
    assert record["fichier"] == "a]0;pwned[2Jdos sier fdp.pdf"
    assert "[1/1] a]0;pwned[2Jdos sier fdp.pdf … erreur" in err
