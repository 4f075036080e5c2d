"""The conformance kit, run as a third party runs it: `pytest -p assay_sdk.testing` in a
project of its own, against installed distributions."""

from __future__ import annotations

import json
from pathlib import Path

from tests.plugins.conftest import plugin_env, run
from tests.plugins.fakes import write_distribution

INI = "[pytest]\nasyncio_default_fixture_loop_scope = function\n"


def kit(tmp_path: Path, *args: str, paths: tuple[Path, ...]) -> tuple[int, str]:
    project = tmp_path / "project"
    project.mkdir()
    (project / "pytest.ini").write_text(INI)
    done = run("-m", "pytest", "-p", "assay_sdk.testing", "-p", "no:cacheprovider", "-rA",
               *args, env=plugin_env(tmp_path, *paths), cwd=project)
    return done.returncode, done.stdout + done.stderr


def test_the_example_package_conforms(example_target: Path, tmp_path: Path) -> None:
    code, output = kit(tmp_path, "--assay-distribution", "assay-example-evaluators",
                       paths=(example_target,))

    assert code == 0, output
    assert "collected 15 items" in output
    assert "15 passed" in output
    passed = sorted(line.split("::", 1)[1] for line in output.splitlines()
                    if line.startswith("PASSED assay-conformance::"))
    assert passed == sorted(
        [f"evaluator:politeness::{rule}" for rule in (
            "registry", "metadata", "calibration-data", "calibration-range", "prompt-renders",
            "evaluate-follows-judge", "judge-errors-propagate", "missing-requirements")]
        + [f"evaluator:reading_ease::{rule}" for rule in (
            "registry", "metadata", "calibration-data", "calibration-range",
            "evaluate-result", "calibration-agreement", "missing-requirements")])
    assert ("evaluator reading_ease: calibration-agreement: mean absolute error 0.071 (at "
            "most 0.1), pass/fail agreement 0.91 (at least 0.85)") in output


def case(ident: str, score: float, **extra: object) -> str:
    return json.dumps({"id": ident, "language": "en", "input": "Can I pay by card?",
                       "answer": "Yes, every card.", "expected_score": score,
                       "tolerance": 0.1, "reason": "labelled for the test", **extra})


ACME = '''
from assay_sdk import LLMEvaluator, PiiDetector, PiiFinding, Requirement, scored
from assay_sdk.judges import JudgeError


class Narrow(LLMEvaluator):
    name = "narrow"
    version = "1.0"
    title = "Narrow"
    description = "Labels only good answers, and misspells a placeholder."
    rubric = "1.0: good. 0.0: bad."
    data_package = "acme_kit.narrow"


class Stubborn(LLMEvaluator):
    name = "stubborn"
    version = "1.0.0"
    title = "Stubborn"
    description = "Ignores the judge and swallows its errors."
    requires = frozenset({Requirement.EXPECTED_OUTPUT})
    rubric = "1.0: good. 0.0: bad."
    data_package = "acme_kit.stubborn"

    def missing(self, item):
        return None

    async def evaluate(self, item, context):
        try:
            await context.judge.ask(self.render(item))
        except JudgeError:
            pass
        return scored(0.5, context.threshold, "always half")


class AcmeId(PiiDetector):
    """Finds ACME-<4 digits>."""

    name = "acme_id"
    version = "1.0.0"
    entity = "ACME_ID"
    data_package = "acme_kit.ids"

    def detect(self, text):
        found, start = [], text.find("ACME-")
        while start != -1:
            end = start + 9
            if text[start + 5:end].isdigit() and len(text[start + 5:end]) == 4:
                found.append(PiiFinding(start=start, end=end, type="ACME_ID", score=0.9))
            start = text.find("ACME-", start + 1)
        return found


class Sloppy(AcmeId):
    """Breaks on surrogates, reports backwards and misses lower-case ids."""

    name = "sloppy"

    def detect(self, text):
        text.encode("utf-8")
        return list(reversed(super().detect(text)))
'''
IDS = "\n".join(json.dumps(line) for line in [
    {"id": "a", "language": "en", "text": "Your id is ACME-1234, and ACME-5678 too.",
     "spans": [{"type": "ACME_ID", "start": 11, "end": 20},
               {"type": "ACME_ID", "start": 26, "end": 35}]},
    {"id": "b", "language": "en", "text": "Order ACME-12 is not an id.", "spans": []},
    {"id": "c", "language": "es", "text": "Su número es acme-4321.",
     "spans": [{"type": "ACME_ID", "start": 13, "end": 22}]},
]) + "\n"
SPREAD = "\n".join(case(f"en-{i}", score) for i, score in
                   enumerate((0.0, 0.3, 0.5, 0.7, 0.9), 1)) + "\n"


