"""Evaluations of runs in the API."""

from assay.graphql.evaluations.mutations.evaluate_run import EvaluateRunMutation
from assay.graphql.evaluations.queries import EvaluationQuery
from assay.graphql.evaluations.subscriptions import EvaluationProgressSubscription

QUERIES: tuple[type, ...] = (EvaluationQuery,)
MUTATIONS: tuple[type, ...] = (EvaluateRunMutation,)
SUBSCRIPTIONS: tuple[type, ...] = (EvaluationProgressSubscription,)
