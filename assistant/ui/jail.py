"""The one check every file a web request names must pass before anything opens it.

A file is accepted only when it is a regular file (not a FIFO, a device, a socket, a folder or
a symbolic link), inside the app's private folder once every link is resolved, and not larger
than the upload limit. The check uses ``os.lstat`` and opens nothing: a FIFO or ``/dev/zero``
cannot block or flood the server, and a file over the limit is never copied.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from assistant.errors import InputError, TooLargeError

_MB = 1024 * 1024
REFUSED = (
    "Ce fichier n'a pas été déposé dans cette session : envoyez votre dossier depuis la page "
    "(les fichiers du serveur ne sont pas accessibles)."
)


def inspect(path: Path, jail: Path, max_bytes: int) -> int:
    """The size of ``path`` when it may be read; a French ``InputError`` otherwise."""
    try:
        info = os.lstat(path)
    except (OSError, ValueError) as err:
        raise InputError(REFUSED, detail=f"lstat {path}: {err}") from err
    if not stat.S_ISREG(info.st_mode):
        raise InputError(REFUSED, detail=f"not a regular file: {path} ({oct(info.st_mode)})")
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as err:
        raise InputError(REFUSED, detail=f"resolve {path}: {err}") from err
    if not real.is_relative_to(jail.resolve()):
        raise InputError(REFUSED, detail=f"outside the private folder: {real}")
    if info.st_size > max_bytes:
        raise TooLargeError(
            f"Le fichier « {path.name} » pèse {info.st_size / _MB:.1f} Mo, au-delà de la "
            f"limite de {max_bytes / _MB:g} Mo ; compressez les images ou scindez le dossier.",
            detail=f"{info.st_size} bytes",
        )
    return info.st_size
