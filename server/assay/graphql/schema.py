"""The schema: every domain's queries, mutations and subscriptions, plus the hardening
extensions."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.extensions.disable_introspection import DisableIntrospection
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from assay.graphql import (
    audit,
    auth,
    connections,
    directives,
    evaluations,
    judging,
    plugins,
    projects,
    reports,
    runs,
    scim,
    testing,
    webhooks,
)
from assay.graphql.auth.csrf import CsrfGuard
from assay.graphql.connections.inputs import SECRET_VALUE_SCALAR, SecretValue
from assay.graphql.extensions import (
    MaskUnexpectedErrors,
    OperationTransport,
    TenancyExtension,
)
from assay.graphql.node import NodeQuery
from assay.settings import Settings

#: Each domain package lists its QUERIES and MUTATIONS; the schema merges them.
DOMAINS = (auth, projects, testing, connections, runs, audit, judging, plugins, evaluations,
           webhooks, reports, scim)
QUERIES: tuple[type, ...] = (NodeQuery, *(q for d in DOMAINS for q in d.QUERIES))
MUTATIONS: tuple[type, ...] = tuple(m for d in DOMAINS for m in d.MUTATIONS)
#: Domains with live events list SUBSCRIPTIONS (served over the websocket only).
SUBSCRIPTIONS: tuple[type, ...] = tuple(
    s for d in DOMAINS for s in getattr(d, "SUBSCRIPTIONS", ()))


class AssaySchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Log nothing here: MaskUnexpectedErrors logs unexpected errors with the request id,
        and errors about the request itself may hold the submitted values (secrets)."""


def build_schema(settings: Settings) -> strawberry.Schema:
    extensions: list[Any] = [
        MaskUnexpectedErrors,
        CsrfGuard,
        lambda: QueryDepthLimiter(max_depth=settings.max_query_depth),
        lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        OperationTransport,
        TenancyExtension,
    ]
    if settings.production:
        extensions.append(DisableIntrospection)
    return AssaySchema(
        query=merge_types("Query", QUERIES),
        mutation=merge_types("Mutation", MUTATIONS),
        subscription=merge_types("Subscription", SUBSCRIPTIONS),
        extensions=extensions,
        schema_directives=[directives.RequiresPermission, directives.Public],
        config=StrawberryConfig(
            disable_field_suggestions=settings.production,
            scalar_map={SecretValue: SECRET_VALUE_SCALAR},
        ),
    )
