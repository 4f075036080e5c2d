"""`assay calibrate` as an operator runs it: a separate process, a judge on loopback, the
report stored in the test database. The scripted judge's figures test the pipeline only."""

from __future__ import annotations

import asyncio
import json
import subprocess
import uuid
from pathlib import Path
from typing import Any

import asyncpg

from assay.db.config import DatabaseUrl
from assay.plugins.registry import evaluators
from tests.judging.support import labelled
from tests.llm_server import ScriptedLLM
from tests.server_process import environment, run_assay

KEY = "sk-calibration-key-2c4e6a8b0d"


async def calibrate(*args: str, database: dict[str, DatabaseUrl], data_dir: Path,
                    **env: str) -> subprocess.CompletedProcess[str]:
    """Runs in a thread: the loopback server answers from this test's event loop."""
    variables = environment(database, data_dir, **env)
    for name, value in env.items():
        if value == "":
            variables.pop(name)
    return await asyncio.to_thread(run_assay, "calibrate", *args, env=variables)


def _model() -> str:
    return f"scripted-{uuid.uuid4().hex[:8]}"


async def _reports(owner_db: asyncpg.Connection, model: str) -> list[dict[str, Any]]:
    rows = await owner_db.fetch("SELECT * FROM calibration_reports WHERE model = $1 "
                                "ORDER BY created_at", model)
    return [dict(row) for row in rows]


async def test_a_judge_that_answers_the_labels_passes_and_the_report_is_stored(
    scripted_llm: ScriptedLLM, database: dict[str, DatabaseUrl], tmp_path: Path,
    owner_db: asyncpg.Connection
) -> None:
    cases = evaluators().get("relevance").calibration_cases()
    scripted_llm.respond_with(labelled(cases))
    model = _model()

    done = await calibrate("relevance", "--judge", "openai", "--model", model, "--base-url",
                           scripted_llm.openai_base_url, "--json", database=database,
                           data_dir=tmp_path, OPENAI_API_KEY=KEY,
                           ASSAY_ALLOW_PRIVATE_TARGETS="true")

    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    stored = await _reports(owner_db, model)
    assert [(p["report_id"], p["evaluator"], p["cases"], p["errors"], p["mean_abs_error"],
             p["rank_correlation"], p["pass_agreement"], p["within_margin"], p["judge_calls"])
            for p in printed] == [(str(stored[0]["id"]), "relevance", len(cases), 0, 0.0, 1.0,
                                   1.0, True, len(cases))]
    assert [(r["evaluator"], r["evaluator_version"], r["judge"], r["cases"],
             r["mean_abs_error"], r["within_margin"], r["input_tokens"], r["output_tokens"])
            for r in stored] == [("relevance", "1.0.0", "openai", len(cases), 0.0, True,
                                  10 * len(cases), 5 * len(cases))]
    assert len(scripted_llm.requests) == len(cases)
    assert {seen.headers["authorization"] for seen in scripted_llm.requests} == {
        f"Bearer {KEY}"}
    assert KEY not in done.stdout + done.stderr


