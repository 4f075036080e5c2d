"""Reading evaluations, their runs and case results into facts: a fixed number of queries
whatever the number of cases."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from assay.evaluations.models import Evaluation, EvaluationCaseResult
from assay.ids import encode_id
from assay.reports.facts import CaseFacts, EvaluationFacts, EvaluatorChoice
from assay.runs.models import Run, RunCase, RunCaseResult
from assay.testing.models import CaseMode


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def evaluation_facts(evaluation: Evaluation, run: Run) -> EvaluationFacts:
    connection = run.snapshot.get("connection") or {}
    judge = evaluation.judge or {}
    return EvaluationFacts(
        id=encode_id("Evaluation", evaluation.id), run_id=encode_id("Run", run.id),
        run_started_at=_iso(run.started_at), run_finished_at=_iso(run.finished_at),
        connection_name=str(connection.get("name", "")),
        connection_kind=str(connection.get("kind", "")),
        judge={"provider": str(judge["provider"]), "model": str(judge["model"])}
        if judge.get("provider") else {},
        evaluators=[EvaluatorChoice(slug=str(e["slug"]), title=str(e.get("title") or e["slug"]),
                                    version=str(e["version"]),
                                    threshold=float(e["threshold"]),
                                    weight=float(e.get("weight", 1.0)))
                    for e in evaluation.evaluators])


def _suite_names(run: Run) -> dict[str, list[str]]:
    """Test case id (text) -> the names of the run's suites holding it, in plan order."""
    names: dict[str, list[str]] = {}
    for suite in run.snapshot.get("suites") or []:
        for case_id in suite.get("case_ids") or []:
            names.setdefault(str(case_id), []).append(str(suite.get("name", "")))
    return names


def _masked_turns(turns: Sequence[dict[str, Any]],
                  findings: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The turns with the personal data found in their replies replaced by its masked form:
    a report is shown and shared widely, so it never repeats what the PII alerts flag."""
    masked = [dict(turn) for turn in turns]
    for index, turn in enumerate(masked):
        reply = turn.get("reply")
        spans = sorted(((int(f["start"]), int(f["end"]), str(f.get("masked", "")))
                        for f in findings if f.get("turn") == index), reverse=True)
        if not isinstance(reply, str) or not spans:
            continue
        for start, end, text in spans:
            if 0 <= start <= end <= len(reply):
                reply = reply[:start] + text + reply[end:]
        turn["reply"] = reply
    return masked


def _conversation(turns: Sequence[dict[str, Any]]) -> list[dict[str, str]]:
    spoken: list[dict[str, str]] = []
    for turn in turns:
        spoken.append({"role": "user", "content": str(turn.get("message") or "")})
        if turn.get("reply") is not None:
            spoken.append({"role": "agent", "content": str(turn["reply"])})
    return spoken


def _answer(turns: Sequence[dict[str, Any]]) -> str:
    replies = [str(turn["reply"]) for turn in turns if turn.get("reply")]
    return replies[-1] if replies else ""


def _case(evaluation: Evaluation, run: Run, suites: dict[str, list[str]],
          row: EvaluationCaseResult, run_case: RunCase,
          result: RunCaseResult | None) -> CaseFacts:
    findings = list(row.pii_findings or [])
    turns = _masked_turns(result.turns if result is not None else [], findings)
    conversational = run_case.mode == CaseMode.CONVERSATIONAL
    scripted = list(run_case.turns or [])
    return CaseFacts(
        evaluation_id=encode_id("Evaluation", evaluation.id), run_id=encode_id("Run", run.id),
        run_case_id=encode_id("RunCase", run_case.id),
        test_case_id=encode_id("TestCase", run_case.test_case_id), title=run_case.title,
        suites=suites.get(str(run_case.test_case_id), []),
        run_status=str(result.status) if result is not None else "CANCELLED",
        passed=bool(row.passed), score=row.score,
        latencies=[float(t["latency_ms"]) for t in turns if t.get("latency_ms") is not None],
        input=(str(scripted[0]) if scripted else "") if conversational else run_case.input,
        answer=_answer(turns), expected_output=run_case.expected_output,
        turns=_conversation(turns) if conversational else [],
        failed_asserts=[{"type": str(a.get("type", "")), "reason": str(a.get("reason", ""))}
                        for a in (result.asserts if result is not None else [])
                        if not a.get("passed")],
        scores=list(row.scores),
        error_code=result.error_code if result is not None else "",
        error_message=result.error_message if result is not None else "",
        pii_findings=findings,
    )


async def case_facts(evaluations: Sequence[Evaluation],
                     runs: dict[uuid.UUID, Run]) -> list[CaseFacts]:
    """Every scored case of ``evaluations``: in their order, then run position."""
    rows = await EvaluationCaseResult.filter(
        evaluation_id__in=[evaluation.id for evaluation in evaluations])
    run_cases = {rc.id: rc for rc in await RunCase.filter(
        id__in=list({row.run_case_id for row in rows}))}
    results = {r.run_case_id: r for r in await RunCaseResult.filter(
        run_case_id__in=list(run_cases))}
    by_evaluation: dict[uuid.UUID, list[EvaluationCaseResult]] = {}
    for row in rows:
        by_evaluation.setdefault(row.evaluation_id, []).append(row)
    facts: list[CaseFacts] = []
    for evaluation in evaluations:
        run = runs[evaluation.run_id]
        suites = _suite_names(run)
        ordered = sorted(by_evaluation.get(evaluation.id, []),
                         key=lambda row: run_cases[row.run_case_id].position)
        facts += [_case(evaluation, run, suites, row, run_cases[row.run_case_id],
                        results.get(row.run_case_id)) for row in ordered]
    return facts
