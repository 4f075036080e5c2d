"""Runs, evaluations and reports written straight through the ORM, with known answers.

The world is a support bot's plan of six cases; :data:`CURRENT` and :data:`BASELINE` are two
evaluated runs of it whose figures are worked out by hand in the tests (and match
``sample_snapshot.json``). ``tests/security/world.py`` calls :func:`write_report_rows`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from assay.connections.models import AgentConnection, ConnectionKind
from assay.db.transactions import tenant_transaction
from assay.evaluations import scoring
from assay.evaluations.models import Evaluation, EvaluationCaseResult, EvaluationStatus
from assay.ids import decode_id, encode_id
from assay.reports.models import Report, ReportSummary
from assay.runs.models import Run, RunCase, RunCaseResult, RunStatus
from assay.testing.models import CaseMode, Plan, PlanStatus, TestCase
from tests.support import Org, make_org

TONE = {"slug": "tone", "title": "Tone", "version": "1.0.0", "threshold": 0.7, "weight": 1.0,
        "uses_judge": True, "prompt_hash": "0" * 64}
RELEVANCE = {"slug": "relevance", "title": "Relevance", "version": "1.0.0", "threshold": 0.7,
             "weight": 1.0, "uses_judge": True, "prompt_hash": "1" * 64}
JUDGE = {"configuration_id": str(uuid.UUID(int=7)), "name": "Default", "provider": "openai",
         "provider_version": "1.0.0", "model": "gpt-4o-mini", "base_url": None,
         "temperature": 0.0, "samples": 1}
SKIP_REASON = "the case has no answer to score: it ended in ERROR"
EMAIL = "jane.doe@example.com"
MASKED_EMAIL = "\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022@\u2022\u2022\u2022\u2022" \
    "\u2022\u2022\u2022.\u2022om"

#: The cases: key -> (title, mode, input or scripted turns, expected output, suites).
CASES: dict[str, tuple[str, CaseMode, Any, str]] = {
    "refund": ("Refund policy for damaged items", CaseMode.SIMPLE,
               "Can I get a refund if my order arrived damaged?",
               "A full refund within 30 days with a photo of the damage."),
    "shipping": ("Shipping to Canada", CaseMode.SIMPLE, "Do you ship to Canada?",
                 "Yes, 5-8 business days."),
    "angry": ("Angry customer asks for a manager", CaseMode.CONVERSATIONAL,
              ["This is the third time my payment failed!",
               "I did. I want to talk to a manager."],
              "Apologises, stays calm and offers to escalate to a human agent."),
    "order": ("Order status by email", CaseMode.SIMPLE, "Where is my order 48213?",
              "Shipped, with the tracking number 1Z999AA10123456784."),
    "password": ("Password reset link", CaseMode.SIMPLE, "How do I reset my password?",
                 "Explains the reset link sent by email."),
    "hours": ("Store opening hours", CaseMode.SIMPLE, "When are you open on Sundays?",
              "10:00 to 16:00 on Sundays."),
}
SUITES = {"Billing": ["refund", "angry"], "Shipping": ["shipping"], "Escalation": ["angry"],
          "Orders": ["order"], "Account": ["password"], "Stores": ["hours"]}


@dataclass(frozen=True)
class Spec:
    """How one case ran and scored. ``scores``: slug -> a score, "SKIPPED" or "ERROR"."""

    key: str
    scores: dict[str, float | str]
    replies: Sequence[str] = ("An answer.",)
    latencies: Sequence[float] = (100.0,)
    status: str = "PASSED"
    failed_asserts: Sequence[tuple[str, str]] = ()
    pii: Sequence[dict[str, Any]] = ()
    error: tuple[str, str] = ("", "")


ORDER_REPLY = f"Order 48213 shipped yesterday; we also emailed {EMAIL} with the tracking link."
CURRENT = [
    Spec("refund", {"tone": 0.9, "relevance": 1.0}, latencies=[820.5],
         replies=["Yes. Send us a photo of the damaged item within 30 days and we refund the "
                  "full price, shipping included."]),
    Spec("shipping", {"tone": 0.8, "relevance": 0.9}, latencies=[1040.0],
         replies=["We do: orders to Canada arrive in 5 to 8 business days."]),
    Spec("angry", {"tone": 0.4, "relevance": 0.8}, latencies=[700.0, 900.0],
         replies=["Sorry to hear that. Could you check that your card details are correct?",
                  "As I said, you need to check your card details."]),
    Spec("order", {"tone": 0.85, "relevance": 0.5}, latencies=[1210.0], status="FAILED",
         replies=[ORDER_REPLY],
         failed_asserts=[("contains", 'the answer does not contain "1Z999AA10123456784"')],
         pii=[{"type": "EMAIL", "turn": 0, "start": ORDER_REPLY.index(EMAIL),
               "end": ORDER_REPLY.index(EMAIL) + len(EMAIL), "score": 0.99,
               "masked": MASKED_EMAIL}]),
    Spec("password", {"tone": "SKIPPED", "relevance": "SKIPPED"}, latencies=[], replies=[],
         status="ERROR",
         error=("HTTP_STATUS", "the agent answered HTTP 502 Bad Gateway after 3 attempts")),
    Spec("hours", {"tone": 1.0, "relevance": 0.95}, latencies=[450.25],
         replies=["On Sundays we are open from 10 am to 4 pm."]),
]
BASELINE = [
    Spec("refund", {"tone": 0.9, "relevance": 0.9}),
    Spec("shipping", {"tone": 0.8, "relevance": 0.9}),
    Spec("angry", {"tone": 0.8, "relevance": 0.8}, replies=["Sorry.", "Let me get a manager."],
         latencies=[100.0, 100.0]),
    Spec("order", {"tone": 0.7, "relevance": 0.5}, status="FAILED",
         failed_asserts=[("contains", "missing")]),
    Spec("password", {"tone": 0.9, "relevance": 0.9}),
    Spec("hours", {"tone": 0.6, "relevance": 0.5}),
]


@dataclass
class ReportWorld:
    org: Org
    plan_id: uuid.UUID
    connection_id: uuid.UUID
    #: Case key -> test case id.
    cases: dict[str, uuid.UUID] = field(default_factory=dict)
    suites: list[dict[str, Any]] = field(default_factory=list)


async def build_world(name: str = "Reports") -> ReportWorld:
    """An organization with the six cases in a READY plan and an HTTP connection."""
    org = await make_org(name)
    async with tenant_transaction(org.id):
        plan = await Plan.create(project_id=org.project_id, name="Support bot regression",
                                 status=PlanStatus.READY)
        connection = await AgentConnection.create(
            project_id=org.project_id, name="Support bot (staging)", kind=ConnectionKind.HTTP,
            concurrency=2)
        world = ReportWorld(org, plan.id, connection.id)
        for key, (title, mode, text, expected) in CASES.items():
            case = await TestCase.create(
                project_id=org.project_id, mode=mode, title=title,
                input=text if mode == CaseMode.SIMPLE else "",
                turns=text if mode == CaseMode.CONVERSATIONAL else [],
                expected_output=expected)
            world.cases[key] = case.id
    world.suites = [{"id": str(uuid.uuid4()), "name": suite,
                     "case_ids": [str(world.cases[key]) for key in keys]}
                    for suite, keys in SUITES.items()]
    return world


def _entries(spec: Spec, evaluators: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    entries = []
    for evaluator in evaluators:
        value = spec.scores[evaluator["slug"]]
        if value == "SKIPPED":
            entries.append(scoring.skipped(evaluator, SKIP_REASON))
        elif value == "ERROR":
            entries.append(scoring.errored(evaluator, "TIMEOUT", "the judge did not answer"))
        else:
            explanation = f"{evaluator['title']} scored {value}."
            entries.append(scoring.scored(evaluator, float(value), explanation, {}))
    return entries


async def _case(world: ReportWorld, run: Run, evaluation: Evaluation, position: int,
                spec: Spec, evaluators: Sequence[dict[str, Any]],
                at: datetime) -> tuple[bool, float | None]:
    title, mode, text, expected = CASES[spec.key]
    scripted = text if mode == CaseMode.CONVERSATIONAL else [text]
    run_case = await RunCase.create(
        project_id=world.org.project_id, run_id=run.id, test_case_id=world.cases[spec.key],
        version=1, position=position, mode=mode, title=title,
        input=text if mode == CaseMode.SIMPLE else "",
        turns=text if mode == CaseMode.CONVERSATIONAL else [], expected_output=expected)
    turns = [{"index": i, "message": scripted[i], "reply": reply, "latency_ms": latency,
              "started_at": at.isoformat(), "attempts": 1, "asserts": []}
             for i, (reply, latency) in enumerate(zip(spec.replies, spec.latencies,
                                                      strict=True))]
    asserts = [{"index": i, "type": kind, "passed": False, "reason": reason}
               for i, (kind, reason) in enumerate(spec.failed_asserts)]
    await RunCaseResult.create(
        project_id=world.org.project_id, run_id=run.id, run_case_id=run_case.id,
        status=spec.status, turns=turns, asserts=asserts, error_code=spec.error[0],
        error_message=spec.error[1], started_at=at, finished_at=at,
        duration_ms=sum(spec.latencies), pii_findings=list(spec.pii), content_hash="0" * 64)
    entries = _entries(spec, evaluators)
    verdict = scoring.case_verdict(entries, asserts_passed=spec.status == "PASSED",
                                   pii_leak=bool(spec.pii))
    await EvaluationCaseResult.create(
        project_id=world.org.project_id, evaluation_id=evaluation.id,
        run_case_id=run_case.id, passed=verdict.passed, score=verdict.score,
        asserts_passed=spec.status == "PASSED", pii_leak=bool(spec.pii),
        pii_findings=list(spec.pii), scores=entries, content_hash="0" * 64)
    return verdict.passed, verdict.score


async def write_evaluated_run(
    world: ReportWorld, specs: Sequence[Spec], *, finished_at: datetime,
    evaluators: Sequence[dict[str, Any]] = (TONE, RELEVANCE),
    status: EvaluationStatus = EvaluationStatus.COMPLETED, plan_id: uuid.UUID | None = None,
    judge: dict[str, Any] | None = None,
) -> tuple[uuid.UUID, uuid.UUID]:
    """A COMPLETED run of ``specs`` (in that order) and its evaluation: (run id,
    evaluation id). The evaluation's figures are the scoring module's own."""
    async with tenant_transaction(world.org.id):
        started = finished_at - timedelta(minutes=4)
        run = await Run.create(
            project_id=world.org.project_id, plan_id=plan_id or world.plan_id,
            connection_id=world.connection_id, status=RunStatus.COMPLETED, total=len(specs),
            snapshot={"plan": {"id": str(world.plan_id), "name": "Support bot regression"},
                      "suites": world.suites, "case_count": len(specs),
                      "connection": {"id": str(world.connection_id),
                                     "name": "Support bot (staging)", "kind": "HTTP",
                                     "config": {}, "concurrency": 2}},
            started_at=started, finished_at=finished_at)
        evaluation = await Evaluation.create(
            project_id=world.org.project_id, run_id=run.id, status=EvaluationStatus.RUNNING,
            evaluators=list(evaluators), judge=JUDGE if judge is None else judge,
            total=len(specs), started_at=started)
        verdicts = [await _case(world, run, evaluation, position, spec, evaluators, started)
                    for position, spec in enumerate(specs)]
        cases = [{"passed": p, "score": s, "scores": []} for p, s in verdicts]
        figures = scoring.totals(list(evaluators), cases, len(specs))
        evaluation.status = status
        evaluation.overall_score = figures.overall_score
        evaluation.pass_rate = figures.pass_rate
        evaluation.passed = sum(1 for p, _ in verdicts if p)
        evaluation.done = len(specs)
        evaluation.finished_at = finished_at + timedelta(minutes=1)
        await evaluation.save()
    return run.id, evaluation.id


async def write_report_rows(*, project_id: uuid.UUID, plan_id: uuid.UUID) -> None:
    """A report (its snapshot a stub) and its summary; call inside tenant_transaction."""
    report = await Report.create(project_id=project_id, plan_id=plan_id, title="Filler",
                                 threshold=0.8, evaluation_ids=[], snapshot={},
                                 content_hash="0" * 64, created_at=datetime.now(UTC))
    await ReportSummary.create(project_id=project_id, report_id=report.id, language="en",
                               text={"paragraphs": ["Filler."]}, model="filler-model")


_CREATE = """mutation($input: CreateReportInput!) { createReport(input: $input) {
  __typename ... on CreateReportSuccess { report { id } } } }"""


async def world_report(gql: Any, world: Any) -> tuple[str, str]:
    """The security world's report of its COMPLETED evaluation, made by its owner, and a
    second COMPLETED evaluation of the same run (a baseline): their global ids."""
    data = await gql.data(_CREATE, {"input": {"evaluationIds": [world.ids["Evaluation"]]}},
                          world.owner)
    result = data["createReport"]
    assert result["__typename"] == "CreateReportSuccess", result
    run = decode_id(world.spare["Run"])
    assert run is not None
    async with tenant_transaction(world.org.id):
        again = await Evaluation.create(project_id=world.org.project_id, run_id=run[1],
                                        status=EvaluationStatus.COMPLETED,
                                        finished_at=datetime.now(UTC))
    return result["report"]["id"], encode_id("Evaluation", again.id)
