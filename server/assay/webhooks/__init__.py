"""Webhooks: an organization's endpoints, and the signed, retried deliveries of its events."""
