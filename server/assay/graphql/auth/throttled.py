"""The typed answer of an attempt the brute-force throttle refused without checking it."""

from __future__ import annotations

import strawberry

from assay.graphql.errors import MutationError


@strawberry.type(description="Too many failed attempts (or reset links) for now: nothing was "
                             "checked or changed. Wait retryAfterSeconds, then try again.")
class TooManyAttemptsError(MutationError):
    retry_after_seconds: int = strawberry.field(
        description="Seconds to wait before the next attempt is looked at.")
