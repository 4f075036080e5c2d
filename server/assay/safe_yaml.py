"""The YAML loader every reader of user files uses: PyYAML's safe loader without aliases.

Aliases are refused (no expansion bombs, no values shared by surprise); the reader turns
:class:`AliasUsed` into its own error with the line it carries.
"""

from __future__ import annotations

import yaml


class AliasUsed(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__("alias")
        #: The 1-based line of the alias.
        self.line = mark.line + 1


class NoAliasLoader(yaml.SafeLoader):
    """The safe loader, refusing aliases."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise AliasUsed(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        return super().compose_node(parent, index)
