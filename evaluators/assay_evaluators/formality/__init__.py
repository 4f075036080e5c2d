"""Formality: is the answer written in the register the case expects (formal by default)?

The expected register can come from the case itself: its settings (category, tags, any
``register`` entry in its metadata) and the style of its expected answer. The template
places ``$register`` before any other placeholder, so :meth:`FormalityEvaluator.render`
fills it in the rendered prompt without ever touching the case's own text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from assay_sdk import CalibrationMargin, EvaluationInput, JudgeRequest, LLMEvaluator
from assay_sdk.llm import data_block

#: The placeholder, only this evaluator's, for what the case says about the register.
REGISTER_SLOT = "$register"
#: What the judge reads when the case's settings say nothing.
NO_SETTINGS = "(none: unless the expected answer shows otherwise, a formal register is expected)"


def case_settings(metadata: Mapping[str, Any]) -> str | None:
    """The case's metadata as "key: value" lines (lists joined by commas), or None."""
    lines = []
    for key in sorted(metadata):
        value = metadata[key]
        if isinstance(value, list | tuple | set | frozenset):
            value = ", ".join(str(part) for part in value)
        if value is None or str(value).strip() == "":
            continue
        lines.append(f"{key}: {value}")
    return "\n".join(lines) or None


class FormalityEvaluator(LLMEvaluator):
    name = "formality"
    version = "1.0.0"
    title = "Formality"
    description = ("Whether the answer is written in the register the case expects: formal "
                   "and professional unless the case's settings or expected answer call for "
                   "a casual one.")
    default_threshold = 0.7
    margin = CalibrationMargin(max_mean_abs_error=0.15, min_pass_agreement=0.85)
    rubric = """\
1.0: the expected register throughout (by default formal: courteous, complete sentences, \
no slang; in Spanish "usted" used consistently; when the case asks for casual, natural and \
relaxed without being stiff).
0.75: the expected register with one or two slips (a colloquial word or an emoji in a \
formal reply, a switch between "tú" and "usted", one stiff bureaucratic phrase in a casual \
reply).
0.5: mixed: large parts in the wrong register, or consistently one step off (chatty and \
familiar where formal is expected, or cold officialese where casual is asked for).
0.25: mostly the wrong register: slang, banter and familiar address where formal is \
expected, or rigid legal formality where a casual tone is asked for.
0.0: entirely the wrong register: crude, vulgar or street language where formal is \
expected, or the reverse extreme."""

    def render(self, item: EvaluationInput, *, samples: int = 1) -> JudgeRequest:
        request = super().render(item, samples=samples)
        settings = case_settings(item.metadata)
        block = data_block("case_settings", settings) if settings else NO_SETTINGS
        return dataclasses.replace(request, prompt=request.prompt.replace(REGISTER_SLOT, block, 1))
