"""What a query asks for below a connection, so a list resolver can load relations up front.

graphql-core creates a task for every awaitable field of every listed object; for a page
of 100 objects with two related fields that is 200 tasks, most of the request's time. A
list resolver that loads the requested relations in batch and hands them to its nodes
lets those fields resolve without awaiting.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Iterator
from typing import TypeVar, cast

import strawberry
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField

T = TypeVar("T")


def _fields(selections: Iterable[SelectedField | FragmentSpread | InlineFragment]
            ) -> Iterator[SelectedField]:
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        else:
            yield from _fields(selection.selections)


def node_fields(info: strawberry.Info) -> frozenset[str]:
    """The GraphQL names of the fields selected on ``edges { node { ... } }`` (fragments too)."""
    names: set[str] = set()
    for connection in info.selected_fields:
        for edges in _fields(connection.selections):
            if edges.name != "edges":
                continue
            for node in _fields(edges.selections):
                if node.name == "node":
                    names.update(field.name for field in _fields(node.selections))
    return frozenset(names)


def ready_or_load(value: T | None, load: Callable[[], Awaitable[T]]) -> T:
    """``value`` if it was prefetched, else the awaitable that loads it.

    For synchronous field resolvers: graphql-core awaits an awaitable result, so such a
    field costs no task when its value is already there and still works when it is not.
    """
    if value is not None:
        return value
    return cast(T, load())
