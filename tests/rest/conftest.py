"""Fixtures for the REST API tests: a loopback agent and a client of the whole application."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.connectors.agents import Agent, serving
from tests.support import GraphQLClient


@pytest.fixture
async def agent() -> AsyncIterator[Agent]:
    async with serving() as running:
        yield running


@pytest.fixture
def api(gql: GraphQLClient) -> httpx.AsyncClient:
    """The application (middleware and all) over ASGI, as CI would reach it over HTTP."""
    return gql.http
