"""The GraphQL API: schema, context, permissions, and one package per domain."""
