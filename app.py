"""Web app of dossier-review: ``python app.py`` serves it on http://127.0.0.1:7860/.

Host and port come from the settings (``DOSSIER_REVIEW_UI__HOST``, ``DOSSIER_REVIEW_UI__PORT``);
``GRADIO_SERVER_PORT`` wins. Jury logins: ``DOSSIER_REVIEW_UI__JURY_USERS="user:pass,..."``.
"""

from __future__ import annotations

import logging
import os
import sys


def main() -> int:
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before anything imports gradio
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # no call home from huggingface_hub either
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from assistant.errors import ReviewError
    from assistant.home import secure_home
    from assistant.services import build_services
    from assistant.ui.server import serve

    try:
        services = build_services()
        secure_home(services.settings.home)
        serve(services)
    except ReviewError as err:
        print(err.message, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
