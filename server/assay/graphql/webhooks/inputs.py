"""Inputs of the webhook mutations."""

from __future__ import annotations

import strawberry

from assay.webhooks.service import EndpointChanges, EndpointSpec


@strawberry.input(description="A webhook: where to post, and which events.")
class CreateWebhookInput:
    url: str = strawberry.field(description="http(s)://host[:port]/path of the receiver; "
                                "no user:password@ (the signature proves the sender).")
    events: list[str] = strawberry.field(description="Event types: run.finished, "
                                         "evaluation.finished, comparison.regression.")
    description: str | None = strawberry.field(default=None, description="Up to 500 "
                                               "characters, for people.")
    active: bool = strawberry.field(default=True, description="Whether it receives events.")

    def to_spec(self) -> EndpointSpec:
        return EndpointSpec(url=self.url, events=list(self.events),
                            description=self.description, active=self.active)


@strawberry.input(description="What to change in a webhook; fields left out stay as they are.")
class UpdateWebhookInput:
    id: strawberry.ID
    url: str | None = None
    events: list[str] | None = None
    description: str | None = None
    active: bool | None = strawberry.field(
        default=None, description="false stops new deliveries and the retries of pending "
        "ones (they become FAILED; redeliver them once it is active again).")

    def to_changes(self) -> EndpointChanges:
        return EndpointChanges(url=self.url,
                               events=list(self.events) if self.events is not None else None,
                               description=self.description, active=self.active)
