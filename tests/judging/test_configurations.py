"""Judge configurations through the API: sealed keys, one default, validation, deletion."""

from __future__ import annotations

import json
import uuid
from typing import Any

import asyncpg
import pytest

from assay.db.transactions import tenant_transaction
from assay.judging import configurations, keys
from assay.judging.models import JudgeConfiguration
from assay.settings import Settings
from assay_sdk import JudgeError, JudgeRequest
from tests.judging.support import CONFIGURE, DELETE, JUDGES, UPDATE, configure, judge_input
from tests.llm_server import ScriptedLLM
from tests.security.world import fill_every_table
from tests.support import GraphQLClient, gid, make_org, owner

SECRET = "sk-judge-secret-4f9e2b7c1d"
OTHER_SECRET = "sk-judge-rotated-8a1c3e5f7b"


async def _events(owner_db: asyncpg.Connection, org_id: uuid.UUID) -> list[tuple[str, Any]]:
    rows = await owner_db.fetch(
        "SELECT action, details FROM audit_events WHERE organization_id = $1 "
        "AND action LIKE 'judge.%' ORDER BY seq", org_id)
    return [(row["action"], json.loads(row["details"])) for row in rows]


async def test_a_judge_is_configured_with_its_key_sealed_and_never_returned(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await owner(org)

    created = await gql.post(CONFIGURE, {"input": judge_input(
        baseUrl="https://llm.example.com/v1/", temperature=0.2, samples=3, apiKey=SECRET)},
        caller)
    listed = await gql.post(JUDGES, caller=caller)

    assert created.get("errors") is None, created
    judge = created["data"]["configureJudge"]["judge"]
    assert {k: v for k, v in judge.items() if k != "id"} == {
        "name": "Main", "provider": "openai", "model": "gpt-4o-mini",
        "baseUrl": "https://llm.example.com/v1", "temperature": 0.2, "samples": 3,
        "isDefault": True, "hasKey": True, "keyHint": "…7c1d"}
    assert listed["data"] == {"judges": [judge]}
    assert SECRET not in json.dumps([created, listed])
    row = await owner_db.fetchrow(
        "SELECT j.*, j::text AS row_text FROM judge_configurations j WHERE organization_id = $1",
        org.id)
    assert SECRET not in row["row_text"]
    assert SECRET.encode() not in bytes(row["key_ciphertext"])
    assert (row["key_version"], len(row["key_nonce"]), row["key_hint"]) == (1, 12, "…7c1d")
    assert await _events(owner_db, org.id) == [("judge.configure", {
        "name": "Main", "provider": "openai", "model": "gpt-4o-mini",
        "base_url": "https://llm.example.com/v1", "temperature": 0.2, "samples": 3,
        "is_default": True, "has_key": True})]


async def test_the_sealed_key_opens_only_in_its_own_row(owner_db: asyncpg.Connection) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        first = await configurations.create_configuration(configurations.JudgeSpec(
            name="First", provider="openai", model="m", api_key=SECRET))
        second = await configurations.create_configuration(configurations.JudgeSpec(
            name="Second", provider="openai", model="m", api_key=OTHER_SECRET))
    await owner_db.execute(
        "UPDATE judge_configurations SET key_ciphertext = f.key_ciphertext, "
        "key_nonce = f.key_nonce FROM judge_configurations f "
        "WHERE judge_configurations.id = $1 AND f.id = $2", second.id, first.id)

    async with tenant_transaction(org.id):
        opened = await keys.open_key(await configurations.require_configuration(first.id))
        moved = await configurations.require_configuration(second.id)
        with pytest.raises(keys.KeyUnreadable, match="does not belong here or was altered"):
            await keys.open_key(moved)

    assert opened == SECRET


async def test_a_new_default_clears_the_old_one(gql: GraphQLClient) -> None:
    org = await make_org()
    caller = await owner(org)
    first = await configure(gql, caller, name="First")
    second = await configure(gql, caller, name="Second")
    third = await configure(gql, caller, name="Third", isDefault=True)

    back = await gql.data(UPDATE, {"input": {"id": first["id"], "isDefault": True}}, caller)
    refused = await gql.data(UPDATE, {"input": {"id": first["id"], "isDefault": False}}, caller)
    listed = await gql.data(JUDGES, caller=caller)

    assert (first["isDefault"], second["isDefault"], third["isDefault"]) == (True, False, True)
    assert back["updateJudge"]["judge"]["isDefault"] is True
    assert refused["updateJudge"]["issues"] == [{
        "path": ["input", "isDefault"], "code": "DEFAULT_REQUIRED",
        "message": "a default judge stops being the default only when another one becomes "
                   "it: update that one with isDefault: true"}]
    assert [(j["name"], j["isDefault"]) for j in listed["judges"]] == [
        ("First", True), ("Second", False), ("Third", False)]


async def test_bad_fields_are_refused_each_with_its_path_and_nothing_is_written(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await owner(org)

    body = await gql.post(CONFIGURE, {"input": {
        "name": " ", "provider": "mystery", "model": "gpt 4", "temperature": 2.5,
        "samples": 11, "baseUrl": "https://user:pw@llm.example.com/v1",
        "apiKey": "sk-with\nnewline-123456"}}, caller)

    result = body["data"]["configureJudge"]
    assert (result["__typename"], result["code"]) == ("ValidationError", "VALIDATION_FAILED")
    assert [(i["path"], i["code"]) for i in result["issues"]] == [
        (["input", "name"], "INVALID_NAME"),
        (["input", "provider"], "UNKNOWN_PROVIDER"),
        (["input", "model"], "INVALID_MODEL"),
        (["input", "baseUrl"], "INVALID_BASE_URL"),
        (["input", "temperature"], "OUT_OF_RANGE"),
        (["input", "samples"], "OUT_OF_RANGE"),
        (["input", "apiKey"], "INVALID_KEY"),
    ]
    assert result["issues"][1]["message"] == (
        "unknown judge provider 'mystery': choose one of anthropic, openai")
    assert result["issues"][3]["message"] == (
        "the base URL must not hold credentials: remove user:password@ and give the key as "
        "apiKey, where it is sealed")
    assert "newline" not in json.dumps(body)
    assert await owner_db.fetchval(
        "SELECT count(*) FROM judge_configurations WHERE organization_id = $1", org.id) == 0


@pytest.mark.parametrize(("url", "problem"), [
    ("ftp://llm.example.com", "give the base URL as http(s)://host[:port]/path, e.g. "
     "https://api.openai.com/v1"),
    ("https://llm.example.com/v1?api_key=x", "the base URL takes no query string or "
     "fragment: give the key as apiKey and leave only scheme, host, port and path"),
    ("https://llm.example.com:99999/v1", "the base URL is malformed: give it as "
     "https://host[:port]/path"),
])
async def test_a_base_url_must_be_a_plain_http_address(
    gql: GraphQLClient, url: str, problem: str
) -> None:
    org = await make_org()

    data = await gql.data(CONFIGURE, {"input": judge_input(baseUrl=url)}, await owner(org))

    assert data["configureJudge"]["issues"] == [
        {"path": ["input", "baseUrl"], "code": "INVALID_BASE_URL", "message": problem}]


async def test_a_name_is_unique_in_the_organization(gql: GraphQLClient) -> None:
    org = await make_org()
    caller = await owner(org)
    await configure(gql, caller)

    data = await gql.data(CONFIGURE, {"input": judge_input()}, caller)

    assert data["configureJudge"] == {
        "__typename": "ConflictError", "code": "DUPLICATE_NAME",
        "message": "a judge named 'Main' already exists in this organization: choose another "
                   "name"}
    assert [j["name"] for j in (await gql.data(JUDGES, caller=caller))["judges"]] == ["Main"]


async def test_update_replaces_or_removes_the_key_and_records_what_changed(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await owner(org)
    judge = await configure(gql, caller, apiKey=SECRET, baseUrl="http://10.0.0.5:8000/v1")
    before = await owner_db.fetchval(
        "SELECT key_ciphertext FROM judge_configurations WHERE organization_id = $1", org.id)

    rotated = await gql.data(UPDATE, {"input": {"id": judge["id"], "apiKey": OTHER_SECRET,
                                                "model": "gpt-4o", "baseUrl": ""}}, caller)
    after = await owner_db.fetchval(
        "SELECT key_ciphertext FROM judge_configurations WHERE organization_id = $1", org.id)
    async with tenant_transaction(org.id):
        opened = await keys.open_key(await JudgeConfiguration.get(name="Main"))
    removed = await gql.data(UPDATE, {"input": {"id": judge["id"], "removeApiKey": True}},
                             caller)
    unchanged = await gql.data(UPDATE, {"input": {"id": judge["id"], "model": "gpt-4o"}},
                               caller)
    empty = await gql.data(UPDATE, {"input": {"id": judge["id"]}}, caller)

    assert rotated["updateJudge"]["judge"] | {"id": None} == {
        "id": None, "name": "Main", "provider": "openai", "model": "gpt-4o", "baseUrl": None,
        "temperature": 0.0, "samples": 1, "isDefault": True, "hasKey": True,
        "keyHint": "…5f7b"}
    assert (before != after, opened) == (True, OTHER_SECRET)
    assert (removed["updateJudge"]["judge"]["hasKey"],
            removed["updateJudge"]["judge"]["keyHint"]) == (False, "")
    assert unchanged["updateJudge"]["__typename"] == "UpdateJudgeSuccess"
    assert empty["updateJudge"]["code"] == "VALIDATION_FAILED"
    assert [i["code"] for i in empty["updateJudge"]["issues"]] == ["NOTHING_TO_CHANGE"]
    assert [e for e in await _events(owner_db, org.id) if e[0] == "judge.update"] == [
        ("judge.update", {"changed": ["api_key", "base_url", "model"], "name": "Main"}),
        ("judge.update", {"changed": ["api_key"], "name": "Main"})]
    assert await owner_db.fetchval(
        "SELECT key_ciphertext IS NULL AND key_nonce IS NULL AND key_version IS NULL "
        "FROM judge_configurations WHERE organization_id = $1", org.id) is True


async def test_the_default_is_deleted_last_and_unknown_ids_are_not_found(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await owner(org)
    default = await configure(gql, caller, name="Default")
    spare = await configure(gql, caller, name="Spare")

    refused = await gql.data(DELETE, {"id": default["id"]}, caller)
    deleted = await gql.data(DELETE, {"id": spare["id"]}, caller)
    last = await gql.data(DELETE, {"id": default["id"]}, caller)
    again = await gql.data(DELETE, {"id": default["id"]}, caller)

    assert refused["deleteJudge"] == {
        "__typename": "ConflictError", "code": "DEFAULT_JUDGE",
        "message": "'Default' is the default judge: make another judge the default "
                   "(updateJudge with isDefault: true), then delete this one"}
    assert deleted["deleteJudge"] == {"__typename": "DeleteJudgeSuccess",
                                      "deletedId": spare["id"]}
    assert last["deleteJudge"] == {"__typename": "DeleteJudgeSuccess",
                                   "deletedId": default["id"]}
    assert again["deleteJudge"]["code"] == "NOT_FOUND"
    assert [a for a, _ in await _events(owner_db, org.id)] == [
        "judge.configure", "judge.configure", "judge.delete", "judge.delete"]


async def test_a_judge_a_live_evaluation_uses_is_kept(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await owner(org)
    await fill_every_table(org)  # a QUEUED evaluation, and a non-default judge "Filler"
    judge = await configure(gql, caller, name="Busy", isDefault=False)
    async with tenant_transaction(org.id):
        row = await JudgeConfiguration.get(name="Busy")
        snapshot = configurations.judge_snapshot(row)
    await owner_db.execute("UPDATE evaluations SET judge = $1 WHERE organization_id = $2",
                           json.dumps(snapshot), org.id)

    refused = await gql.data(DELETE, {"id": judge["id"]}, caller)

    assert refused["deleteJudge"] == {
        "__typename": "ConflictError", "code": "JUDGE_IN_USE",
        "message": "an evaluation that is queued or running uses 'Busy': wait for it to "
                   "finish, then delete the judge"}


async def test_services_find_the_default_snapshot_it_and_open_it(
    scripted_llm: ScriptedLLM, private_settings: Settings, gql: GraphQLClient
) -> None:
    org, other = await make_org(), await make_org("Other")
    caller = await owner(org)
    await configure(gql, caller, name="Spare", isDefault=False)
    chosen = await configure(gql, caller, name="Local", model="local-model",
                             baseUrl=scripted_llm.openai_base_url, samples=2,
                             temperature=0.5, apiKey=SECRET, isDefault=True)
    theirs = await configure(gql, await owner(other), name="Theirs")

    async with tenant_transaction(org.id):
        default = await configurations.get_configuration(None)
        assert default is not None
        foreign = await configurations.get_configuration(uuid.UUID(int=0))
        by_id = await configurations.get_configuration(default.id)
        judge = await configurations.open_judge(default, private_settings)
        try:
            reply = await judge.ask(JudgeRequest(system="s", prompt="p"))
        finally:
            await judge.aclose()
    async with tenant_transaction(other.id):
        not_mine = await configurations.get_configuration(default.id)
        own = await configurations.get_configuration(None)

    assert gid("Judge", default.id) == chosen["id"]
    assert (foreign, not_mine, by_id is not None and by_id.id == default.id) == (
        None, None, True)
    assert own is not None and gid("Judge", own.id) == theirs["id"]
    assert configurations.judge_snapshot(default) == {
        "configuration_id": str(default.id), "name": "Local", "provider": "openai",
        "provider_version": "1.0.0", "model": "local-model",
        "base_url": scripted_llm.openai_base_url, "temperature": 0.5, "samples": 2}
    assert (reply.score, reply.model) == (1.0, "local-model")
    seen = scripted_llm.requests[0]
    assert (seen.headers["authorization"], seen.json and seen.json["model"]) == (
        f"Bearer {SECRET}", "local-model")


async def test_a_judge_that_cannot_be_opened_says_how_to_fix_it(
    private_settings: Settings, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        row = await configurations.create_configuration(configurations.JudgeSpec(
            name="Broken", provider="openai", model="m", api_key=SECRET))
    await owner_db.execute("UPDATE judge_configurations SET key_nonce = $1 WHERE id = $2",
                           b"\0" * 12, row.id)

    async with tenant_transaction(org.id):
        broken = await configurations.require_configuration(row.id)
        with pytest.raises(JudgeError) as raised:
            await configurations.open_judge(broken, private_settings)

    assert (raised.value.code, raised.value.message) == (
        "CONFIGURATION", "the API key of judge 'Broken' cannot be opened (the "
        "sealed value does not belong here or was altered): set it again with updateJudge")
