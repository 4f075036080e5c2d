"""Connections in the API.

List this domain's query and mutation classes here; the schema collects them.
"""

QUERIES: tuple[type, ...] = ()
MUTATIONS: tuple[type, ...] = ()
