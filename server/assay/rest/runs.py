"""GET /runs/{run_id}, GET /runs/{run_id}/results, POST /runs/{run_id}/cancel."""

from __future__ import annotations

from assay.auth.permissions import Permission
from assay.rest.call import Reply, RestCall
from assay.rest.params import path_id
from assay.rest.results import page_request, results_page
from assay.rest.routing import Operation, RestRoute, Success
from assay.rest.serialize import result_json, run_json
from assay.runs import events, queue, service


async def get_run(call: RestCall) -> Reply:
    run = await service.get_run(path_id(call.params["run_id"], "Run"))
    return Reply(200, run_json(run))


async def list_results(call: RestCall) -> Reply:
    run = await service.get_run(path_id(call.params["run_id"], "Run"))
    page = await results_page(run.id, page_request(run.id, call.request.query_params))
    return Reply(200, {"results": [result_json(case, result) for case, result in page.rows],
                       "next_cursor": page.next_cursor})


async def cancel_run(call: RestCall) -> Reply:
    run = await service.cancel_run(run_id=path_id(call.params["run_id"], "Run"))

    async def tell_subscribers() -> None:
        await events.status_changed(await queue.pool(call.settings), run.id)

    call.after_commit(tell_subscribers)
    return Reply(200, run_json(run))


ROUTES = [
    RestRoute("GET", "/runs/{run_id}", get_run, permission=Permission.RUN_READ,
              operation=Operation(
                  operation_id="getRun", summary="A run: its status and counts",
                  description="Poll it until status is COMPLETED, FAILED or CANCELLED.",
                  parameters=("RunId",),
                  successes={200: Success("The run.", "Run")},
                  refusals={404: ("RUN_NOT_FOUND",)})),
    RestRoute("GET", "/runs/{run_id}/results", list_results, permission=Permission.RUN_READ,
              operation=Operation(
                  operation_id="listRunResults", summary="A page of a run's case results",
                  description="Results in run order (position); only cases that have a "
                  "result appear, so a running run's pages grow. Follow next_cursor with "
                  "`after` until it is null; read a running run again from the start (or "
                  "once it has finished) to see cases that finished out of order.",
                  parameters=("RunId", "Limit", "After"),
                  successes={200: Success("A page of results.", "ResultsPage")},
                  refusals={404: ("RUN_NOT_FOUND",), 422: ("INVALID_INPUT",)})),
    RestRoute("POST", "/runs/{run_id}/cancel", cancel_run, permission=Permission.RUN_CANCEL,
              operation=Operation(
                  operation_id="cancelRun", summary="Stop a QUEUED or RUNNING run",
                  description="Every case without a result is recorded CANCELLED and "
                  "nothing more is sent to the agent.",
                  parameters=("RunId",),
                  successes={200: Success("The cancelled run.", "Run")},
                  refusals={404: ("RUN_NOT_FOUND",), 409: ("RUN_FINISHED",)})),
]
