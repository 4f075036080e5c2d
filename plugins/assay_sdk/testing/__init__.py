"""The conformance kit: a pytest plugin that checks a package's Assay plugins.

Run it on your installed package::

    pytest -p assay_sdk.testing --assay-distribution my-evaluators
    pytest -p assay_sdk.testing --assay-plugin politeness --assay-plugin pii_detector:iban

or add ``pytest_plugins = ["assay_sdk.testing"]`` to a conftest.py and set
``assay_distribution = my-evaluators`` in the pytest configuration. Every plugin of the
distribution (evaluators, PII detectors, judges) gets one test per rule that applies to
it; a failure names the plugin, the rule and what to fix. It imports only ``assay_sdk``
and pytest.

The same rules are usable without the pytest plugin: :func:`select` the targets,
:func:`rules_for` each, and call ``rule.check(target)`` (it raises
:class:`ConformanceFailure`).
"""

from assay_sdk.testing.model import ConformanceFailure, Rule, SelectionError, Target, select
from assay_sdk.testing.plugin import (
    pytest_addoption,
    pytest_collection_modifyitems,
    pytest_configure,
    pytest_report_header,
    pytest_terminal_summary,
)
from assay_sdk.testing.rules import rules_for
from assay_sdk.testing.scripted import ScriptedJudge

__all__ = [
    "ConformanceFailure",
    "Rule",
    "ScriptedJudge",
    "SelectionError",
    "Target",
    "pytest_addoption",
    "pytest_collection_modifyitems",
    "pytest_configure",
    "pytest_report_header",
    "pytest_terminal_summary",
    "rules_for",
    "select",
]
