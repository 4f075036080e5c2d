"""SCIM refusals (RFC 7644 §3.12): an HTTP status, a ``scimType`` when one applies, and a
``detail`` that says what went wrong and what to do.

Every refusal is the SCIM error body, never Assay's GraphQL error shape, so an identity
provider's client can read it. A missing resource and another organization's resource give
the same body: existence does not leak across organizations.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assay.scim import urns


class ScimError(Exception):
    def __init__(self, status: int, detail: str, scim_type: str | None = None, *,
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.scim_type = scim_type
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"schemas": [urns.ERROR], "status": str(self.status)}
        if self.scim_type is not None:
            body["scimType"] = self.scim_type
        body["detail"] = self.detail
        return body


def invalid_filter(detail: str) -> ScimError:
    return ScimError(400, detail, "invalidFilter")


def invalid_value(detail: str) -> ScimError:
    return ScimError(400, detail, "invalidValue")


def invalid_path(detail: str) -> ScimError:
    return ScimError(400, detail, "invalidPath")


def invalid_syntax(detail: str) -> ScimError:
    return ScimError(400, detail, "invalidSyntax")


def no_target(detail: str) -> ScimError:
    return ScimError(400, detail, "noTarget")


def mutability(detail: str) -> ScimError:
    return ScimError(400, detail, "mutability")


def uniqueness(detail: str) -> ScimError:
    return ScimError(409, detail, "uniqueness")


def not_found(resource: str) -> ScimError:
    """The same answer for an unknown id, a malformed one and another organization's."""
    return ScimError(404, f"no {resource} with this id in this organization: list "
                     f"/{resource}s (with a filter) to find its id")


def owner_protected() -> ScimError:
    return ScimError(403, "this person is an OWNER of the organization: SCIM can neither "
                     "deactivate nor delete an owner (break-glass access); another owner can "
                     "change their role in Assay first")
