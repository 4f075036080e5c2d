"""Webhooks in the API: endpoints, their one-time secrets, deliveries and redelivery."""

from assay.graphql.webhooks.mutations.create_webhook import CreateWebhookMutation
from assay.graphql.webhooks.mutations.delete_webhook import DeleteWebhookMutation
from assay.graphql.webhooks.mutations.redeliver_webhook import RedeliverWebhookMutation
from assay.graphql.webhooks.mutations.rotate_webhook_secret import RotateWebhookSecretMutation
from assay.graphql.webhooks.mutations.update_webhook import UpdateWebhookMutation
from assay.graphql.webhooks.queries import WebhooksQuery

QUERIES: tuple[type, ...] = (WebhooksQuery,)
MUTATIONS: tuple[type, ...] = (
    CreateWebhookMutation,
    UpdateWebhookMutation,
    DeleteWebhookMutation,
    RotateWebhookSecretMutation,
    RedeliverWebhookMutation,
)
