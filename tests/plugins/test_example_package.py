"""The example third-party package, pip-installed, loads through its entry points."""

from __future__ import annotations

import json
from pathlib import Path

from assay.plugins import guard
from assay_sdk import EvaluationContext, EvaluationInput, Evaluator, scored
from assay_sdk.registry import PluginStatus, load
from assay_sdk.testing import ScriptedJudge
from tests.plugins.conftest import EXAMPLE_DISTRIBUTION, plugin_env, run
from tests.plugins.fakes import on_path

POLITENESS = PluginStatus("evaluator", "politeness", "1.0.0", EXAMPLE_DISTRIBUTION, "LOADED",
                          None, "assay_example_evaluators.politeness:PolitenessEvaluator")
READING_EASE = PluginStatus("evaluator", "reading_ease", "1.0.0", EXAMPLE_DISTRIBUTION,
                            "LOADED", None,
                            "assay_example_evaluators.reading_ease:ReadingEaseEvaluator")


async def test_both_evaluators_load_and_score(example_target: Path) -> None:
    with on_path(example_target, "assay_example_evaluators"):
        registry = load("assay.evaluators", Evaluator)  # type: ignore[type-abstract]
        rows = {row.name: row for row in registry.describe()}
        reading = registry.get("reading_ease")()
        polite = registry.get("politeness")()
        item = EvaluationInput(input="When is my bill due?",
                               answer="Your bill is due on the 15th. Pay it in the app.")
        plain = await guard.call_evaluator(reading, item, EvaluationContext(threshold=0.6),
                                           timeout_s=5)
        judge = ScriptedJudge(0.25, explanation="curt")
        judged = await guard.call_evaluator(
            polite, item, EvaluationContext(threshold=0.7, judge=judge), timeout_s=5)

    assert (rows["politeness"], rows["reading_ease"]) == (POLITENESS, READING_EASE)
    assert plain == scored(1.0, 0.6, "2 sentence(s) of 6.0 words on average, words of 2.9 "
                           "letters on average.", {"sentences": 2, "words": 12,
                                                    "words_per_sentence": 6.0,
                                                    "letters_per_word": 2.92})
    assert judged == scored(0.25, 0.7, "curt", {"scores": [0.25], "spread": 0.0,
                                                 "model": "assay-scripted", "cached": False})
    assert [r.prompt.count("Your bill is due on the 15th.") for r in judge.requests] == [1]


def test_assay_plugins_list_shows_them(example_target: Path, tmp_path: Path) -> None:
    done = run("-m", "assay.cli", "plugins", "list", "--json",
               env=plugin_env(tmp_path, example_target))

    assert done.returncode == 0, done.stderr
    rows = {row["name"]: row for row in json.loads(done.stdout) if row["kind"] == "evaluator"}
    assert rows["politeness"] == POLITENESS.to_json()
    assert rows["reading_ease"] == READING_EASE.to_json()
