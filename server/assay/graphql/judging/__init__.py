"""Judges, the evaluator catalog, calibration reports and the calibration gate in the API."""

from assay.graphql.judging.mutations.configure_judge import ConfigureJudgeMutation
from assay.graphql.judging.mutations.delete_judge import DeleteJudgeMutation
from assay.graphql.judging.mutations.disable_evaluator import DisableEvaluatorMutation
from assay.graphql.judging.mutations.enable_evaluator import EnableEvaluatorMutation
from assay.graphql.judging.mutations.test_judge import TestJudgeMutation
from assay.graphql.judging.mutations.update_judge import UpdateJudgeMutation
from assay.graphql.judging.queries import JudgingQuery

QUERIES: tuple[type, ...] = (JudgingQuery,)
MUTATIONS: tuple[type, ...] = (
    ConfigureJudgeMutation,
    UpdateJudgeMutation,
    DeleteJudgeMutation,
    TestJudgeMutation,
    EnableEvaluatorMutation,
    DisableEvaluatorMutation,
)
