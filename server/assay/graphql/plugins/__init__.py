"""Installed plugins in the API: the admin ``plugins`` query (nothing here changes)."""

from assay.graphql.plugins.queries import PluginsQuery

QUERIES: tuple[type, ...] = (PluginsQuery,)
MUTATIONS: tuple[type, ...] = ()
