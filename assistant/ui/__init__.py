"""The Gradio app: one module per audience (candidate, jury, tutor), thin over the services.

Importing this package turns Gradio's analytics off before Gradio itself is imported.
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
