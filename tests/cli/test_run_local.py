"""`assay run FILE` as a process, against loopback agents and the test database."""

from __future__ import annotations

import asyncio
import json
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from assay.db.config import DatabaseUrl
from tests.connectors.agents import Agent, serving
from tests.runner.cli import (
    TOKEN,
    assay_run,
    by_title,
    duration,
    elapsed,
    http_connection,
    read_json,
    run_env,
    write_plan,
)
from tests.server_process import REPO

PASSING = """\
name: Smoke
concurrency: 1
{connection}
cases:
  - id: refund-window
    input: How long do refunds take?
    expected_output: Thirty days.
    asserts:
      - {{type: contains, value: refunds take}}
      - {{type: max_length, max: 200}}
  - id: refund-chat
    turns: [Hi, I want a refund]
    asserts:
      - {{type: contains, value: refund}}
      - {{type: min_length, min: 8}}
"""
FAILING = """\
name: Greetings
{connection}
cases:
  - id: greeting
    input: Say hello
    asserts:
      - {{type: equals, value: Hello!}}
      - {{type: max_length, max: 100}}
      - {{type: regex, pattern: "^Hello"}}
  - id: echo
    input: ping
    asserts:
      - {{type: contains, value: ping}}
"""
EQUALS_REASON = ("expected the answer to equal 'Hello!' (case-insensitive, ignoring surrounding "
                 "whitespace); it is 'echo: Say hello'")
REGEX_REASON = "expected the answer to match the regex '^Hello' (case-insensitive); it does not"


@pytest.fixture
async def agent() -> AsyncIterator[Agent]:
    async with serving() as running:
        yield running


@pytest.fixture
def env(database: dict[str, DatabaseUrl], job_queue: str, tmp_path: Path) -> dict[str, str]:
    return run_env(database, tmp_path / "data", job_queue)


def bodies(agent: Agent) -> list[str]:
    return sorted(received.body for received in agent.received)


async def test_a_file_whose_cases_all_pass_exits_0(agent: Agent, env: dict[str, str],
                                                   tmp_path: Path) -> None:
    plan = write_plan(tmp_path, "smoke.yaml", PASSING.format(connection=http_connection(agent)))

    done = await assay_run(str(plan), "--allow-private-targets", "--json",
                           str(tmp_path / "run.json"), env=env)

    assert done.returncode == 0, done.stderr
    document = read_json(tmp_path / "run.json")
    results = by_title(document)
    assert done.stdout == (
        "CASE           STATUS     DURATION  FAILED ASSERTS / ERROR\n"
        f"refund-window  PASSED     {duration(results['refund-window']['duration_ms']):>8}\n"
        f"refund-chat    PASSED     {duration(results['refund-chat']['duration_ms']):>8}\n"
        "\n"
        "2 cases: 2 passed, 0 failed, 0 errors, 0 timed out, 0 cancelled. Run COMPLETED in "
        f"{elapsed(document['run'])}.\n")
    lines = done.stderr.splitlines()
    assert lines[0] == f"run {document['run']['id']} of 'Smoke' (on this machine): 2 cases"
    assert sorted(lines[1:]) == sorted([
        f"[{i}/2] PASSED    {title} ({duration(results[title]['duration_ms'])})"
        for i, title in ((1, "refund-window"), (2, "refund-chat"))])
    assert document["run"]["counts"] == {"total": 2, "passed": 2, "failed": 0, "errored": 0,
                                         "timed_out": 0, "cancelled": 0, "pending": 0}
    assert [(r["position"], r["mode"], r["test_case"]["version"]) for r in
            document["results"]] == [(0, "SIMPLE", 1), (1, "CONVERSATIONAL", 1)]
    assert [[turn["reply"] for turn in r["turns"]] for r in document["results"]] == [
        ["echo: How long do refunds take?"], ["echo: Hi", "echo: I want a refund"]]
    assert bodies(agent) == sorted([
        '{"messages": [{"role": "user", "content": "How long do refunds take?"}]}',
        '{"messages": [{"role": "user", "content": "Hi"}]}',
        '{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": '
        '"echo: Hi"}, {"role": "user", "content": "I want a refund"}]}'])
    assert {r.headers["authorization"] for r in agent.received} == {f"Bearer {TOKEN}"}
    assert TOKEN not in (tmp_path / "run.json").read_text() + done.stdout + done.stderr


