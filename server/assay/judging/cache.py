"""The judge cache: a verdict is asked for once per evaluator version, model and input.

:class:`CachedJudge` is the :class:`assay_sdk.JudgeClient` evaluators receive. Its key is a
SHA-256 over the evaluator's slug and version, the provider and model, the evaluator's
prompt hash (template, rubric, system prompt) and the input hash (the canonical JSON of
the request: system, prompt, temperature, samples, max_tokens). Re-evaluating the same run
with the same versions therefore makes no judge call, and any change to what shapes the
verdict misses.

Entries belong to the organization in scope (row-level security). Each lookup and each
write opens its own short tenant transaction, so a slow judge call never holds one open;
call :meth:`CachedJudge.ask` with the organization in scope (``org_scope``), outside any
transaction when several run at once (concurrent tasks must not share one connection).
Two workers racing on one key both call the judge and both succeed: the second insert is
ignored (ON CONFLICT DO NOTHING).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from assay.db.transactions import tenant_transaction
from assay.judging.models import JudgeCacheEntry
from assay.tenancy.scope import require_scope
from assay_sdk import Judge, JudgeError, JudgeReply, JudgeRequest


@dataclass
class JudgeUsage:
    """What a judge cost one piece of work (a case, an evaluation), counted as it goes."""

    calls: int = 0
    cache_hits: int = 0
    input_tokens: int = 0
    output_tokens: int = 0


def _digest(value: Any) -> str:
    canonical = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def input_hash(request: JudgeRequest) -> str:
    """SHA-256 of the canonical JSON of everything the request sends."""
    return _digest({"system": request.system, "prompt": request.prompt,
                    "temperature": request.temperature, "samples": request.samples,
                    "max_tokens": request.max_tokens})


def cache_key(*, evaluator: str, evaluator_version: str, provider: str, model: str,
              prompt_hash: str, input_hash: str) -> str:
    return _digest([evaluator, evaluator_version, f"{provider}:{model}", prompt_hash,
                    input_hash])


def _reply_from(stored: dict[str, Any]) -> JudgeReply:
    """A stored verdict as served from the cache: nothing was spent on it."""
    return JudgeReply(
        score=float(stored["score"]),
        explanation=str(stored["explanation"]),
        scores=tuple(float(s) for s in stored.get("scores", [stored["score"]])),
        spread=float(stored.get("spread", 0.0)),
        model=str(stored.get("model", "")),
        calls=0,
        input_tokens=0,
        output_tokens=0,
        cached=True,
    )


class CachedJudge:
    """A judge whose verdicts are kept per organization and reused (a JudgeClient)."""

    def __init__(self, judge: Judge, *, evaluator: str, evaluator_version: str,
                 prompt_hash: str, temperature: float, usage: JudgeUsage) -> None:
        self._judge = judge
        self._evaluator = evaluator
        self._evaluator_version = evaluator_version
        self._prompt_hash = prompt_hash
        self._temperature = temperature
        self.usage = usage
        self.model: str = judge.model

    async def ask(self, request: JudgeRequest) -> JudgeReply:
        """The stored verdict for this request, or the judge's (then stored).

        The configuration's temperature replaces the request's. A JudgeError propagates,
        with the calls it spent counted.
        """
        request = dataclasses.replace(request, temperature=self._temperature)
        hashed = input_hash(request)
        key = cache_key(evaluator=self._evaluator, evaluator_version=self._evaluator_version,
                        provider=self._judge.name, model=self._judge.model,
                        prompt_hash=self._prompt_hash, input_hash=hashed)
        stored = await self._lookup(key)
        if stored is not None:
            self.usage.cache_hits += 1
            return _reply_from(stored)
        try:
            reply = await self._judge.ask(request)
        except JudgeError as exc:
            self.usage.calls += exc.calls
            raise
        self.usage.calls += reply.calls
        self.usage.input_tokens += reply.input_tokens
        self.usage.output_tokens += reply.output_tokens
        await self._store(key, hashed, reply)
        return reply

    async def _lookup(self, key: str) -> dict[str, Any] | None:
        scope = require_scope()
        async with tenant_transaction(scope.org_id, project_ids=scope.project_ids):
            entry = await JudgeCacheEntry.filter(key=key).only("reply").first()
        return dict(entry.reply) if entry is not None else None

    async def _store(self, key: str, hashed: str, reply: JudgeReply) -> None:
        scope = require_scope()
        entry = JudgeCacheEntry(key=key, evaluator=self._evaluator,
                                evaluator_version=self._evaluator_version,
                                model=self._judge.model, prompt_hash=self._prompt_hash,
                                input_hash=hashed, reply=reply.to_json())
        async with tenant_transaction(scope.org_id, project_ids=scope.project_ids):
            await JudgeCacheEntry.bulk_create([entry], ignore_conflicts=True)
