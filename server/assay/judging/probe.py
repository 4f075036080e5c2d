"""testJudge: one tiny verdict through a configuration, to see that provider, model, URL
and key work before an evaluation depends on them.

The call goes through the plugin exactly as evaluations do (SSRF guard, JSON verdict,
repair of a malformed answer) but with a single attempt on rate limits and errors and a
shorter timeout, so a broken configuration answers quickly. The outcome is audited; the
key is never part of it.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

from assay.audit import service as audit
from assay.judging import configurations
from assay.judging.models import JudgeConfiguration
from assay.settings import Settings
from assay_sdk import JudgeError, JudgeReply, JudgeRequest
from assay_sdk.llm import SYSTEM_PROMPT, data_block

TIMEOUT_S = 30.0

PROMPT = "\n\n".join([
    "Score how correct the answer is.",
    data_block("input", "What is 2 + 2?"),
    data_block("answer", "2 + 2 = 4."),
    "Rubric:\n1.0: correct.\n0.0: wrong.",
])


@dataclass(frozen=True)
class JudgeProbe:
    configuration: JudgeConfiguration
    ok: bool
    latency_ms: float
    reply: JudgeReply | None = None
    error_code: str | None = None
    error_message: str | None = None
    calls: int = 0


async def probe(configuration_id: uuid.UUID, settings: Settings) -> JudgeProbe:
    configuration = await configurations.require_configuration(configuration_id)
    request = JudgeRequest(system=SYSTEM_PROMPT, prompt=PROMPT,
                           temperature=configuration.temperature, samples=1, max_tokens=200)
    started = time.perf_counter()
    try:
        judge = await configurations.build_judge(configuration, settings, max_attempts=1,
                                                 timeout_s=TIMEOUT_S)
        try:
            reply = await judge.ask(request)
        finally:
            await judge.aclose()
        result = JudgeProbe(configuration, ok=True, latency_ms=_since(started), reply=reply,
                            calls=reply.calls)
    except JudgeError as exc:
        result = JudgeProbe(configuration, ok=False, latency_ms=_since(started),
                            error_code=exc.code, error_message=exc.message, calls=exc.calls)
    await audit.record("judge.test", target_type=configurations.TARGET,
                       target_id=configuration.id,
                       details={"ok": result.ok, "error_code": result.error_code,
                                "calls": result.calls})
    return result


def _since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)
