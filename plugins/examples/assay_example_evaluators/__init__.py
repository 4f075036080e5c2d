"""Example third-party evaluators for Assay, registered through entry points.

They import only ``assay_sdk``, as every plugin must.
"""
