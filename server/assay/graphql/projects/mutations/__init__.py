"""Project mutations, one per module."""
