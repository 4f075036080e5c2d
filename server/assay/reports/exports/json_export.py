"""The JSON export: the snapshot itself, with sorted keys and indented, UTF-8 kept."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


def render_json(snapshot: Mapping[str, Any]) -> str:
    return json.dumps(snapshot, indent=2, sort_keys=True, ensure_ascii=False,
                      allow_nan=False) + "\n"
