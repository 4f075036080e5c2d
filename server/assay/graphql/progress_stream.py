"""The machinery of a progress subscription (runProgress, evaluationProgress), in one place.

A progress subscription sends the followed object as it is, then what a
:class:`~assay.progress_follower.ProgressFollower` finds at each look, until the object is
finished. Each look is its own short tenant transaction (nothing is held open while the
client reads); Redis notifications (assay.runs.events, on the domain's channel prefix) only
say when to look, and the database is read every ``progress_poll_ms`` regardless, also when
Redis never confirms the subscription. The caller is re-checked as often, so a revoked key
or an ended session ends the subscription. Failures end it with a public error: a domain's
as it is, an unexpected one masked behind the request id (and logged).

What differs between domains is a :class:`ProgressStream`: the read permission, the channel
prefix, the name used in logs, and how a follower's event becomes a GraphQL event.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from assay.auth.permissions import Permission
from assay.errors import DomainError
from assay.graphql.context import Context
from assay.graphql.errors import PublicError
from assay.graphql.websocket import current_principal
from assay.progress_follower import ProgressFollower
from assay.runs import events
from assay.settings import Settings

log = logging.getLogger(__name__)

#: Seconds to wait for Redis to confirm the subscription before relying on polling alone.
READY_SECONDS = 2.0

EventT = TypeVar("EventT")
OutT = TypeVar("OutT")


@dataclass(frozen=True)
class ProgressStream(Generic[EventT, OutT]):
    """What one domain's progress subscription supplies."""

    #: The name in logs ("run progress of ..."), e.g. "run".
    noun: str
    #: The permission the caller must keep holding while subscribed.
    permission: Permission
    #: The Redis channel prefix its notifications use (assay.runs.events.channel).
    channel_prefix: str
    #: A follower's event as the GraphQL event sent to the client.
    convert: Callable[[EventT], OutT]

    def stream(self, context: Context, follower: ProgressFollower[Any, EventT],
               first: EventT) -> AsyncGenerator[OutT, None]:
        """The events from ``first`` (what follower.start() returned) on."""
        return _stream(self, context, context.settings, follower, first)


async def _recheck(spec: ProgressStream[Any, Any], context: Context,
                   follower: ProgressFollower[Any, Any]) -> None:
    """End the subscription when its caller may no longer read the followed object."""
    principal = await current_principal(context)
    if principal is None or principal.org_id != follower.org_id:
        raise PublicError("your session ended or your API key was revoked: sign in or use a "
                          "valid key, then subscribe again", "UNAUTHENTICATED")
    if not principal.can(spec.permission):
        raise PublicError(f"you no longer have the {spec.permission.value} permission: ask an "
                          "organization admin", "FORBIDDEN")
    follower.project_ids, follower.user_id = principal.project_ids, principal.user_id


async def _follow(spec: ProgressStream[EventT, OutT], context: Context, settings: Settings,
                  follower: ProgressFollower[Any, EventT]) -> AsyncGenerator[OutT, None]:
    poll = settings.progress_poll_ms / 1000
    async with events.listener(settings).watch(follower.subject_id,
                                               prefix=spec.channel_prefix) as watch:
        await watch.ready(READY_SECONDS)
        checked = time.monotonic()
        progressed = True
        while not follower.finished:
            if not (follower.behind and progressed):
                await watch.wait(poll)
            follower.hint(watch.take())
            if time.monotonic() - checked >= poll:
                await _recheck(spec, context, follower)
                checked = time.monotonic()
            found = await follower.look()
            progressed = bool(found)
            for event in found:
                yield spec.convert(event)


async def _stream(spec: ProgressStream[EventT, OutT], context: Context, settings: Settings,
                  follower: ProgressFollower[Any, EventT], first: EventT
                  ) -> AsyncGenerator[OutT, None]:
    """The events; failures end it with a public error (unexpected ones masked, logged)."""
    yield spec.convert(first)
    try:
        async with contextlib.aclosing(_follow(spec, context, settings, follower)) as following:
            async for event in following:
                yield event
    except PublicError:
        raise
    except DomainError as error:
        raise PublicError(error.message, error.code) from None
    except Exception:
        request_id = context.request_id
        log.exception("%s progress of %s failed in request %s", spec.noun,
                      follower.subject_id, request_id)
        raise PublicError(f"Unexpected error. Quote request id {request_id} when reporting "
                          "it.", "INTERNAL") from None
