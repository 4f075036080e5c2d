"""The SDK's API version: bumped only on a breaking change of a plugin contract."""

API_VERSION = 1
