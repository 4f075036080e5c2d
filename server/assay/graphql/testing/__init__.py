"""Test design in the API: test cases, suites, plans, import and export."""

from assay.graphql.testing.mutations.add_suites_to_plan import AddSuitesToPlanMutation
from assay.graphql.testing.mutations.add_test_cases_to_suite import AddTestCasesToSuiteMutation
from assay.graphql.testing.mutations.archive_test_case import ArchiveTestCaseMutation
from assay.graphql.testing.mutations.create_plan import CreatePlanMutation
from assay.graphql.testing.mutations.create_suite import CreateSuiteMutation
from assay.graphql.testing.mutations.create_test_case import CreateTestCaseMutation
from assay.graphql.testing.mutations.import_test_cases import ImportTestCasesMutation
from assay.graphql.testing.mutations.remove_test_cases_from_suite import (
    RemoveTestCasesFromSuiteMutation,
)
from assay.graphql.testing.mutations.set_plan_status import SetPlanStatusMutation
from assay.graphql.testing.mutations.update_test_case import UpdateTestCaseMutation
from assay.graphql.testing.queries import TestingQuery

QUERIES: tuple[type, ...] = (TestingQuery,)
MUTATIONS: tuple[type, ...] = (
    CreateTestCaseMutation,
    UpdateTestCaseMutation,
    ArchiveTestCaseMutation,
    ImportTestCasesMutation,
    CreateSuiteMutation,
    AddTestCasesToSuiteMutation,
    RemoveTestCasesFromSuiteMutation,
    CreatePlanMutation,
    AddSuitesToPlanMutation,
    SetPlanStatusMutation,
)
