"""Fixtures for the PII tests: a loopback agent for runs."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.connectors.agents import Agent, serving


@pytest.fixture
async def agent() -> AsyncIterator[Agent]:
    async with serving() as running:
        yield running
