"""Notifications that a run moved on, over Redis pub/sub: ids only, never content.

The database stays the source of truth. A worker publishes "this case of run R has a
result" once the result has committed, the API "run R changed status" once a cancel has
committed. A subscriber treats a notification as a hint to re-read the database, and
re-reads on a timer anyway, so a lost message (Redis restarting, a publish that failed)
delays an update but never loses it. Publishing never raises: a job or a mutation must not
fail because nobody could be told about it.

Each API process holds one Redis subscription (:class:`Listener`), shared by every live
subscriber in the process: a thousand people watching runs cost one Redis connection, not
a thousand. Channels are per run (``assay:run:<run uuid>``); evaluations use the same
machinery on their own prefix (``assay:evaluation:<evaluation uuid>``, see
assay.evaluations.events).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.client import PubSub

from assay.settings import Settings

log = logging.getLogger(__name__)

CHANNEL_PREFIX = "assay:run:"
#: How long the listener waits for a message before it looks for runs to (un)subscribe.
READ_SECONDS = 0.2
#: Pause before reconnecting after Redis failed.
RETRY_SECONDS = 1.0
#: Case ids a watch keeps between two looks; beyond it, the reader's recount finds the rest.
MAX_HINTS = 1000


def channel(run_id: uuid.UUID, prefix: str = CHANNEL_PREFIX) -> str:
    return f"{prefix}{run_id}"


async def publish(redis: Redis | None, run_id: uuid.UUID,
                  run_case_id: uuid.UUID | None = None, *,
                  prefix: str = CHANNEL_PREFIX) -> None:
    """Tell the run's subscribers to look again (optionally: at this case). Never raises.

    ``prefix`` names another kind of followed object (an evaluation) on the same machinery.
    """
    if redis is None:
        return
    message = json.dumps({"run_case_id": str(run_case_id)} if run_case_id else {})
    try:
        await redis.publish(channel(run_id, prefix), message)
    except Exception as error:  # a missed notification only delays subscribers
        log.warning("could not notify subscribers of run %s: %s", run_id, error)


async def case_finished(redis: Redis | None, run_id: uuid.UUID,
                        run_case_id: uuid.UUID) -> None:
    """A job recorded (and committed) the result of ``run_case_id``. Never raises."""
    if redis is not None:
        await publish(redis, run_id, run_case_id)


async def status_changed(redis: Redis | None, run_id: uuid.UUID) -> None:
    """The run's status changed (e.g. cancelled) and committed. Never raises."""
    await publish(redis, run_id)


class Watch:
    """What one subscriber has been told about one run since it last looked."""

    def __init__(self, run_id: uuid.UUID) -> None:
        self.run_id = run_id
        self._case_ids: set[uuid.UUID] = set()
        self._wake = asyncio.Event()
        self._ready = asyncio.Event()

    def notify(self, run_case_id: uuid.UUID | None) -> None:
        if run_case_id is not None and len(self._case_ids) < MAX_HINTS:
            self._case_ids.add(run_case_id)
        self._wake.set()

    def subscribed(self) -> None:
        self._ready.set()

    async def ready(self, timeout: float) -> bool:
        """Wait until notifications for the run flow (False: Redis did not confirm in time)."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self._ready.wait()
        return self._ready.is_set()

    async def wait(self, timeout: float) -> None:
        """Until a notification came (maybe already) or ``timeout`` seconds passed."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self._wake.wait()

    def take(self) -> set[uuid.UUID]:
        """The case ids notified since the last call; clears them."""
        taken, self._case_ids = self._case_ids, set()
        self._wake.clear()
        return taken


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _case_id(data: Any) -> uuid.UUID | None:
    try:
        payload = json.loads(_text(data))
        return uuid.UUID(payload["run_case_id"]) if "run_case_id" in payload else None
    except (ValueError, TypeError, KeyError):
        return None


