"""Benchmark: requestPasswordReset latency for an address with an account vs one without.

The answer must not tell them apart by its time: the mail (the slow, varying part) leaves
in the background. What is left is the database work of a real request (a token row and an
audit event). Prints p10/p50/p90 of each over interleaved samples, mail through a loopback
SMTP server.

Run: .venv/bin/pytest -m benchmark -s tests/benchmarks/test_reset_timing.py
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.identity import deliveries
from assay.settings import Secret, Settings
from tests.identity.flows import Browser, browser_for, new_email, verified_account
from tests.identity.test_reset import REQUEST, SENT
from tests.mail.smtp_server import smtp_server
from tests.support import TEST_KEK

pytestmark = pytest.mark.benchmark
SAMPLES = 40


def _figures(name: str, samples: list[float]) -> str:
    cuts = [c * 1000 for c in statistics.quantiles(samples, n=10)]
    middle = statistics.median(samples) * 1000
    return f"{name:<16} p10 {cuts[0]:6.1f} ms   p50 {middle:6.1f} ms   p90 {cuts[-1]:6.1f} ms"


async def _timed(browser: Browser, email: str) -> float:
    started = time.perf_counter()
    answer = await browser.result(REQUEST, {"email": email})
    elapsed = time.perf_counter() - started
    assert answer == SENT
    return elapsed


async def test_known_and_unknown_addresses_take_the_same_time(
    database: dict[str, DatabaseUrl], tmp_path: Path
) -> None:
    with smtp_server() as mailbox:
        # Many links to one address: the hourly share would stop the samples.
        settings = Settings(environment="test", data_dir=tmp_path, kek=Secret(TEST_KEK),
                            smtp_url=Secret(mailbox.url), password_reset_links_per_hour=1000)
        app = create_app(settings, database["app"])
        async with browser_for(app, mailbox) as browser:
            account = await verified_account(browser)
            await _timed(browser, new_email())  # warm up: pools
            known: list[float] = []
            unknown: list[float] = []
            for _ in range(SAMPLES):
                known.append(await _timed(browser, account.email))
                unknown.append(await _timed(browser, new_email()))
            await deliveries.delivered()
        mails = len(mailbox.to(account.email))

    print()
    print(f"requestPasswordReset, {SAMPLES} interleaved samples each "
          f"({mails - 1} reset mails sent in the background):")
    print(_figures("known address", known))
    print(_figures("unknown address", unknown))
    difference = abs(statistics.median(known) - statistics.median(unknown)) * 1000
    print(f"median difference {difference:.1f} ms")
