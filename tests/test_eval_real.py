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


def test_an_indexed_dev_passage_keeps_no_text_and_rebuilds_from_its_copy(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "w99-0001.txt").write_text(PASSAGE.replace(" : ", "\n: "), encoding="utf-8")
    labels = tmp_path / "labels-w99.jsonl"
    label = {"id": "w99-0001", "source": "https://example.org/b", "kind": "thin"}
    labels.write_text(json.dumps(label | {"targets": {"veille": "partial"}}), encoding="utf-8")
    entries = real.index_entries([labels], pages)
    assert [entry["author"] for entry in entries] == ["w99"]
    assert "text" not in entries[0]
    assert "magasins en 2023 : une croissance" not in json.dumps(entries[0], ensure_ascii=False)
    assert entries[0]["first_words"] == "L’enseigne ouvre 12 magasins en 2023 : une"
    index = tmp_path / "dev-index.jsonl"
    index.write_text(json.dumps(entries[0], ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "passages-dev.jsonl"
    assert real.rebuild(index, out, copies=pages) == (1, [])
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == PASSAGE
