"""Agent connections in the API.

List this domain's query and mutation classes here; the schema collects them.
"""

from assay.graphql.connections.mutations.create_agent_connection import (
    CreateAgentConnectionMutation,
)
from assay.graphql.connections.mutations.rotate_connection_credential import (
    RotateConnectionCredentialMutation,
)
from assay.graphql.connections.mutations.test_connection import TestConnectionMutation
from assay.graphql.connections.mutations.update_agent_connection import (
    UpdateAgentConnectionMutation,
)
from assay.graphql.connections.queries import ConnectionQuery

QUERIES: tuple[type, ...] = (ConnectionQuery,)
MUTATIONS: tuple[type, ...] = (
    CreateAgentConnectionMutation,
    UpdateAgentConnectionMutation,
    RotateConnectionCredentialMutation,
    TestConnectionMutation,
)
