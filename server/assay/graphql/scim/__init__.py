"""SCIM in the GraphQL API: the organization's SCIM tokens (the provisioning itself is
/scim/v2, see assay.scim)."""

from assay.graphql.scim.mutations.create_scim_token import CreateScimTokenMutation
from assay.graphql.scim.mutations.revoke_scim_token import RevokeScimTokenMutation
from assay.graphql.scim.queries import ScimQuery

QUERIES: tuple[type, ...] = (ScimQuery,)
MUTATIONS: tuple[type, ...] = (CreateScimTokenMutation, RevokeScimTokenMutation)
