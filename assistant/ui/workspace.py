"""Private per-session folders for uploaded dossiers and their reports.

The app keeps every session's files under one private folder (mode 0700) that also serves as
Gradio's upload cache, so files are served from where they are written and deleting a
session's folder deletes everything the session produced. Folder names derive from the
session hash, so the unload hook finds them without any global registry.

An upload is adopted only after ``jail.inspect``: a regular file inside the private folder,
under the size limit; nothing else is moved or read.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from assistant.ui import jail

log = logging.getLogger(__name__)

_UNSAFE = re.compile(r"[^\w.\- ]+")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def safe_name(filename: str) -> str:
    """A file name without folders or odd characters, keeping the extension."""
    name = _UNSAFE.sub("_", Path(filename).name).strip(" .") or "dossier"
    return name[-120:]


@dataclass(frozen=True)
class Workspace:
    root: Path
    jail: Path  # the app's private folder: uploads come from nowhere else
    max_bytes: int = DEFAULT_MAX_BYTES

    @classmethod
    def for_session(
        cls,
        sessions_dir: Path,
        session_hash: str,
        audience: str,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> Workspace:
        root = session_dir(sessions_dir, session_hash) / audience
        return cls(root, sessions_dir.parent, max_bytes)

    def folder(self, name: str) -> Path:
        path = self.root / name
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path

    def adopt(self, upload: Path, subfolder: str = "dossier") -> Path:
        """Move an uploaded file into this workspace and remove Gradio's upload folder.

        Raises a French ``InputError`` (or ``TooLargeError``) for anything but a regular file
        of the private folder under the size limit; nothing is moved then."""
        jail.inspect(upload, self.jail, self.max_bytes)
        target = _free_name(self.folder(subfolder) / safe_name(upload.name))
        shutil.move(upload, target)
        _remove_empty_parent(upload)
        return target

    def clear(self, subfolder: str | None = None) -> None:
        shutil.rmtree(self.root / subfolder if subfolder else self.root, ignore_errors=True)


def session_dir(sessions_dir: Path, session_hash: str) -> Path:
    return sessions_dir / hashlib.sha256(session_hash.encode()).hexdigest()[:24]


def _free_name(path: Path) -> Path:
    """``path``, or ``name (2).ext``... when a file of that name is already there."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
    return candidate


def _remove_empty_parent(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.parent.rmdir()  # Gradio stores each upload in a folder of its own


def delete_session(sessions_dir: Path, session_hash: str) -> None:
    """Delete everything a browser session left behind (called when the page is closed)."""
    folder = session_dir(sessions_dir, session_hash)
    if folder.exists():
        shutil.rmtree(folder, ignore_errors=True)
        log.info("deleted session folder %s", folder.name)
