"""Discovery (RFC 7644 §4): ServiceProviderConfig, ResourceTypes and Schemas, exactly; and
the answers for what is not an endpoint."""

from __future__ import annotations

from assay.scim import urns
from tests.scim.support import ASSAY_GROUP, BASE, GROUP, LIST, USER, directory, scim_error
from tests.support import GraphQLClient


async def test_the_service_provider_config_says_what_is_supported(gql: GraphQLClient) -> None:
    scim = (await directory(gql)).scim

    body = await scim.ok("GET", "/ServiceProviderConfig")

    assert body == {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
        "documentationUri": "https://www.rfc-editor.org/rfc/rfc7644",
        "patch": {"supported": True},
        "bulk": {"supported": False, "maxOperations": 0, "maxPayloadSize": 0},
        "filter": {"supported": True, "maxResults": 200},
        "changePassword": {"supported": False},
        "sort": {"supported": False},
        "etag": {"supported": True},
        "authenticationSchemes": [{
            "type": "oauthbearertoken", "name": "OAuth Bearer Token", "primary": True,
            "description": "A SCIM token of the organization (createScimToken), sent as "
                           "'Authorization: Bearer <token>'."}],
        "meta": {"resourceType": "ServiceProviderConfig",
                 "location": f"{BASE}/ServiceProviderConfig"},
    }


async def test_resource_types_list_users_and_groups(gql: GraphQLClient) -> None:
    scim = (await directory(gql)).scim

    listed = await scim.ok("GET", "/ResourceTypes")
    group = await scim.ok("GET", "/ResourceTypes/Group")

    assert {k: v for k, v in listed.items() if k != "Resources"} == {
        "schemas": [LIST], "totalResults": 2, "startIndex": 1, "itemsPerPage": 2}
    assert listed["Resources"][0] == {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"], "id": "User",
        "name": "User", "endpoint": "/Users", "description": "Members of the organization.",
        "schema": USER, "schemaExtensions": [],
        "meta": {"resourceType": "ResourceType", "location": f"{BASE}/ResourceTypes/User"}}
    assert group == listed["Resources"][1]
    assert (group["schema"], group["schemaExtensions"]) == (
        GROUP, [{"schema": ASSAY_GROUP, "required": False}])


async def test_schemas_describe_the_kept_attributes(gql: GraphQLClient) -> None:
    scim = (await directory(gql)).scim

    listed = await scim.ok("GET", "/Schemas")
    user = await scim.ok("GET", f"/Schemas/{USER}")
    extension = await scim.ok("GET", f"/Schemas/{ASSAY_GROUP}")

    assert [s["id"] for s in listed["Resources"]] == [USER, GROUP, ASSAY_GROUP]
    assert listed["Resources"][0] == user
    assert user["schemas"] == [urns.SCHEMA]
    assert user["meta"] == {"resourceType": "Schema", "location": f"{BASE}/Schemas/{USER}"}
    assert [a["name"] for a in user["attributes"]] == [
        "id", "externalId", "userName", "name", "displayName", "emails", "active", "groups"]
    user_name = user["attributes"][2]
    assert user_name == {
        "name": "userName", "type": "string", "multiValued": False, "required": True,
        "caseExact": False, "mutability": "readWrite", "returned": "default",
        "uniqueness": "server",
        "description": "Unique in the organization (case-insensitively); usually the work "
                       "email."}
    assert [s["name"] for s in user["attributes"][5]["subAttributes"]] == [
        "value", "type", "primary"]
    assert [(a["name"], a.get("canonicalValues")) for a in extension["attributes"]] == [
        ("role", ["ADMIN", "MEMBER", "VIEWER"]), ("projectIds", None)]


async def test_an_unknown_schema_or_endpoint_is_404_and_a_wrong_method_405(
    gql: GraphQLClient,
) -> None:
    scim = (await directory(gql)).scim

    schema = await scim.get("/Schemas/urn:example:nothing")
    bulk = await scim.call("POST", "/Bulk", {"schemas": [], "Operations": []})
    method = await scim.call("POST", "/ServiceProviderConfig", {})

    assert (schema.status_code, scim_error(schema)["detail"]) == (
        404, "no Schema 'urn:example:nothing': list /Schemas to see them")
    assert (bulk.status_code, scim_error(bulk)["detail"]) == (
        404, "no such SCIM endpoint: /scim/v2/Bulk; the endpoints are /ServiceProviderConfig, "
             "/ResourceTypes, /Schemas, /Users and /Groups")
    assert (method.status_code, method.headers["allow"], scim_error(method)["detail"]) == (
        405, "GET", "POST is not allowed here: use GET")
