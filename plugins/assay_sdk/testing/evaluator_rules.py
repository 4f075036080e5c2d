"""Rules for evaluators: metadata, calibration dataset, prompt, verdicts, requirements."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from typing import Any

from assay_sdk.evaluators import (
    CalibrationCase,
    CalibrationMargin,
    EvaluationContext,
    EvaluationInput,
    EvaluationResult,
    Evaluator,
    Requirement,
)
from assay_sdk.judges import JudgeError
from assay_sdk.llm import LLMEvaluator
from assay_sdk.testing.common_rules import REGISTRY, fail_if, identity_problems, text_problem
from assay_sdk.testing.model import ConformanceFailure, Rule, Target
from assay_sdk.testing.running import run_async
from assay_sdk.testing.scripted import ScriptedJudge

#: Seconds one evaluate() call may take against the in-process judge.
EVALUATE_TIMEOUT_S = 30.0
#: The score bands a calibration dataset must cover, each at least once.
BANDS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0))
#: The largest sensible tolerance: wider, and a label says nothing.
MAX_TOLERANCE = 0.5
LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?")
#: A template placeholder left unfilled: $name or ${name}.
PLACEHOLDER = re.compile(r"\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})")
DATA_BLOCK = re.compile(r'<data name="[^"]*">.*?</data>', re.DOTALL)
#: The verdicts the judge is scripted to give, in increasing order.
VERDICTS = (0.0, 0.25, 0.5, 0.75, 1.0)


def evaluator(target: Target) -> Evaluator:
    plugin = target.load()
    try:
        instance: Evaluator = plugin()
    except Exception as exc:
        raise ConformanceFailure(f"it cannot be created with no arguments: "
                                 f"{type(exc).__name__}: {exc}") from exc
    return instance


def cases(target: Target) -> list[CalibrationCase]:
    try:
        found: list[CalibrationCase] = target.load().calibration_cases()
    except FileNotFoundError as exc:
        raise ConformanceFailure(f"it ships no calibration.jsonl next to its module: add it as "
                                 f"package data ({exc})") from exc
    except ValueError as exc:
        raise ConformanceFailure(f"its calibration data does not parse: {exc}") from exc
    if not found:
        raise ConformanceFailure("its calibration.jsonl has no case")
    return found


def _is_llm(target: Target) -> bool:
    return target.loads() and issubclass(target.load(), LLMEvaluator)


def _uses_judge(target: Target) -> bool:
    return target.loads() and bool(getattr(target.load(), "uses_judge", True))


def _margin_problems(margin: Any) -> list[str]:
    if not isinstance(margin, CalibrationMargin):
        return [f"margin must be a CalibrationMargin, it is {margin!r}"]
    return [f"margin.{name} {value!r} is outside [0, 1]"
            for name, value in (("max_mean_abs_error", margin.max_mean_abs_error),
                                ("min_pass_agreement", margin.min_pass_agreement))
            if not 0.0 <= value <= 1.0]


def check_metadata(target: Target) -> str | None:
    plugin = target.load()
    problems = identity_problems(target, plugin)
    problems += [p for p in (text_problem(plugin, "title"), text_problem(plugin, "description"))
                 if p]
    threshold = getattr(plugin, "default_threshold", None)
    if not isinstance(threshold, int | float) or not 0.0 <= threshold <= 1.0:
        problems.append(f"default_threshold {threshold!r} is outside [0, 1]")
    requires = getattr(plugin, "requires", None)
    if not isinstance(requires, frozenset | set) or not all(
            isinstance(r, Requirement) for r in requires):
        problems.append(f"requires must be a frozenset of Requirement, it is {requires!r}")
    if not isinstance(getattr(plugin, "uses_judge", None), bool):
        problems.append("uses_judge must be True or False")
    problems += _margin_problems(getattr(plugin, "margin", None))
    if isinstance(plugin, type) and issubclass(plugin, LLMEvaluator):
        rubric = text_problem(plugin, "rubric")
        if rubric:
            problems.append(rubric)
    fail_if(problems)
    return None


def check_calibration_data(target: Target) -> str | None:
    found = cases(target)
    judge = evaluator(target)
    problems = []
    duplicates = sorted(i for i, n in Counter(c.id for c in found).items() if n > 1)
    if duplicates:
        problems.append(f"case ids appear more than once: {', '.join(duplicates)}")
    for case in found:
        if not 0.0 <= case.expected_score <= 1.0:
            problems.append(f"case {case.id}: expected_score {case.expected_score:g} is "
                            "outside [0, 1]")
        if not 0.0 < case.tolerance <= MAX_TOLERANCE:
            problems.append(f"case {case.id}: tolerance {case.tolerance:g} is outside "
                            f"(0, {MAX_TOLERANCE:g}]")
        if not LANGUAGE.fullmatch(case.language):
            problems.append(f"case {case.id}: language {case.language!r} is not a language "
                            "code such as en or es")
        if not case.reason.strip():
            problems.append(f"case {case.id}: the reason for its label is empty")
        why = judge.missing(case.item)
        if why is not None:
            problems.append(f"case {case.id}: the evaluator would skip it ({why})")
    fail_if(problems)
    languages = Counter(c.language for c in found)
    return (f"{len(found)} cases, "
            + ", ".join(f"{n} {lang}" for lang, n in sorted(languages.items())))


def _band(score: float) -> int:
    return min(len(BANDS) - 1, int(score * len(BANDS)))


def _band_label(index: int) -> str:
    low, high = BANDS[index]
    return f"[{low:g}, {high:g}{']' if high == 1.0 else ')'}"


def check_calibration_range(target: Target) -> str | None:
    found = cases(target)
    counts = Counter(_band(c.expected_score) for c in found if 0.0 <= c.expected_score <= 1.0)
    spread = ", ".join(f"{_band_label(i)}: {counts[i]}" for i in range(len(BANDS)))
    empty = [i for i in range(len(BANDS)) if counts[i] == 0]
    if empty:
        raise ConformanceFailure(
            "the calibration dataset does not span the score range: no case expects a score "
            f"in {', '.join(_band_label(i) for i in empty)} "
            f"(cases per band: {spread}); label cases across the whole range")
    return spread


def check_prompt_renders(target: Target) -> str | None:
    judge = evaluator(target)
    assert isinstance(judge, LLMEvaluator)
    problems = []
    for case in cases(target):
        try:
            request = judge.render(case.item)
        except Exception as exc:
            problems.append(f"case {case.id}: render() raised {type(exc).__name__}: {exc}")
            continue
        outside_data = DATA_BLOCK.sub("", request.prompt)
        left = sorted(set(PLACEHOLDER.findall(outside_data)))
        if left:
            problems.append(f"case {case.id}: placeholders left unfilled: {', '.join(left)}")
        if case.item.answer and case.item.answer not in request.prompt:
            problems.append(f"case {case.id}: the prompt does not show the judge the answer "
                            "(use $answer, or $conversation for conversations)")
        if judge.rubric not in request.prompt:
            problems.append(f"case {case.id}: the prompt does not show the rubric (use $rubric)")
        if len(problems) >= 5:
            break
    fail_if(problems)
    return None


def _judgeable(target: Target, judge: Evaluator) -> EvaluationInput:
    for case in cases(target):
        if judge.missing(case.item) is None:
            return case.item
    raise ConformanceFailure("no calibration case can be judged (missing() skips them all)")


def _result_problem(result: Any, threshold: float) -> str | None:
    if not isinstance(result, EvaluationResult):
        return f"evaluate() returned {type(result).__name__}, not an EvaluationResult"
    if result.threshold != threshold:
        return (f"evaluate() held the score to threshold {result.threshold:g}, not the "
                f"context's {threshold:g} (use scored(score, context.threshold, ...))")
    if not isinstance(result.explanation, str) or not result.explanation.strip():
        return "evaluate() returned an empty explanation"
    return None


def _evaluate(judge: Evaluator, item: EvaluationInput, context: EvaluationContext) -> Any:
    try:
        return run_async(judge.evaluate(item, context), timeout_s=EVALUATE_TIMEOUT_S,
                         what="evaluate()")
    except (ConformanceFailure, JudgeError):
        raise
    except Exception as exc:
        raise ConformanceFailure(f"evaluate() raised {type(exc).__name__}: {exc}") from exc


def check_follows_judge(target: Target) -> str | None:
    judge = evaluator(target)
    item = _judgeable(target, judge)
    threshold = float(judge.default_threshold)
    scores, samples = [], set()
    for verdict in VERDICTS:
        client = ScriptedJudge(verdict)
        result = _evaluate(judge, item, EvaluationContext(threshold=threshold, judge=client,
                                                          samples=3))
        problem = _result_problem(result, threshold)
        if problem:
            raise ConformanceFailure(f"with the judge answering {verdict:g}: {problem}")
        if not client.requests:
            raise ConformanceFailure("evaluate() never asked the judge, yet uses_judge is True")
        samples |= {request.samples for request in client.requests}
        scores.append(result.score)
    pairs = ", ".join(f"{v:g} -> {s:g}" for v, s in zip(VERDICTS, scores, strict=True))
    if any(b < a for a, b in itertools.pairwise(scores)) or scores[-1] <= scores[0]:
        raise ConformanceFailure(f"its score does not follow the judge's verdict "
                                 f"(verdict -> score: {pairs})")
    if samples != {3}:
        raise ConformanceFailure(f"evaluate() asked the judge for {sorted(samples)} sample(s), "
                                 "not the context's 3 (pass samples=context.samples)")
    return f"verdict -> score: {pairs}"


def check_judge_errors_propagate(target: Target) -> str | None:
    judge = evaluator(target)
    item = _judgeable(target, judge)
    failing = ScriptedJudge(error=JudgeError("UNAVAILABLE", "the judge is down (scripted)"))
    context = EvaluationContext(threshold=float(judge.default_threshold), judge=failing)
    try:
        result = _evaluate(judge, item, context)
    except JudgeError:
        return None
    raise ConformanceFailure(
        f"evaluate() swallowed the judge's JudgeError and returned {result!r}: let it "
        "propagate, so the host records the case as errored instead of scored")


def check_deterministic_results(target: Target) -> str | None:
    judge = evaluator(target)
    threshold = float(judge.default_threshold)
    items = [(c.id, c.item) for c in cases(target)]
    items.append(("an empty answer", EvaluationInput(input="Hello?", answer="")))
    for label, item in items:
        if judge.missing(item) is not None:
            continue
        result = _evaluate(judge, item, EvaluationContext(threshold=threshold))
        problem = _result_problem(result, threshold)
        if problem:
            raise ConformanceFailure(f"case {label}: {problem}")
    return None


def check_deterministic_agreement(target: Target) -> str | None:
    judge = evaluator(target)
    margin: CalibrationMargin = judge.margin
    threshold = float(judge.default_threshold)
    errors, agreements, off = [], 0, []
    for case in cases(target):
        result = _evaluate(judge, case.item, EvaluationContext(threshold=threshold))
        if _result_problem(result, threshold):
            raise ConformanceFailure(f"case {case.id}: {_result_problem(result, threshold)}")
        error = abs(result.score - case.expected_score)
        errors.append(error)
        agreements += (result.score >= threshold) == (case.expected_score >= threshold)
        if error > case.tolerance + 1e-9:
            off.append(f"{case.id} scored {result.score:g}, labelled "
                       f"{case.expected_score:g}±{case.tolerance:g}")
    mae = sum(errors) / len(errors)
    agreement = agreements / len(errors)
    figures = (f"mean absolute error {mae:.3f} (at most {margin.max_mean_abs_error:g}), "
               f"pass/fail agreement {agreement:.2f} (at least {margin.min_pass_agreement:g})")
    if mae > margin.max_mean_abs_error or agreement < margin.min_pass_agreement:
        raise ConformanceFailure(f"it disagrees with its own labels: {figures}; cases out of "
                                 f"tolerance: {'; '.join(off[:10]) or 'none'}")
    return figures


_STRIP = {
    Requirement.EXPECTED_OUTPUT: {"expected_output": None},
    Requirement.CONVERSATION: {"turns": ()},
    Requirement.CONTEXT: {"context": None},
    Requirement.LANGUAGE: {"language": None},
}


def check_missing(target: Target) -> str | None:
    judge = evaluator(target)
    requires = sorted(judge.requires)
    if not requires:
        return "it declares no requirement"
    item = _judgeable(target, judge)
    problems = []
    for requirement in requires:
        lacking = dataclasses.replace(item, **_STRIP[requirement])  # type: ignore[arg-type]
        why = judge.missing(lacking)
        if not isinstance(why, str) or not why.strip():
            problems.append(f"a case without {requirement.value} is not skipped "
                            f"(missing() returned {why!r})")
    fail_if(problems)
    return None


RULES = (
    REGISTRY,
    Rule("metadata", "slug, semantic version, title, description, threshold in [0, 1], "
         "requires, margin, rubric", check_metadata),
    Rule("calibration-data", "calibration.jsonl parses; ids unique; scores, tolerances and "
         "languages valid; every case judgeable", check_calibration_data),
    Rule("calibration-range", "the calibration labels span the score range (every fifth of "
         "[0, 1])", check_calibration_range),
    Rule("prompt-renders", "every calibration case renders with no placeholder left, the "
         "answer and the rubric shown", check_prompt_renders, _is_llm),
    Rule("evaluate-follows-judge", "against a scripted judge, evaluate() returns a valid "
         "result whose score follows the verdict", check_follows_judge, _uses_judge),
    Rule("judge-errors-propagate", "a JudgeError from the judge propagates out of evaluate()",
         check_judge_errors_propagate, _uses_judge),
    Rule("evaluate-result", "without a judge, evaluate() returns a valid result for every "
         "calibration case and an empty answer", check_deterministic_results,
         lambda t: t.loads() and not _uses_judge(t)),
    Rule("calibration-agreement", "without a judge, its scores agree with its labels within "
         "its declared margin", check_deterministic_agreement,
         lambda t: t.loads() and not _uses_judge(t)),
    Rule("missing-requirements", "missing() skips a case lacking each declared requirement",
         check_missing),
)
