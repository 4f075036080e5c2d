"""Audit mutations, one per module."""
