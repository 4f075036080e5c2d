"""The conformance kit on every built-in plugin of the `assay` distribution: its evaluators,
PII detectors and judges, one test per (plugin, rule), exactly as a third party's."""

from __future__ import annotations

import pytest

from assay_sdk.testing import ConformanceFailure, Rule, Target, rules_for, select

CHECKS = [(target, rule) for target in select("assay") for rule in rules_for(target)]


@pytest.mark.parametrize(("target", "rule"), CHECKS,
                         ids=[f"{t.kind}:{t.name}:{r.name}" for t, r in CHECKS])
def test_builtin_plugin_conforms(target: Target, rule: Rule) -> None:
    try:
        rule.check(target)
    except ConformanceFailure as failure:
        pytest.fail(f"{target.label} fails rule {rule.name!r} ({rule.summary}):\n{failure}",
                    pytrace=False)


def test_every_builtin_kind_is_checked() -> None:
    names = {(target.kind, target.name) for target, _ in CHECKS}

    assert {kind for kind, _ in names} == {"evaluator", "pii_detector", "judge"}
    assert len([name for kind, name in names if kind == "evaluator"]) == 17
    assert len([name for kind, name in names if kind == "pii_detector"]) == 16
    assert ("evaluator", "relevance") in names
