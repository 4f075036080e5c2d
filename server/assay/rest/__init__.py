"""The REST API for CI pipelines, mounted at /api/v1 (see assay.rest.api and its openapi.json)."""
