"""Testing mutations, one per module."""
