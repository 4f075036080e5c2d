"""Schema extensions: tenant transaction per operation (with after-commit steps), the
transport each operation type uses, error masking with request ids."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

from graphql import GraphQLError
from starlette.websockets import WebSocket
from strawberry.extensions import MaskErrors, SchemaExtension
from strawberry.types.graphql import OperationType

from assay.audit.context import Actor, acting_as
from assay.db.transactions import tenant_transaction
from assay.graphql.errors import redact_values, should_mask, with_code

log = logging.getLogger("assay.graphql")

_AFTER_COMMIT = "after_commit"


class _Rollback(Exception):
    pass


def after_commit(context: Any, callback: Callable[[], Awaitable[None]]) -> None:
    """Run ``callback`` once the operation's transaction has committed (never if it rolls
    back), e.g. to tell subscribers about what it wrote. A failing callback is logged only."""
    context.extras.setdefault(_AFTER_COMMIT, []).append(callback)


async def _run_after_commit(context: Any) -> None:
    callbacks = context.extras.pop(_AFTER_COMMIT, [])
    for callback in callbacks:
        try:
            await callback()
        except Exception:
            log.exception("an after-commit step of request %s failed", context.request_id)


class TenancyExtension(SchemaExtension):
    """Runs each operation in one transaction scoped to the caller's organization.

    PostgreSQL learns the organization through ``set_config(..., true)``, the ORM's
    scoped managers through the tenancy context variable, the audit trail the actor.
    If the operation produced errors, everything it wrote is rolled back; otherwise the steps
    registered with :func:`after_commit` run once it has committed.
    """

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        principal = context.principal
        if principal is None or self.execution_context.operation_type is (
            OperationType.SUBSCRIPTION
        ):
            # A subscription lives for minutes or hours: it opens a short tenant transaction
            # for each read itself rather than holding one open for its whole life.
            yield
            return
        actor = Actor(
            type=principal.kind,
            id=str(principal.actor_id),
            request_id=context.request_id,
            ip=context.ip,
        )
        try:
            async with tenant_transaction(
                principal.org_id, project_ids=principal.project_ids, user_id=principal.user_id
            ):
                with acting_as(actor):
                    yield
                result = self.execution_context.result
                if result is not None and result.errors:
                    raise _Rollback
        except _Rollback:
            context.extras.pop(_AFTER_COMMIT, None)
            return
        await _run_after_commit(context)


class OperationTransport(SchemaExtension):
    """Subscriptions over the websocket (graphql-transport-ws), everything else over HTTP.

    HTTP requests get a fresh context, request id, size limits and one transaction each;
    a websocket shares one context between its operations for the life of the connection.
    """

    def on_validate(self) -> Iterator[None]:
        """Refuse before validating (an operation sent the wrong way is never run)."""
        execution = self.execution_context
        subscription = execution.operation_type is OperationType.SUBSCRIPTION
        if subscription == isinstance(getattr(execution.context, "request", None), WebSocket):
            yield
            return
        message = ("subscriptions are served over a websocket at /graphql with the "
                   "graphql-transport-ws protocol" if subscription else
                   "send queries and mutations as HTTP POST requests to /graphql; the "
                   "websocket serves subscriptions only")
        execution.pre_execution_errors = [
            GraphQLError(message, extensions={"code": "WRONG_TRANSPORT"})]
        yield


class MaskUnexpectedErrors(MaskErrors):
    """Unexpected errors become a message with the request id; details go to the log only."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=should_mask)

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        variables = self.execution_context.variables
        return [
            redact_values(with_code(error), variables)
            for error in super()._process_errors(errors)
        ]

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        request_id = self.execution_context.context.request_id
        log.error(
            "unexpected error in request %s at %s",
            request_id,
            error.path,
            exc_info=error.original_error,
        )
        return GraphQLError(
            message=f"Unexpected error. Quote request id {request_id} when reporting it.",
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={"code": "INTERNAL", "requestId": request_id},
        )
