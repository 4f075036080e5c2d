"""testConnection: one message through a connection; what was sent, what came back, or why not."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry
from strawberry.scalars import JSON

from assay.auth.permissions import Permission
from assay.connections.probe import ProbeResult, probe
from assay.graphql.errors import NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id


@strawberry.type(description="Why the agent could not be reached or read.")
class ConnectionTestFailure:
    code: str = strawberry.field(
        description="TIMEOUT, HTTP_STATUS, CONNECTION_FAILED, SSRF_REFUSED, BAD_RESPONSE, "
        "SELECTOR_NOT_FOUND, LOGIN_FAILED, NAVIGATION_FAILED or CONFIGURATION."
    )
    message: str


@strawberry.type(description="One message sent through a connection, and its outcome.")
class TestConnectionSuccess:
    ok: bool
    reply: str | None = strawberry.field(description="The agent's answer, when ok.")
    latency_ms: float | None
    attempts: int
    sent: JSON = strawberry.field(description="What was sent; credentials shown as [secret].")
    received: JSON = strawberry.field(description="What came back (truncated), if anything.")
    failure: ConnectionTestFailure | None

    @classmethod
    def from_result(cls, result: ProbeResult) -> TestConnectionSuccess:
        failure = None
        if result.error_code is not None:
            failure = ConnectionTestFailure(code=result.error_code,
                                            message=result.error_message or "")
        return cls(ok=result.ok, reply=result.reply, latency_ms=result.latency_ms,
                   attempts=result.attempts, sent=cast(JSON, result.request),
                   received=cast(JSON, result.response),
                   failure=failure)


TestConnectionResult = Annotated[
    TestConnectionSuccess | ValidationError | NotFoundError,
    strawberry.union("TestConnectionResult"),
]


@strawberry.type
class TestConnectionMutation:
    @guarded_mutation(Permission.CONNECTION_TEST,
                      description="Send one message to the agent through this connection, in a "
                      "new conversation, and report exactly what was sent and what came back.")
    @returns_errors
    async def test_connection(
        self, info: strawberry.Info, id: strawberry.ID, message: str = "Hello"
    ) -> TestConnectionResult:
        result = await probe(expect_id(id, "AgentConnection", "id"), message,
                             info.context.settings)
        return TestConnectionSuccess.from_result(result)
