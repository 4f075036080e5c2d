"""Report mutations, one per module."""
