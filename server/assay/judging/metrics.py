"""Agreement between an evaluator's scores and its labels: pure functions, no I/O."""

from __future__ import annotations

import math
from collections.abc import Sequence

#: Figures are stored and shown with this many decimals (float noise never decides a gate).
DECIMALS = 6


def average_ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks of ``values``; tied values share the mean of the ranks they span."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        shared = (start + end) / 2 + 1
        for position in range(start, end + 1):
            ranks[order[position]] = shared
        start = end + 1
    return ranks


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Spearman's rank correlation (Pearson's on average ranks, so ties are handled).

    None when it is undefined: fewer than two pairs, or either side constant.
    """
    if len(xs) != len(ys):
        raise ValueError(f"{len(xs)} scores against {len(ys)} labels")
    if len(xs) < 2:
        return None
    rx, ry = average_ranks(xs), average_ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    dx = [r - mx for r in rx]
    dy = [r - my for r in ry]
    sxx = math.fsum(d * d for d in dx)
    syy = math.fsum(d * d for d in dy)
    if sxx == 0 or syy == 0:
        return None
    return math.fsum(a * b for a, b in zip(dx, dy, strict=True)) / math.sqrt(sxx * syy)


def mean_abs_error(scores: Sequence[float], labels: Sequence[float]) -> float:
    if not scores:
        raise ValueError("no scores")
    return math.fsum(abs(s - e) for s, e in zip(scores, labels, strict=True)) / len(scores)


def share(flags: Sequence[bool]) -> float:
    """The fraction of true flags (0 for none)."""
    return sum(flags) / len(flags) if flags else 0.0


def rounded(value: float) -> float:
    return round(value, DECIMALS)
