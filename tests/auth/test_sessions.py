"""Session cookies: which organization a request acts in, and what a refusal says."""

from __future__ import annotations

from datetime import UTC, datetime

from assay.auth import sessions
from assay.auth.models import Session
from assay.db.transactions import tenant_transaction
from assay.organizations.models import Membership, Role
from tests.support import GraphQLClient, make_org, owner

VIEWER = "{ viewer { role organizationId } }"


async def test_the_header_picks_one_of_several_organizations(
    gql: GraphQLClient, database: object
) -> None:
    first, second = await make_org("First"), await make_org("Second")
    async with tenant_transaction(second.id):
        await Membership.create(user_id=first.owner_id, role=Role.VIEWER)
    token = await sessions.issue(first.owner_id)
    cookie = {"cookie": f"{sessions.COOKIE}={token}"}

    unchosen = await gql.http.post("/graphql", json={"query": VIEWER}, headers=cookie)
    chosen = await gql.http.post("/graphql", json={"query": VIEWER},
                                 headers={**cookie, sessions.ORG_HEADER: str(second.id)})

    assert unchosen.status_code == 401
    assert [e["message"] for e in unchosen.json()["errors"]] == [
        "you belong to 2 organizations: say which one to act in with the "
        "x-assay-organization header"]
    assert chosen.json()["data"]["viewer"]["role"] == "VIEWER"


async def test_an_organization_that_is_not_yours_is_refused(
    gql: GraphQLClient, database: object
) -> None:
    mine, theirs = await make_org("Mine"), await make_org("Theirs")
    caller = await owner(mine)

    response = await gql.http.post("/graphql", json={"query": VIEWER}, headers={
        **caller.headers, sessions.ORG_HEADER: str(theirs.id)})

    assert response.status_code == 401
    assert [e["message"] for e in response.json()["errors"]] == [
        "you are not a member of an organization with the id in the x-assay-organization "
        "header: send the id of one of your organizations"]


async def test_a_revoked_session_asks_to_sign_in_again(
    gql: GraphQLClient, database: object
) -> None:
    org = await make_org()
    caller = await owner(org)
    await Session.filter(user_id=org.owner_id).update(revoked_at=datetime.now(UTC))

    response = await gql.http.post("/graphql", json={"query": VIEWER}, headers=caller.headers)

    assert response.status_code == 401
    assert [e["message"] for e in response.json()["errors"]] == [
        "your session has ended: sign in again"]


async def test_the_header_takes_the_id_the_api_shows(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    shown = (await gql.data(VIEWER, caller=caller))["viewer"]["organizationId"]

    response = await gql.http.post("/graphql", json={"query": VIEWER}, headers={
        "cookie": caller.headers["cookie"], sessions.ORG_HEADER: shown})

    assert response.json() == {"data": {"viewer": {"role": "OWNER", "organizationId": shown}}}
