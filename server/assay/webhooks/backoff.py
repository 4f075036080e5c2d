"""When a failed delivery is tried again, and when it is given up.

The default waits after attempts 1 to 5 are 10 s, 1 min, 5 min, 30 min and 2 h, each
jittered by a fifth either way (so endpoints that failed together are not hit together
again); the sixth failure is final. A receiver that answers 429 or 503 with Retry-After
is waited for as long as it asks (at most six hours). Workers read the policy from their
job context (``ctx["webhook_policy"]``), so tests run the same code with tiny delays.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

#: The job context key of a worker's :class:`RetryPolicy` (the default when absent).
POLICY = "webhook_policy"


@dataclass(frozen=True)
class RetryPolicy:
    #: Seconds to wait after the 1st, 2nd, ... failed attempt (the last value repeats).
    schedule: tuple[float, ...] = (10.0, 60.0, 300.0, 1800.0, 7200.0)
    #: Attempts in all; after the last failure the delivery is FAILED.
    max_attempts: int = 6
    #: Each wait is multiplied by a random factor in [1 - jitter, 1 + jitter].
    jitter: float = 0.2
    #: The longest Retry-After honoured.
    max_retry_after_s: float = 6 * 3600.0
    #: Seconds one attempt may take, connecting and reading the answer included.
    timeout_s: float = 10.0

    def wait_after(self, attempts: int, retry_after: float | None = None) -> float | None:
        """Seconds until the next attempt after ``attempts`` failed ones; None when the
        delivery is given up."""
        if attempts >= self.max_attempts:
            return None
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_retry_after_s)
        base = self.schedule[min(attempts, len(self.schedule)) - 1]
        return base * random.uniform(1 - self.jitter, 1 + self.jitter)


DEFAULT_POLICY = RetryPolicy()
