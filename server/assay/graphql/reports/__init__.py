"""Reports in the API."""

from assay.graphql.reports.mutations.create_report import CreateReportMutation
from assay.graphql.reports.mutations.summarise_report import SummariseReportMutation
from assay.graphql.reports.queries import ReportQuery

QUERIES: tuple[type, ...] = (ReportQuery,)
MUTATIONS: tuple[type, ...] = (CreateReportMutation, SummariseReportMutation)
