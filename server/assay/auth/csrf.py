"""The CSRF rule for requests authenticated by the session cookie.

Browsers attach cookies to cross-site requests, but a cross-site page cannot add a custom
header without a CORS preflight this server never approves. So a state-changing request
that a session cookie authenticates must carry ``X-Assay-CSRF`` (any non-blank value).
API-key requests carry no ambient credential and are exempt. Any transport that changes
state with a session (GraphQL mutations; REST writes) applies :func:`refused`.
"""

from __future__ import annotations

from collections.abc import Mapping

from assay.auth.principal import Principal

HEADER = "x-assay-csrf"
CODE = "CSRF_HEADER_MISSING"
MESSAGE = (
    "mutations sent with the session cookie must carry the X-Assay-CSRF header (any value), "
    "which cross-site pages cannot add: send it from your application's requests"
)


def refused(principal: Principal | None, headers: Mapping[str, str]) -> bool:
    """Whether a state-changing request must be refused for want of the CSRF header."""
    by_session = principal is not None and principal.session_id is not None
    return by_session and not headers.get(HEADER, "").strip()
