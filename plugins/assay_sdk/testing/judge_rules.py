"""Rules for judges: metadata, and that one can be created and closed without the network."""

from __future__ import annotations

from assay_sdk.judges import Judge, JudgeSettings
from assay_sdk.testing.common_rules import REGISTRY, fail_if, identity_problems, text_problem
from assay_sdk.testing.model import ConformanceFailure, Rule, Target
from assay_sdk.testing.running import run_async

MODEL = "assay-conformance-model"


def check_metadata(target: Target) -> str | None:
    plugin = target.load()
    problems = identity_problems(target, plugin)
    title = text_problem(plugin, "title")
    if title:
        problems.append(title)
    base_url = getattr(plugin, "default_base_url", None)
    if not isinstance(base_url, str) or not base_url.startswith(("https://", "http://")):
        problems.append(f"default_base_url {base_url!r} is not an http(s) URL")
    fail_if(problems)
    return None


def check_lifecycle(target: Target) -> str | None:
    plugin = target.load()
    settings = JudgeSettings(model=MODEL, base_url="http://127.0.0.1:9/v1", api_key="sk-test")
    try:
        judge: Judge = plugin(settings)
    except Exception as exc:
        raise ConformanceFailure(f"it cannot be created from JudgeSettings alone: "
                                 f"{type(exc).__name__}: {exc}") from exc
    if judge.model != MODEL:
        raise ConformanceFailure(f"its model is {judge.model!r}, not the settings' {MODEL!r}")
    if "sk-test" in repr(judge) or "sk-test" in str(vars(judge).get("settings", "")):
        raise ConformanceFailure("its repr shows the API key: keep the key out of repr()")
    try:
        run_async(judge.aclose(), timeout_s=10, what="aclose()")
    except ConformanceFailure:
        raise
    except Exception as exc:
        raise ConformanceFailure(f"aclose() on an unused judge raised {type(exc).__name__}: "
                                 f"{exc}") from exc
    return None


RULES = (
    REGISTRY,
    Rule("metadata", "slug, semantic version, title, default base URL", check_metadata),
    Rule("lifecycle", "created from JudgeSettings without network, reports the settings' "
         "model, never shows its key, closes cleanly unused", check_lifecycle),
)
