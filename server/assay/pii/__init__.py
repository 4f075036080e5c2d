"""PII in agents' answers: scanning text with every installed detector, resolving what they
found, and the masked form stored with a case result."""

from assay.pii.masking import stored_finding, stored_findings
from assay.pii.scan import scan

__all__ = ["scan", "stored_finding", "stored_findings"]
