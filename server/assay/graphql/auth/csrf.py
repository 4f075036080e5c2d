"""CSRF protection for GraphQL mutations sent with a session cookie (see assay.auth.csrf).

The operation is refused with 403 before any resolver runs; queries change nothing (GET is
disabled and a POST must be JSON, which a cross-site form cannot send).
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import ExecutionResult, GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from assay.auth import csrf


class CsrfGuard(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        execution = self.execution_context
        context = execution.context
        if execution.operation_type is OperationType.MUTATION and csrf.refused(
            context.principal, context.request.headers
        ):
            if context.response is not None:
                context.response.status_code = 403
            execution.result = ExecutionResult(
                data=None, errors=[GraphQLError(csrf.MESSAGE, extensions={"code": csrf.CODE})]
            )
        yield
