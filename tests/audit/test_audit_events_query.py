"""The auditEvents query: fields, filters, pagination, access and isolation."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from assay.graphql.relay import decode_id
from assay.organizations.models import Role
from tests.support import GraphQLClient, error_codes, gid, key_caller, make_org, member, owner

EVENTS = """
query($action: String, $targetId: ID, $first: Int, $after: String) {
  auditEvents(action: $action, targetId: $targetId, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { node {
      id seq actorType actorId action targetType targetId requestId ip createdAt details
      prevHash hash
    } }
  }
}
"""
BOOTSTRAP_ACTIONS = ["organization.create", "project.create", "api_key.create"]


def nodes(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in data["auditEvents"]["edges"]]


def by_seq(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(events, key=lambda event: event["seq"])


async def test_owner_reads_the_bootstrap_events(gql: GraphQLClient, database: object) -> None:
    org = await make_org("Audited")

    data = await gql.data(EVENTS, caller=await owner(org))

    events = by_seq(nodes(data))
    assert data["auditEvents"]["totalCount"] == 3
    assert [e["seq"] for e in events] == [1, 2, 3]
    assert [e["action"] for e in events] == BOOTSTRAP_ACTIONS
    first = events[0]
    assert first["actorType"] == "system"
    assert first["actorId"] == "cli"
    assert first["targetType"] == "Organization"
    assert first["targetId"] == gid("Organization", org.id)
    assert first["details"] == {"name": "Audited", "owner": first["details"]["owner"]}
    assert first["prevHash"] == "0" * 64
    assert [e["prevHash"] for e in events[1:]] == [e["hash"] for e in events[:-1]]
    assert len({e["hash"] for e in events}) == 3
    created = datetime.fromisoformat(first["createdAt"])
    assert created.utcoffset() == timedelta(0)
    assert events[1]["targetId"] == org.project_gid
    assert events[1]["details"] == {"name": "Default"}


async def test_filter_by_action(gql: GraphQLClient, database: object) -> None:
    org = await make_org()

    data = await gql.data(EVENTS, {"action": "project.create"}, await owner(org))

    assert data["auditEvents"]["totalCount"] == 1
    assert [(e["action"], e["targetId"]) for e in nodes(data)] == [
        ("project.create", org.project_gid)
    ]


async def test_filter_by_target(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)

    data = await gql.data(EVENTS, {"targetId": org.project_gid}, caller)
    unknown = await gql.data(EVENTS, {"targetId": gid("Project", uuid.uuid4())}, caller)

    assert [e["action"] for e in nodes(data)] == ["project.create"]
    assert unknown["auditEvents"]["totalCount"] == 0
    assert unknown["auditEvents"]["edges"] == []


async def test_bad_target_id_is_a_field_error(gql: GraphQLClient, database: object) -> None:
    org = await make_org()

    body = await gql.post(EVENTS, {"targetId": "not-an-id"}, await owner(org))

    assert body["data"] is None
    assert error_codes(body) == ["VALIDATION_FAILED"]
    assert body["errors"][0]["extensions"]["issues"] == [{
        "path": ["targetId"],
        "message": "not an object id: pass the id field of the object you audit",
        "code": "INVALID_ID",
    }]


async def test_pages_follow_the_cursor(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)

    first = await gql.data(EVENTS, {"first": 2}, caller)
    cursor = first["auditEvents"]["pageInfo"]["endCursor"]
    rest = await gql.data(EVENTS, {"first": 2, "after": cursor}, caller)

    assert first["auditEvents"]["pageInfo"]["hasNextPage"] is True
    assert first["auditEvents"]["pageInfo"]["hasPreviousPage"] is False
    assert rest["auditEvents"]["pageInfo"]["hasNextPage"] is False
    assert rest["auditEvents"]["pageInfo"]["hasPreviousPage"] is True
    seen = [e["seq"] for e in nodes(first) + nodes(rest)]
    assert sorted(seen) == [1, 2, 3]


async def test_bad_cursor_is_a_field_error(gql: GraphQLClient, database: object) -> None:
    org = await make_org()

    body = await gql.post(EVENTS, {"after": "bogus"}, await owner(org))

    assert error_codes(body) == ["VALIDATION_FAILED"]
    assert body["errors"][0]["extensions"]["issues"][0]["path"] == ["after"]


async def test_each_organization_sees_only_its_trail(gql: GraphQLClient, database: object) -> None:
    org_a = await make_org("A")
    org_b = await make_org("B")

    data_a = await gql.data(EVENTS, caller=await owner(org_a))
    data_b = await gql.data(EVENTS, caller=await owner(org_b))

    assert [e["targetId"] for e in by_seq(nodes(data_a))][:2] == [
        gid("Organization", org_a.id), org_a.project_gid]
    assert [e["targetId"] for e in by_seq(nodes(data_b))][:2] == [
        gid("Organization", org_b.id), org_b.project_gid]
    assert {e["id"] for e in nodes(data_a)}.isdisjoint({e["id"] for e in nodes(data_b)})


async def test_node_resolves_an_event_for_auditors_only(
    gql: GraphQLClient, database: object
) -> None:
    org = await make_org()
    listed = await gql.data(EVENTS, {"action": "organization.create"}, await owner(org))
    event_id = nodes(listed)[0]["id"]
    query = "query($id: ID!) { node(id: $id) { id ... on AuditEvent { action seq } } }"

    seen = await gql.data(query, {"id": event_id}, await owner(org))
    hidden = await gql.post(query, {"id": event_id}, await member(org, Role.MEMBER))

    assert seen["node"] == {"id": event_id, "action": "organization.create", "seq": 1}
    assert hidden["data"] == {"node": None}
    assert error_codes(hidden) == ["NOT_FOUND"]


async def test_who_may_read_the_trail(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    admin = await member(org, Role.ADMIN)

    allowed = await gql.data(EVENTS, caller=admin)
    as_member = await gql.post(EVENTS, caller=await member(org, Role.MEMBER))
    as_viewer = await gql.post(EVENTS, caller=await member(org, Role.VIEWER))
    as_key = await gql.post(EVENTS, caller=key_caller(org.api_key))
    anonymous = await gql.post(EVENTS)

    assert allowed["auditEvents"]["totalCount"] == 3
    assert [error_codes(b) for b in (as_member, as_viewer, as_key, anonymous)] == [
        ["FORBIDDEN"], ["FORBIDDEN"], ["FORBIDDEN"], ["UNAUTHENTICATED"]]
    assert [b["data"] for b in (as_member, as_viewer, as_key, anonymous)] == [None] * 4


async def test_event_id_is_a_node_id(gql: GraphQLClient, database: object) -> None:
    org = await make_org()

    data = await gql.data(EVENTS, {"first": 1}, await owner(org))

    event = nodes(data)[0]
    decoded = decode_id(event["id"])
    assert decoded is not None
    assert decoded[0] == "AuditEvent"
