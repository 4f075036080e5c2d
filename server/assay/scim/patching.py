"""PATCH (RFC 7644 §3.5.2): operations read from a PatchOp body and applied to a document.

The document holds the attributes Assay keeps, spelled canonically; the caller validates
the patched document exactly as a PUT body, so PATCH and PUT accept the same values.
Identity providers send both shapes this module accepts:

- with a path: ``{"op": "Replace", "path": "active", "value": "False"}`` (Entra ID),
  ``{"op": "remove", "path": "members[value eq \\"…\\"]"}``,
  ``{"op": "add", "path": "emails[type eq \\"work\\"].value", "value": "…"}``;
- without one: ``{"op": "replace", "value": {"active": false}}`` (Okta), whose keys may be
  paths themselves (``"name.givenName"``).

``op`` is case-insensitive. Removing members by value list (``{"op": "remove", "path":
"members", "value": [{"value": "…"}]}``, as Entra ID does) is accepted too.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from assay.scim import urns
from assay.scim.attributes import Attribute, ResourceSchema, canonical_element, canonical_value
from assay.scim.errors import (
    invalid_path,
    invalid_syntax,
    invalid_value,
    mutability,
    no_target,
)
from assay.scim.grammar import (
    AttrPath,
    Comparison,
    GrammarError,
    Logical,
    Node,
    matches,
    parse_path,
    split_attribute,
)

MAX_OPERATIONS = 1000
_OPS = ("add", "replace", "remove")


@dataclass(frozen=True)
class Operation:
    op: str
    path: AttrPath | None
    value: Any = None


def _key(body: dict[str, Any], name: str) -> Any:
    return next((v for k, v in body.items() if k.lower() == name.lower()), None)


def read_operations(body: Any) -> list[Operation]:
    """The operations of a PatchOp body, or the SCIM error that says what is wrong with it."""
    schemas = _key(body, "schemas") if isinstance(body, dict) else None
    if not isinstance(schemas, list) or urns.PATCH_OP not in schemas:
        raise invalid_syntax(f"send a PatchOp: {{\"schemas\": [\"{urns.PATCH_OP}\"], "
                             "\"Operations\": [{\"op\": \"replace\", \"path\": \"active\", "
                             "\"value\": false}]}")
    raw = _key(body, "Operations")
    if not isinstance(raw, list) or not raw or len(raw) > MAX_OPERATIONS:
        raise invalid_syntax(f"Operations must be a list of 1 to {MAX_OPERATIONS} operations")
    return [_operation(item) for item in raw]


def _operation(item: Any) -> Operation:
    if not isinstance(item, dict):
        raise invalid_syntax("each operation is an object with op, path (optional) and value")
    op = _key(item, "op")
    if not isinstance(op, str) or op.lower() not in _OPS:
        raise invalid_syntax(f"op must be add, replace or remove, not {op!r}")
    raw_path = _key(item, "path")
    path = None
    if raw_path is not None:
        if not isinstance(raw_path, str) or not raw_path.strip():
            raise invalid_path("path must be a non-empty string such as \"active\" or "
                               "\"members[value eq \\\"…\\\"]\"")
        try:
            path = parse_path(raw_path)
        except GrammarError as exc:
            raise invalid_path(f"path {raw_path!r} is not a SCIM attribute path: {exc}") from None
    value = _key(item, "value")
    if op.lower() == "remove" and path is None:
        raise no_target("a remove operation needs a path that says what to remove, e.g. "
                        "\"members[value eq \\\"…\\\"]\"")
    if op.lower() != "remove" and value is None:
        raise invalid_value(f"an {op.lower()} operation needs a value")
    return Operation(op.lower(), path, value)


def apply_operations(document: dict[str, Any], operations: list[Operation],
                     schema: ResourceSchema) -> dict[str, Any]:
    """``document`` with ``operations`` applied in order (all or nothing: a copy is changed)."""
    patched = copy.deepcopy(document)
    for operation in operations:
        if operation.path is None:
            _apply_object(patched, operation, schema)
        else:
            _apply(patched, operation.op, operation.path, operation.value, schema)
    return patched


def _apply_object(document: dict[str, Any], operation: Operation,
                  schema: ResourceSchema) -> None:
    """An add or replace without a path: each key of the value is a path of its own."""
    if not isinstance(operation.value, dict):
        raise invalid_value(f"an {operation.op} without a path takes an object of attributes, "
                            "e.g. {\"active\": false}")
    for key, value in operation.value.items():
        try:
            name, sub = split_attribute(key)
        except GrammarError as exc:
            raise invalid_path(f"{key!r} is not an attribute name: {exc}") from None
        path = AttrPath(name, sub)
        attribute = schema.lookup(path)
        if attribute is None or attribute.read_only:
            continue  # dropped, or read-only (Okta repeats the id): as in a PUT body
        _apply(document, operation.op, path, value, schema)


def _apply(document: dict[str, Any], op: str, path: AttrPath, value: Any,
           schema: ResourceSchema) -> None:
    attribute = schema.lookup(path)
    if attribute is None:
        return
    if attribute.read_only:
        raise mutability(f"{attribute.name} is read-only: it cannot be changed")
    if op == "remove" and attribute.required and path.sub is None and path.where is None:
        raise mutability(f"{attribute.name} is required: replace it instead of removing it")
    if path.where is not None and not attribute.multi:
        raise invalid_path(f"{attribute.name} has a single value: a [filter] selects among "
                           "the values of a multi-valued attribute such as emails or members")
    sub = None if path.sub is None else attribute.sub(path.sub)
    if path.sub is not None and sub is None:
        return  # a dropped sub-attribute
    if attribute.multi:
        _apply_multi(document, op, attribute, path.where, sub, value)
    elif attribute.subs:
        _apply_complex(document, op, attribute, sub, value)
    elif op == "remove":
        document.pop(attribute.name, None)
    else:
        document[attribute.name] = value


def _apply_complex(document: dict[str, Any], op: str, attribute: Attribute, sub: str | None,
                   value: Any) -> None:
    current = dict(document.get(attribute.name) or {})
    if sub is None and op == "remove":
        document.pop(attribute.name, None)
        return
    if sub is None:
        current.update(canonical_element(attribute, value))  # sub-attributes given are set
    elif op == "remove":
        current.pop(sub, None)
    else:
        current[sub] = value
    document[attribute.name] = current


def _same(one: dict[str, Any], other: dict[str, Any]) -> bool:
    left, right = one.get("value"), other.get("value")
    if isinstance(left, str) and isinstance(right, str):
        return left.casefold() == right.casefold()
    return left == right


def _primary(item: dict[str, Any]) -> bool:
    return str(item.get("primary")).lower() == "true"


def _apply_multi(document: dict[str, Any], op: str, attribute: Attribute, where: Node | None,
                 sub: str | None, value: Any) -> None:
    items: list[dict[str, Any]] = [dict(i) for i in document.get(attribute.name) or []]
    if where is not None:
        document[attribute.name] = _apply_selected(items, op, attribute, where, sub, value)
        return
    if sub is not None:
        raise invalid_path(f"say which of the {attribute.name} with a filter, e.g. "
                           f"{attribute.name}[type eq \"work\"].{sub}")
    given = [] if value is None else canonical_value(attribute, value)
    if op == "remove" and value is None:
        items = []
    elif op == "remove":
        items = [i for i in items if not any(_same(i, g) for g in given)]
    elif op == "add":
        if any(_primary(g) for g in given):  # RFC 7644 §3.5.2.1: the new primary wins
            items = [{**i, "primary": False} if _primary(i) else i for i in items]
        items.extend(g for g in given if not any(_same(i, g) for i in items))
    else:
        items = given
    document[attribute.name] = items


def _apply_selected(items: list[dict[str, Any]], op: str, attribute: Attribute, where: Node,
                    sub: str | None, value: Any) -> list[dict[str, Any]]:
    """An operation on the values of a multi-valued attribute that pass ``where``."""
    chosen = [i for i, item in enumerate(items) if matches(where, item)]
    if op == "remove":
        if sub is None:
            return [item for i, item in enumerate(items) if i not in chosen]
        for i in chosen:
            items[i].pop(sub, None)
        return items
    if not chosen:
        if op == "replace":
            raise no_target(f"no value of {attribute.name} matches the filter: add it "
                            "instead, or check the filter")
        new = _from_filter(where, attribute)
        items.append(new)
        chosen = [len(items) - 1]
    for i in chosen:
        if sub is not None:
            items[i][sub] = value
        elif op == "replace":
            items[i] = canonical_element(attribute, value)
        else:
            items[i].update(canonical_element(attribute, value))
    return items


def _from_filter(where: Node, attribute: Attribute) -> dict[str, Any]:
    """The value an add creates when its filter matches none: what the filter says it is
    (``type eq "work"`` makes ``{"type": "work"}``)."""
    if isinstance(where, Comparison) and where.op == "eq" and where.path.sub is None:
        sub = attribute.sub(where.path.name)
        return {} if sub is None else {sub: where.value}
    if isinstance(where, Logical) and where.op == "and":
        return {**_from_filter(where.left, attribute), **_from_filter(where.right, attribute)}
    raise no_target(f"no value of {attribute.name} matches the filter, and an add can only "
                    "create one from a filter of eq comparisons joined by and")
