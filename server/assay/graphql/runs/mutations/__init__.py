"""Run mutations, one per module."""
