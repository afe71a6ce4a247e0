"""The data shipped with the program: the référentiel, the prompt templates, the sample dossier.

In the repository they are the top-level folders ``referentiel/``, ``prompts/`` and ``samples/``
(their source of truth); the wheel carries a copy of them inside the package, as
``assistant/_data/<folder>`` (``setup.py`` copies them at build time). ``data_dir`` finds them
either way, so an installed program works from any folder.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
"""The ``assistant`` package's folder (its learned weights live in ``*/model/``)."""

PROJECT_ROOT = PACKAGE.parent
"""The repository's root when running from a checkout (an installed wheel has no such root)."""

DATA_FOLDERS = ("referentiel", "prompts", "samples")
"""Top-level folders of the repository shipped inside the wheel (keep setup.py in step)."""

SAMPLE_DOSSIER = "dossier-exemple-E1.pdf"
"""The fictional E1 dossier shipped with the program (``samples/``)."""


def data_dir(name: str) -> Path:
    """The folder ``name`` (one of ``DATA_FOLDERS``): the wheel's copy inside the package when
    installed, else the repository's top-level folder."""
    if name not in DATA_FOLDERS:
        raise ValueError(f"unknown data folder {name!r}")
    packaged = files("assistant").joinpath("_data", name)
    if isinstance(packaged, Path) and packaged.is_dir():  # an installed wheel (never zipped)
        return packaged
    return PROJECT_ROOT / name


def sample_dossier() -> Path:
    """The shipped sample dossier (PDF), as a path on disk."""
    return data_dir("samples") / SAMPLE_DOSSIER


@lru_cache(maxsize=8)
def weights_digest(pattern: str = "*/model/*", package: Path = PACKAGE) -> str:
    """A hash of the learned weights shipped in ``package`` (every file matching ``pattern``,
    name and bytes), read once per process: what caches key on, so that retrained weights are
    never answered by what the old ones computed."""
    digest = hashlib.sha256()
    for path in sorted(package.glob(pattern)):
        if path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
