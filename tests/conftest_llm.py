"""The ``scripted_llm`` fixture: a loopback LLM provider (see ``tests/llm_server.py``)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.llm_server import ScriptedLLM


@pytest.fixture
async def scripted_llm() -> AsyncIterator[ScriptedLLM]:
    """A fresh scripted provider for one test: no key required, JSON mode supported."""
    async with ScriptedLLM() as llm:
        yield llm
