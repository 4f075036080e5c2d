"""The connection service on the real database: writes, audit events, sealing and opening."""

from __future__ import annotations

import uuid
from dataclasses import replace

import asyncpg
import pytest

from assay.audit.models import AuditEvent
from assay.connections import config, service
from assay.connections.models import AgentConnection, ConnectionCredential, ConnectionKind
from assay.connections.specs import (
    AuthType,
    BrowserSpec,
    CredentialValue,
    HttpAuthSpec,
    HttpMethod,
    HttpSpec,
    SelectorsSpec,
    StepAction,
    StepSpec,
)
from assay.db.transactions import tenant_transaction
from assay.errors import Conflict, NotFound, ValidationFailed
from tests.support import Org, make_org

SECRET = "sk-live-0123456789abcdef"
HTTP = HttpSpec(
    url="https://bot.example.com/chat",
    method=HttpMethod.POST,
    response_path="reply",
    body_template='{"q": "{{message}}"}',
    auth=HttpAuthSpec(AuthType.BEARER),
)
BROWSER = BrowserSpec(
    chat_url="https://shop.example.com/chat",
    selectors=SelectorsSpec("#m", "#send", ".a"),
    login_steps=(StepSpec(StepAction.FILL, selector="#pw", value="{{credentials.password}}"),),
)


async def create(org: Org, name: str = "Bot", spec: HttpSpec | BrowserSpec = HTTP,
                 secrets: dict[str, str] | None = None) -> AgentConnection:
    values = [CredentialValue(n, v) for n, v in (secrets or {"auth": SECRET}).items()]
    async with tenant_transaction(org.id):
        return await service.create_connection(project_id=org.project_id, name=name, spec=spec,
                                               credentials=values)


async def audit_actions(org: Org, target: uuid.UUID) -> list[tuple[str, dict[str, object]]]:
    async with tenant_transaction(org.id):
        events = await AuditEvent.filter(target_id=str(target)).order_by("seq")
    return [(e.action, e.details) for e in events]


async def test_create_seals_credentials_and_audits_once(database: object) -> None:
    org = await make_org()

    connection = await create(org)

    async with tenant_transaction(org.id):
        stored = await AgentConnection.get(id=connection.id)
        credential = await ConnectionCredential.get(connection_id=connection.id)
        opened = await service.open_credentials(connection.id)
    assert (stored.name, stored.kind, stored.concurrency) == ("Bot", ConnectionKind.HTTP, 10)
    assert stored.config["auth"] == {"type": "BEARER"}
    assert (credential.name, credential.hint, credential.key_version) == ("auth", "…cdef", 1)
    assert SECRET.encode() not in bytes(credential.ciphertext)
    assert len(bytes(credential.nonce)) == 12
    assert opened == {"auth": SECRET}
    assert await audit_actions(org, connection.id) == [(
        "connection.create",
        {"project_id": str(org.project_id), "name": "Bot", "kind": "HTTP",
         "credentials": ["auth"]},
    )]


async def test_invalid_input_writes_nothing(database: object) -> None:
    org = await make_org()
    spec = replace(HTTP, url="ftp://nope")

    with pytest.raises(ValidationFailed) as caught:
        await create(org, name=" ", spec=spec, secrets={"other": SECRET})

    assert [(i.path, i.code) for i in caught.value.issues] == [
        (("input", "name"), "INVALID_NAME"),
        (("input", "http", "url"), "INVALID_URL"),
        (("input", "http", "auth", "type"), "CREDENTIAL_MISSING"),
    ]
    async with tenant_transaction(org.id):
        assert await AgentConnection.all().count() == 0
        assert await ConnectionCredential.all().count() == 0


