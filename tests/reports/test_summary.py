"""The AI summary against the loopback LLM server: the prompt carries placeholders and no
figure, the stored text has the report's real numbers in the language's format, a reply
that writes numbers itself is sent back and finally refused, and a second request is served
from the kept summary without calling the judge."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.organizations.models import Role
from assay.reports.summary import PLACEHOLDER, Template, Unusable, fill, read_reply, stray_numbers
from assay.reports.summary_figures import Figure, material, number, written
from assay.settings import Secret, Settings
from tests.judging.support import configure
from tests.llm_server import Reply, ScriptedLLM
from tests.reports.conftest import Evaluated
from tests.reports.test_html import sample
from tests.support import TEST_KEK, Caller, GraphQLClient, gid, member, owner

SECRET = "sk-summary-secret-5c1e9a7b3d"
NBSP = "\u00a0"
SUMMARISE = """mutation($id: ID!, $language: SummaryLanguage!, $judge: ID) {
  summariseReport(reportId: $id, language: $language, judgeId: $judge) {
    __typename
    ... on SummariseReportSuccess { report { id } summary { language paragraphs model cached
      evaluators { slug title text } } }
    ... on MutationError { code message }
    ... on JudgeFailedError { retryAfter } } }"""
EXPORT = """query($id: ID!, $language: String) { node(id: $id) { ... on Report {
  export(format: HTML, language: $language) } } }"""
TEMPLATE = {
    "paragraphs": [
        "The report does not meet its goal: the pass rate is {{pass_rate}} against a "
        "threshold of {{threshold}}, with an overall score of {{overall_score}}.",
        "Tone is the weakest area (mean {{evaluator.tone.mean}}); {{case.1}} shows a "
        "dismissive reply, and the median answer took {{latency.p50}}.",
        "Since the baseline the pass rate moved by {{comparison.pass_rate_delta}} and the "
        "overall score by {{ comparison.overall_delta }}; {{pii_alerts}} answer leaked "
        "personal data.",
        "Fix the escalation flow first, then stop echoing email addresses.",
    ],
    "evaluators": {"tone": "Mean {{evaluator.tone.mean}}, lowest {{evaluator.tone.min}}.",
                   "relevance": "Mean {{evaluator.relevance.mean}}; "
                                "{{evaluator.relevance.passed}} of "
                                "{{evaluator.relevance.scored}} answers passed."},
}
ENGLISH = {
    "paragraphs": [
        "The report does not meet its goal: the pass rate is 50.0% against a threshold of "
        "80.0%, with an overall score of 0.81.",
        "Tone is the weakest area (mean 0.79); Angry customer asks for a manager shows a "
        f"dismissive reply, and the median answer took 1,040{NBSP}ms.",
        f"Since the baseline the pass rate moved by -16.7{NBSP}percentage points and the "
        "overall score by +0.04; 1 answer leaked personal data.",
        "Fix the escalation flow first, then stop echoing email addresses.",
    ],
    "evaluators": {"tone": "Mean 0.79, lowest 0.40.",
                   "relevance": "Mean 0.83; 4 of 5 answers passed."},
}


def reply(template: dict[str, Any] = TEMPLATE, **changes: Any) -> str:
    return json.dumps({**template, **changes})


@pytest.fixture
async def private_gql(database: dict[str, DatabaseUrl], tmp_path: Path
                      ) -> AsyncIterator[GraphQLClient]:
    """The API of an operator who lets judges reach loopback (the scripted LLM)."""
    settings = Settings(environment="test", data_dir=tmp_path, kek=Secret(TEST_KEK),
                        allow_private_targets=True)
    transport = httpx.ASGITransport(app=create_app(settings, database["app"]))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield GraphQLClient(http)


async def _world(gql: GraphQLClient, evaluated: Evaluated, llm: ScriptedLLM | None
                 ) -> tuple[Caller, str]:
    """The owner, and the report of the current run against the baseline; a default judge
    on the scripted LLM unless ``llm`` is None."""
    report = await evaluated.report()
    caller = await owner(evaluated.world.org)
    if llm is not None:
        await configure(gql, caller, model="summary-model", temperature=0.2,
                        baseUrl=llm.openai_base_url, apiKey=SECRET)
    return caller, gid("Report", report.id)


async def _summarise(gql: GraphQLClient, caller: Caller, report: str, language: str = "EN",
                     judge: str | None = None) -> dict[str, Any]:
    data = await gql.data(SUMMARISE, {"id": report, "language": language, "judge": judge},
                          caller)
    result: dict[str, Any] = data["summariseReport"]
    return result


async def _kept(owner_db: asyncpg.Connection, evaluated: Evaluated) -> list[dict[str, Any]]:
    rows = await owner_db.fetch(
        "SELECT language, text, model FROM report_summaries WHERE organization_id = $1 "
        "ORDER BY created_at", evaluated.world.org.id)
    return [{"language": r["language"], "text": json.loads(r["text"]), "model": r["model"]}
            for r in rows]


async def _events(owner_db: asyncpg.Connection, evaluated: Evaluated) -> list[dict[str, Any]]:
    rows = await owner_db.fetch(
        "SELECT details FROM audit_events WHERE organization_id = $1 AND action = "
        "'report.summarise' ORDER BY seq", evaluated.world.org.id)
    return [json.loads(row["details"]) for row in rows]


async def test_the_prompt_carries_placeholders_and_no_figure(
    private_gql: GraphQLClient, evaluated: Evaluated, scripted_llm: ScriptedLLM
) -> None:
    caller, report = await _world(private_gql, evaluated, scripted_llm)
    scripted_llm.enqueue(reply())

    result = await _summarise(private_gql, caller, report)

    assert result["__typename"] == "SummariseReportSuccess", result
    [seen] = scripted_llm.requests
    assert seen.json is not None
    assert (seen.json["model"], seen.json["temperature"]) == ("summary-model", 0.2)
    assert seen.headers["authorization"] == f"Bearer {SECRET}"
    for placeholder in ("{{pass_rate}}", "{{threshold}}", "{{overall_score}}",
                        "{{evaluator.tone.mean}}", "{{evaluator.relevance.stdev}}",
                        "{{latency.p90}}", "{{comparison.pass_rate_delta}}", "{{case.1}}"):
        assert placeholder in seen.prompt, placeholder
    assert '{{case.1}} = "Angry customer asks for a manager", failed' in seen.prompt
    assert "Write the summary in English" in seen.prompt
    for text in (seen.prompt, seen.system):
        assert re.findall(r"\d", PLACEHOLDER.sub("", text)) == []
    # The report's title ("Week 23"), the order number and the tracking number are left out
    # or masked: the model sees no digit it could copy.
    assert "Week" not in seen.prompt
    assert ('{{case.2}} = "Order status by email", failed: relevance said "Relevance scored '
            '#.#."; failed asserts: contains.') in seen.prompt


async def test_the_kept_summary_has_the_real_numbers(
    private_gql: GraphQLClient, evaluated: Evaluated, scripted_llm: ScriptedLLM,
    owner_db: asyncpg.Connection
) -> None:
    caller, report = await _world(private_gql, evaluated, scripted_llm)
    scripted_llm.enqueue(reply())

    result = await _summarise(private_gql, caller, report)

    assert result == {"__typename": "SummariseReportSuccess", "report": {"id": report},
                      "summary": {"language": "EN", "paragraphs": ENGLISH["paragraphs"],
                                  "model": "summary-model", "cached": False, "evaluators": [
                                      {"slug": "tone", "title": "Tone",
                                       "text": ENGLISH["evaluators"]["tone"]},
                                      {"slug": "relevance", "title": "Relevance",
                                       "text": ENGLISH["evaluators"]["relevance"]}]}}
    [kept] = await _kept(owner_db, evaluated)
    assert kept == {"language": "en", "model": "summary-model", "text": {
        **ENGLISH, "template": {"paragraphs": [" ".join(p.split()) for p in
                                               TEMPLATE["paragraphs"]],
                                "evaluators": TEMPLATE["evaluators"]}}}
    assert await _events(owner_db, evaluated) == [
        {"language": "en", "model": "summary-model", "cached": False}]
    assert SECRET not in json.dumps(kept)


async def test_spanish_numbers_use_the_decimal_comma(
    private_gql: GraphQLClient, evaluated: Evaluated, scripted_llm: ScriptedLLM
) -> None:
    caller, report = await _world(private_gql, evaluated, scripted_llm)
    scripted_llm.enqueue(reply(paragraphs=[
        "El informe no alcanza su objetivo: la tasa de aprobación es {{pass_rate}} frente a "
        "un umbral de {{threshold}}%, con una puntuación global de {{overall_score}}.",
        "La mediana de latencia fue {{latency.p50}} y la más lenta {{latency.max}}.",
        "Respecto a la línea base, la tasa cambió {{comparison.pass_rate_delta}} y la "
        "puntuación {{comparison.overall_delta}}."]))

    result = await _summarise(private_gql, caller, report, "ES")

    assert result["summary"]["language"] == "ES"
    assert result["summary"]["paragraphs"] == [
        f"El informe no alcanza su objetivo: la tasa de aprobación es 50,0{NBSP}% frente a un "
        f"umbral de 80,0{NBSP}%, con una puntuación global de 0,81.",
        f"La mediana de latencia fue 1040{NBSP}ms y la más lenta 1600{NBSP}ms.",
        f"Respecto a la línea base, la tasa cambió -16,7{NBSP}puntos porcentuales y la "
        "puntuación +0,04."]
    assert result["summary"]["evaluators"][0]["text"] == "Mean 0,79, lowest 0,40."
    assert "Write the summary in Spanish" in scripted_llm.requests[0].prompt


async def test_a_reply_that_writes_numbers_is_sent_back_and_repaired(
    private_gql: GraphQLClient, evaluated: Evaluated, scripted_llm: ScriptedLLM,
    owner_db: asyncpg.Connection
) -> None:
    caller, report = await _world(private_gql, evaluated, scripted_llm)
    wrong = reply(paragraphs=["Only 50% of the cases passed.", *TEMPLATE["paragraphs"][1:]])
    scripted_llm.enqueue(wrong, reply())

    result = await _summarise(private_gql, caller, report)

    assert result["summary"]["paragraphs"] == ENGLISH["paragraphs"]
    _, second = scripted_llm.requests
    assert [m["role"] for m in second.messages] == ["system", "user", "assistant", "user"]
    assert second.messages[2]["content"] == wrong
    assert second.prompt.startswith('That reply cannot be used: a paragraph writes numbers '
                                    'itself ("50%"): write every figure as its placeholder.')
    assert [k["text"]["paragraphs"] for k in await _kept(owner_db, evaluated)] == [
        ENGLISH["paragraphs"]]


async def test_a_judge_that_keeps_writing_numbers_is_refused(
    private_gql: GraphQLClient, evaluated: Evaluated, scripted_llm: ScriptedLLM,
    owner_db: asyncpg.Connection
) -> None:
    caller, report = await _world(private_gql, evaluated, scripted_llm)
    unknown = reply(evaluators={"tone": "Fine {{evaluator.empathy.mean}}.",
                                "relevance": "Good."})
    scripted_llm.enqueue(reply(paragraphs=["Only two."]),
                         reply(paragraphs=["10 cases failed.", "Badly.", "Sadly."]), unknown)

    result = await _summarise(private_gql, caller, report)

    assert result["__typename"] == "JudgeFailedError"
    assert result["code"] == "MALFORMED"
    assert result["message"] == (
        "the judge's model 'summary-model' wrote no usable summary in 3 replies (the last: an "
        "evaluator analysis uses placeholders that do not exist: {{evaluator.empathy.mean}}): "
        "ask again, or choose a model that follows JSON instructions (updateJudge)")
    follow_ups = [r.prompt for r in scripted_llm.requests[1:]]
    assert follow_ups[0].startswith('That reply cannot be used: "paragraphs" must hold three '
                                    "to five paragraphs, not 1.")
    assert follow_ups[1].startswith('That reply cannot be used: a paragraph writes numbers '
                                    'itself ("10"): write every figure as its placeholder.')
    assert len(scripted_llm.requests) == 3
    assert await _kept(owner_db, evaluated) == []
    assert await _events(owner_db, evaluated) == []


async def test_a_second_request_is_served_without_the_judge(
    private_gql: GraphQLClient, evaluated: Evaluated, scripted_llm: ScriptedLLM,
    owner_db: asyncpg.Connection
) -> None:
    caller, report = await _world(private_gql, evaluated, scripted_llm)
    scripted_llm.enqueue(reply())
    first = await _summarise(private_gql, caller, report)

    second = await _summarise(private_gql, caller, report)

    assert len(scripted_llm.requests) == 1
    assert second["summary"] == {**first["summary"], "cached": True}
    assert len(await _kept(owner_db, evaluated)) == 1
    assert await _events(owner_db, evaluated) == [
        {"language": "en", "model": "summary-model", "cached": False},
        {"language": "en", "model": "summary-model", "cached": True}]
    html = (await private_gql.data(EXPORT, {"id": report, "language": "en"}, caller)
            )["node"]["export"]
    assert "<p>The report does not meet its goal: the pass rate is 50.0% against a threshold " \
           "of 80.0%, with an overall score of 0.81.</p>" in html
    assert "<li><strong>Relevance</strong>: Mean 0.83; 4 of 5 answers passed.</li>" in html


async def test_two_concurrent_requests_keep_one_summary(
    private_gql: GraphQLClient, evaluated: Evaluated, scripted_llm: ScriptedLLM,
    owner_db: asyncpg.Connection
) -> None:
    caller, report = await _world(private_gql, evaluated, scripted_llm)
    other = [*TEMPLATE["paragraphs"][:3], "Another closing paragraph."]
    # The first answer is slow: the second request finds no kept summary either, asks too,
    # and stores its own first.
    scripted_llm.enqueue(Reply(text=reply(), delay=1.0), reply(paragraphs=other))

    first, second = await asyncio.gather(_summarise(private_gql, caller, report),
                                         _summarise(private_gql, caller, report))

    assert len(scripted_llm.requests) == 2
    [kept] = await _kept(owner_db, evaluated)
    assert first["summary"]["paragraphs"] == second["summary"]["paragraphs"] == \
        kept["text"]["paragraphs"] == [*ENGLISH["paragraphs"][:3], "Another closing paragraph."]
    assert sorted([first["summary"]["cached"], second["summary"]["cached"]]) == [False, True]
    assert [e["cached"] for e in await _events(owner_db, evaluated)] == [False, True]


async def test_without_a_judge_the_error_says_how_to_configure_one(
    private_gql: GraphQLClient, evaluated: Evaluated, owner_db: asyncpg.Connection
) -> None:
    caller, report = await _world(private_gql, evaluated, None)

    result = await _summarise(private_gql, caller, report)

    assert result == {
        "__typename": "ConflictError", "code": "JUDGE_NOT_CONFIGURED",
        "message": "an AI summary is written by the organization's judge (an LLM), and this "
                   "organization has none: configure one with the configureJudge mutation "
                   "(provider, model, API key), then ask again"}
    assert await _kept(owner_db, evaluated) == []
    assert await _events(owner_db, evaluated) == []


async def test_judge_failures_are_typed_and_never_show_the_key(
    private_gql: GraphQLClient, evaluated: Evaluated, owner_db: asyncpg.Connection
) -> None:
    async with ScriptedLLM(api_key="the-right-key-0123456789") as llm:
        caller, report = await _world(private_gql, evaluated, llm)

        result = await _summarise(private_gql, caller, report)

        assert len(llm.requests) == 1
    assert (result["__typename"], result["code"], result["retryAfter"]) == (
        "JudgeFailedError", "AUTHENTICATION", None)
    assert result["message"]
    assert SECRET not in json.dumps(result)
    assert await _kept(owner_db, evaluated) == []


async def test_a_rate_limit_is_waited_out(
    private_gql: GraphQLClient, evaluated: Evaluated, scripted_llm: ScriptedLLM
) -> None:
    caller, report = await _world(private_gql, evaluated, scripted_llm)
    scripted_llm.enqueue(Reply(text="slow down", status=429, retry_after=0), reply())

    result = await _summarise(private_gql, caller, report)

    assert result["summary"]["paragraphs"] == ENGLISH["paragraphs"]
    assert len(scripted_llm.requests) == 2


async def test_a_named_judge_writes_it_and_an_unknown_one_is_not_found(
    private_gql: GraphQLClient, evaluated: Evaluated, scripted_llm: ScriptedLLM
) -> None:
    caller, report = await _world(private_gql, evaluated, scripted_llm)
    other = await configure(private_gql, caller, name="Second", model="other-model",
                            baseUrl=scripted_llm.openai_base_url, isDefault=False)
    scripted_llm.enqueue(reply())

    result = await _summarise(private_gql, caller, report, "ES", judge=other["id"])
    missing = await _summarise(private_gql, caller, report, judge=gid("Judge", evaluated.current))

    assert result["summary"]["model"] == "other-model"
    assert scripted_llm.requests[0].json is not None
    assert scripted_llm.requests[0].json["model"] == "other-model"
    assert (missing["__typename"], missing["code"]) == ("NotFoundError", "NOT_FOUND")


async def test_a_viewer_cannot_summarise(
    private_gql: GraphQLClient, evaluated: Evaluated, scripted_llm: ScriptedLLM,
    owner_db: asyncpg.Connection
) -> None:
    _, report = await _world(private_gql, evaluated, scripted_llm)
    viewer = await member(evaluated.world.org, Role.VIEWER)

    body = await private_gql.post(SUMMARISE, {"id": report, "language": "EN"}, viewer)

    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert scripted_llm.requests == []
    assert await _kept(owner_db, evaluated) == []


# -- the parts, without a server ----------------------------------------------------------------


def test_values_are_written_in_each_language() -> None:
    cases = [(Figure(0.8123, "score"), "0.81", "0,81"),
             (Figure(0.85, "percent"), "85.0%", f"85,0{NBSP}%"),
             (Figure(12345, "count"), "12,345", f"12{NBSP}345"),
             (Figure(1040.4, "ms"), f"1,040{NBSP}ms", f"1040{NBSP}ms"),
             (Figure(0.0433, "delta"), "+0.04", "+0,04"),
             (Figure(-0.001, "delta"), "0.00", "0,00"),
             (Figure(-0.1667, "points"), f"-16.7{NBSP}percentage points",
              f"-16,7{NBSP}puntos porcentuales")]
    assert [(written(f, "en"), written(f, "es")) for f, _, _ in cases] == [
        (en, es) for _, en, es in cases]
    assert number(-0.004, 2, "es") == "0,00"


def test_stray_numbers_are_found_outside_placeholders_only() -> None:
    assert stray_numbers("{{evaluator.tone.mean}} and {{case.12}} are fine") == []
    assert stray_numbers("It rose 5% in Q3, with {{pass_rate}}") == ['"5%"', '"Q3,"']
    assert stray_numbers("Dos de tres: ٣ fallaron") == ['"٣"']


def test_a_reply_must_have_three_to_five_paragraphs_and_every_evaluator() -> None:
    facts = material(sample())
    with pytest.raises(Unusable, match=r'"evaluators" has no analysis for: relevance'):
        read_reply(reply(evaluators={"tone": "Fine."}), facts)
    with pytest.raises(Unusable, match="must hold three to five paragraphs, not 6"):
        read_reply(reply(paragraphs=["A."] * 6), facts)
    with pytest.raises(Unusable, match="the reply holds no JSON object"):
        read_reply("I think the agent is fine.", facts)
    fenced = "Here it is:\n```json\n" + reply(paragraphs=["A {{pass_rate}} %.", "B.", "C."]) \
        + "\n```"
    template = read_reply(fenced, facts)
    assert template.paragraphs == ["A {{pass_rate}}.", "B.", "C."]
    assert fill(template, facts, "es")["paragraphs"][0] == f"A 50,0{NBSP}%."


def test_case_placeholders_insert_the_real_title() -> None:
    facts = material(sample())
    filled = fill(Template(["See {{case.2}}."], {}), facts, "en")
    assert filled == {"paragraphs": ["See Order status by email."], "evaluators": {}}
    assert facts.names == {"case.1": "Angry customer asks for a manager",
                           "case.2": "Order status by email", "case.3": "Password reset link"}
