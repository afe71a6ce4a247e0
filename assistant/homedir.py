"""The data folder is private: folders 0700, files 0600 (dossiers are personal data).

``secure_home`` is called once by each entry point (``python app.py``, the CLI) before any
service runs: it sets the process umask to 077, so that everything created afterwards (the
document cache, the Chroma files, audit records) is private, creates the home folder, and
removes group and other permissions from what an older version left behind.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)
PRIVATE_UMASK = 0o077


def secure_home(home: Path) -> None:
    os.umask(PRIVATE_UMASK)
    try:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        _tighten(home)
        for root, folders, files in os.walk(home):
            for name in folders + files:
                _tighten(Path(root) / name)
    except OSError as err:  # a read-only or foreign home: the services will say so
        log.warning("could not make %s private: %s", home, err)


def _tighten(path: Path) -> None:
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        return
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o077:
        path.chmod(mode & 0o700)
