"""The admin `plugins` query: owners and admins see every plugin; members are denied."""

from __future__ import annotations

from assay.organizations.models import Role
from assay.plugins.listing import plugins
from tests.support import GraphQLClient, error_codes, make_org, member, owner

QUERY = """
query($kind: PluginKind, $status: PluginStatus) {
  plugins(kind: $kind, status: $status) {
    kind name version distribution status reason target
  }
}
"""
HTTP = {"kind": "CONNECTOR", "name": "http", "version": "1.0.0", "distribution": "assay 0.1.0",
        "status": "LOADED", "reason": None, "target": "assay.connectors.http:HttpConnector"}


async def test_an_owner_sees_every_plugin(gql: GraphQLClient, database: object) -> None:
    org = await make_org("Plugins")
    boss = await owner(org)

    connectors = await gql.data(QUERY, {"kind": "CONNECTOR"}, boss)
    everything = await gql.data(QUERY, caller=boss)
    rejected = await gql.data(QUERY, {"status": "REJECTED"}, boss)

    assert connectors["plugins"] == [
        {**HTTP, "name": "browser", "target": "assay.connectors.browser:BrowserConnector"}, HTTP]
    listed = plugins()
    assert [(p["kind"].lower(), p["name"], p["status"], p["reason"])
            for p in everything["plugins"]] == [
        (row.kind, row.name, row.status, row.reason) for row in listed]
    assert [p["name"] for p in rejected["plugins"]] == [
        row.name for row in listed if row.status == "REJECTED"]


async def test_an_admin_sees_them_too(gql: GraphQLClient, database: object) -> None:
    org = await make_org()

    data = await gql.data(QUERY, {"kind": "CONNECTOR"}, await member(org, Role.ADMIN))

    assert [p["name"] for p in data["plugins"]] == ["browser", "http"]


async def test_a_member_is_denied(gql: GraphQLClient, database: object) -> None:
    org = await make_org()

    body = await gql.post(QUERY, caller=await member(org, Role.MEMBER))

    assert error_codes(body) == ["FORBIDDEN"]
    assert body["data"] is None
    assert body["errors"][0]["message"] == (
        "you need the plugin.read permission for this; ask an organization admin")
