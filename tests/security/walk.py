"""The built schema as clients see it: root fields, their access markers, and minimal documents.

Everything here reads the SDL that ``schema.graphql`` is generated from, so the security
tests check what ships, and pick up new fields without being told about them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import graphql
import strawberry
from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLUnionType,
)

from assay.graphql.schema import build_schema
from assay.settings import Settings

Operation = Literal["query", "mutation", "subscription"]
Path = tuple[str, ...]
#: Makes the value of an ID slot: (root field name, slot path) -> value.
IdMaker = Callable[[str, Path], str]


@dataclass(frozen=True)
class RootField:
    operation: Operation
    name: str
    definition: GraphQLField
    permission: str | None
    public_reason: str | None

    @property
    def label(self) -> str:
        return f"{self.operation}.{self.name}"

    @property
    def nullable(self) -> bool:
        return not isinstance(self.definition.type, GraphQLNonNull)


@dataclass(frozen=True)
class IdSlot:
    """An argument (or input field, at any depth) named ``id``, ``…Id`` or ``…Ids`` of type ID."""

    path: Path
    many: bool
    required: bool

    @property
    def name(self) -> str:
        return self.path[-1]


def sdl_schema(schema: strawberry.Schema | None = None) -> GraphQLSchema:
    """The schema rebuilt from its SDL (directive uses stay on each field's AST node)."""
    built = schema or build_schema(Settings(environment="test"))
    return graphql.build_schema(built.as_str())


def _directive(field: GraphQLField | GraphQLArgument, name: str, arg: str) -> str | None:
    node = field.ast_node
    for directive in (node.directives or ()) if node is not None else ():
        if directive.name.value != name:
            continue
        for argument in directive.arguments or ():
            value = argument.value
            if argument.name.value == arg and isinstance(value, graphql.StringValueNode):
                return value.value
        return ""
    return None


def permission_of(field: GraphQLField) -> str | None:
    return _directive(field, "requiresPermission", "permission")


def public_reason_of(field: GraphQLField) -> str | None:
    return _directive(field, "public", "reason")


def root_fields(schema: GraphQLSchema) -> list[RootField]:
    roots: list[tuple[Operation, GraphQLObjectType | None]] = [
        ("query", schema.query_type), ("mutation", schema.mutation_type),
        ("subscription", schema.subscription_type)]
    return [
        RootField(operation, name, field, permission_of(field), public_reason_of(field))
        for operation, root in roots if root is not None
        for name, field in root.fields.items()
    ]


def all_field_permissions(schema: GraphQLSchema) -> dict[str, str]:
    """``Type.field`` -> permission, for every field of every object type that declares one."""
    found: dict[str, str] = {}
    for type_name, named in schema.type_map.items():
        if not isinstance(named, GraphQLObjectType) or type_name.startswith("__"):
            continue
        for field_name, field in named.fields.items():
            permission = permission_of(field)
            if permission:
                found[f"{type_name}.{field_name}"] = permission
    return found


def _unwrap(type_: Any) -> tuple[Any, bool]:
    """The named type under NonNull/List wrappers, and whether a list was crossed."""
    many = False
    while isinstance(type_, GraphQLNonNull | GraphQLList):
        many = many or isinstance(type_, GraphQLList)
        type_ = type_.of_type
    return type_, many


def _is_required(arg: GraphQLArgument | GraphQLInputField) -> bool:
    return isinstance(arg.type, GraphQLNonNull) and arg.default_value is graphql.Undefined


def is_id_name(name: str) -> bool:
    return name == "id" or name.endswith(("Id", "Ids"))


def id_slots(field: GraphQLField) -> list[IdSlot]:
    return list(_slots(field.args, (), True))


def _slots(
    args: Mapping[str, GraphQLArgument | GraphQLInputField], prefix: Path, required: bool
) -> Iterator[IdSlot]:
    for name, arg in args.items():
        named, many = _unwrap(arg.type)
        here = required and _is_required(arg)
        if isinstance(named, GraphQLInputObjectType):
            yield from _slots(named.fields, (*prefix, name), here)
        elif named is graphql.GraphQLID and is_id_name(name):
            yield IdSlot((*prefix, name), many, here)


def _scalar_value(named: GraphQLScalarType, root: str, path: Path, ids: IdMaker) -> Any:
    fixed: dict[str, Any] = {
        "String": "probe",
        "Int": 1,
        "Float": 1.0,
        "Boolean": False,
        "JSON": {},
        "SecretValue": "probe-secret-value",
        "DateTime": (datetime.now(UTC) + timedelta(days=30)).isoformat(),
    }
    if named.name == "ID":
        return ids(root, path)
    if named.name not in fixed:
        raise AssertionError(
            f"{root}: teach tests/security/walk.py a value for scalar {named.name} (at "
            f"{'.'.join(path)})"
        )
    return fixed[named.name]


class ValueFiller:
    """Fills arguments with minimal valid values; ``overrides`` win by path.

    Optional arguments and input fields are left out unless an override lies under them.
    """

    def __init__(self, root: str, ids: IdMaker, overrides: Mapping[Path, Any]) -> None:
        self.root = root
        self.ids = ids
        self.overrides = overrides

    def wanted(self, path: Path, arg: GraphQLArgument | GraphQLInputField) -> bool:
        return _is_required(arg) or any(p[: len(path)] == path for p in self.overrides)

    def value(self, type_: Any, path: Path) -> Any:
        if path in self.overrides:
            return self.overrides[path]
        named, many = _unwrap(type_)
        if isinstance(named, GraphQLInputObjectType):
            one: Any = {
                name: self.value(field.type, (*path, name))
                for name, field in named.fields.items()
                if self.wanted((*path, name), field)
            }
        elif isinstance(named, GraphQLEnumType):
            one = next(iter(named.values))
        else:
            one = _scalar_value(named, self.root, path, self.ids)
        return [one] if many else one


def selection(type_: Any, schema: GraphQLSchema) -> str:
    """A small selection that shows what came back: type names, ids, error codes, counts."""
    named, _ = _unwrap(type_)
    if isinstance(named, GraphQLUnionType):
        parts = ["__typename"]
        for member in named.types:
            if "code" in member.fields and "message" in member.fields:
                parts.append(f"... on {member.name} {{ code message }}")
            elif objects := _node_fields(member):
                parts.append(f"... on {member.name} {{ {objects} }}")
        return "{ " + " ".join(parts) + " }"
    if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
        parts = ["__typename"]
        if "id" in named.fields:
            parts.append("id")
        if "totalCount" in named.fields and "edges" in named.fields:
            parts.append("totalCount edges { node { __typename id } }")
        return "{ " + " ".join(parts) + " }"
    return ""


def _node_fields(owner: GraphQLObjectType) -> str:
    """``field { __typename id }`` for each argument-free field holding objects with ids."""
    picked = []
    for name, field in owner.fields.items():
        named, _ = _unwrap(field.type)
        if isinstance(named, GraphQLObjectType) and "id" in named.fields and not any(
            _is_required(arg) for arg in field.args.values()
        ):
            picked.append(f"{name} {{ __typename id }}")
    return " ".join(picked)


def document(
    schema: GraphQLSchema,
    root: RootField,
    ids: IdMaker,
    overrides: Mapping[Path, Any] | None = None,
) -> tuple[str, dict[str, Any]]:
    """A one-field operation calling ``root`` with minimal valid arguments, and its variables."""
    filler = ValueFiller(root.name, ids, overrides or {})
    variables: dict[str, Any] = {}
    declared: list[str] = []
    passed: list[str] = []
    for name, arg in root.definition.args.items():
        if not filler.wanted((name,), arg):
            continue
        variables[name] = filler.value(arg.type, (name,))
        declared.append(f"${name}: {arg.type}")
        passed.append(f"{name}: ${name}")
    header = f"{root.operation} Probe({', '.join(declared)})" if declared else root.operation
    call = f"{root.name}({', '.join(passed)})" if passed else root.name
    return f"{header} {{ {call} {selection(root.definition.type, schema)} }}", variables


def slot_type(
    root: str,
    path: Path,
    known: Iterable[str],
    overrides: Mapping[tuple[str, str], str] | None = None,
) -> str | None:
    """The node type an ID slot expects: an override, else the argument's or field's name.

    ``projectId`` -> Project, ``testCaseIds`` -> TestCase, ``connectionId`` -> the one known
    type ending in Connection; a plain ``id`` -> the longest known type named in the field.
    """
    override = (overrides or {}).get((root, ".".join(path)))
    if override is not None:
        return override
    name = path[-1]
    known = sorted(known)
    if name == "id":
        named = [k for k in known if k.lower() in root.lower()]
        return max(named, key=len) if named else None
    stem = name.removesuffix("Ids") if name.endswith("Ids") else name.removesuffix("Id")
    wanted = stem[:1].upper() + stem[1:]
    if wanted in known:
        return wanted
    ending = [k for k in known if k.endswith(wanted)]
    return ending[0] if len(ending) == 1 else None
