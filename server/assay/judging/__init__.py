"""Judges as an organization configures them, their cache, and calibration."""
