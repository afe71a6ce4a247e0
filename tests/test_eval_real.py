"""Rebuilding the real published passages from local copies of their pages (no network)."""

from __future__ import annotations

import json
from pathlib import Path

from eval import real

PASSAGE = "L’enseigne ouvre 12 magasins en 2023 : une croissance portée par le vélo."


def _index(tmp_path: Path, text: str = PASSAGE) -> Path:
    entry = {
        "id": "real-9001",
        "source": "https://example.org/page",
        "sha256_collapsed": real.digest(text),
        "first_words": "L’enseigne ouvre 12",
        "last_words": "portée par le vélo.",
        "targets": {"veille": "partial"},
        "kind": "thin",
    }
    index = tmp_path / "index.jsonl"
    index.write_text(json.dumps(entry, ensure_ascii=False) + "\n", encoding="utf-8")
    return index


def _rebuild(tmp_path: Path, copy: str) -> tuple[int, list[str], Path]:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "real-9001.txt").write_text(copy, encoding="utf-8")
    out = tmp_path / "passages.jsonl"
    count, missing = real.rebuild(_index(tmp_path), out, copies=pages)
    return count, missing, out


def test_a_copy_with_plain_apostrophes_and_no_french_space_gives_the_original(
    tmp_path: Path,
) -> None:
    copy = "Avant.\nL'enseigne ouvre 12 magasins\nen 2023: une croissance portée par le vélo. Fin."
    count, missing, out = _rebuild(tmp_path, copy)
    assert (count, missing) == (1, [])
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["text"] == PASSAGE
    assert record["targets"] == {"veille": "partial"}


def test_a_copy_with_a_changed_word_is_reported_not_measured(tmp_path: Path) -> None:
    copy = "L’enseigne ouvre 12 boutiques en 2023 : une croissance portée par le vélo."
    count, missing, _ = _rebuild(tmp_path, copy)
    assert count == 0
    assert missing == ["real-9001: https://example.org/page: passage not found (page changed)"]


def test_probe_says_what_is_missing(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "real-9001.txt").write_text("L’enseigne ouvre 12 magasins en 2023", encoding="utf-8")
    lines = real.probe(pages, ["real-9001", "real-9002"], index=_index(tmp_path))
    assert lines == [
        "real-9001: last words not found (excerpt cut short?)",
        "real-9002: unknown id",
    ]
