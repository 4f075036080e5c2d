"""Runs in the API."""

from assay.graphql.runs.mutations.cancel_run import CancelRunMutation
from assay.graphql.runs.mutations.start_run import StartRunMutation
from assay.graphql.runs.queries import RunQuery
from assay.graphql.runs.subscriptions import RunProgressSubscription

QUERIES: tuple[type, ...] = (RunQuery,)
MUTATIONS: tuple[type, ...] = (StartRunMutation, CancelRunMutation)
SUBSCRIPTIONS: tuple[type, ...] = (RunProgressSubscription,)
