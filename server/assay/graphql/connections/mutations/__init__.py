"""Connections mutations, one per module."""
