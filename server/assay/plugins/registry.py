"""The evaluators, judges and PII detectors this process can use (connectors live in
assay.connectors.registry), each group loaded once from its entry points.

A rejected plugin is left out and remembered with the reason (see ``Registry.rejected``);
nothing here raises because of a bad plugin.
"""

from __future__ import annotations

import functools

from assay_sdk import Evaluator, Judge, PiiDetector
from assay_sdk.registry import Registry, load

EVALUATORS = "assay.evaluators"
JUDGES = "assay.judges"
PII_DETECTORS = "assay.pii_detectors"


@functools.cache
def evaluators() -> Registry[Evaluator]:
    return load(EVALUATORS, Evaluator)  # type: ignore[type-abstract]  # the base to check against


@functools.cache
def judges() -> Registry[Judge]:
    return load(JUDGES, Judge)  # type: ignore[type-abstract]


@functools.cache
def pii_detectors() -> Registry[PiiDetector]:
    return load(PII_DETECTORS, PiiDetector)  # type: ignore[type-abstract]
