"""The sixteen built-in PII detectors, by the names the entry points use."""

from __future__ import annotations

from assay_evaluators.pii.argentina import ArCuitDetector, ArDniDetector
from assay_evaluators.pii.brazil import BrCnpjDetector, BrCpfDetector
from assay_evaluators.pii.chile import ClRutDetector
from assay_evaluators.pii.contact import EmailDetector, PhoneDetector
from assay_evaluators.pii.financial import CreditCardDetector, IbanDetector
from assay_evaluators.pii.mexico import MxCurpDetector, MxRfcDetector
from assay_evaluators.pii.passport import PassportDetector
from assay_evaluators.pii.spain import EsDniDetector, EsNieDetector
from assay_evaluators.pii.uk import UkNinoDetector
from assay_evaluators.pii.us import UsSsnDetector

__all__ = [
    "ArCuitDetector",
    "ArDniDetector",
    "BrCnpjDetector",
    "BrCpfDetector",
    "ClRutDetector",
    "CreditCardDetector",
    "EmailDetector",
    "EsDniDetector",
    "EsNieDetector",
    "IbanDetector",
    "MxCurpDetector",
    "MxRfcDetector",
    "PassportDetector",
    "PhoneDetector",
    "UkNinoDetector",
    "UsSsnDetector",
]
