"""``node(id:)``: any object by global id, with the permission its type requires.

Each domain registers its node types with :func:`register_node`. Another organization's
object, an unknown id and an id of a type the caller may not read all answer the same:
null, with a NOT_FOUND error.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import PublicError
from assay.graphql.loaders import BatchFn
from assay.graphql.permissions import guarded_field
from assay.graphql.relay import Node, decode_id


@dataclass(frozen=True)
class NodeKind:
    permission: Permission
    load: BatchFn[uuid.UUID, Any]
    to_type: Callable[[Any], Node]


NODE_KINDS: dict[str, NodeKind] = {}


def register_node(
    type_name: str,
    *,
    permission: Permission,
    load: BatchFn[uuid.UUID, Any],
    to_type: Callable[[Any], Node],
) -> None:
    NODE_KINDS[type_name] = NodeKind(permission, load, to_type)


def _not_found() -> PublicError:
    return PublicError("no object with this id: check the id and your access", "NOT_FOUND")


@strawberry.type
class NodeQuery:
    @guarded_field(Permission.ORGANIZATION_READ, description="Any object by its global id.")
    async def node(self, info: strawberry.Info, id: strawberry.ID) -> Node | None:
        decoded = decode_id(id)
        kind = NODE_KINDS.get(decoded[0]) if decoded else None
        if decoded is None or kind is None or not info.context.principal.can(kind.permission):
            raise _not_found()
        row = await info.context.loaders.load(kind.load, decoded[1])
        if row is None:
            raise _not_found()
        return kind.to_type(row)
