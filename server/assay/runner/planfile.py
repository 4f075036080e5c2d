"""Loading a local plan file (YAML): its name, the agent's connection, and its cases.

    name: Support bot smoke          # optional; default: the file name without .yaml
    concurrency: 4                   # optional; simultaneous conversations
    connection:
      http: {url: ..., method: POST, body_template: ..., response_path: ..., auth: {type: BEARER}}
      credentials: {auth: {env: AGENT_TOKEN}}
    cases:
      - id: refund-window
        input: How long do refunds take?
        expected_output: Thirty days.
        asserts: [{type: contains, value: refund}]

Every problem of the file is reported at once, each with its path and line.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from assay.runner.case_file import FileCase, read_cases
from assay.runner.connection_file import FileConnection, read_connection
from assay.runner.problems import Collector, PlanFileInvalid, Problem
from assay.runner.yamlfile import YamlUnreadable, read_yaml

TOP_KEYS = ("name", "concurrency", "connection", "cases")
MAX_BYTES = 5 * 1024 * 1024
MAX_NAME = 200


@dataclass(frozen=True)
class PlanFile:
    name: str
    connection: FileConnection
    #: Simultaneous conversations with the agent.
    concurrency: int
    cases: tuple[FileCase, ...]


def load_plan_file(path: Path) -> PlanFile:
    """The validated plan file at ``path``; PlanFileInvalid lists every problem."""
    return parse_plan_file(_read(path), path.name, default_name=_stem(path))


def parse_plan_file(text: str, file_name: str, *, default_name: str) -> PlanFile:
    try:
        document = read_yaml(text)
    except YamlUnreadable as exc:
        raise PlanFileInvalid(file_name, [exc.problem]) from None
    out = Collector(document.line)
    out.problems.extend(document.problems)
    raw = document.value
    if not isinstance(raw, Mapping):
        out.add((), "a plan file is a mapping with connection: and cases: (and optionally "
                "name: and concurrency:)")
        raise PlanFileInvalid(file_name, out.problems)
    _top_keys(raw, out)
    name = _name(raw.get("name"), default_name, out)
    connection, concurrency = read_connection(raw.get("connection"), raw.get("concurrency"),
                                              out)
    cases = read_cases(raw.get("cases"), out)
    if out.problems or connection is None:
        raise PlanFileInvalid(file_name, out.problems)
    return PlanFile(name, connection, concurrency, tuple(cases))


def _read(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise PlanFileInvalid(str(path), [Problem((), f"cannot be read ({exc.strerror}): "
                                                       "check the path")]) from None
    if len(data) > MAX_BYTES:
        raise PlanFileInvalid(path.name, [Problem((), f"is larger than {MAX_BYTES // 2**20} "
                                                      "MB: split it into several files")])
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise PlanFileInvalid(path.name, [Problem((), f"is not UTF-8 text (byte {exc.start}): "
                                                      "save it as UTF-8")]) from None


def _stem(path: Path) -> str:
    return path.name.removesuffix(".yaml").removesuffix(".yml") or path.name


def _top_keys(raw: Mapping[object, object], out: Collector) -> None:
    for key in raw:
        if key in TOP_KEYS:
            continue
        close = difflib.get_close_matches(str(key), TOP_KEYS, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}?" if close else f"use {', '.join(TOP_KEYS)}"
        out.add((str(key),), f"is not a field of a plan file: remove it ({hint})")


def _name(raw: object, default: str, out: Collector) -> str:
    if raw is None:
        return default[:MAX_NAME]
    if not isinstance(raw, str) or not raw.strip() or len(raw.strip()) > MAX_NAME:
        out.add(("name",), f"give the plan a name of 1 to {MAX_NAME} characters (by default "
                "it is the file name)")
        return default
    return raw.strip()