async def test_a_judge_outside_the_margin_exits_one_with_the_worst_cases(
    scripted_llm: ScriptedLLM, database: dict[str, DatabaseUrl], tmp_path: Path,
    owner_db: asyncpg.Connection
) -> None:
    relevance = evaluators().get("relevance")
    cases = relevance.calibration_cases()
    scripted_llm.respond_with(labelled(cases, score=lambda case: 1.0))
    model = _model()

    done = await calibrate("relevance", "--judge", "openai", "--model", model, "--base-url",
                           scripted_llm.openai_base_url, "--api-key-env", "MY_JUDGE_KEY",
                           database=database, data_dir=tmp_path, MY_JUDGE_KEY=KEY,
                           ASSAY_ALLOW_PRIVATE_TARGETS="true")

    assert done.returncode == 1, done.stderr
    stored = await _reports(owner_db, model)
    error = round(sum(1.0 - c.expected_score for c in cases) / len(cases), 6)
    assert [(r["mean_abs_error"], r["rank_correlation"], r["within_margin"])
            for r in stored] == [(error, None, False)]
    lines = done.stdout.splitlines()
    assert lines[:8] == [
        f"relevance 1.0.0 with openai {model}",
        f"  cases              {len(cases)} (0 could not be scored)",
        f"  mean abs error     {error:.3f}  (margin: at most 0.150)",
        "  rank correlation   undefined",
        f"  pass agreement     {stored[0]['pass_agreement']:.3f}  (margin: at least 0.850)",
        f"  within tolerance   {stored[0]['within_tolerance']:.3f}",
        "  within margin      no",
        "  worst 5 deviations:",
    ]
    worst = sorted(cases, key=lambda c: (c.expected_score, c.id))[:5]
    assert [line.split()[0] for line in lines[8:13]] == [c.id for c in worst]
    assert lines[13] == f"  report {stored[0]['id']}"


async def test_a_loopback_judge_needs_the_operators_permission(
    scripted_llm: ScriptedLLM, database: dict[str, DatabaseUrl], tmp_path: Path,
    owner_db: asyncpg.Connection
) -> None:
    cases = evaluators().get("relevance").calibration_cases()
    model = _model()

    done = await calibrate("relevance", "--judge", "openai", "--model", model, "--base-url",
                           scripted_llm.openai_base_url, "--json", database=database,
                           data_dir=tmp_path, OPENAI_API_KEY=KEY)

    assert done.returncode == 1, done.stderr
    printed = json.loads(done.stdout)[0]
    assert (printed["errors"], printed["within_margin"], printed["judge_calls"]) == (
        len(cases), False, 0)
    assert printed["worst"][0]["error"].startswith("SSRF_REFUSED: ")
    assert scripted_llm.requests == []
    assert len(await _reports(owner_db, model)) == 1


async def test_usage_errors_exit_two_and_store_nothing(
    database: dict[str, DatabaseUrl], tmp_path: Path, owner_db: asyncpg.Connection
) -> None:
    model = _model()
    available = ", ".join(sorted(evaluators().plugins))
    common = ("--judge", "openai", "--model", model)

    unknown = await calibrate("vibes", *common, database=database, data_dir=tmp_path,
                              OPENAI_API_KEY=KEY)
    both = await calibrate("relevance", "--all", *common, database=database,
                           data_dir=tmp_path, OPENAI_API_KEY=KEY)
    keyless = await calibrate("relevance", *common, database=database, data_dir=tmp_path,
                              OPENAI_API_KEY="")
    judge = await calibrate("relevance", "--judge", "oracle", "--model", model,
                            database=database, data_dir=tmp_path, OPENAI_API_KEY=KEY)
    samples = await calibrate("relevance", *common, "--samples", "0", database=database,
                              data_dir=tmp_path, OPENAI_API_KEY=KEY)

    # the last line: a plugin rejected by the registry may log a warning before it
    assert [(d.returncode, d.stdout, d.stderr.splitlines()[-1] + "\n")
            for d in (unknown, both, keyless, judge, samples)] == [
        (2, "", f"assay calibrate: the evaluator 'vibes' is unknown; available: {available}\n"),
        (2, "", "assay calibrate: name the evaluators to calibrate, or pass --all (not both);"
                f" available: {available}\n"),
        (2, "", "assay calibrate: set OPENAI_API_KEY to the judge's API key (it is never "
                "taken on the command line), name another variable with --api-key-env, or "
                "pass --no-api-key for a keyless server\n"),
        (2, "", "assay calibrate: unknown judge 'oracle'; available: anthropic, openai\n"),
        (2, "", "assay calibrate: --samples must be 1 to 10\n"),
    ]
    assert await _reports(owner_db, model) == []
