"""Schema extensions: tenant transaction per operation, error masking with request ids."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from graphql import GraphQLError
from strawberry.extensions import MaskErrors, SchemaExtension

from assay.audit.context import Actor, acting_as
from assay.db.transactions import tenant_transaction
from assay.graphql.errors import redact_values, should_mask, with_code

log = logging.getLogger("assay.graphql")


class _Rollback(Exception):
    pass


class TenancyExtension(SchemaExtension):
    """Runs each operation in one transaction scoped to the caller's organization.

    PostgreSQL learns the organization through ``set_config(..., true)``, the ORM's
    scoped managers through the tenancy context variable, the audit trail the actor.
    If the operation produced errors, everything it wrote is rolled back.
    """

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        principal = context.principal
        if principal is None:
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
            pass


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
