"""The sections of the HTML report, each a function of the snapshot (and the AI summary).

The cover and the executive summary fill the first printed page; the charts, the
comparison and the failed cases each start a new page (class ``major``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from assay.reports.exports import charts
from assay.reports.exports.charts import Bar, Segment, TrendPoint
from assay.reports.exports.html_parts import (
    badge,
    delta,
    e,
    figure,
    latency,
    moment,
    pp,
    share,
    table,
    thresholds,
    titles,
)

Snapshot = Mapping[str, Any]
Summary = Mapping[str, Any]
#: Said instead of the evaluator charts and table of an asserts-and-PII-only report.
NO_EVALUATORS = ("No evaluator scored these runs: a case passed when its asserts passed and "
                 "its answers leaked no personal data.")


def cover(snapshot: Snapshot) -> str:
    """Title, what was evaluated, when, with which judge and evaluators."""
    rows = [
        ("Project", e(snapshot["project"]["name"])),
        ("Plan", e(snapshot["plan"]["name"])),
        ("Created", f"{e(moment(snapshot['created_at']))} by {e(snapshot['created_by'])}"),
        ("Threshold", f"pass rate of at least {e(share(snapshot['threshold']))}"),
        ("Runs", _runs(snapshot["evaluations"])),
        ("Judge", _judges(snapshot["evaluations"])),
        ("Evaluators", _chosen(snapshot["evaluations"])),
        ("Report", f'<span class="id">{e(snapshot["id"])}</span>'),
    ]
    facts = "".join(f"<dt>{e(name)}</dt><dd>{value}</dd>" for name, value in rows)
    return (f'<header class="cover"><div class="eyebrow">Assay evaluation report</div>'
            f'<h1>{e(snapshot["title"])}</h1><dl class="meta">{facts}</dl></header>')


def _runs(evaluations: Sequence[Mapping[str, Any]]) -> str:
    items = []
    for evaluation in evaluations:
        connection = evaluation["connection"]
        items.append(
            f"<li>{e(moment(evaluation['run_started_at']))} to "
            f"{e(moment(evaluation['run_finished_at']))} · {e(connection['name'])} "
            f"({e(connection['kind'])}) · run <span class=\"id\">{e(evaluation['run_id'])}"
            "</span></li>")
    return f'<ul class="plain">{"".join(items)}</ul>'


def _judges(evaluations: Sequence[Mapping[str, Any]]) -> str:
    seen = []
    for evaluation in evaluations:
        judge = evaluation.get("judge") or {}
        if judge and (judge["provider"], judge["model"]) not in seen:
            seen.append((judge["provider"], judge["model"]))
    if not seen:
        return "none (no evaluator needed an LLM judge)"
    return ", ".join(f"{e(provider)} · {e(model)}" for provider, model in seen)


def _chosen(evaluations: Sequence[Mapping[str, Any]]) -> str:
    seen: dict[tuple[str, str], Mapping[str, Any]] = {}
    for evaluation in evaluations:
        for item in evaluation["evaluators"]:
            seen.setdefault((item["slug"], item["version"]), item)
    if not seen:
        return "none"
    items = [f"<li>{e(item['title'])} <span class=\"muted\">{e(item['version'])}</span> "
             f"(threshold {e(figure(item['threshold']))}, weight "
             f"{e(charts.decimals(item['weight'], 2, 1))})</li>" for item in seen.values()]
    return f'<ul class="plain inline">{"".join(items)}</ul>'


def executive_summary(snapshot: Snapshot, summary: Summary | None) -> str:
    """The verdict against the threshold, the key figures, the outcomes and the AI text."""
    totals, threshold = snapshot["totals"], snapshot["threshold"]
    verdict = "pass" if totals["meets_threshold"] else "fail"
    relation = "meets" if totals["meets_threshold"] else "is below"
    why = (f"Pass rate {e(share(totals['pass_rate']))} {relation} the threshold of "
           f"{e(share(threshold))}.")
    banner = (f'<div class="verdict {verdict}" role="status"><span class="word">'
              f'{verdict.upper()}</span><span class="why">{why}</span></div>')
    outcomes = charts.outcome_bar([
        Segment("Passed", totals["passed"], charts.BLUE),
        Segment("Failed", totals["failed"], charts.VERMILION),
        Segment("Errors", totals["errored"], charts.PURPLE),
        Segment("Timed out", totals["timed_out"], charts.ORANGE),
    ])
    return (f'<section class="summary"><h2>Executive summary</h2>{banner}'
            f'<div class="tiles">{"".join(_tiles(snapshot))}</div>'
            f"<figure>{outcomes}<figcaption>Outcome of every case of the report."
            f"</figcaption></figure>{ai_summary(summary)}</section>")


def _tile(label: str, value: str, note: str) -> str:
    return (f'<div class="tile"><div class="label">{e(label)}</div>'
            f'<div class="value">{e(value)}</div><div class="note">{e(note)}</div></div>')


def _tiles(snapshot: Snapshot) -> list[str]:
    totals, timing = snapshot["totals"], snapshot["latency_ms"]
    tiles = [
        _tile("Overall score", figure(totals["overall_score"]), "mean score of the cases"),
        _tile("Pass rate", share(totals["pass_rate"]),
              f"threshold {share(snapshot['threshold'])}"),
        _tile("Cases", str(totals["cases"]),
              f"{totals['passed']} passed · {totals['failed']} failed"),
        _tile("Errors", str(totals["errored"] + totals["timed_out"]),
              f"{totals['errored']} errored · {totals['timed_out']} timed out"),
        _tile("PII alerts", str(totals["pii_alerts"]), "personal data found in answers"),
        _tile("Latency p50", latency(timing["p50"]),
              f"p90 {latency(timing['p90'])} · p99 {latency(timing['p99'])}"),
        _tile("Slowest case", latency(timing["max"]),
              f"mean {latency(timing['mean'])} over {timing['count']} cases"),
    ]
    comparison = snapshot.get("comparison") or {}
    if comparison.get("baseline"):
        tiles.append(_tile("Vs baseline", delta(comparison["overall_delta"]),
                           f"pass rate {pp(comparison['pass_rate_delta'])} · "
                           f"{len(comparison['regressions'])} regressions · "
                           f"{len(comparison['improvements'])} improvements"))
    else:
        tiles.append(_tile("Runs", str(len(snapshot["evaluations"])), "no baseline compared"))
    return tiles


def ai_summary(summary: Summary | None) -> str:
    """The AI-written findings (escaped like everything else), when one was made."""
    if not summary or not summary.get("paragraphs"):
        return ""
    language = str(summary.get("language") or "en")
    model = summary.get("model") or "the organization's judge"
    paragraphs = "".join(f"<p>{e(p)}</p>" for p in summary["paragraphs"])
    return (f'<div class="ai" lang="{e(language)}"><div class="eyebrow">AI-written summary '
            f"· {e(model)} · every figure in it is inserted from this report's data</div>"
            f"{paragraphs}</div>")


def charts_section(snapshot: Snapshot) -> str:
    """Mean score per evaluator, the trend of the report's runs, the score distributions."""
    named, limits = titles(snapshot), thresholds(snapshot)
    bars = charts.score_bars([Bar(named.get(f["slug"], f["slug"]), f["mean"],
                                  limits.get(f["slug"])) for f in snapshot["evaluators"]])
    points = trend_points(snapshot)
    if len(points) >= 2:
        trend = (f"<figure>{charts.trend_line(points, threshold=snapshot['threshold'])}"
                 "<figcaption>The baseline and the runs of this report, oldest first; the "
                 "threshold applies to the pass rate.</figcaption></figure>")
    else:
        trend = ('<p class="muted">A trend needs two runs or more: this report has one run '
                 "and no baseline.</p>")
    grams = "".join(charts.histogram(f["histogram"], title=f"{named.get(f['slug'], f['slug'])}"
                                     f": {f['scored']} scores")
                    for f in snapshot["evaluators"])
    if not snapshot["evaluators"]:
        return ('<section class="charts major"><h2>Charts</h2>'
                f'<p class="muted">{NO_EVALUATORS}</p><h3>Trend</h3>{trend}</section>')
    return ('<section class="charts major"><h2>Charts</h2><h3>Mean score per evaluator</h3>'
            f"<figure>{bars}<figcaption>Each dark tick is the evaluator's pass threshold."
            f"</figcaption></figure><h3>Trend</h3>{trend}<h3>Score distribution</h3>"
            f'<div class="histograms">{grams}</div></section>')


