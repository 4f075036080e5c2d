"""The stored form of a finding: where it is, its type and score, and the value masked so
that only its last two letters or digits show ("ana@example.com" -> "•••@•••••••.•om")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from assay_sdk import PiiFinding, mask

#: Letters and digits of a value left visible.
VISIBLE = 2


def stored_finding(finding: PiiFinding, text: str, *, turn: int) -> dict[str, Any]:
    """``{"type", "turn", "start", "end", "score", "masked"}`` of one finding in ``text``."""
    return {"type": finding.type, "turn": turn, "start": finding.start, "end": finding.end,
            "score": finding.score, "masked": mask(text[finding.start:finding.end], keep=VISIBLE)}


def stored_findings(findings: Iterable[PiiFinding], text: str, *, turn: int
                    ) -> list[dict[str, Any]]:
    return [stored_finding(finding, text, turn=turn) for finding in findings]
