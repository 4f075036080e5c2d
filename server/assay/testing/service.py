"""Test design services: cases, suites, plans, import and export (one module each)."""

from __future__ import annotations

from assay.projects.service import get_project
from assay.testing.cases import (
    CaseFilter,
    CaseUpdate,
    archive_case,
    create_case,
    get_case,
    list_cases,
    update_case,
)
from assay.testing.importing import Export, ImportOutcome, export_cases, import_cases
from assay.testing.plans import (
    PlanChange,
    add_suites,
    create_plan,
    get_plan,
    list_plans,
    set_status,
)
from assay.testing.suites import (
    SuiteChange,
    add_cases,
    create_suite,
    get_suite,
    list_suites,
    remove_cases,
)

__all__ = [
    "CaseFilter",
    "CaseUpdate",
    "Export",
    "ImportOutcome",
    "PlanChange",
    "SuiteChange",
    "add_cases",
    "add_suites",
    "archive_case",
    "create_case",
    "create_plan",
    "create_suite",
    "export_cases",
    "get_case",
    "get_plan",
    "get_project",
    "get_suite",
    "import_cases",
    "list_cases",
    "list_plans",
    "list_suites",
    "remove_cases",
    "set_status",
    "update_case",
]
