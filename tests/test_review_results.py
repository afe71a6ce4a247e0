"""The result cache: an unchanged dossier is answered from ``cache/results`` without parsing,
and without importing the store, the embedder, the parsers or detection; any change to what
shapes the answer (épreuve, settings, LLM) misses it; the purge deletes its entries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from assistant.review.results import ResultCache
from assistant.services import build_services
from assistant.settings import LLMSettings, Settings
from tests.dossiers import PESTEL_FULL, PRESENTATION, SWOT_TABLE, write

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys
from pathlib import Path
from assistant.services import build_services
assessment = build_services().review.assess(Path(sys.argv[1]), "E1")
heavy = ("chromadb", "assistant.index.store", "assistant.index.embedding",
         "assistant.ingest.pipeline", "assistant.detect", "pypdfium2", "numpy")
print(json.dumps({"loaded": [m for m in heavy if m in sys.modules],
                  "statuses": [c.status for c in assessment.checkpoints]}))
"""


def run_child(path: Path, home: Path) -> dict[str, list[str]]:
    env = {**os.environ, "DOSSIER_REVIEW_HOME": str(home), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    answer: dict[str, list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


def test_an_unchanged_dossier_is_answered_without_the_heavy_parts(tmp_path: Path) -> None:
    path = write(tmp_path, "d.md", PRESENTATION, PESTEL_FULL, SWOT_TABLE)
    home = tmp_path / "home"
    cold = run_child(path, home)
    assert "assistant.detect" in cold["loaded"]  # the first run really assessed it
    warm = run_child(path, home)
    assert warm["loaded"] == []
    assert warm["statuses"] == cold["statuses"]


def test_the_cache_answers_without_parsing_and_under_the_new_name(tmp_path: Path) -> None:
    home = tmp_path / "home"
    review = build_services(Settings(home=home)).review
    path = write(tmp_path, "d.md", PRESENTATION, PESTEL_FULL)
    first = review.assess(path, "E1")
    for entry in (home / "cache" / "documents").glob("*.json"):
        entry.unlink()  # an answer now can only come from the result cache
    renamed = path.rename(tmp_path / "autre-nom.md")
    again = build_services(Settings(home=home)).review.assess(renamed, "E1")
    assert again.document.filename == "autre-nom.md"
    assert again.checkpoints == first.checkpoints
    assert not list((home / "cache" / "documents").glob("*.json"))


def test_the_key_changes_with_epreuve_settings_and_llm(tmp_path: Path) -> None:
    home = tmp_path / "home"
    offline = build_services(Settings(home=home)).review
    llm = LLMSettings(base_url="http://127.0.0.1:9/v1", model="m")
    with_llm = build_services(Settings(home=home, llm=llm)).review
    keys = {offline.result_key("E1"), offline.result_key("E2"), with_llm.result_key("E1")}
    assert len(keys) == 3
    assert offline.result_key("E1") == build_services(Settings(home=home)).review.result_key("E1")


def test_an_unreadable_entry_is_ignored(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    digest = "a" * 64
    cache.entry(digest, "k").write_text("{pas du json", encoding="utf-8")
    assert cache.get(digest, "k", "d.md") is None


def test_the_purge_deletes_the_kept_results(tmp_path: Path) -> None:
    home = tmp_path / "home"
    services = build_services(Settings(home=home))
    path = write(tmp_path, "d.md", PRESENTATION, PESTEL_FULL)
    sha = services.review.assess(path, "E1").document.sha256
    assert list((home / "cache" / "results").glob(f"{sha}-*.json"))
    assert sha[:16] in services.purge.known_dossiers()
    result = services.purge.purge_dossier(sha)
    assert result.files >= 2  # the ingested document and the result
    assert not list((home / "cache" / "results").glob("*.json"))


def test_the_weights_digest_changes_with_the_weights_only(tmp_path: Path) -> None:
    from assistant.resources import weights_digest

    model = tmp_path / "detect" / "model"
    model.mkdir(parents=True)
    (model / "weights.json").write_text('{"weights": [1.0]}', encoding="utf-8")
    (tmp_path / "detect" / "code.py").write_text("x = 1\n", encoding="utf-8")
    before = weights_digest(package=tmp_path)
    (tmp_path / "detect" / "code.py").write_text("x = 2\n", encoding="utf-8")
    assert weights_digest.__wrapped__(package=tmp_path) == before  # only the weights count
    (model / "weights.json").write_text('{"weights": [2.0]}', encoding="utf-8")
    assert weights_digest.__wrapped__(package=tmp_path) != before
