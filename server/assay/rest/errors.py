"""The REST API's refusals: one JSON shape (the one /graphql uses), one status per failure.

Handlers raise :class:`RestError` for what only HTTP knows (a missing key, a bad header) and
let the domain's errors through; :func:`from_domain` turns those into the statuses and codes
of the contract. A missing object and another organization's object give the same answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.responses import JSONResponse

from assay.errors import Conflict, DomainError, NotFound, ValidationFailed

#: NotFound's kind (the model) -> the code the REST API gives it.
NOT_FOUND_CODES = {
    "Plan": "PLAN_NOT_FOUND",
    "AgentConnection": "CONNECTION_NOT_FOUND",
    "Run": "RUN_NOT_FOUND",
    "Evaluation": "EVALUATION_NOT_FOUND",
    "Judge": "JUDGE_NOT_FOUND",
    "Report": "REPORT_NOT_FOUND",
}


class RestError(Exception):
    """A refusal with its HTTP status, code and a message that says what to do."""

    def __init__(self, status: int, code: str, message: str, *, path: str | None = None,
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.path = path
        self.headers = dict(headers or {})


def invalid_input(path: str, message: str) -> RestError:
    return RestError(422, "INVALID_INPUT", f"{path}: {message}", path=path)


def from_domain(exc: DomainError, fields: Mapping[tuple[str, ...], str] | None = None
                ) -> RestError:
    """The REST refusal for a domain error; ``fields`` renames the service's input paths."""
    if isinstance(exc, NotFound):
        return RestError(404, NOT_FOUND_CODES.get(exc.kind, "NOT_FOUND"), exc.message)
    if isinstance(exc, ValidationFailed):
        issue = exc.issues[0]
        path = (fields or {}).get(issue.path, ".".join(issue.path))
        return invalid_input(path, issue.message)
    if isinstance(exc, Conflict):
        return RestError(409, exc.code, exc.message)
    return RestError(400, exc.code, exc.message)


def error_response(error: RestError, request_id: str) -> JSONResponse:
    extensions: dict[str, Any] = {"code": error.code, "requestId": request_id}
    if error.path is not None:
        extensions["path"] = error.path
    body = {"errors": [{"message": error.message, "extensions": extensions}]}
    return JSONResponse(body, status_code=error.status, headers=error.headers)
