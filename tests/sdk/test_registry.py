"""Plugins load from entry points; bad ones are reported with the reason, never fatal."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from assay_sdk import Connector, Evaluator, PiiDetector
from assay_sdk.registry import PluginStatus, Rejection, load
from tests.plugins.fakes import on_path, write_distribution

GROUP = "assay.test_connectors"
EVALUATORS = "assay.test_evaluators"
DETECTORS = "assay.test_pii_detectors"
PLUGINS = '''
from assay_sdk import Connector, Conversation


class Good(Connector):
    name = "good"
    version = "1.2.0"
    kind = "HTTP"

    def conversation(self, config, credentials) -> Conversation:
        raise NotImplementedError


class Misnamed(Good):
    name = "something-else"


class Future(Good):
    name = "future"
    api_version = 99


class NotAConnector:
    name = "stranger"
'''


@pytest.fixture
def distribution(tmp_path: Path) -> Iterator[Path]:
    """A real installed distribution (dist-info on sys.path) declaring six entry points."""
    write_distribution(
        tmp_path, name="fake-connectors", version="3.1", package="fake_connectors",
        modules={"__init__.py": PLUGINS},
        entry_points={GROUP: {
            "good": "fake_connectors:Good",
            "misnamed": "fake_connectors:Misnamed",
            "future": "fake_connectors:Future",
            "stranger": "fake_connectors:NotAConnector",
            "missing": "fake_connectors:Nowhere",
            "broken": "no_such_module:Thing",
        }})
    with on_path(tmp_path, "fake_connectors"):
        yield tmp_path


def rejection(name: str, target: str, reason: str, version: str | None = None,
              group: str = GROUP, dist: str = "fake-connectors 3.1") -> Rejection:
    return Rejection(group, name, target, reason, version, dist)


def test_compatible_plugins_load_and_the_rest_are_explained(distribution: Path) -> None:
    registry = load(GROUP, Connector)

    assert sorted(registry.plugins) == ["good"]
    good = registry.plugins["good"]
    assert (good.name, good.version, good.plugin.__name__) == ("good", "1.2.0", "Good")
    assert good.distribution == "fake-connectors 3.1"
    assert good.target == "fake_connectors:Good"
    assert sorted(registry.rejected, key=lambda r: r.name) == [
        rejection("broken", "no_such_module:Thing",
                  "it failed to load: ModuleNotFoundError: No module named 'no_such_module'"),
        rejection("future", "fake_connectors:Future",
                  "it targets SDK API version 99, this host speaks 1", "1.2.0"),
        rejection("misnamed", "fake_connectors:Misnamed",
                  "its name 'something-else' differs from the entry point 'misnamed'",
                  "1.2.0"),
        rejection("missing", "fake_connectors:Nowhere",
                  "it failed to load: AttributeError: module 'fake_connectors' has no "
                  "attribute 'Nowhere'"),
        rejection("stranger", "fake_connectors:NotAConnector",
                  "it is not a subclass of assay_sdk.connectors.Connector"),
    ]


def test_asking_for_a_rejected_plugin_says_why(distribution: Path) -> None:
    registry = load(GROUP, Connector)

    with pytest.raises(LookupError) as raised:
        registry.get("future")

    assert str(raised.value) == (
        "plugin 'future' of assay.test_connectors is not available: it was rejected "
        "(it targets SDK API version 99, this host speaks 1)"
    )


def test_describe_lists_every_plugin_with_its_status(distribution: Path) -> None:
    rows = load(GROUP, Connector).describe()

    assert [(r.name, r.status) for r in rows] == [
        ("broken", "REJECTED"), ("future", "REJECTED"), ("good", "LOADED"),
        ("misnamed", "REJECTED"), ("missing", "REJECTED"), ("stranger", "REJECTED")]
    assert rows[2] == PluginStatus("test_connectors", "good", "1.2.0", "fake-connectors 3.1",
                                   "LOADED", None, "fake_connectors:Good")
    assert rows[0].to_json() == {
        "kind": "test_connectors", "name": "broken", "version": None,
        "distribution": "fake-connectors 3.1", "status": "REJECTED",
        "reason": "it failed to load: ModuleNotFoundError: No module named 'no_such_module'",
        "target": "no_such_module:Thing"}


LLM = '''
from assay_sdk import LLMEvaluator


class {cls}(LLMEvaluator):
    name = "{name}"
    version = "{version}"
    title = "T"
    description = "D"
    rubric = "1.0: good. 0.0: bad."
'''
CASE = {"id": "en-01", "language": "en", "input": "Hi?", "answer": "Hello.",
        "expected_score": 1.0, "tolerance": 0.1, "reason": "fine"}
PROMPT = "Judge $answer against $rubric\n"


def llm(cls: str, name: str, version: str = "1.0.0") -> str:
    return LLM.format(cls=cls, name=name, version=version)


EVALUATOR_MODULES = {
    "__init__.py": "",
    "good/__init__.py": llm("Good", "good"),
    "nocal/__init__.py": llm("NoCal", "nocal"),
    "noprompt/__init__.py": llm("NoPrompt", "noprompt"),
    "badcal/__init__.py": llm("BadCal", "badcal"),
    "emptycal/__init__.py": llm("EmptyCal", "emptycal"),
    "future/__init__.py": llm("Future", "future") + "    api_version = 99\n",
    "unversioned/__init__.py": llm("Unversioned", "unversioned", version=""),
    "misnamed/__init__.py": llm("Misnamed", "other"),
    "abstract/__init__.py": '''
        from assay_sdk import Evaluator


        class Abstract(Evaluator):
            name = "abstract"
            version = "1.0.0"
            title = "T"
            description = "D"
            uses_judge = False
        ''',
    "broken/__init__.py": "raise RuntimeError('boom at import')\n",
    "exits/__init__.py": "import sys\nsys.exit(3)\n",
    "asserts/__init__.py": "assert False, 'no'\n",
    "detectors.py": '''
        from assay_sdk import PiiDetector


        class Good(PiiDetector):
            name = "acme_id"
            version = "1.0.0"
            entity = "ACME_ID"

            def detect(self, text):
                return []


        class NoEntity(Good):
            name = "no_entity"
            entity = ""
        ''',
}
EVALUATOR_DATA = {
    "good/prompt.md": PROMPT, "good/calibration.jsonl": json.dumps(CASE) + "\n",
    "nocal/prompt.md": PROMPT,
    "noprompt/calibration.jsonl": json.dumps(CASE) + "\n",
    "badcal/prompt.md": PROMPT,
    "badcal/calibration.jsonl": json.dumps(CASE) + "\n" + json.dumps({"id": "en-02"}) + "\n",
    "emptycal/prompt.md": PROMPT, "emptycal/calibration.jsonl": "\n",
    "future/prompt.md": PROMPT, "future/calibration.jsonl": json.dumps(CASE) + "\n",
    "abstract/calibration.jsonl": json.dumps(CASE) + "\n",
}
SLUGS = ["good", "nocal", "noprompt", "badcal", "emptycal", "future", "unversioned",
         "misnamed", "abstract", "broken", "exits", "asserts"]
TARGETS = {slug: f"acme_eval.{slug}:{slug.title().replace('cal', 'Cal')}" for slug in SLUGS}
TARGETS |= {"nocal": "acme_eval.nocal:NoCal", "noprompt": "acme_eval.noprompt:NoPrompt",
            "badcal": "acme_eval.badcal:BadCal", "emptycal": "acme_eval.emptycal:EmptyCal",
            "broken": "acme_eval.broken:Thing", "exits": "acme_eval.exits:Thing",
            "asserts": "acme_eval.asserts:Thing"}


@pytest.fixture
def evaluators(tmp_path: Path) -> Iterator[Path]:
    write_distribution(
        tmp_path, name="acme-evaluators", version="2.0.0", package="acme_eval",
        modules=EVALUATOR_MODULES, data=EVALUATOR_DATA,
        entry_points={EVALUATORS: TARGETS, DETECTORS: {
            "acme_id": "acme_eval.detectors:Good",
            "no_entity": "acme_eval.detectors:NoEntity",
        }})
    with on_path(tmp_path, "acme_eval"):
        yield tmp_path


def acme(name: str, reason: str, version: str | None = "1.0.0") -> Rejection:
    return Rejection(EVALUATORS, name, TARGETS[name], reason, version, "acme-evaluators 2.0.0")


def test_evaluators_need_calibration_data_and_their_template(evaluators: Path) -> None:
    registry = load(EVALUATORS, Evaluator)  # type: ignore[type-abstract]

    assert sorted(registry.plugins) == ["good"]
    assert registry.plugins["good"].distribution == "acme-evaluators 2.0.0"
    assert sorted(registry.rejected, key=lambda r: r.name) == [
        acme("abstract", "it leaves abstract methods unimplemented: evaluate"),
        acme("asserts", "it failed to load: AssertionError: no", None),
        acme("badcal", "its calibration data cannot be read: ValueError: badcal "
             "calibration.jsonl line 2: 'language'"),
        acme("broken", "it failed to load: RuntimeError: boom at import", None),
        acme("emptycal", "its calibration data is empty (calibration.jsonl in "
             "acme_eval.emptycal has no case)"),
        acme("exits", "it failed to load: SystemExit: 3", None),
        acme("future", "it targets SDK API version 99, this host speaks 1"),
        acme("misnamed", "its name 'other' differs from the entry point 'misnamed'"),
        acme("nocal", "it ships no calibration data (calibration.jsonl is missing from "
             "acme_eval.nocal)"),
        acme("noprompt", "its prompt template prompt.md is missing from acme_eval.noprompt"),
        acme("unversioned", "it declares no version", None),
    ]


def test_pii_detectors_must_declare_their_entity(evaluators: Path) -> None:
    registry = load(DETECTORS, PiiDetector)  # type: ignore[type-abstract]

    assert sorted(registry.plugins) == ["acme_id"]
    assert registry.rejected == [Rejection(
        DETECTORS, "no_entity", "acme_eval.detectors:NoEntity",
        "it declares no entity (the type it reports, e.g. EMAIL)", "1.0.0",
        "acme-evaluators 2.0.0")]


def test_each_rejection_is_one_warning_line_and_the_traceback_is_debug(
        evaluators: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="assay_sdk.registry")

    load(EVALUATORS, Evaluator)  # type: ignore[type-abstract]

    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 11
    assert all(r.exc_info is None and "\n" not in r.getMessage() for r in warnings)
    assert ("plugin broken of assay.test_evaluators (acme-evaluators 2.0.0) rejected: it "
            "failed to load: RuntimeError: boom at import") in [r.getMessage() for r in warnings]
    tracebacks = [r for r in caplog.records if r.levelno == logging.DEBUG and r.exc_info]
    assert sorted(r.getMessage() for r in tracebacks) == [
        f"plugin {slug} of assay.test_evaluators failed to load"
        for slug in ("asserts", "broken", "exits")]


def test_a_second_plugin_of_the_same_name_is_rejected(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for root, dist in ((first, "acme-one"), (second, "acme-two")):
        write_distribution(root, name=dist, version="1.0", package=dist.replace("-", "_"),
                           modules={"__init__.py": PLUGINS},
                           entry_points={GROUP: {"good": f"{dist.replace('-', '_')}:Good"}})

    with on_path(second, "acme_two"), on_path(first, "acme_one"):
        registry = load(GROUP, Connector)

    assert registry.plugins["good"].target == "acme_one:Good"
    assert registry.rejected == [rejection(
        "good", "acme_two:Good", "another plugin of that name (acme_one:Good, from acme-one "
        "1.0) was loaded first", "1.2.0", dist="acme-two 1.0")]
