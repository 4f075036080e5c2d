"""Outgoing mail: SMTP when configured, otherwise a local outbox for development."""