def test_a_broken_package_fails_with_the_plugin_and_rule_named(tmp_path: Path) -> None:
    root = write_distribution(
        tmp_path / "site", name="acme-kit", version="1.0", package="acme_kit",
        modules={"__init__.py": ACME, "narrow/__init__.py": "", "stubborn/__init__.py": "",
                 "ids/__init__.py": ""},
        data={"narrow/prompt.md": "Judge $answr by $rubric\n",
              "narrow/calibration.jsonl": case("en-1", 1.0) + "\n" + case("en-1", 0.9) + "\n",
              "stubborn/prompt.md": "Judge $answer by $rubric\n",
              "stubborn/calibration.jsonl": SPREAD,
              "ids/calibration.jsonl": IDS},
        entry_points={
            "assay.evaluators": {"narrow": "acme_kit:Narrow", "stubborn": "acme_kit:Stubborn"},
            "assay.pii_detectors": {"acme_id": "acme_kit:AcmeId", "sloppy": "acme_kit:Sloppy"},
        })

    code, output = kit(tmp_path, "--assay-distribution", "acme-kit", paths=(root,))

    assert code == 1, output
    failed = sorted(line.split(" - ")[0].removeprefix("FAILED assay-conformance::")
                    for line in output.splitlines() if line.startswith("FAILED "))
    assert failed == [
        "evaluator:narrow::calibration-data", "evaluator:narrow::calibration-range",
        "evaluator:narrow::metadata", "evaluator:narrow::prompt-renders",
        "evaluator:stubborn::evaluate-follows-judge",
        "evaluator:stubborn::judge-errors-propagate",
        "evaluator:stubborn::missing-requirements",
        "pii_detector:acme_id::calibration-recall",
        "pii_detector:sloppy::calibration-recall", "pii_detector:sloppy::findings-valid",
        "pii_detector:sloppy::hostile-input",
    ]
    for expected in [
        "evaluator 'narrow' (acme-kit 1.0) fails rule 'metadata' (slug, semantic version, "
        "title, description, threshold in [0, 1], requires, margin, rubric):\n"
        "version '1.0' is not a semantic version (e.g. 1.0.0)",
        "case ids appear more than once: en-1",
        "the calibration dataset does not span the score range: no case expects a score in "
        "[0, 0.2), [0.2, 0.4), [0.4, 0.6), [0.6, 0.8) (cases per band: [0, 0.2): 0, "
        "[0.2, 0.4): 0, [0.4, 0.6): 0, [0.6, 0.8): 0, [0.8, 1]: 2)",
        "- case en-1: placeholders left unfilled: $answr",
        "- case en-1: the prompt does not show the judge the answer (use $answer, or "
        "$conversation for conversations)",
        "evaluator 'stubborn' (acme-kit 1.0) fails rule 'evaluate-follows-judge' (against a "
        "scripted judge, evaluate() returns a valid result whose score follows the verdict):"
        "\nits score does not follow the judge's verdict (verdict -> score: 0 -> 0.5, "
        "0.25 -> 0.5, 0.5 -> 0.5, 0.75 -> 0.5, 1 -> 0.5)",
        "evaluate() swallowed the judge's JudgeError and returned EvaluationResult(score=0.5",
        "a case without expected_output is not skipped (missing() returned None)",
        "pii_detector 'acme_id' (acme-kit 1.0) fails rule 'calibration-recall' (it finds its "
        "labelled spans (recall at least its min_recall, 0.9 by default)):\nit finds too few "
        "of its labelled ACME_ID spans: recall 0.67 (2/3), precision 1.00, below its "
        "min_recall 0.9; missed: c 'acme-4321' at [13, 22)",
        "pii_detector 'sloppy' (acme-kit 1.0) fails rule 'hostile-input' (detect() never "
        "raises, and stays valid, on empty, 1 MB, control characters, unpaired surrogates and "
        "other hostile text):\ndetect() raised UnicodeEncodeError on hostile input (unpaired "
        "surrogates)",
        "on labelled text a: findings are not sorted by position: [(26, 35), (11, 20)]",
    ]:
        assert expected in output
    assert ("PASSED assay-conformance::pii_detector:acme_id::hostile-input" in output)
