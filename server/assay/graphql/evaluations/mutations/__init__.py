"""Evaluation mutations, one per module."""