async def test_a_failing_assert_exits_1_with_exact_reports(agent: Agent, env: dict[str, str],
                                                           tmp_path: Path) -> None:
    plan = write_plan(tmp_path, "greetings.yaml",
                      FAILING.format(connection=http_connection(agent)))
    junit, report = tmp_path / "junit.xml", tmp_path / "run.json"

    done = await assay_run(str(plan), "--allow-private-targets", "--junit", str(junit),
                           "--json", str(report), env=env)

    assert done.returncode == 1, done.stderr
    document = read_json(report)
    run, results = document["run"], by_title(document)
    greeting, echo = results["greeting"], results["echo"]
    assert done.stdout == (
        "CASE      STATUS     DURATION  FAILED ASSERTS / ERROR\n"
        f"greeting  FAILED     {duration(greeting['duration_ms']):>8}  [0] equals: "
        f"{EQUALS_REASON}\n"
        f"                               [2] regex: {REGEX_REASON}\n"
        f"echo      PASSED     {duration(echo['duration_ms']):>8}\n"
        "\n"
        "2 cases: 1 passed, 1 failed, 0 errors, 0 timed out, 0 cancelled. Run COMPLETED in "
        f"{elapsed(run)}.\n")
    assert greeting["status"] == "FAILED"
    assert greeting["error"] is None
    assert [(v["index"], v["type"], v["passed"], v["turn"]) for v in greeting["asserts"]] == [
        (0, "equals", False, 0), (1, "max_length", True, 0), (2, "regex", False, 0)]
    total = greeting["duration_ms"] + echo["duration_ms"]
    assert junit.read_text() == f"""\
<?xml version='1.0' encoding='utf-8'?>
<testsuites name="assay" tests="2" failures="1" errors="0" skipped="0" time="{total / 1000:.3f}">
  <testsuite name="Greetings" tests="2" failures="1" errors="0" skipped="0" \
time="{total / 1000:.3f}" timestamp="{run['created_at'][:19]}">
    <properties>
      <property name="assay.run.id" value="{run['id']}" />
      <property name="assay.run.status" value="COMPLETED" />
      <property name="assay.plan.id" value="{run['plan']['id']}" />
      <property name="assay.connection.name" value="HTTP agent" />
      <property name="assay.connection.kind" value="HTTP" />
    </properties>
    <testcase name="greeting" classname="Greetings" time="{greeting['duration_ms'] / 1000:.3f}">
      <failure type="FAILED" message="2 of 3 asserts failed">[0] equals: {EQUALS_REASON}
[2] regex: {REGEX_REASON}</failure>
      <system-out>user: Say hello
agent ({greeting['turns'][0]['latency_ms']:.0f} ms): echo: Say hello</system-out>
    </testcase>
    <testcase name="echo" classname="Greetings" time="{echo['duration_ms'] / 1000:.3f}">
      <system-out>user: ping
agent ({echo['turns'][0]['latency_ms']:.0f} ms): echo: ping</system-out>
    </testcase>
  </testsuite>
</testsuites>"""


async def test_an_agent_error_exits_1(agent: Agent, env: dict[str, str],
                                      tmp_path: Path) -> None:
    plan = write_plan(tmp_path, "broken.yaml", FAILING.format(
        connection=http_connection(agent, "/status/404")))

    done = await assay_run(str(plan), "--allow-private-targets", "--json",
                           str(tmp_path / "run.json"), env=env)

    assert done.returncode == 1, done.stderr
    results = by_title(read_json(tmp_path / "run.json"))
    assert {title: (r["status"], r["error"]["code"]) for title, r in results.items()} == {
        "greeting": ("ERROR", "HTTP_STATUS"), "echo": ("ERROR", "HTTP_STATUS")}
    assert done.stdout.splitlines()[1] == (
        f"greeting  ERROR      {duration(results['greeting']['duration_ms']):>8}  "
        f"HTTP_STATUS: {results['greeting']['error']['message']}")
    assert done.stdout.splitlines()[-1].startswith(
        "2 cases: 0 passed, 0 failed, 2 errors, 0 timed out, 0 cancelled. Run FAILED in ")


