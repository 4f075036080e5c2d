"""webhooks and webhookDeliveries."""

from __future__ import annotations

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.permissions import guarded_field
from assay.graphql.relay import Connection, PageRequest, connection_from_rows, expect_id
from assay.graphql.webhooks.types import DeliveryStatusEnum, WebhookDeliveryType, WebhookType
from assay.webhooks import service


@strawberry.type
class WebhooksQuery:
    @guarded_field(Permission.WEBHOOK_READ,
                   description="The organization's webhooks, oldest first (never their "
                   "secrets).")
    async def webhooks(self) -> list[WebhookType]:
        return [WebhookType.from_model(row) for row in await service.list_endpoints()]

    @guarded_field(Permission.WEBHOOK_READ,
                   description="Deliveries, newest first; optionally of one webhook and in "
                   "one status (e.g. FAILED ones to redeliver).")
    async def webhook_deliveries(
        self,
        endpoint_id: strawberry.ID | None = None,
        status: DeliveryStatusEnum | None = None,  # type: ignore[valid-type]
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[WebhookDeliveryType]:
        """NOT_FOUND (an error) for an endpointId that is unknown or not yours."""
        endpoint_pk = None
        if endpoint_id:
            endpoint_pk = expect_id(endpoint_id, "Webhook", "endpointId")
            await service.require_endpoint(endpoint_pk)
        page = PageRequest.of(first, after)
        queryset = service.deliveries(endpoint_pk, status)
        newest = queryset.order_by("-id")
        if page.after is not None:
            newest = newest.filter(id__lt=page.after)
        rows = await newest.limit(page.size + 1)
        return connection_from_rows(rows, WebhookDeliveryType.from_model, page, queryset.count)
