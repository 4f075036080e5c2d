"""The SCIM endpoints (RFC 7644 §3): each runs inside the request's tenant transaction."""

from __future__ import annotations

from typing import Any

from starlette.routing import compile_path
from tortoise.queryset import QuerySet

from assay.scim import discovery, groups, users
from assay.scim.calls import Handler, Reply, ScimCall, resource_reply
from assay.scim.errors import ScimError
from assay.scim.models import ScimGroup, ScimUser
from assay.scim.paging import Page
from assay.scim.patching import read_operations
from assay.scim.render import Projection, list_response, version_tag
from assay.scim.search import group_condition, user_condition


async def _page(query: QuerySet[Any], page: Page) -> tuple[list[Any], int]:
    """One page of ``query`` in creation order, and how many rows match in all."""
    total = await query.count()
    if not page.count:
        return [], total
    return list(await query.order_by("created_at", "id").offset(page.start - 1).limit(
        page.count)), total


def _listed(resources: list[dict[str, Any]], projection: Projection, total: int,
            start: int) -> Reply:
    return Reply(200, list_response([projection.apply(r) for r in resources], total, start))


def _one_of(resources: list[dict[str, Any]], wanted: str, kind: str) -> Reply:
    found = next((r for r in resources if r["id"].lower() == wanted.lower()), None)
    if found is None:
        raise ScimError(404, f"no {kind} {wanted!r}: list /{kind}s to see them")
    return Reply(200, found)


async def service_provider_config(call: ScimCall) -> Reply:
    return Reply(200, discovery.service_provider_config(call.site))


async def list_resource_types(call: ScimCall) -> Reply:
    found = discovery.resource_types(call.site)
    return Reply(200, list_response(found, len(found), 1))


async def get_resource_type(call: ScimCall) -> Reply:
    return _one_of(discovery.resource_types(call.site), call.params["name"], "ResourceType")


async def list_schemas(call: ScimCall) -> Reply:
    found = discovery.schemas(call.site)
    return Reply(200, list_response(found, len(found), 1))


async def get_schema(call: ScimCall) -> Reply:
    return _one_of(discovery.schemas(call.site), call.params["urn"], "Schema")


# --- Users ----------------------------------------------------------------------------------

async def _user_reply(call: ScimCall, row: ScimUser, status: int = 200) -> Reply:
    [resource] = await users.resources([row], call.site)
    return resource_reply(resource, row.version, status=status, projection=call.projection)


async def list_users(call: ScimCall) -> Reply:
    text = call.query("filter")
    page = call.page
    rows, total = await _page(ScimUser.filter(user_condition(text)) if text else ScimUser.all(),
                              page)
    return _listed(await users.resources(rows, call.site), call.projection, total, page.start)


async def create_user(call: ScimCall) -> Reply:
    row = await users.create(await call.body())
    return await _user_reply(call, row, 201)


async def get_user(call: ScimCall) -> Reply:
    row = await users.find(call.params["id"])
    if call.unchanged(row.version):
        return Reply(304, None, {"ETag": version_tag(row.version)})
    return await _user_reply(call, row)


async def replace_user(call: ScimCall) -> Reply:
    body = await call.body()
    row = await users.find(call.params["id"], lock=True)
    call.check_version(row.version)
    return await _user_reply(call, await users.replace(row, body))


async def patch_user(call: ScimCall) -> Reply:
    operations = read_operations(await call.body())
    row = await users.find(call.params["id"], lock=True)
    call.check_version(row.version)
    return await _user_reply(call, await users.patch(row, operations))


async def delete_user(call: ScimCall) -> Reply:
    row = await users.find(call.params["id"], lock=True)
    call.check_version(row.version)
    await users.delete(row)
    return Reply(204)


# --- Groups ---------------------------------------------------------------------------------

async def _group_reply(call: ScimCall, row: ScimGroup, status: int = 200) -> Reply:
    projection = call.projection
    [resource] = await groups.resources([row], call.site,
                                        with_members=projection.keeps("members"))
    return resource_reply(resource, row.version, status=status, projection=projection)


async def list_groups(call: ScimCall) -> Reply:
    text = call.query("filter")
    page = call.page
    rows, total = await _page(
        ScimGroup.filter(group_condition(text)) if text else ScimGroup.all(), page)
    projection = call.projection
    found = await groups.resources(rows, call.site, with_members=projection.keeps("members"))
    return _listed(found, projection, total, page.start)


async def create_group(call: ScimCall) -> Reply:
    row = await groups.create(await call.body())
    return await _group_reply(call, row, 201)


async def get_group(call: ScimCall) -> Reply:
    row = await groups.find(call.params["id"])
    if call.unchanged(row.version):
        return Reply(304, None, {"ETag": version_tag(row.version)})
    return await _group_reply(call, row)


async def replace_group(call: ScimCall) -> Reply:
    body = await call.body()
    row = await groups.find(call.params["id"], lock=True)
    call.check_version(row.version)
    return await _group_reply(call, await groups.replace(row, body))


async def patch_group(call: ScimCall) -> Reply:
    operations = read_operations(await call.body())
    row = await groups.find(call.params["id"], lock=True)
    call.check_version(row.version)
    return await _group_reply(call, await groups.patch(row, operations))


async def delete_group(call: ScimCall) -> Reply:
    row = await groups.find(call.params["id"], lock=True)
    call.check_version(row.version)
    await groups.delete(row)
    return Reply(204)


#: (method, path template relative to /scim/v2, handler)
ROUTES: tuple[tuple[str, str, Handler], ...] = (
    ("GET", "/ServiceProviderConfig", service_provider_config),
    ("GET", "/ResourceTypes", list_resource_types),
    ("GET", "/ResourceTypes/{name}", get_resource_type),
    ("GET", "/Schemas", list_schemas),
    ("GET", "/Schemas/{urn}", get_schema),
    ("GET", "/Users", list_users),
    ("POST", "/Users", create_user),
    ("GET", "/Users/{id}", get_user),
    ("PUT", "/Users/{id}", replace_user),
    ("PATCH", "/Users/{id}", patch_user),
    ("DELETE", "/Users/{id}", delete_user),
    ("GET", "/Groups", list_groups),
    ("POST", "/Groups", create_group),
    ("GET", "/Groups/{id}", get_group),
    ("PUT", "/Groups/{id}", replace_group),
    ("PATCH", "/Groups/{id}", patch_group),
    ("DELETE", "/Groups/{id}", delete_group),
)
_COMPILED = tuple((method, compile_path(path)[0], handler) for method, path, handler in ROUTES)


def route(method: str, path: str) -> tuple[Handler | None, dict[str, str], list[str]]:
    """The handler for ``method`` on ``path`` and its parameters; else the methods the path
    answers to (empty when no endpoint has that path)."""
    allowed: list[str] = []
    for wanted, pattern, handler in _COMPILED:
        found = pattern.match(path)
        if found is None:
            continue
        if wanted == method:
            return handler, found.groupdict(), []
        allowed.append(wanted)
    return None, {}, allowed