async def test_duplicate_name_in_project_is_a_conflict(database: object) -> None:
    org = await make_org()
    await create(org)

    async with tenant_transaction(org.id):
        with pytest.raises(Conflict) as caught:
            await service.create_connection(project_id=org.project_id, name="Bot", spec=HTTP,
                                            credentials=[CredentialValue("auth", "other-value")])
        # The clash is contained in a savepoint: the transaction goes on working.
        connections = await AgentConnection.all().count()

    assert (caught.value.code, caught.value.message) == (
        "DUPLICATE_NAME",
        "a connection named 'Bot' already exists in this project: choose another name",
    )
    assert connections == 1
    async with tenant_transaction(org.id):
        assert await ConnectionCredential.all().count() == 1


async def test_project_of_another_organization_is_not_found(database: object) -> None:
    org, other = await make_org(), await make_org("Other")

    with pytest.raises(NotFound):
        async with tenant_transaction(org.id):
            await service.create_connection(project_id=other.project_id, name="Bot", spec=HTTP,
                                            credentials=[CredentialValue("auth", SECRET)])


async def test_update_replaces_config_and_audits_changed_fields(database: object) -> None:
    org = await make_org()
    connection = await create(org)
    spec = replace(HTTP, url="https://bot.example.com/v2", timeout_seconds=60)

    async with tenant_transaction(org.id):
        updated = await service.update_connection(connection.id, name="Bot v2", spec=spec,
                                                  concurrency=50)
        stored = await AgentConnection.get(id=connection.id)

    assert (stored.name, stored.concurrency) == ("Bot v2", 50)
    assert (stored.config["url"], stored.config["timeout_seconds"]) == (
        "https://bot.example.com/v2", 60)
    assert updated.updated_at == stored.updated_at
    assert stored.updated_at > connection.updated_at
    assert (await audit_actions(org, connection.id))[1] == (
        "connection.update", {"changed": ["concurrency", "config", "name"], "name": "Bot v2"}
    )


async def test_update_without_change_writes_no_event(database: object) -> None:
    org = await make_org()
    connection = await create(org)

    async with tenant_transaction(org.id):
        await service.update_connection(connection.id, name="Bot", spec=HTTP)

    assert [a for a, _ in await audit_actions(org, connection.id)] == ["connection.create"]


@pytest.mark.parametrize(
    ("kwargs", "path", "code"),
    [
        ({}, ("input",), "NOTHING_TO_CHANGE"),
        ({"spec": BROWSER}, ("input", "browser"), "KIND_IMMUTABLE"),
        ({"spec": replace(HTTP, secret_headers=("X-Token",))},
         ("input", "http", "secretHeaders", "0"), "CREDENTIAL_MISSING"),
        ({"spec": replace(HTTP, body_template='{"q": "{{message}}", "s": "{{session_id}}"}')},
         ("input", "http", "bodyTemplate"), "SESSION_ID_PATH_MISSING"),
        ({"concurrency": 101}, ("input", "concurrency"), "OUT_OF_RANGE"),
        ({"name": ""}, ("input", "name"), "INVALID_NAME"),
    ],
)
async def test_update_refusals_change_nothing(database: object, kwargs: dict[str, object],
                                              path: tuple[str, ...], code: str) -> None:
    org = await make_org()
    connection = await create(org)

    with pytest.raises(ValidationFailed) as caught:
        async with tenant_transaction(org.id):
            await service.update_connection(connection.id, **kwargs)  # type: ignore[arg-type]

    assert [(i.path, i.code) for i in caught.value.issues] == [(path, code)]
    async with tenant_transaction(org.id):
        stored = await AgentConnection.get(id=connection.id)
    assert (stored.name, stored.config, stored.concurrency) == (
        "Bot", connection.config, connection.concurrency)


async def test_missing_credential_message_points_to_rotation(database: object) -> None:
    org = await make_org()
    connection = await create(org)

    with pytest.raises(ValidationFailed) as caught:
        async with tenant_transaction(org.id):
            await service.update_connection(
                connection.id, spec=replace(HTTP, secret_headers=("X-Token",)))

    assert caught.value.issues[0].message == (
        "secret header X-Token takes its value from the credential 'header:X-Token', which is "
        "not set: set it first with rotateConnectionCredential"
    )


