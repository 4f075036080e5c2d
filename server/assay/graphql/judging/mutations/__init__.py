"""One module per judging mutation."""
