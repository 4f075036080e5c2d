"""Projects in the API."""

from assay.graphql.projects.mutations.create_project import CreateProjectMutation
from assay.graphql.projects.queries import ProjectQuery

QUERIES: tuple[type, ...] = (ProjectQuery,)
MUTATIONS: tuple[type, ...] = (CreateProjectMutation,)