async def test_running_the_file_again_versions_changed_cases_only(
        agent: Agent, env: dict[str, str], tmp_path: Path) -> None:
    connection = http_connection(agent)
    plan = write_plan(tmp_path, "smoke.yaml", PASSING.format(connection=connection))
    first = await assay_run(str(plan), "--allow-private-targets", "--json",
                            str(tmp_path / "first.json"), env=env)
    changed = PASSING.replace("- {{type: max_length, max: 200}}",
                              "- {{type: max_length, max: 300}}")
    changed = changed.split("  - id: refund-chat")[0] + (
        "  - id: new-case\n    input: Anything new?\n")
    write_plan(tmp_path, "smoke.yaml", changed.format(connection=connection))

    second = await assay_run(str(plan), "--allow-private-targets", "--json",
                             str(tmp_path / "second.json"), env=env)

    assert (first.returncode, second.returncode) == (0, 0), second.stderr
    before, after = by_title(read_json(tmp_path / "first.json")), by_title(
        read_json(tmp_path / "second.json"))
    assert sorted(after) == ["new-case", "refund-window"]
    assert after["refund-window"]["test_case"]["id"] == before["refund-window"]["test_case"]["id"]
    assert [after["refund-window"]["test_case"]["version"],
            after["new-case"]["test_case"]["version"]] == [2, 1]
    assert after["refund-window"]["asserts"][1]["reason"] == (
        "expected the answer to be at most 300 characters long; it is 31 characters long")
    runs = [read_json(tmp_path / name)["run"] for name in ("first.json", "second.json")]
    assert runs[0]["plan"] == runs[1]["plan"]
    assert runs[0]["id"] != runs[1]["id"]


@pytest.mark.parametrize(("body", "problem"), [
    ("cases:\n  - {id: a, input: q, asserts: [{type: containz, value: x}]}\n",
     "plan.yaml:{line}: cases[0].asserts[0].type: 'containz' is not an assert type: use one "
     "of contains, not_contains, equals, regex, json_schema, json_path, response_time_ms, "
     "max_length, min_length, language, pii_leak (did you mean 'contains'?)"),
    ("cases:\n  - {id: a, input: q, turns: [hi]}\n",
     "plan.yaml:{line}: cases[0]: has both input and turns: give input for a single message, "
     "or turns for a conversation, not both"),
])
async def test_a_bad_case_exits_2(body: str, problem: str, agent: Agent, env: dict[str, str],
                                  tmp_path: Path) -> None:
    connection = http_connection(agent)
    plan = write_plan(tmp_path, "plan.yaml", connection + body)

    done = await assay_run(str(plan), env=env)

    assert (done.returncode, done.stdout) == (2, "")
    line = connection.count("\n") + 2
    assert done.stderr == ("assay run: plan.yaml has 1 problem; fix the file and run again:\n"
                           f"  {problem.format(line=line)}\n")
    assert agent.received == []


async def test_a_missing_environment_variable_and_bad_yaml_exit_2(
        agent: Agent, env: dict[str, str], tmp_path: Path) -> None:
    plan = write_plan(tmp_path, "plan.yaml", http_connection(agent).replace(
        "AGENT_TOKEN", "UNSET_AGENT_TOKEN") + "cases:\n  - {id: a, input: q}\n")
    broken = write_plan(tmp_path, "broken.yaml", "cases:\n  - id: a\n   input: q\n")

    missing = await assay_run(str(plan), env=env)
    unreadable = await assay_run(str(broken), env=env)

    assert (missing.returncode, missing.stdout) == (2, "")
    assert missing.stderr == (
        "assay run: plan.yaml has 1 problem; fix the file and run again:\n"
        "  plan.yaml:10: connection.credentials.auth.env: the environment variable "
        "UNSET_AGENT_TOKEN is not set (it holds the credential 'auth'): export it, then run "
        "again\n")
    assert (unreadable.returncode, unreadable.stdout) == (2, "")
    assert unreadable.stderr == (
        "assay run: broken.yaml has 1 problem; fix the file and run again:\n"
        "  broken.yaml:3: the YAML is malformed at line 3, column 4: while parsing a block "
        "collection, expected <block end>, but found '<block mapping start>'\n")


async def test_a_loopback_agent_needs_allow_private_targets(
        agent: Agent, env: dict[str, str], tmp_path: Path) -> None:
    plan = write_plan(tmp_path, "smoke.yaml", PASSING.format(connection=http_connection(agent)))

    done = await assay_run(str(plan), env=env)

    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "assay run: refused to connect to 127.0.0.1: it is a loopback address. Assay does not "
        "reach loopback, private, link-local or metadata addresses; an operator who trusts "
        "this target can set ASSAY_ALLOW_PRIVATE_TARGETS=true; for a plan file run on this "
        "machine, pass --allow-private-targets to allow it for this run only\n")
    assert agent.received == []


