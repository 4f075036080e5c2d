"""Small building blocks of the HTML report: escaping, number formats, tables, badges.

Every value that comes from a snapshot passes through :func:`e` (or a formatter that calls
it) before it reaches the page: titles, answers and explanations are written by agents,
users and LLMs, and a report must never run or load what they wrote.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from html import escape
from typing import Any

from assay.reports.exports.charts import decimals, percent, score

__all__ = ["badge", "delta", "e", "figure", "latency", "moment", "pp", "table"]

#: Case and verdict statuses as shown: words first, colour second.
STATUS_WORDS = {"PASSED": "Passed", "FAILED": "Failed", "ERROR": "Error",
                "TIMEOUT": "Timed out", "CANCELLED": "Cancelled", "SCORED": "Scored",
                "SKIPPED": "Skipped"}


def e(value: object) -> str:
    """Text or attribute content, escaped (quotes included)."""
    return escape("" if value is None else str(value), quote=True)


def figure(value: float | None) -> str:
    """A score (see :func:`charts.score`)."""
    return score(value)


def share(value: float | None) -> str:
    return percent(value)


def latency(value: float | None) -> str:
    """Milliseconds with thousands separators: 1040.0 -> "1,040 ms"."""
    return "n/a" if value is None else f"{value:,.0f} ms"


def delta(value: float | None) -> str:
    """A signed score change: 0.0433 -> "+0.0433"."""
    if value is None:
        return "n/a"
    return ("+" if value > 0 else "") + decimals(value, 4, 2)


def pp(value: float | None) -> str:
    """A signed pass-rate change in percentage points: -0.1667 -> "-16.67 pp"."""
    if value is None:
        return "n/a"
    return ("+" if value > 0 else "") + decimals(value * 100, 2, 1) + " pp"


def moment(value: str | None) -> str:
    """An ISO 8601 instant as "2025-06-06 09:30 UTC" (as given when it does not parse)."""
    if not value:
        return "n/a"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return value
    offset = parsed.utcoffset()
    if offset is not None and not offset:
        return parsed.strftime("%Y-%m-%d %H:%M UTC")
    return parsed.strftime("%Y-%m-%d %H:%M %z").strip()


def badge(status: str, words: str | None = None) -> str:
    """A coloured label that also says its status in words."""
    css = status.lower().replace("_", "-")
    return f'<span class="badge {e(css)}">{e(words or STATUS_WORDS.get(status, status))}</span>'


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, css: str = "",
          numeric: Iterable[int] = (), tight: Iterable[int] = (),
          caption: str | None = None) -> str:
    """A table; cells are trusted markup (escape values first), ``numeric`` columns align
    right, ``tight`` columns (short words) never wrap. An empty body gets one row that says
    so."""
    kinds = {i: "num" for i in numeric} | {i: "tight" for i in tight}
    head = "".join(f'<th scope="col"{_kind(i, kinds)}>{e(h)}</th>'
                   for i, h in enumerate(headers))
    body = ["<tr>" + "".join(f"<td{_kind(i, kinds)}>{c}</td>" for i, c in enumerate(row))
            + "</tr>" for row in rows]
    if not body:
        body = [f'<tr><td colspan="{len(headers)}" class="none">None.</td></tr>']
    titled = f"<caption>{e(caption)}</caption>" if caption else ""
    return (f'<table class="{e(css)}">{titled}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")


def _kind(index: int, kinds: dict[int, str]) -> str:
    return f' class="{kinds[index]}"' if index in kinds else ""


def titles(snapshot: Mapping[str, Any]) -> dict[str, str]:
    """Evaluator slug -> title, from the report's figures and its evaluations' choices."""
    named: dict[str, str] = {}
    for evaluation in snapshot.get("evaluations", []):
        for chosen in evaluation.get("evaluators", []):
            named.setdefault(chosen["slug"], chosen.get("title") or chosen["slug"])
    for figures in snapshot.get("evaluators", []):
        named[figures["slug"]] = figures.get("title") or figures["slug"]
    return named


def thresholds(snapshot: Mapping[str, Any]) -> dict[str, float]:
    """Evaluator slug -> its threshold in the report's first evaluation that chose it."""
    chosen: dict[str, float] = {}
    for evaluation in snapshot.get("evaluations", []):
        for item in evaluation.get("evaluators", []):
            chosen.setdefault(item["slug"], float(item["threshold"]))
    return chosen
