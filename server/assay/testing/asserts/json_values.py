"""JSON values in asserts and answers: storable values, equality, short renderings, parsing."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from assay.testing.asserts.catalog import MAX_JSON_DEPTH
from assay.testing.asserts.text import shorten


def json_problem(value: object, depth: int = 0) -> str | None:
    """Why ``value`` cannot be stored as JSON (NUL characters included), or None."""
    if depth > MAX_JSON_DEPTH:
        return f"is nested deeper than {MAX_JSON_DEPTH} levels: simplify it"
    if isinstance(value, str):
        return "contains a NUL character (\\u0000), which cannot be stored" if "\x00" in value \
            else None
    if value is None or isinstance(value, bool | int):
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else "must be a finite number (not NaN or infinity)"
    if isinstance(value, list):
        return next((p for v in value if (p := json_problem(v, depth + 1))), None)
    if isinstance(value, Mapping):
        if not all(isinstance(key, str) and "\x00" not in key for key in value):
            return "must use text keys only (without NUL characters): quote every key"
        return next((p for v in value.values() if (p := json_problem(v, depth + 1))), None)
    return f"must be a JSON value (text, number, true/false, null, list or object), not " \
           f"{type(value).__name__}: quote it if it is meant as text"


def json_text(value: Any, limit: int = 80) -> str:
    """``value`` as JSON, shortened to ``limit`` characters."""
    return shorten(json.dumps(value, ensure_ascii=False), limit)


def json_equal(a: Any, b: Any) -> bool:
    """JSON equality: true is not 1, 1 equals 1.0, objects compare by keys and values."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def parse_answer(answer: str) -> tuple[bool, Any, str]:
    """Parse the answer as JSON (a whole-answer ``` fence is unwrapped); say why if not."""
    text = answer.strip()
    if text.startswith("```") and text.endswith("```") and len(text) >= 6:
        text = text[3:-3].split("\n", 1)[1] if "\n" in text[3:-3] else text[3:-3]
    try:
        return True, json.loads(text), ""
    except json.JSONDecodeError as exc:
        return False, None, f"the answer is not valid JSON ({exc.msg} at line {exc.lineno}, " \
                            f"column {exc.colno})"
    except RecursionError:
        return False, None, "the answer is JSON nested too deeply to read"
