"""Assay's built-in evaluators and PII detectors.

They are registered through entry points exactly like a third party's plugins (see
``pyproject.toml``) and import only ``assay_sdk``, never ``assay``.
"""
