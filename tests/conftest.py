from __future__ import annotations

import pytest

from assistant.index.embedding import Embedder, UseEmbedder
from assistant.settings import LimitsSettings


@pytest.fixture
def limits() -> LimitsSettings:
    """Default limits with a short parse timeout, so that a hang fails fast."""
    return LimitsSettings(parse_timeout_s=30.0)


@pytest.fixture(scope="session")
def use_embedder() -> Embedder:
    """The real default embedding model, loaded once for the whole session."""
    embedder = UseEmbedder()
    embedder.embed_documents(["chargement du modèle"])
    return embedder
