"""Mail sent after the answer: a request's time must not tell whether a mail went out.

``requestPasswordReset`` mails only addresses that have an account, and the throttle mails
an account's owner when its failures reach the threshold; sending through SMTP takes long
and varies, so it happens in a task of its own and the request answers at once. Delivery
failures are logged (assay.mail.transport) and dropped: nobody waits for the answer.
:func:`delivered` waits for what is still being sent (shutdown, tests).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from assay.mail.message import Mail
from assay.mail.transport import MailUnavailable, send
from assay.settings import Settings

log = logging.getLogger("assay.identity")

_pending: set[asyncio.Task[None]] = set()


async def _deliver(settings: Settings, mail: Mail) -> None:
    try:
        with contextlib.suppress(MailUnavailable):  # already logged by the transport
            await send(settings, mail)
    except Exception:
        log.exception("a mail about %r could not be sent", mail.subject)


def deliver_later(settings: Settings, mail: Mail) -> None:
    """Send ``mail`` in the background (the task touches no database, only SMTP)."""
    task = asyncio.get_running_loop().create_task(_deliver(settings, mail))
    _pending.add(task)
    task.add_done_callback(_pending.discard)


async def delivered() -> None:
    """Wait until every mail handed to :func:`deliver_later` so far was sent (or failed)."""
    while _pending:
        await asyncio.gather(*list(_pending), return_exceptions=True)
