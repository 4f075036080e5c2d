"""Viewer and API keys in the API."""
