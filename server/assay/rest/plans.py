"""POST /plans/{plan_id}/runs: start a run from CI, once per Idempotency-Key.

The business rules live in assay.runs.service; like the startRun mutation, this queues the
new run's cases inside the request's transaction (a job that starts before the commit waits
for it), and queues nothing when the key names a run started earlier.
"""

from __future__ import annotations

from assay.auth.permissions import Permission
from assay.errors import ValidationFailed
from assay.rest.call import Reply, RestCall
from assay.rest.errors import from_domain, invalid_input
from assay.rest.params import body_id, path_id
from assay.rest.routing import Operation, RestRoute, Success
from assay.rest.serialize import run_json, run_path
from assay.runs import queue, service
from assay.tenancy.scope import require_org

IDEMPOTENCY_HEADER = "Idempotency-Key"
#: The service's input paths (GraphQL names) -> where they are in a REST request.
_FIELDS: dict[tuple[str, ...], str] = {("input", "idempotencyKey"): IDEMPOTENCY_HEADER,
           ("input", "connectionId"): "connection_id"}
_BODY_FIELDS = {"connection_id"}


async def start_run(call: RestCall) -> Reply:
    plan_id = path_id(call.params["plan_id"], "Plan")
    body = call.body_object()
    unknown = sorted(set(body) - _BODY_FIELDS)
    if unknown:
        raise invalid_input(unknown[0], "unknown field: the body takes only connection_id")
    connection_id = body_id(body.get("connection_id"), "AgentConnection", "connection_id")
    try:
        started = await service.start_run(plan_id=plan_id, connection_id=connection_id,
                                          idempotency_key=call.header(IDEMPOTENCY_HEADER))
    except ValidationFailed as exc:
        raise from_domain(exc, _FIELDS) from None
    if not started.created:
        return Reply(200, run_json(started.run))
    # In the request's transaction, as startRun does: if queueing fails, nothing is written.
    await queue.enqueue_cases(call.settings, require_org(), started.run_case_ids,
                              kind=started.run.snapshot["connection"]["kind"])
    return Reply(201, run_json(started.run), {"Location": run_path(started.run.id)})


ROUTES = [
    RestRoute("POST", "/plans/{plan_id}/runs", start_run, permission=Permission.RUN_CREATE,
              operation=Operation(
                  operation_id="startRun",
                  summary="Start a run of a READY plan against an agent connection",
                  description="Freezes the plan's cases at their current versions and queues "
                  "them, one job each. With an Idempotency-Key, starting again with the same "
                  "key answers 200 with the run it started and queues nothing.",
                  parameters=("PlanId", "IdempotencyKey"),
                  body="StartRunBody",
                  successes={
                      201: Success("A new run, queued.", "Run", ("Location",)),
                      200: Success("The run this Idempotency-Key already started.", "Run"),
                  },
                  refusals={
                      404: ("PLAN_NOT_FOUND", "CONNECTION_NOT_FOUND"),
                      409: ("IDEMPOTENCY_KEY_REUSED", "IDEMPOTENCY_KEY_IN_USE",
                            "PLAN_NOT_READY", "PLAN_EMPTY"),
                      422: ("INVALID_INPUT",),
                  })),
]
