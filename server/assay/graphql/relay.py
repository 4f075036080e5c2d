"""Relay conventions: opaque global ids, the Node interface, cursor connections."""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry
from tortoise.queryset import QuerySet

from assay.errors import invalid
from assay.ids import decode_id as decode_id  # re-exported: the API's id helpers
from assay.ids import encode_id as encode_id

MAX_PAGE = 100
DEFAULT_PAGE = 50


def expect_id(global_id: str, type_name: str, field: str) -> uuid.UUID:
    """The primary key of a global id of ``type_name``, or a validation error on ``field``."""
    decoded = decode_id(global_id)
    if decoded is None or decoded[0] != type_name:
        raise invalid(field, f"not a {type_name} id: pass the id field of a {type_name}",
                      "INVALID_ID")
    return decoded[1]


@strawberry.interface(description="An object with an opaque, globally unique id.")
class Node:
    id: strawberry.ID


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


N = TypeVar("N")


@strawberry.type
class Edge(Generic[N]):
    cursor: str
    node: N


@strawberry.type(description="A page of results; follow pageInfo.endCursor with `after`.")
class Connection(Generic[N]):
    edges: list[Edge[N]]
    page_info: PageInfo
    _count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many objects match, over all pages.")  # type: ignore[untyped-decorator]
    async def total_count(self) -> int:
        return await self._count()


def _cursor(pk: uuid.UUID) -> str:
    return base64.urlsafe_b64encode(f"c:{pk}".encode()).decode().rstrip("=")


def _after(cursor: str) -> uuid.UUID:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        tag, _, raw = base64.urlsafe_b64decode(padded).decode().partition(":")
        if tag != "c":
            raise ValueError(cursor)
        return uuid.UUID(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise invalid("after", "not a cursor: pass pageInfo.endCursor of the previous page",
                      "INVALID_CURSOR") from None


@dataclass(frozen=True)
class PageRequest:
    """A validated page request: ``size`` rows after the row with id ``after``."""

    size: int
    after: uuid.UUID | None

    @classmethod
    def of(cls, first: int | None, after: str | None) -> PageRequest:
        size = min(max(first if first is not None else DEFAULT_PAGE, 0), MAX_PAGE)
        return cls(size=size, after=_after(after) if after else None)


def connection_from_rows(
    rows: Sequence[Any],
    to_node: Callable[[Any], N],
    page: PageRequest,
    count: Callable[[], Awaitable[int]],
) -> Connection[N]:
    """A connection from up to ``page.size + 1`` rows ordered by id (the extra one says more)."""
    edges = [Edge(cursor=_cursor(row.id), node=to_node(row)) for row in rows[: page.size]]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(rows) > page.size,
            has_previous_page=page.after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        _count=count,
    )


async def paginate(
    queryset: QuerySet[Any],
    to_node: Callable[[Any], N],
    *,
    first: int | None,
    after: str | None,
) -> Connection[N]:
    """Keyset pagination by id (time-ordered UUIDs): one query for the page, one for counts."""
    page = PageRequest.of(first, after)
    page_query = queryset.order_by("id")
    if page.after is not None:
        page_query = page_query.filter(id__gt=page.after)
    rows: Sequence[Any] = await page_query.limit(page.size + 1)
    return connection_from_rows(rows, to_node, page, queryset.count)
