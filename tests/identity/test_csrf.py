"""Mutations sent with the session cookie need the X-Assay-CSRF header; nothing else does."""

from __future__ import annotations

import asyncpg

from tests.identity.flows import LOG_IN, LOG_OUT, SESSIONS, Browser, enrolled, new_email
from tests.security.world import audit_count
from tests.support import make_org

CREATE_SUITE = """
mutation($input: CreateSuiteInput!) { createSuite(input: $input) { __typename } }
"""


async def test_a_cookie_mutation_without_the_header_is_refused_and_changes_nothing(
    browser: Browser, owner_db: asyncpg.Connection
) -> None:
    user = await enrolled(browser)
    org_id = await owner_db.fetchval(
        "SELECT m.organization_id FROM memberships m JOIN users u ON u.id = m.user_id "
        "WHERE u.email = $1", user.account.email)
    events = await audit_count(owner_db, org_id)

    refused = await browser.post(LOG_OUT, csrf=False)
    still = await browser.result(SESSIONS, csrf=False)

    assert refused.status_code == 403
    assert refused.json() == {"data": None, "errors": [{
        "message": "mutations sent with the session cookie must carry the X-Assay-CSRF header "
                   "(any value), which cross-site pages cannot add: send it from your "
                   "application's requests",
        "extensions": {"code": "CSRF_HEADER_MISSING"}}]}
    assert "set-cookie" not in refused.headers
    assert [s["current"] for s in still] == [True]
    assert await audit_count(owner_db, org_id) == events


async def test_an_empty_header_does_not_count(browser: Browser) -> None:
    await enrolled(browser)

    refused = await browser.post(LOG_OUT, csrf=False, headers={"x-assay-csrf": " "})

    assert refused.status_code == 403


async def test_api_keys_and_anonymous_callers_need_no_header(browser: Browser) -> None:
    org = await make_org("Keyed")

    keyed = await browser.http.post("/graphql", json={
        "query": CREATE_SUITE,
        "variables": {"input": {"projectId": org.project_gid, "name": "Smoke"}}},
        headers={"authorization": f"Bearer {org.api_key}"})
    anonymous = await browser.post(LOG_IN, {"email": new_email(), "password": "whatever it is"},
                                   csrf=False)

    assert keyed.json() == {"data": {"createSuite": {"__typename": "CreateSuiteSuccess"}}}
    assert anonymous.json()["data"]["logIn"]["code"] == "INVALID_CREDENTIALS"
