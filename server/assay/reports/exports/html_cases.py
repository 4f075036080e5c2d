"""Every failed case of the report in detail: what was asked (the question or the whole
conversation), what the agent answered, what was expected, which asserts failed, and what
each evaluator scored and why. Errors and timeouts are failed cases too and say why."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from assay.reports.exports.html_parts import badge, e, figure, latency, table, titles

Snapshot = Mapping[str, Any]


def failed_cases_section(snapshot: Snapshot) -> str:
    failed = [case for case in snapshot["cases"] if not case["passed"]]
    errors = {error["run_case_id"]: error for error in snapshot["errors"]}
    order = {evaluation["id"]: index + 1
             for index, evaluation in enumerate(snapshot["evaluations"])}
    several = len(order) > 1
    named = titles(snapshot)
    if not failed:
        body = "<p>Every case passed.</p>"
    else:
        body = "".join(case_detail(case, errors.get(case["run_case_id"]), named,
                                   order.get(case["evaluation_id"]) if several else None)
                       for case in failed)
    return (f'<section class="failed major"><h2>Failed cases ({len(failed)})</h2>'
            f"{body}</section>")


def case_detail(case: Mapping[str, Any], error: Mapping[str, Any] | None,
                named: Mapping[str, str], run: int | None) -> str:
    score = f' <span class="muted">score {e(figure(case["score"]))}</span>'
    facts = [f"Suites: {e(', '.join(case['suites']) or 'none')}",
             f"latency {e(latency(case['latency_ms']))}"]
    if run is not None:
        facts.append(f"run {run}")
    facts.append(f'test case <span class="id">{e(case["test_case_id"])}</span>')
    # The heading stays on a page with what was asked (a page never ends on a bare title).
    head = [f'<h3><span>{e(case["title"])}</span> {badge(case["status"])}{score}</h3>'
            f'<div class="facts">{" · ".join(facts)}</div>']
    if error is not None:
        head.append(_block("Why it did not finish", f"<code>{e(error['error_code'])}</code> "
                           f"{e(error['error_message'])}", text=False))
    first, *rest = _exchange(case)
    parts = [f'<article class="case"><div class="keep">{"".join(head)}{first}</div>', *rest]
    if case["expected_output"]:
        parts.append(_block("Expected output", e(case["expected_output"])))
    if case["failed_asserts"]:
        items = "".join(f"<li><code>{e(a['type'])}</code>: {e(a['reason'])}</li>"
                        for a in case["failed_asserts"])
        parts.append(_block("Failed asserts", f'<ul class="asserts">{items}</ul>', text=False))
    if case["evaluators"]:
        parts.append(_block("Evaluators", _verdicts(case["evaluators"], named), text=False))
    parts.append("</article>")
    return "".join(parts)


def _block(label: str, content: str, *, text: bool = True) -> str:
    inner = f'<p class="text">{content}</p>' if text else f"<div>{content}</div>"
    return f'<div class="block"><div class="label">{e(label)}</div>{inner}</div>'


def _exchange(case: Mapping[str, Any]) -> list[str]:
    """The question and the answer, or for a conversation every turn (the answer is its
    last agent turn; shown apart only when it differs): one block each."""
    turns: Sequence[Mapping[str, Any]] = case["turns"]
    answer = case["answer"]
    if not turns:
        return [_block("Input", e(case["input"])),
                _block("Answer", e(answer) if answer else "(no answer)")]
    lines = "".join(
        f'<div class="turn {e(t["role"])}"><div class="who">'
        f'{"Agent" if t["role"] == "agent" else "User"}</div>'
        f'<p class="text">{e(t["content"])}</p></div>' for t in turns)
    parts = [_block(f"Conversation ({len(turns)} turns)", lines, text=False)]
    agent = [t["content"] for t in turns if t["role"] == "agent"]
    if answer and (not agent or agent[-1] != answer):
        parts.append(_block("Answer", e(answer)))
    return parts


def _verdicts(verdicts: Sequence[Mapping[str, Any]], named: Mapping[str, str]) -> str:
    rows = []
    for verdict in verdicts:
        passed = verdict["passed"]
        shown = "" if passed is None else badge("PASSED" if passed else "FAILED")
        why = verdict["explanation"] or verdict["reason"]
        rows.append([e(named.get(verdict["slug"], verdict["slug"])), badge(verdict["status"]),
                     e(figure(verdict["score"])), e(figure(verdict["threshold"])), shown,
                     e(why)])
    return table(["Evaluator", "Status", "Score", "Threshold", "Verdict", "Explanation"], rows,
                 css="verdicts", numeric=[2, 3], tight=[1, 4])
