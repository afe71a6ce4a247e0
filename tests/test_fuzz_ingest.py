"""Fuzzing smoke run: a few dozen mutated dossiers of every format through ingestion (the
long run is ``python scripts/fuzz_ingest.py --seconds N``), plus the regressions it found."""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.document import Document
from assistant.errors import CorruptFileError
from assistant.ingest import ingest_file
from eval.docbuild import Item, Paragraph, build_docx, build_odt
from tests import hostile
from tests.fuzzing import SUFFIXES, check_input, encode, fuzz_limits, mutate, seed_files


@lru_cache(maxsize=1)
def _seeds() -> dict[str, bytes]:
    return seed_files()


def test_every_seed_is_read() -> None:
    for suffix, data in _seeds().items():
        doc = check_input(encode(suffix, data), fuzz_limits())
        assert doc is not None and "PESTEL" in doc.text, suffix


@pytest.mark.timeout(120)
@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    suffix=st.sampled_from(SUFFIXES),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
    steps=st.integers(min_value=1, max_value=8),
    renamed=st.booleans(),
)
def test_mutated_dossiers_are_read_or_refused(
    suffix: str, seed: int, steps: int, renamed: bool
) -> None:
    rng = random.Random(seed)
    data = mutate(_seeds()[suffix], rng, steps)
    name_as = rng.choice(SUFFIXES) if renamed else suffix
    check_input(encode(name_as, data), fuzz_limits())


# --------------------------------------------------------------------------- regressions
# Inputs the fuzzer broke ingestion with (an exception other than ReviewError), rebuilt here
# by hand. They run in this process, where the untranslated exception would surface.


def _ingest(path: Path) -> Document:
    return ingest_file(path, fuzz_limits())


def test_page_that_cannot_be_loaded(tmp_path: Path) -> None:
    with pytest.raises(CorruptFileError) as raised:
        _ingest(hostile.missing_page_pdf(tmp_path))
    assert "La page 2 du PDF « page-absente.pdf » est endommagée" in raised.value.message


@pytest.mark.parametrize("build", [build_docx, build_odt])
def test_zip_member_before_the_start_of_the_file(
    build: Callable[[list[Item], Path], Path], tmp_path: Path
) -> None:
    source = build([Paragraph(hostile.VISIBLE)], tmp_path / "source")
    target = tmp_path / f"decale.{'docx' if build is build_docx else 'odt'}"
    with pytest.raises(CorruptFileError) as raised:
        _ingest(hostile.shifted_zip(source, target))
    assert "archive endommagée ou incomplète" in raised.value.message


def test_odt_without_body(tmp_path: Path) -> None:
    with pytest.raises(CorruptFileError) as raised:
        _ingest(hostile.odt_without_body(tmp_path))
    assert "« sans-corps.odt » est endommagé" in raised.value.message


def test_docx_relationship_without_target(tmp_path: Path) -> None:
    with pytest.raises(CorruptFileError) as raised:
        _ingest(hostile.docx_relationship_without_target(tmp_path))
    assert "« lien.docx » est endommagé" in raised.value.message


def test_docx_styles_of_the_wrong_type_are_ignored(tmp_path: Path) -> None:
    doc = _ingest(hostile.docx_styles_of_wrong_type(tmp_path))
    assert doc.text == hostile.VISIBLE
