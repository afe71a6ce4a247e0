from __future__ import annotations

import pytest

from assistant.settings import LimitsSettings


@pytest.fixture
def limits() -> LimitsSettings:
    """Default limits with a short parse timeout, so that a hang fails fast."""
    return LimitsSettings(parse_timeout_s=30.0)
