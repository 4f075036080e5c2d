"""API key mutations, one per module."""