async def test_ctrl_c_cancels_the_run_and_exits_130(agent: Agent, env: dict[str, str],
                                                    tmp_path: Path) -> None:
    plan = write_plan(tmp_path, "slow.yaml", PASSING.format(
        connection=http_connection(agent, "/slow", timeout=30)))
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "assay.cli", "run", str(plan), "--allow-private-targets",
        "--json", str(tmp_path / "run.json"), "--junit", str(tmp_path / "junit.xml"),
        env=env, cwd=REPO, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    for _ in range(600):
        if agent.received:
            break
        await asyncio.sleep(0.05)

    process.send_signal(signal.SIGINT)
    stdout, stderr = await asyncio.wait_for(process.communicate(), 60)

    assert process.returncode == 130, stderr.decode()
    document: dict[str, Any] = json.loads((tmp_path / "run.json").read_text())
    assert document["run"]["status"] == "CANCELLED"
    assert document["run"]["counts"] == {"total": 2, "passed": 0, "failed": 0, "errored": 0,
                                         "timed_out": 0, "cancelled": 2, "pending": 0}
    assert [(r["status"], r["error"]["code"]) for r in document["results"]] == [
        ("CANCELLED", "CANCELLED"), ("CANCELLED", "CANCELLED")]
    assert len(agent.received) == 1
    assert stderr.decode().splitlines()[1] == (
        "assay run: SIGINT received: cancelling the run (press Ctrl-C again to quit at once)")
    assert stdout.decode().splitlines()[-1].startswith(
        "2 cases: 0 passed, 0 failed, 0 errors, 0 timed out, 2 cancelled. Run CANCELLED in ")
    assert '<skipped message="the run was cancelled before this case ran" />' in (
        tmp_path / "junit.xml").read_text()


async def test_arguments_that_do_not_make_a_run_exit_2(env: dict[str, str],
                                                        tmp_path: Path) -> None:
    nothing = await assay_run(env=env)
    mixed = await assay_run(str(tmp_path / "plan.yaml"), "--plan", "p", "--api-key", "k",
                            env=env)

    assert [(r.returncode, r.stdout) for r in (nothing, mixed)] == [(2, ""), (2, "")]
    assert nothing.stderr == ("assay run: give a plan FILE to run here, or --server URL with "
                              "--plan and --connection (see assay run --help)\n")
    assert mixed.stderr == ("assay run: --api-key, --plan apply to a run on a server: add "
                            "--server URL, or leave them out to run the plan FILE here\n")


async def test_an_html_report_of_asserts_and_pii_is_written_and_the_exit_code_stays(
        agent: Agent, env: dict[str, str], tmp_path: Path) -> None:
    plan = write_plan(tmp_path, "greetings.yaml",
                      FAILING.format(connection=http_connection(agent)))
    out = tmp_path / "reports" / "greetings.html"
    out.parent.mkdir()

    done = await assay_run(str(plan), "--allow-private-targets", "--html-report", str(out),
                           "--json", str(tmp_path / "run.json"), env=env)

    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines()[-1] == f"assay run: HTML report written to {out}"
    assert sorted(path.name for path in out.parent.iterdir()) == ["greetings.html"]
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>\n")
    assert "<h1>Greetings: " in page  # the report's title: the plan's name and the date
    assert "<dt>Plan</dt><dd>Greetings</dd>" in page
    assert ('<span class="word">FAIL</span><span class="why">Pass rate 50.0% is below the '
            "threshold of 100.0%.</span>") in page
    assert "Failed cases (1)" in page
    assert page.count("<h3><span>greeting</span>") == 1
    assert "<h3><span>echo</span>" not in page
    assert EQUALS_REASON.replace("'", "&#x27;") in page
    assert "No evaluator scored these runs" in page
    run_id = read_json(tmp_path / "run.json")["run"]["id"]
    assert run_id in page


async def test_report_options_that_do_not_make_a_report_exit_2(env: dict[str, str],
                                                                tmp_path: Path) -> None:
    plan = str(tmp_path / "plan.yaml")
    alone = await assay_run(plan, "--report-threshold", "0.5", env=env)
    above = await assay_run(plan, "--html-report", str(tmp_path / "r.html"),
                            "--report-threshold", "1.5", env=env)
    remote = await assay_run("--server", "https://assay.example.com", "--html-report",
                             str(tmp_path / "r.html"), env=env)
    nowhere = await assay_run(plan, "--html-report", str(tmp_path / "no" / "r.html"),
                              env=env)

    assert [(r.returncode, r.stdout) for r in (alone, above, remote, nowhere)] == [
        (2, "")] * 4
    assert alone.stderr == ("assay run: --report-threshold applies to the --html-report "
                            "FILE: add --html-report, or leave it out\n")
    assert above.stderr == ("assay run: --report-threshold: give the pass rate the report "
                            "must reach, from 0 to 1 (e.g. 0.8 for 80%)\n")
    assert remote.stderr == ("assay run: --html-report applies to local plan files; for a "
                             "server's run, use assay report --run ID --format html\n")
    assert nowhere.stderr == (f"assay run: --html-report {tmp_path / 'no' / 'r.html'}: the "
                              f"folder {tmp_path / 'no'} does not exist: create it or choose "
                              "another path\n")
