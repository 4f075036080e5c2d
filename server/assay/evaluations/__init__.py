"""Evaluations: scoring a finished run with chosen evaluators, written once."""
