"""Audit in the API: the auditEvents query (events are written by the services, never here)."""

from assay.graphql.audit.queries import AuditQuery

QUERIES: tuple[type, ...] = (AuditQuery,)
MUTATIONS: tuple[type, ...] = ()
