"""One module per SCIM token mutation."""