def trend_points(snapshot: Snapshot) -> list[TrendPoint]:
    """The baseline (from the comparison's deltas) and each evaluation of the report, with
    its overall score (mean case score) and pass rate: all read from the snapshot."""
    totals, points = snapshot["totals"], []
    comparison = snapshot.get("comparison") or {}
    if comparison.get("baseline") and comparison.get("pass_rate_delta") is not None:
        overall = None
        if totals["overall_score"] is not None and comparison["overall_delta"] is not None:
            overall = _unit(totals["overall_score"] - comparison["overall_delta"])
        points.append(TrendPoint("baseline", overall,
                                 _unit(totals["pass_rate"] - comparison["pass_rate_delta"])))
    evaluations = snapshot["evaluations"]
    for evaluation in evaluations:
        label = moment(evaluation["run_started_at"]).removesuffix(" UTC")
        if len(evaluations) == 1:
            points.append(TrendPoint(label, totals["overall_score"], totals["pass_rate"]))
            continue
        cases = [c for c in snapshot["cases"] if c["evaluation_id"] == evaluation["id"]]
        scores = [c["score"] for c in cases if c["score"] is not None]
        points.append(TrendPoint(
            label, _unit(sum(scores) / len(scores)) if scores else None,
            _unit(sum(1 for c in cases if c["passed"]) / len(cases)) if cases else None))
    return points


def _unit(value: float) -> float:
    return round(min(max(value, 0.0), 1.0), 4)


