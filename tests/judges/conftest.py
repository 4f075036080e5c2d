"""Judges pointed at the loopback LLM server, with a guard that allows loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from assay.connectors.network import NetworkPolicy
from assay.judges.anthropic import AnthropicJudge
from assay.judges.openai import OpenAIJudge
from assay_sdk.judges import Judge, JudgeSettings
from tests.llm_server import ScriptedLLM

#: A key shaped like a real one, to find anywhere it must not be.
KEY = "sk-test-Zq8vX3pL0oKe9RtY2wU7"
LOOPBACK = NetworkPolicy(allow_private=True)

Factory = Callable[..., Judge]


@pytest.fixture
async def make_judge() -> AsyncIterator[Factory]:
    """``make_judge(kind, llm, **settings)``: an OpenAI or Anthropic judge aimed at ``llm``
    (model "judge-1", the test key, 3 attempts, 5 s timeout), closed after the test."""
    made: list[Judge] = []

    def make(kind: str, llm: ScriptedLLM, *, guard: Any = LOOPBACK, **changes: Any) -> Judge:
        cls = OpenAIJudge if kind == "openai" else AnthropicJudge
        base = llm.openai_base_url if kind == "openai" else llm.anthropic_base_url
        values: dict[str, Any] = {"model": "judge-1", "base_url": base, "api_key": KEY,
                                  "max_attempts": 3, "timeout_s": 5.0, **changes}
        judge = cls(JudgeSettings(**values), guard=guard)
        made.append(judge)
        return judge

    yield make
    for judge in made:
        await judge.aclose()