async def test_renaming_onto_another_connection_is_a_conflict(database: object) -> None:
    org = await make_org()
    await create(org, name="First")
    second = await create(org, name="Second")

    async with tenant_transaction(org.id):
        with pytest.raises(Conflict) as caught:
            await service.update_connection(second.id, name="First")
        # The clash is contained in a savepoint: the transaction goes on working.
        names = await AgentConnection.all().order_by("name").values_list("name", flat=True)

    assert (caught.value.code, caught.value.message) == (
        "DUPLICATE_NAME",
        "a connection named 'First' already exists in this project: choose another name",
    )
    assert names == ["First", "Second"]
    assert [action for action, _ in await audit_actions(org, second.id)] == [
        "connection.create"]


async def test_rotate_replaces_in_place_and_adds_new(database: object) -> None:
    org = await make_org()
    connection = await create(org)
    async with tenant_transaction(org.id):
        before = await ConnectionCredential.get(connection_id=connection.id, name="auth")

    async with tenant_transaction(org.id):
        _, replaced = await service.rotate_credential(connection.id, name="auth",
                                                      value="new-secret-value-9876")
        _, added = await service.rotate_credential(connection.id, name="header:X-Token",
                                                   value="tok-abc")
        opened = await service.open_credentials(connection.id)

    assert replaced.id == before.id
    assert bytes(replaced.nonce) != bytes(before.nonce)
    assert (replaced.hint, added.hint) == ("…9876", "…")
    assert opened == {"auth": "new-secret-value-9876", "header:X-Token": "tok-abc"}
    assert [details for action, details in await audit_actions(org, connection.id)
            if action == "connection.credential.rotate"] == [
        {"credential": "auth", "added": False},
        {"credential": "header:X-Token", "added": True},
    ]


async def test_rotate_refuses_bad_input_and_unknown_connection(database: object) -> None:
    org, other = await make_org(), await make_org("Other")
    foreign = await create(other)

    with pytest.raises(ValidationFailed) as caught:
        async with tenant_transaction(org.id):
            await service.rotate_credential(foreign.id, name="bad name", value=" ")
    with pytest.raises(NotFound):
        async with tenant_transaction(org.id):
            await service.rotate_credential(foreign.id, name="auth", value="stolen-value")

    assert [(i.path, i.code) for i in caught.value.issues] == [
        (("name",), "INVALID_NAME"), (("value",), "REQUIRED")]
    async with tenant_transaction(other.id):
        assert await service.open_credentials(foreign.id) == {"auth": SECRET}


async def test_rotate_refuses_a_credential_beyond_the_limit(database: object) -> None:
    org = await make_org()
    secrets = {"auth": SECRET,
               **{f"c{index}": f"value-{index}" for index in range(config.MAX_CREDENTIALS - 1)}}
    connection = await create(org, secrets=secrets)

    with pytest.raises(ValidationFailed) as caught:
        async with tenant_transaction(org.id):
            await service.rotate_credential(connection.id, name="extra", value="one-too-many")

    assert [(i.path, i.message, i.code) for i in caught.value.issues] == [(
        ("name",), f"a connection holds at most {config.MAX_CREDENTIALS} credentials: rotate "
        "one it already has, or create another connection", "TOO_MANY")]
    async with tenant_transaction(org.id):
        assert await service.open_credentials(connection.id) == secrets
    assert [action for action, _ in await audit_actions(org, connection.id)] == [
        "connection.create"]


async def test_open_credentials_of_another_organization_is_not_found(database: object) -> None:
    org, other = await make_org(), await make_org("Other")
    foreign = await create(other)

    with pytest.raises(NotFound):
        async with tenant_transaction(org.id):
            await service.open_credentials(foreign.id)


