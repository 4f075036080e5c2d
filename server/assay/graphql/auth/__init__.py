"""Viewer and API keys in the API."""

from assay.graphql.auth.mutations.create_api_key import CreateApiKeyMutation
from assay.graphql.auth.mutations.revoke_api_key import RevokeApiKeyMutation
from assay.graphql.auth.queries import AuthQuery

QUERIES: tuple[type, ...] = (AuthQuery,)
MUTATIONS: tuple[type, ...] = (CreateApiKeyMutation, RevokeApiKeyMutation)
