"""``dossier-review assess`` end to end, in a separate process as a user or a script runs it:
real PDF and DOCX files, the real offline engine, a temporary DOSSIER_REVIEW_HOME."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from assistant.assessment import Assessment
from assistant.cli import main
from assistant.cli.assess_cmd import report_format
from assistant.referentiel.models import Referentiel
from assistant.report import PRE_ASSESSMENT_NOTICE, render
from assistant.services import build_services
from assistant.settings import PROJECT_ROOT, Settings
from tests.small_dossier import INJECTION, small_docx, small_pdf


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DOSSIER_REVIEW_HOME": str(home)}
    env.pop("DOSSIER_REVIEW_LLM__BASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )


@pytest.fixture(scope="module")
def referentiel(tmp_path_factory: pytest.TempPathFactory) -> Referentiel:
    return build_services(Settings(home=tmp_path_factory.mktemp("home"))).referentiel


@pytest.fixture(scope="module")
def pdf_run(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    folder = tmp_path_factory.mktemp("pdf")
    pdf = small_pdf(folder / "brulerie.pdf")
    return run_cli("assess", str(pdf), "--epreuve", "E1", "--format", "json", home=folder / "h")


def _e1_checkpoints(referentiel: Referentiel) -> list[str]:
    return [cp.id for cp in referentiel.checkpoints if "E1" in cp.epreuves]


def test_json_on_stdout_is_one_valid_assessment_of_the_epreuve_checkpoints(
    pdf_run: subprocess.CompletedProcess[str], referentiel: Referentiel
) -> None:
    assert pdf_run.returncode == 0, pdf_run.stderr
    assessment = Assessment.model_validate_json(pdf_run.stdout)
    assert [cp.id for cp in assessment.checkpoints] == _e1_checkpoints(referentiel)
    assert assessment.document.filename == "brulerie.pdf"
    assert assessment.engine.mode == "offline"
    statuses = {cp.id: cp.status for cp in assessment.checkpoints}
    assert statuses["swot"] != "absent"
    assert statuses["plan_communication"] == "absent"
    assert any(alert.kind == "prompt_injection" for alert in assessment.alerts)


def test_docx_is_assessed_the_same_way(tmp_path: Path, referentiel: Referentiel) -> None:
    docx = small_docx(tmp_path / "brulerie.docx")
    result = run_cli("assess", str(docx), "--epreuve", "e1", "--format", "json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assessment = Assessment.model_validate_json(result.stdout)
    assert assessment.epreuve == "E1"
    assert [cp.id for cp in assessment.checkpoints] == _e1_checkpoints(referentiel)
    assert assessment.document.pages is None or assessment.document.pages >= 1


def test_reports_of_a_real_assessment_escape_the_injection_and_quote_pages(
    pdf_run: subprocess.CompletedProcess[str], referentiel: Referentiel
) -> None:
    assessment = Assessment.model_validate_json(pdf_run.stdout)
    html = render(assessment, referentiel, "html").decode()
    markdown = render(assessment, referentiel, "md").decode()
    pdf = PdfReader(io.BytesIO(render(assessment, referentiel, "pdf")))
    pdf_text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "\\<script\\>" in markdown
    assert "<script>alert(1)</script>" in pdf_text
    for text in (html, markdown):
        assert "p. 1" in text
        for checkpoint in assessment.checkpoints:
            assert checkpoint.id in text
    assert PRE_ASSESSMENT_NOTICE in markdown and PRE_ASSESSMENT_NOTICE in pdf_text
    assert "Instructions adressées à l'évaluateur" in pdf_text
    assert INJECTION.split("<")[0].strip() in pdf_text


def _assert_refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    message = result.stderr.strip()
    assert message.count("\n") == 0, message
    for word in words:
        assert word in message, message


def test_corrupt_pdf_is_refused_in_french(tmp_path: Path) -> None:
    bad = tmp_path / "abime.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage\n" * 20)
    result = run_cli("assess", str(bad), "--epreuve", "E1", "--format", "json", home=tmp_path)
    _assert_refused(result, "abime.pdf")


def test_unsupported_file_is_refused_in_french(tmp_path: Path) -> None:
    sheet = tmp_path / "notes.xlsx"
    sheet.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    result = run_cli("assess", str(sheet), "--epreuve", "E1", "--format", "json", home=tmp_path)
    _assert_refused(result, "notes.xlsx")


def test_missing_file_is_refused_in_french(tmp_path: Path) -> None:
    missing = tmp_path / "absent.pdf"
    result = run_cli("assess", str(missing), "--epreuve", "E1", home=tmp_path)
    _assert_refused(result, "introuvable")


def test_unknown_epreuve_is_refused_in_french(tmp_path: Path) -> None:
    pdf = small_pdf(tmp_path / "d.pdf")
    result = run_cli("assess", str(pdf), "--epreuve", "E9", "--format", "json", home=tmp_path)
    _assert_refused(result, "E9", "E5-P1")


def test_pdf_format_needs_an_output_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOSSIER_REVIEW_HOME", str(tmp_path))
    code = main(["assess", str(tmp_path / "d.pdf"), "--epreuve", "E1", "--format", "pdf"])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert "--out" in captured.err


def test_report_format_follows_the_option_then_the_output_extension() -> None:
    assert report_format(None, None) == "md"
    assert report_format(None, Path("rapport.HTML")) == "html"
    assert report_format(None, Path("rapport.pdf")) == "pdf"
    assert report_format(None, Path("rapport.txt")) == "md"
    assert report_format("json", Path("rapport.html")) == "json"


def test_out_writes_the_report_file_and_only_a_confirmation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOSSIER_REVIEW_HOME", str(tmp_path / "home"))
    pdf = small_pdf(tmp_path / "brulerie.pdf")
    out = tmp_path / "rapports" / "brulerie.html"
    assert main(["assess", str(pdf), "--epreuve", "E1", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == f"Rapport écrit dans {out}."
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'lang="fr"' in html
    assert (out.stat().st_mode & 0o777) == 0o600
    assert [p.name for p in out.parent.iterdir()] == ["brulerie.html"]  # no temporary left
