"""Fixtures of the evaluation tests: a loopback agent, a worker that may reach loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from assay.settings import Settings
from tests.connectors.agents import Agent, serving


@pytest.fixture
async def agent() -> AsyncIterator[Agent]:
    async with serving() as running:
        yield running


@pytest.fixture
def worker_settings(settings: Settings) -> Settings:
    """The worker's settings: an operator who allows loopback targets (the scripted judge)."""
    return replace(settings, allow_private_targets=True)
