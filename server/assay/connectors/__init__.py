"""Connector plugins shipped with Assay (http, browser), registered like a third party's."""
