"""The document cache: an unchanged file is not parsed again, yet the current limits hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import TooLargeError
from assistant.ingest.cache import DocumentCache
from assistant.settings import LimitsSettings
from tests.dossiers import PESTEL_FULL, PRESENTATION, write


def test_a_hit_is_not_parsed_again_and_takes_the_new_name(tmp_path: Path) -> None:
    limits = LimitsSettings(isolate_parsing=False)
    cache = DocumentCache(tmp_path / "documents", limits)
    path = write(tmp_path, "premier.md", PRESENTATION, PESTEL_FULL)
    parsed: list[str] = []
    first = cache.read(path, before_parsing=lambda: parsed.append("first"))
    assert parsed == ["first"] and cache.entry(first.meta.sha256).is_file()

    renamed = path.rename(tmp_path / "second.md")
    again = cache.read(renamed, before_parsing=lambda: parsed.append("again"))
    assert parsed == ["first"]  # no second parse
    assert again.meta.filename == "second.md" and again.text == first.text


def test_a_hit_still_enforces_the_word_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "long.md", PRESENTATION, PESTEL_FULL)
    folder = tmp_path / "documents"
    doc = DocumentCache(folder, LimitsSettings(isolate_parsing=False)).read(path)
    stricter = DocumentCache(folder, LimitsSettings(isolate_parsing=False, max_words=10))
    parsed: list[bool] = []
    with pytest.raises(TooLargeError, match="mots"):
        stricter.read(path, before_parsing=lambda: parsed.append(True))
    assert parsed == [] and stricter.entry(doc.meta.sha256).is_file()  # refused from the cache


def test_a_hit_still_enforces_the_page_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "pages.md", PRESENTATION, PESTEL_FULL)
    folder = tmp_path / "documents"
    doc = DocumentCache(folder, LimitsSettings(isolate_parsing=False)).read(path)
    entry = DocumentCache(folder, LimitsSettings()).entry(doc.meta.sha256)
    paged = doc.model_copy(update={"meta": doc.meta.model_copy(update={"pages": 400})})
    entry.write_text(paged.model_dump_json(), encoding="utf-8")  # as a 400-page PDF left it
    with pytest.raises(TooLargeError, match="pages"):
        DocumentCache(folder, LimitsSettings(isolate_parsing=False)).read(path)


def test_retrained_injection_weights_read_the_file_again(tmp_path: Path) -> None:
    limits = LimitsSettings(isolate_parsing=False)
    folder = tmp_path / "documents"
    path = write(tmp_path, "d.md", PRESENTATION, PESTEL_FULL)
    parsed: list[str] = []
    DocumentCache(folder, limits).read(path, before_parsing=lambda: parsed.append("shipped"))
    DocumentCache(folder, limits).read(path, before_parsing=lambda: parsed.append("again"))
    retrained = DocumentCache(folder, limits, weights="0123456789ab")
    retrained.read(path, before_parsing=lambda: parsed.append("retrained"))
    assert parsed == ["shipped", "retrained"]  # the old flags are not served to a new model
