"""Tenancy: which organization (and which projects) the current code may touch."""
