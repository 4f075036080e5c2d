"""The Assay plugin SDK: the only package a plugin author imports.

It never imports ``assay`` (a test enforces it), so it can ship on its own.
"""

from assay_sdk.connectors import (
    Connector,
    ConnectorContext,
    ConnectorError,
    Conversation,
    Evidence,
    Exchange,
    NetworkGuard,
)
from assay_sdk.evaluators import (
    CalibrationCase,
    CalibrationMargin,
    EvaluationContext,
    EvaluationInput,
    EvaluationResult,
    Evaluator,
    JudgeClient,
    Requirement,
    Role,
    Turn,
    scored,
    transcript,
)
from assay_sdk.judges import (
    Completion,
    Judge,
    JudgeError,
    JudgeReply,
    JudgeRequest,
    JudgeSettings,
)
from assay_sdk.llm import LLMEvaluator
from assay_sdk.pii import PiiDetector, PiiFinding, mask
from assay_sdk.version import API_VERSION

__all__ = [
    "API_VERSION",
    "CalibrationCase",
    "CalibrationMargin",
    "Completion",
    "Connector",
    "ConnectorContext",
    "ConnectorError",
    "Conversation",
    "EvaluationContext",
    "EvaluationInput",
    "EvaluationResult",
    "Evaluator",
    "Evidence",
    "Exchange",
    "Judge",
    "JudgeClient",
    "JudgeError",
    "JudgeReply",
    "JudgeRequest",
    "JudgeSettings",
    "LLMEvaluator",
    "NetworkGuard",
    "PiiDetector",
    "PiiFinding",
    "Requirement",
    "Role",
    "Turn",
    "mask",
    "scored",
    "transcript",
]
