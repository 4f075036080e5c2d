"""The demo organization: a travel assistant's test design, created through the public API."""
