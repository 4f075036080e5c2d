"""testJudge: one tiny verdict through a judge; what came back, or why not."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import NotFoundError, ValidationError, returns_errors
from assay.graphql.judging.types import JudgeType
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.judging.probe import JudgeProbe, probe


@strawberry.type(description="Why the judge gave no verdict.")
class JudgeTestFailure:
    code: str = strawberry.field(
        description="AUTHENTICATION, CONFIGURATION, RATE_LIMITED, TIMEOUT, UNAVAILABLE, "
        "MALFORMED or SSRF_REFUSED.")
    message: str


@strawberry.type(description="One tiny verdict asked of a judge, and its outcome.")
class TestJudgeSuccess:
    ok: bool
    judge: JudgeType
    score: float | None = strawberry.field(description="The verdict's score, when ok.")
    explanation: str | None
    model: str | None = strawberry.field(description="The model that answered, as named by "
                                         "the provider.")
    latency_ms: float
    calls: int = strawberry.field(description="Provider calls made (repairs included).")
    input_tokens: int
    output_tokens: int
    failure: JudgeTestFailure | None

    @classmethod
    def from_probe(cls, result: JudgeProbe) -> TestJudgeSuccess:
        reply = result.reply
        failure = None
        if result.error_code is not None:
            failure = JudgeTestFailure(code=result.error_code,
                                       message=result.error_message or "")
        return cls(ok=result.ok, judge=JudgeType.from_model(result.configuration),
                   score=reply.score if reply else None,
                   explanation=reply.explanation if reply else None,
                   model=reply.model if reply else None, latency_ms=result.latency_ms,
                   calls=result.calls, input_tokens=reply.input_tokens if reply else 0,
                   output_tokens=reply.output_tokens if reply else 0, failure=failure)


TestJudgeResult = Annotated[
    TestJudgeSuccess | ValidationError | NotFoundError,
    strawberry.union("TestJudgeResult"),
]


@strawberry.type
class TestJudgeMutation:
    @guarded_mutation(Permission.JUDGE_MANAGE,
                      description="Ask the judge for one tiny verdict, once (no retries), and "
                      "report what came back or the error code and message.")
    @returns_errors
    async def test_judge(self, info: strawberry.Info, id: strawberry.ID) -> TestJudgeResult:
        result = await probe(expect_id(id, "Judge", "id"), info.context.settings)
        return TestJudgeSuccess.from_probe(result)