def evaluators_section(snapshot: Snapshot, summary: Summary | None) -> str:
    """Per-evaluator statistics, and the AI's analysis of each when there is one."""
    if not snapshot["evaluators"]:
        return (f'<section class="evaluators"><h2>Evaluators</h2><p class="muted">'
                f"{NO_EVALUATORS}</p></section>")
    limits = thresholds(snapshot)
    rows = [[f"{e(f['title'])} <span class=\"muted small\">{e(f['version'])}</span>",
             e(figure(limits.get(f["slug"]))), e(figure(f["mean"])), e(figure(f["stdev"])),
             e(figure(f["min"])), e(figure(f["max"])), str(f["scored"]), str(f["passed"]),
             str(f["failed"]), str(f["skipped"]), str(f["errored"])]
            for f in snapshot["evaluators"]]
    headers = ["Evaluator", "Threshold", "Mean", "Stdev", "Min", "Max", "Scored", "Passed",
               "Failed", "Skipped", "Errored"]
    body = table(headers, rows, css="evaluators", numeric=range(1, 11))
    analyses = (summary or {}).get("evaluators") or {}
    named = titles(snapshot)
    if analyses:
        language = str((summary or {}).get("language") or "en")
        items = "".join(f"<li><strong>{e(named.get(slug, slug))}</strong>: {e(text)}</li>"
                        for slug, text in analyses.items())
        body += (f'<h3>Analysis per evaluator (AI-written)</h3><ul class="analysis" '
                 f'lang="{e(language)}">{items}</ul>')
    return f'<section class="evaluators"><h2>Evaluators</h2>{body}</section>'


def comparison_section(snapshot: Snapshot) -> str:
    """Against the baseline: deltas, regressions, improvements; and flaky cases."""
    comparison = snapshot.get("comparison")
    if not comparison:
        return ""
    parts = ['<section class="comparison major"><h2>Comparison</h2>']
    if comparison.get("baseline"):
        baseline = comparison["baseline"]
        parts.append(f'<p>Baseline: evaluation <span class="id">'
                     f'{e(baseline["evaluation_id"])}</span> of run <span class="id">'
                     f'{e(baseline["run_id"])}</span>.</p>')
        parts.append(table(["Figure", "Change"], [
            ["Overall score", e(delta(comparison["overall_delta"]))],
            ["Pass rate", e(pp(comparison["pass_rate_delta"]))],
            ["Regressions", str(len(comparison["regressions"]))],
            ["Improvements", str(len(comparison["improvements"]))],
        ], css="deltas", numeric=[1]))
        named = titles(snapshot)
        parts.append(table(["Evaluator", "Baseline mean", "Mean", "Change"], [
            [e(named.get(d["slug"], d["slug"])), e(figure(d["before"])), e(figure(d["after"])),
             e(delta(d["delta"]))] for d in comparison["evaluator_deltas"]],
            css="evaluator-deltas", numeric=[1, 2, 3], caption="Mean score per evaluator"))
        parts.append(_changes("Regressions", comparison["regressions"]))
        parts.append(_changes("Improvements", comparison["improvements"]))
    parts.append(_flaky(comparison["flaky"]))
    parts.append("</section>")
    return "".join(parts)


def _verdict(verdict: Mapping[str, Any]) -> str:
    status = "PASSED" if verdict["passed"] else "FAILED"
    return f"{badge(status)} {e(figure(verdict['score']))}"


def _changes(name: str, changes: Sequence[Mapping[str, Any]]) -> str:
    rows = [[e(c["title"]), _verdict(c["before"]), _verdict(c["after"])] for c in changes]
    return (f"<h3>{e(name)} ({len(changes)})</h3>"
            + table(["Case", "Baseline", "This report"], rows, css=name.lower()))


def _flaky(flaky: Sequence[Mapping[str, Any]]) -> str:
    rows = [[e(f["title"]), " ".join(badge("PASSED" if v else "FAILED") for v in f["verdicts"])]
            for f in flaky]
    return (f"<h3>Flaky cases ({len(flaky)})</h3><p class=\"muted small\">Cases whose verdict "
            "changed between the runs of this report, in run order.</p>"
            + table(["Case", "Verdicts"], rows, css="flaky"))


def errors_section(snapshot: Snapshot) -> str:
    rows = [[e(x["title"]), badge(x["status"]), f"<code>{e(x['error_code'])}</code>",
             e(x["error_message"])] for x in snapshot["errors"]]
    return (f'<section class="errors"><h2>Errors and timeouts ({len(rows)})</h2>'
            + table(["Case", "Status", "Code", "Message"], rows, css="errors", tight=[1])
            + "</section>")


def pii_section(snapshot: Snapshot) -> str:
    rows = [[e(a["title"]), str(a["turn"] + 1), e(a["type"]), f"<code>{e(a['masked'])}</code>",
             e(figure(a["score"]))] for a in snapshot["pii_alerts"]]
    return (f'<section class="pii"><h2>PII alerts ({len(rows)})</h2><p class="muted small">'
            "Personal data found in the agent's answers; only masked values are shown.</p>"
            + table(["Case", "Turn", "Type", "Masked value", "Confidence"], rows, css="pii",
                    numeric=[1, 4], tight=[2]) + "</section>")
