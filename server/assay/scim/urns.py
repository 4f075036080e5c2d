"""The schema URNs of RFC 7643 and RFC 7644 that Assay speaks, and its own group extension."""

from __future__ import annotations

USER = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
#: RFC 7643's enterprise user extension: accepted in requests, not stored.
ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
#: Assay's extension of Group: the role and projects a group gives its members.
ASSAY_GROUP = "urn:assay:params:scim:schemas:extension:2.0:Group"
SERVICE_PROVIDER_CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"
RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType"
SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema"
LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"

#: The media type of every SCIM request and response body (RFC 7644 §3.1).
MEDIA_TYPE = "application/scim+json"
