"""JSON Schemas of the ``json_schema`` assert: checked when saved, compiled once when checking."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, cast

import jsonschema
from jsonschema.exceptions import SchemaError

from assay.testing.asserts.catalog import MAX_SCHEMA_CHARS
from assay.testing.asserts.json_values import json_problem


def schema_problem(schema: object) -> str | None:
    """Why ``schema`` cannot be saved as an assert's JSON Schema, or None."""
    if not isinstance(schema, Mapping):
        return "must be a JSON Schema object, like {\"type\": \"object\"}"
    problem = json_problem(schema)
    if problem:
        return problem
    if len(json.dumps(schema)) > MAX_SCHEMA_CHARS:
        return f"is larger than {MAX_SCHEMA_CHARS:,} characters as JSON: simplify it"
    if _has_remote_ref(schema):
        return "refers to another document with $ref: only local references like " \
               "\"#/$defs/item\" work; copy the referenced schema in"
    validator = _validator_class(schema)
    if validator is None:
        return f"names an unknown $schema {schema['$schema']!r}: use a JSON Schema draft URI " \
               "such as https://json-schema.org/draft/2020-12/schema, or leave $schema out"
    try:
        validator.check_schema(dict(schema))
    except SchemaError as exc:
        return f"is not a valid JSON Schema: {exc.message} (at {exc.json_path}); fix that keyword"
    return None


@lru_cache(maxsize=256)
def schema_validator(schema_json: str) -> jsonschema.protocols.Validator:
    """A validator (with format checks) for the schema given as JSON text; cached."""
    schema = json.loads(schema_json)
    cls = _validator_class(schema) if isinstance(schema, dict) else None
    cls = cls or jsonschema.Draft202012Validator
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _has_remote_ref(node: object) -> bool:
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            return True
        return any(_has_remote_ref(value) for value in node.values())
    if isinstance(node, list):
        return any(_has_remote_ref(value) for value in node)
    return False


class _UnknownDraft:
    """Marks a $schema that jsonschema does not know."""


def _validator_class(schema: Mapping[str, Any]) -> type[jsonschema.protocols.Validator] | None:
    """The draft's validator (2020-12 without $schema); None for an unknown $schema."""
    default = cast(type[jsonschema.protocols.Validator], _UnknownDraft)
    if "$schema" not in schema:
        return jsonschema.Draft202012Validator
    found = jsonschema.validators.validator_for(schema, default=default)
    return None if found is default else found
