"""Connection mutations, one per module."""