async def test_browser_connection_round_trip(database: object) -> None:
    org = await make_org()

    connection = await create(org, name="Shop", spec=BROWSER, secrets={"password": "pw-123"})

    async with tenant_transaction(org.id):
        assert await service.open_credentials(connection.id) == {"password": "pw-123"}
    assert (connection.kind, connection.concurrency) == (ConnectionKind.BROWSER, 2)
    assert connection.config["login_steps"] == [
        {"action": "FILL", "selector": "#pw", "value": "{{credentials.password}}"}
    ]


async def _row(owner_db: asyncpg.Connection, credential_id: uuid.UUID) -> asyncpg.Record:
    return await owner_db.fetchrow(
        "SELECT ciphertext, nonce, key_version FROM connection_credentials WHERE id = $1",
        credential_id,
    )


async def _paste(owner_db: asyncpg.Connection, source: asyncpg.Record,
                 target_id: uuid.UUID) -> None:
    await owner_db.execute(
        "UPDATE connection_credentials SET ciphertext = $1, nonce = $2, key_version = $3 "
        "WHERE id = $4", source["ciphertext"], source["nonce"], source["key_version"], target_id)


async def test_ciphertext_copied_to_another_row_does_not_open(
    database: object, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    connection = await create(org, secrets={"auth": SECRET, "spare": "spare-value-xyz"})
    async with tenant_transaction(org.id):
        auth = await ConnectionCredential.get(connection_id=connection.id, name="auth")
        spare = await ConnectionCredential.get(connection_id=connection.id, name="spare")

    await _paste(owner_db, await _row(owner_db, auth.id), spare.id)

    with pytest.raises(service.CredentialUnreadable) as caught:
        async with tenant_transaction(org.id):
            await service.open_credentials(connection.id)
    assert caught.value.code == "CREDENTIAL_UNREADABLE"
    assert caught.value.message == (
        "the credential 'spare' of this connection cannot be opened (the sealed value does "
        "not belong here or was altered): set it again with rotateConnectionCredential"
    )
    assert SECRET not in str(caught.value)


async def test_ciphertext_copied_to_another_organization_does_not_open(
    database: object, owner_db: asyncpg.Connection
) -> None:
    org, other = await make_org(), await make_org("Other")
    mine = await create(org)
    theirs = await create(other, secrets={"auth": "their-own-secret-000"})
    async with tenant_transaction(org.id):
        source = await ConnectionCredential.get(connection_id=mine.id)
    async with tenant_transaction(other.id):
        target = await ConnectionCredential.get(connection_id=theirs.id)

    await _paste(owner_db, await _row(owner_db, source.id), target.id)

    with pytest.raises(service.CredentialUnreadable) as caught:
        async with tenant_transaction(other.id):
            await service.open_credentials(theirs.id)
    assert caught.value.name == "auth"
    assert SECRET not in caught.value.message
    async with tenant_transaction(org.id):
        assert await service.open_credentials(mine.id) == {"auth": SECRET}


async def test_a_tampered_data_key_is_a_clean_error(
    database: object, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    connection = await create(org)
    flip = ("UPDATE org_data_keys SET wrapped_key = set_byte(wrapped_key, 20, "
            "get_byte(wrapped_key, 20) # 255) WHERE organization_id = $1")
    await owner_db.execute(flip, org.id)

    try:
        with pytest.raises(service.CredentialUnreadable) as caught:
            async with tenant_transaction(org.id):
                await service.open_credentials(connection.id)
    finally:
        await owner_db.execute(flip, org.id)  # flipping back keeps KEK rotation possible

    assert caught.value.message == (
        "the credential 'auth' of this connection cannot be opened (data key 1 does not unwrap "
        "with key-encryption key 'test-1': ASSAY_KEK holds other key material under that id): "
        "set it again with rotateConnectionCredential"
    )
