"""A mutation that fails with a typed error leaves nothing behind."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.db.transactions import tenant_transaction
from assay.errors import Conflict
from assay.graphql.errors import ConflictError, returns_errors
from assay.projects import service as projects
from assay.projects.models import Project
from tests.support import make_org


@strawberry.type
class Done:
    ok: bool


Result = Annotated[Done | ConflictError, strawberry.union("HalfWayResult")]


@strawberry.type
class Mutation:
    @strawberry.mutation
    @returns_errors
    async def half_way(self) -> Result:
        await projects.create_project(name="Written before the failure")
        raise Conflict("the second step clashed", "CLASH")


@strawberry.type
class Query:
    ok: bool = True


async def test_a_typed_error_rolls_back_what_the_mutation_wrote(database: object) -> None:
    org = await make_org()
    schema = strawberry.Schema(query=Query, mutation=Mutation)

    async with tenant_transaction(org.id):
        result = await schema.execute("mutation { halfWay { __typename ... on ConflictError "
                                      "{ code message } } }")
        names = await Project.all().values_list("name", flat=True)

    assert result.errors is None
    assert result.data == {"halfWay": {"__typename": "ConflictError", "code": "CLASH",
                                       "message": "the second step clashed"}}
    assert names == ["Default"]
