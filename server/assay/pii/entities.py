"""The entity types a ``pii_leak`` assert may name: the sixteen built-in ones, and any other
an installed detector reports."""

from __future__ import annotations

from assay.plugins.registry import pii_detectors

BUILT_IN = ("EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "US_SSN", "ES_DNI", "ES_NIE", "AR_DNI",
            "AR_CUIT", "BR_CPF", "BR_CNPJ", "CL_RUT", "MX_CURP", "MX_RFC", "UK_NINO",
            "PASSPORT")


def known_entities() -> tuple[str, ...]:
    """Every entity type a finding can have, the built-in ones first."""
    extra = sorted({str(entry.plugin.entity) for entry in pii_detectors().plugins.values()}
                   - set(BUILT_IN))
    return (*BUILT_IN, *extra)
