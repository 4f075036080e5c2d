"""Cross-tenant ids: another organization's object answers exactly like an id that does not exist.

The owner of organization B sends organization A's ids through every root field that takes
one (``node`` and every argument or input field named ``id``, ``…Id`` or ``…Ids``). The
answer is NOT_FOUND (an empty page only for the audit trail's target filter), exactly the
answer for a random id of the same type, and nothing changes in either organization. A
control call with B's own object proves each call would otherwise have worked.
"""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import pytest

from assay.graphql.node import NODE_KINDS
from assay.graphql.relay import encode_id
from tests.graphql_ws import send
from tests.security.walk import (
    IdSlot,
    Path,
    RootField,
    id_slots,
    root_fields,
    sdl_schema,
    slot_type,
)
from tests.security.world import (
    SLOT_IDS,
    SLOT_TYPES,
    World,
    build_world,
    call,
    own_id,
    snapshot,
    type_of,
)
from tests.support import GraphQLClient, error_codes

SCHEMA = sdl_schema()
ROOTS = root_fields(SCHEMA)
SLOTS = [(root, slot) for root in ROOTS if root.name != "node"
         for slot in id_slots(root.definition)]
NODE = "query($id: ID!) { node(id: $id) { __typename id } }"

#: Optional list filters that answer an unknown id with an empty page rather than NOT_FOUND:
#: the audit trail outlives the objects it names, so its target filter is a plain filter.
EMPTY_PAGE_FILTERS: set[tuple[str, Path]] = {("auditEvents", ("targetId",))}

def _cases() -> list[Any]:
    return [
        pytest.param(root, slot, id=f"{root.label}:{'.'.join(slot.path)}")
        for root, slot in SLOTS
    ]



@pytest.fixture(scope="module")
async def victim(gql: GraphQLClient) -> World:
    return await build_world(gql, "Victim")


@pytest.fixture(scope="module")
async def attacker(gql: GraphQLClient) -> World:
    return await build_world(gql, "Attacker")


def _result(root: RootField, body: dict[str, Any]) -> Any:
    return (body.get("data") or {}).get(root.name)


def _is_empty_page(value: Any) -> bool:
    return isinstance(value, dict) and value.get("totalCount") == 0 and value.get("edges") == []


def not_found(root: RootField, slot: IdSlot, body: dict[str, Any]) -> bool:
    value = _result(root, body)
    if error_codes(body) == ["NOT_FOUND"]:
        return True
    if isinstance(value, dict) and value.get("__typename") == "NotFoundError":
        return not body.get("errors")
    listed = (root.name, slot.path) in EMPTY_PAGE_FILTERS
    return listed and not body.get("errors") and _is_empty_page(value)


def found(root: RootField, body: dict[str, Any]) -> bool:
    value = _result(root, body)
    if body.get("errors") or not isinstance(value, dict):
        return False
    if "totalCount" in value:
        return bool(value["totalCount"] >= 1)
    return not str(value.get("__typename", "")).endswith("Error")


def wrap(slot: IdSlot, value: str) -> Any:
    return [value] if slot.many else value


def test_every_node_type_is_in_the_world() -> None:
    world_types = {"AgentConnection", "ApiKey", "AuditEvent", "Plan", "Project", "Run",
                   "Suite", "TestCase", "TestCaseVersion", "Judge", "EvaluatorEnablement",
                   "Evaluation", "Webhook", "WebhookDelivery", "Report", "ScimToken"}

    assert set(NODE_KINDS) - world_types == set(), "teach tests/security/world.py to make one"


def test_every_id_slot_has_a_type() -> None:
    unresolved = [
        f"{root.label}:{'.'.join(slot.path)}"
        for root in ROOTS if root.name != "node"
        for slot in id_slots(root.definition)
        if slot_type(root.name, slot.path, NODE_KINDS, SLOT_TYPES) is None
    ]

    assert unresolved == []


def test_every_own_id_override_names_a_slot_of_its_type() -> None:
    slots = {(root.name, ".".join(slot.path)): type_of(root.name, slot) for root, slot in SLOTS}

    assert {key: slots.get(key) for key in SLOT_IDS} == SLOT_IDS


@pytest.mark.parametrize("type_name", sorted(NODE_KINDS))
async def test_node_of_another_organization_is_not_found(
    type_name: str, victim: World, attacker: World, gql: GraphQLClient,
    owner_db: asyncpg.Connection,
) -> None:
    before = await snapshot(owner_db, victim.org.id)

    foreign = await gql.post(NODE, {"id": victim.ids[type_name]}, attacker.owner)
    unknown = await gql.post(NODE, {"id": encode_id(type_name, uuid.uuid4())}, attacker.owner)
    own = await gql.data(NODE, {"id": attacker.ids[type_name]}, attacker.owner)

    assert error_codes(foreign) == ["NOT_FOUND"]
    assert foreign == unknown
    assert own["node"] == {"__typename": type_name, "id": attacker.ids[type_name]}
    assert await snapshot(owner_db, victim.org.id) == before


@pytest.mark.parametrize(("root", "slot"), _cases())
async def test_foreign_id_answers_like_a_random_one(
    root: RootField, slot: IdSlot, victim: World, attacker: World, gql: GraphQLClient,
    owner_db: asyncpg.Connection, ws_address: str,
) -> None:
    type_name = type_of(root.name, slot)
    victim_before = await snapshot(owner_db, victim.org.id)
    attacker_before = await snapshot(owner_db, attacker.org.id)

    query, variables = call(SCHEMA, root, attacker, {slot.path: wrap(slot, victim.ids[type_name])})
    foreign = await send(gql, ws_address, root.operation, query, variables, attacker.owner)
    query, variables = call(SCHEMA, root, attacker, {
        slot.path: wrap(slot, encode_id(type_name, uuid.uuid4()))})
    unknown = await send(gql, ws_address, root.operation, query, variables, attacker.owner)

    assert not_found(root, slot, foreign), foreign
    assert foreign == unknown
    assert await snapshot(owner_db, victim.org.id) == victim_before
    assert await snapshot(owner_db, attacker.org.id) == attacker_before


@pytest.mark.parametrize(("root", "slot"), _cases())
async def test_the_same_call_with_an_own_id_works(
    root: RootField, slot: IdSlot, gql: GraphQLClient, ws_address: str
) -> None:
    world = await build_world(gql, "Control")
    own = own_id(root.name, slot, world)

    query, variables = call(SCHEMA, root, world, {slot.path: wrap(slot, own)})
    body = await send(gql, ws_address, root.operation, query, variables, world.owner)

    assert found(root, body), body
