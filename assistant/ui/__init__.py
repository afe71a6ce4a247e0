"""The Gradio app: one module per audience (candidate, jury, tutor), thin over the services.

Importing this package turns Gradio's analytics and the Hugging Face Hub's calls home off
before Gradio itself is imported: the app never reaches the network on its own.
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ.setdefault("HF_HUB_OFFLINE", "1")
