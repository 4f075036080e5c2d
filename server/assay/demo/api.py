"""Calling Assay's GraphQL API as the demo's client does: with the bootstrap API key."""

from __future__ import annotations

from typing import Any

import httpx


class DemoError(RuntimeError):
    """A step of the demo did not succeed; the message names the step and the answer."""


async def _post(client: httpx.AsyncClient, key: str, query: str,
                variables: dict[str, Any]) -> dict[str, Any]:
    response = await client.post("/graphql", json={"query": query, "variables": variables},
                                 headers={"authorization": f"Bearer {key}"})
    body: dict[str, Any] = response.json()
    return body


async def mutate(client: httpx.AsyncClient, key: str, query: str, variables: dict[str, Any],
                 field: str) -> dict[str, Any]:
    """The ``field`` mutation's success payload; DemoError for any other answer."""
    body = await _post(client, key, query, variables)
    result = (body.get("data") or {}).get(field)
    if body.get("errors") or result is None or not result["__typename"].endswith("Success"):
        raise DemoError(f"{field} failed: {body}")
    data: dict[str, Any] = result
    return data


async def read(client: httpx.AsyncClient, key: str, query: str, variables: dict[str, Any],
               field: str) -> dict[str, Any]:
    """The ``field`` query's value; DemoError when there are errors or it is null."""
    body = await _post(client, key, query, variables)
    result = (body.get("data") or {}).get(field)
    if body.get("errors") or result is None:
        raise DemoError(f"{field} failed: {body}")
    data: dict[str, Any] = result
    return data
