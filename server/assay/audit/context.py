"""Who is acting and from where: set once per request, job or CLI command."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    #: "user", "api_key" or "system".
    type: str
    id: str
    request_id: str = ""
    ip: str = ""


SYSTEM = Actor(type="system", id="cli")

_actor: ContextVar[Actor] = ContextVar("assay_audit_actor", default=SYSTEM)


def current_actor() -> Actor:
    return _actor.get()


@contextmanager
def acting_as(actor: Actor) -> Iterator[Actor]:
    token = _actor.set(actor)
    try:
        yield actor
    finally:
        _actor.reset(token)
