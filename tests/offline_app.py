"""Run inside a network namespace by ``test_offline``: start ``python app.py`` on the loopback,
fetch its page, send concurrent ``/assess`` calls through gradio_client, and print one JSON
document with what came back (the test checks it outside the namespace).

    python -m tests.offline_app HOME FOLDER SESSIONS
"""

from __future__ import annotations

import json
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from tests.browser import AppServer
from tests.canaries import canary_dossiers


def run(home: Path, folder: Path, sessions: int) -> dict[str, Any]:
    from gradio_client import Client, handle_file

    home.mkdir(parents=True, exist_ok=True)
    server = AppServer(home=home).start(timeout=180)
    try:
        with urllib.request.urlopen(server.url, timeout=30) as response:
            page = response.read().decode("utf-8", "replace")
        dossiers = canary_dossiers(folder, sessions)
        client = Client(server.url, verbose=False)
        started = time.monotonic()
        jobs = [client.submit(handle_file(str(d.path)), "E1", api_name="/assess") for d in dossiers]
        results = [json.loads(job.result(timeout=900)) for job in jobs]
        elapsed = time.monotonic() - started
    finally:
        server.stop()
    return {
        "page": page,
        "elapsed_s": elapsed,
        "dossiers": [{"path": str(d.path), "tag": d.tag, "sha256": d.sha256} for d in dossiers],
        "results": results,
    }


if __name__ == "__main__":
    home, folder, sessions = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(run(home, folder, sessions)))
