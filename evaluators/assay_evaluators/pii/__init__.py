"""The built-in PII detectors: one plugin per entity, registered through the
``assay.pii_detectors`` entry points (see :mod:`assay_evaluators.pii.detectors`).

Every detector is a precompiled pattern, a validator (a checksum wherever the document has
one) and whole-word context words in English, Spanish and Portuguese; each ships a labelled
calibration dataset in ``data/<slug>.jsonl``.
"""
