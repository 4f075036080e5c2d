"""Every plugin this process can use, by kind, loaded once from the entry points."""
