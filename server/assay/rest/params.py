"""Ids in paths and bodies: the GraphQL global id of the right type, or a raw UUID.

An id in the path that is not one names nothing, so it answers like an unknown id (404);
an id in the body that is malformed is bad input (422).
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from assay.errors import NotFound
from assay.ids import decode_id
from assay.rest.errors import invalid_input

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def parse_id(raw: str, type_name: str) -> uuid.UUID | None:
    if _UUID.fullmatch(raw):
        return uuid.UUID(raw)
    decoded = decode_id(raw)
    if decoded is None or decoded[0] != type_name:
        return None
    return decoded[1]


def path_id(raw: str, type_name: str) -> uuid.UUID:
    """The primary key named in the path, or NotFound exactly as for an unknown id."""
    pk = parse_id(raw, type_name)
    if pk is None:
        raise NotFound(type_name, raw)
    return pk


def body_id(value: Any, type_name: str, field: str) -> uuid.UUID:
    if value is None:
        raise invalid_input(field, f"required: give the {type_name}'s id")
    pk = parse_id(value, type_name) if isinstance(value, str) else None
    if pk is None:
        raise invalid_input(field, f"not a valid {type_name} id: pass the id the API shows "
                            "for it, or its UUID")
    return pk
