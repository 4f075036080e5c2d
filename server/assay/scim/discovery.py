"""What the service says about itself (RFC 7644 §4): ServiceProviderConfig, ResourceTypes
and Schemas, describing exactly the attributes and features Assay supports."""

from __future__ import annotations

from typing import Any

from assay.scim import urns
from assay.scim.paging import MAX_RESULTS
from assay.scim.render import Site, meta


def _attribute(name: str, kind: str = "string", *, description: str, multi: bool = False,
               required: bool = False, case_exact: bool = False, mutability: str = "readWrite",
               uniqueness: str = "none", subs: list[dict[str, Any]] | None = None,
               canonical: list[str] | None = None, references: list[str] | None = None
               ) -> dict[str, Any]:
    found: dict[str, Any] = {"name": name, "type": kind, "multiValued": multi,
                             "description": description, "required": required}
    if kind in ("string", "reference"):
        found["caseExact"] = case_exact
    if canonical is not None:
        found["canonicalValues"] = canonical
    if references is not None:
        found["referenceTypes"] = references
    if subs is not None:
        found["subAttributes"] = subs
    found |= {"mutability": mutability, "returned": "default", "uniqueness": uniqueness}
    return found


def _id() -> dict[str, Any]:
    return _attribute("id", description="Assay's opaque, unchangeable id of the resource.",
                      case_exact=True, mutability="readOnly", uniqueness="server")


def _external_id() -> dict[str, Any]:
    return _attribute("externalId", description="The identity provider's id of the resource.",
                      case_exact=True)


def _references(read_only: bool, resource: str) -> list[dict[str, Any]]:
    mutability = "readOnly" if read_only else "immutable"
    return [
        _attribute("value", description=f"The id of the {resource}.", case_exact=True,
                   mutability=mutability),
        _attribute("$ref", "reference", description=f"The URI of the {resource}.",
                   mutability=mutability, references=[resource]),
        _attribute("display", description=f"The {resource}'s name.", mutability="readOnly"),
        _attribute("type", description="The kind of reference.", mutability=mutability,
                   canonical=["direct"] if read_only else ["User"]),
    ]


USER_ATTRIBUTES = [
    _id(),
    _external_id(),
    _attribute("userName", required=True, uniqueness="server",
               description="Unique in the organization (case-insensitively); usually the "
                           "work email."),
    _attribute("name", "complex", description="The person's name.", subs=[
        _attribute("formatted", description="The full name, as displayed."),
        _attribute("familyName", description="The family name."),
        _attribute("givenName", description="The given name."),
    ]),
    _attribute("displayName", description="The name shown for the person."),
    _attribute("emails", "complex", multi=True, description=(
        "Email addresses (stored lower-cased). The primary, else the first work address, "
        "finds or creates the person when the user is created."), subs=[
        _attribute("value", description="The address."),
        _attribute("type", description="work, home or other.",
                   canonical=["work", "home", "other"]),
        _attribute("primary", "boolean", description="The address the person is known by."),
    ]),
    _attribute("active", "boolean", description=(
        "false suspends the person's access to the organization (sessions and API keys "
        "stop acting in it); true restores it. Owners cannot be deactivated.")),
    _attribute("groups", "complex", multi=True, mutability="readOnly",
               description="The groups the person is in; change them through /Groups.",
               subs=_references(True, "Group")),
]

GROUP_ATTRIBUTES = [
    _id(),
    _external_id(),
    _attribute("displayName", required=True, uniqueness="server",
               description="Unique in the organization (case-insensitively)."),
    _attribute("members", "complex", multi=True, description="The group's users.",
               subs=_references(False, "User")),
]

ASSAY_GROUP_ATTRIBUTES = [
    _attribute("role", description=(
        "The role the group gives its members: the strongest role among a person's groups "
        "applies; MEMBER when absent. OWNER cannot be given."),
        canonical=["ADMIN", "MEMBER", "VIEWER"], case_exact=False),
    _attribute("projectIds", multi=True, description=(
        "Ids of the projects the group narrows its members to (as the Assay API shows "
        "them); none = every project."), case_exact=True),
]

_SCHEMAS = (
    (urns.USER, "User", "A person's membership of the organization.", USER_ATTRIBUTES),
    (urns.GROUP, "Group", "A group of users, mapped to a role in Assay.", GROUP_ATTRIBUTES),
    (urns.ASSAY_GROUP, "AssayGroup", "The access an Assay group gives its members.",
     ASSAY_GROUP_ATTRIBUTES),
)


def schemas(site: Site) -> list[dict[str, Any]]:
    return [{"schemas": [urns.SCHEMA], "id": urn, "name": name, "description": description,
             "attributes": attributes,
             "meta": meta("Schema", f"{site.base}/Schemas/{urn}")}
            for urn, name, description, attributes in _SCHEMAS]


def resource_types(site: Site) -> list[dict[str, Any]]:
    def one(name: str, schema: str, description: str,
            extensions: list[dict[str, Any]]) -> dict[str, Any]:
        return {"schemas": [urns.RESOURCE_TYPE], "id": name, "name": name,
                "endpoint": f"/{name}s", "description": description, "schema": schema,
                "schemaExtensions": extensions,
                "meta": meta("ResourceType", f"{site.base}/ResourceTypes/{name}")}

    return [
        one("User", urns.USER, "Members of the organization.", []),
        one("Group", urns.GROUP, "Groups of members, each giving a role.",
            [{"schema": urns.ASSAY_GROUP, "required": False}]),
    ]


def service_provider_config(site: Site) -> dict[str, Any]:
    return {
        "schemas": [urns.SERVICE_PROVIDER_CONFIG],
        "documentationUri": "https://www.rfc-editor.org/rfc/rfc7644",
        "patch": {"supported": True},
        "bulk": {"supported": False, "maxOperations": 0, "maxPayloadSize": 0},
        "filter": {"supported": True, "maxResults": MAX_RESULTS},
        "changePassword": {"supported": False},
        "sort": {"supported": False},
        "etag": {"supported": True},
        "authenticationSchemes": [{
            "type": "oauthbearertoken", "name": "OAuth Bearer Token", "primary": True,
            "description": "A SCIM token of the organization (createScimToken), sent as "
                           "'Authorization: Bearer <token>'.",
        }],
        "meta": meta("ServiceProviderConfig", f"{site.base}/ServiceProviderConfig"),
    }
