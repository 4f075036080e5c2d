from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta

import pytest

from assay.auth import sessions
from assay.auth.models import Session, User
from assay.worker import deserialize, purge_expired_sessions, serialize


async def test_purge_removes_only_expired_and_revoked_sessions(database: object) -> None:
    user = await User.create(email="sessions-purge@example.com")
    live_token = await sessions.issue(user.id)
    expired = await Session.create(
        user_id=user.id, token_hash="e" * 64, expires_at=datetime.now(UTC) - timedelta(seconds=1)
    )
    revoked = await Session.create(
        user_id=user.id,
        token_hash="r" * 64,
        expires_at=datetime.now(UTC) + timedelta(hours=1),
        revoked_at=datetime.now(UTC),
    )

    now = datetime.now(UTC)
    purgeable = (
        await Session.filter(expires_at__lte=now).count()
        + await Session.filter(revoked_at__not_isnull=True).count()
    )

    removed = await purge_expired_sessions({})

    assert purgeable >= 2
    assert removed == purgeable
    remaining = await Session.filter(user_id=user.id).values_list("id", flat=True)
    assert expired.id not in remaining and revoked.id not in remaining
    assert len(remaining) == 1
    with pytest.raises(sessions.NoOrganization):  # the live session survived the purge
        await sessions.authenticate(live_token, None)


def test_jobs_are_json_and_pickle_is_refused() -> None:
    payload = {"function": "purge_expired_sessions", "args": [], "kwargs": {"org_id": "x"}}

    assert deserialize(serialize(payload)) == payload
    with pytest.raises(UnicodeDecodeError):
        deserialize(pickle.dumps(payload))