class Listener:
    """The process's one Redis subscription, fanned out to the watches of its subscribers.

    A background task owns the pub/sub connection: it subscribes to the channels of the runs
    being watched, drops those nobody watches any more, and hands each message to the
    watches of its run. When Redis fails it reconnects, and wakes every watch so that each
    re-reads the database (messages may have been lost meanwhile).
    """

    def __init__(self, connect: Callable[[], Awaitable[Redis]]) -> None:
        self._connect = connect
        self._watches: dict[str, set[Watch]] = {}
        #: Channels Redis confirmed the subscription of (on the current connection).
        self._live: set[str] = set()
        self._changed = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @asynccontextmanager
    async def watch(self, run_id: uuid.UUID, *, prefix: str = CHANNEL_PREFIX
                    ) -> AsyncIterator[Watch]:
        """Notifications for the run (or, with ``prefix``, another followed object)."""
        name = channel(run_id, prefix)
        watch = Watch(run_id)
        self._watches.setdefault(name, set()).add(watch)
        if name in self._live:
            watch.subscribed()
        self._changed.set()
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="assay-run-events")
        try:
            yield watch
        finally:
            watchers = self._watches.get(name, set())
            watchers.discard(watch)
            if not watchers:
                self._watches.pop(name, None)
            self._changed.set()

    async def close(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self) -> None:
        pubsub: PubSub | None = None
        subscribed: set[str] = set()
        try:
            while True:
                if not self._watches:
                    await self._drop(pubsub)
                    pubsub, subscribed = None, set()
                    self._changed.clear()
                    await self._changed.wait()
                    continue
                try:
                    if pubsub is None:
                        pubsub = (await self._connect()).pubsub()
                    subscribed = await self._follow(pubsub, subscribed)
                    message = await pubsub.get_message(timeout=READ_SECONDS)
                except asyncio.CancelledError:
                    raise
                except Exception as error:
                    log.warning("run notifications interrupted (%s); subscribers fall back to "
                                "reading the database on their timer until Redis is back", error)
                    await self._drop(pubsub)
                    pubsub, subscribed = None, set()
                    self._wake_all()
                    await asyncio.sleep(RETRY_SECONDS)
                    continue
                if message is not None:
                    self._dispatch(message)
        finally:
            await self._drop(pubsub)

    async def _follow(self, pubsub: PubSub, subscribed: set[str]) -> set[str]:
        """Subscribe to newly watched runs, unsubscribe from forgotten ones."""
        self._changed.clear()
        wanted = set(self._watches)
        if added := wanted - subscribed:
            await pubsub.subscribe(*sorted(added))
        if removed := subscribed - wanted:
            await pubsub.unsubscribe(*sorted(removed))
            self._live -= removed
        return wanted

    def _dispatch(self, message: dict[str, Any]) -> None:
        name = _text(message.get("channel", b""))
        watches = self._watches.get(name, set())
        if message.get("type") == "subscribe":
            self._live.add(name)
            for watch in watches:
                watch.subscribed()
        elif message.get("type") == "message":
            case_id = _case_id(message.get("data"))
            for watch in watches:
                watch.notify(case_id)

    async def _drop(self, pubsub: PubSub | None) -> None:
        self._live.clear()
        if pubsub is not None:
            with contextlib.suppress(Exception):
                await pubsub.aclose()  # type: ignore[no-untyped-call]

    def _wake_all(self) -> None:
        for watches in self._watches.values():
            for watch in watches:
                watch.notify(None)


_listener: Listener | None = None


def listener(settings: Settings) -> Listener:
    """This process's listener, connected through the job queue's Redis."""
    global _listener
    if _listener is None:
        from assay.runs import queue  # queue imports the jobs, which publish through here

        async def connect() -> Redis:
            return await queue.pool(settings)

        _listener = Listener(connect)
    return _listener


async def close() -> None:
    """Stop the listener (the application's shutdown)."""
    global _listener
    if _listener is not None:
        await _listener.close()
        _listener = None
