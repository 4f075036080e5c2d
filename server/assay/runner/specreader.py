"""Reading a YAML mapping into one of the connection spec dataclasses, field by field.

The spec classes (``assay.connections.specs``) describe what a connection takes; their
field names are the plan file's keys. Types are checked here (text, whole numbers, choices,
lists, nested objects); what the values mean is checked by the connection validators.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar

from assay.runner.problems import Collector, Path

T = TypeVar("T")
_NOT_TEXT = "must be text: put it in quotes if it looks like a number, date or yes/no"


def read_spec(cls: type[T], raw: object, path: Path, out: Collector) -> T | None:
    """An instance of the dataclass ``cls`` from ``raw``, or None after adding problems."""
    if not isinstance(raw, Mapping):
        out.add(path, f"must be a mapping of {_field_list(cls)}")
        return None
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    _unknown_keys(raw, fields, path, out)
    values: dict[str, Any] = {}
    complete = True
    for name, spec_field in fields.items():
        if name not in raw or raw[name] is None:
            if _required(spec_field):
                out.add((*path, name), "is required")
                complete = False
            continue
        ok, value = _value(hints[name], raw[name], (*path, name), out)
        complete = complete and ok
        values[name] = value
    return cls(**values) if complete else None


def _required(spec_field: dataclasses.Field[Any]) -> bool:
    return (spec_field.default is dataclasses.MISSING
            and spec_field.default_factory is dataclasses.MISSING)


def _field_list(cls: type[Any]) -> str:
    return ", ".join(f.name for f in dataclasses.fields(cls))


def _unknown_keys(raw: Mapping[Any, Any], fields: Mapping[str, Any], path: Path,
                  out: Collector) -> None:
    for key in raw:
        if key in fields:
            continue
        close = difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}?" if close else f"the fields are {', '.join(fields)}"
        out.add((*path, str(key)), f"is not a field here: remove it ({hint})")


def _value(hint: Any, raw: object, path: Path, out: Collector) -> tuple[bool, Any]:
    """(ok, value) for one field whose declared type is ``hint``."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _value(inner, raw, path, out)
    if origin is tuple:
        return _items(typing.get_args(hint)[0], raw, path, out)
    if dataclasses.is_dataclass(hint):
        value = read_spec(hint, _named_pairs(hint, raw), path, out)  # type: ignore[arg-type]
        return value is not None, value
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return _choice(hint, raw, path, out)
    if hint is int:
        if isinstance(raw, int) and not isinstance(raw, bool):
            return True, raw
        out.add(path, "must be a whole number")
        return False, None
    if isinstance(raw, str):
        return True, raw
    out.add(path, _NOT_TEXT)
    return False, None


def _named_pairs(cls: type[Any], raw: object) -> object:
    """A header list may also be written as a mapping: {X-Team: qa} for [{name, value}]."""
    names = [f.name for f in dataclasses.fields(cls)]
    if names == ["name", "value"] and isinstance(raw, tuple) and len(raw) == 2:
        return {"name": raw[0], "value": raw[1]}
    return raw


def _items(item_hint: Any, raw: object, path: Path, out: Collector) -> tuple[bool, Any]:
    if isinstance(raw, Mapping) and dataclasses.is_dataclass(item_hint):
        raw = list(raw.items())
    if not isinstance(raw, list):
        out.add(path, "must be a list")
        return False, None
    results = [_value(item_hint, item, (*path, str(i)), out) for i, item in enumerate(raw)]
    return all(ok for ok, _ in results), tuple(value for _, value in results)


def _choice(enum: type[StrEnum], raw: object, path: Path, out: Collector) -> tuple[bool, Any]:
    names = ", ".join(member.name for member in enum)
    if isinstance(raw, str):
        member = next((m for m in enum if m.name == raw.strip().upper()), None)
        if member is not None:
            return True, member
        out.add(path, f"{raw!r} is not accepted: use one of {names}")
    else:
        out.add(path, f"must be one of {names}")
    return False, None
