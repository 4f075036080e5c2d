"""SCIM 2.0 provisioning at /scim/v2: users and groups from an identity provider."""
