"""Build step: the wheel carries the repository's data folders inside the package.

``referentiel/``, ``prompts/`` and ``samples/`` stay at the top of the repository (their source
of truth); building copies them to ``assistant/_data/`` so that an installed program reads them
with ``importlib.resources`` (``assistant.resources.data_dir``). Everything else is declared in
pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA_FOLDERS = ("referentiel", "prompts", "samples")  # = assistant.resources.DATA_FOLDERS


class BuildWithData(build_py):
    """``build_py`` that also copies the data folders into the built package."""

    def run(self) -> None:
        super().run()
        for name in DATA_FOLDERS:
            target = Path(self.build_lib) / "assistant" / "_data" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(ROOT / name, target)


setup(cmdclass={"build_py": BuildWithData})
