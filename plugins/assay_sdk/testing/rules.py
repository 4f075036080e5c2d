"""Which rules apply to a plugin, by the group it is registered in."""

from __future__ import annotations

from assay_sdk.testing import detector_rules, evaluator_rules, judge_rules
from assay_sdk.testing.common_rules import REGISTRY
from assay_sdk.testing.model import Rule, Target

RULES_BY_GROUP: dict[str, tuple[Rule, ...]] = {
    "assay.evaluators": evaluator_rules.RULES,
    "assay.pii_detectors": detector_rules.RULES,
    "assay.judges": judge_rules.RULES,
}


def rules_for(target: Target) -> list[Rule]:
    """Every rule that applies to ``target``; only the registry rule when it does not
    import (that rule's failure says why, and nothing else can be checked)."""
    if not target.loads():
        return [REGISTRY]
    return [rule for rule in RULES_BY_GROUP[target.group] if rule.applies(target)]
