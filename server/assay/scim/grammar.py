"""The SCIM filter and attribute-path grammar (RFC 7644 §3.4.2.2 and §3.5.2), parsed into
small immutable trees.

    filter    = term *("or" term)
    term      = factor *("and" factor)
    factor    = "(" filter ")" / "not" "(" filter ")" / comparison
    comparison= attrPath ["[" filter "]" [".subAttr"]] (op value / "pr")
    PATH      = attrPath ["[" filter "]" [".subAttr"]]

Attribute names are case-insensitive; a path may carry its schema URN
(``urn:ietf:params:scim:schemas:core:2.0:User:name.givenName``). A core schema's URN is
dropped; an extension's attributes keep the extension URN as their name (``role`` of
Assay's group extension is ``name=<urn>, sub="role"``). What the trees may say is decided
where they are used: here only the syntax is checked.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from assay.scim import urns

OPERATORS = frozenset({"eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr"})
_CORE = (urns.USER, urns.GROUP)
_EXTENSIONS = (urns.ENTERPRISE_USER, urns.ASSAY_GROUP)
_TOKEN = re.compile(r"""\s*(?:(?P<punct>[()\[\]])|(?P<string>"(?:[^"\\]|\\.)*")|"""
                    r"""(?P<word>[A-Za-z0-9_.:$\-+]+))""")


class GrammarError(ValueError):
    """The text is not a filter or path; the message says where."""


@dataclass(frozen=True)
class AttrPath:
    #: The attribute as written (``userName``), or an extension URN.
    name: str
    #: A sub-attribute (``givenName`` of ``name.givenName``; ``value`` after ``emails[...]``).
    sub: str | None = None
    #: The value filter between brackets (``type eq "work"`` of ``emails[type eq "work"]``).
    where: Node | None = None

    @property
    def key(self) -> str:
        """The lower-cased attribute name, for comparisons."""
        return self.name.lower()

    @property
    def sub_key(self) -> str | None:
        return None if self.sub is None else self.sub.lower()


@dataclass(frozen=True)
class Comparison:
    path: AttrPath
    #: One of OPERATORS, lower-cased; or "[]" for a bare value path (``members[value eq "x"]``).
    op: str
    value: Any = None


@dataclass(frozen=True)
class Logical:
    op: str  # "and" or "or"
    left: Node
    right: Node


@dataclass(frozen=True)
class Negation:
    inner: Node


Node = Comparison | Logical | Negation


def _tokens(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise GrammarError(f"unexpected character {text[position:position + 1]!r} at "
                               f"position {position + 1}")
        kind = match.lastgroup or ""
        found.append((kind, match.group(kind)))
        position = match.end()
    return found


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.position = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise GrammarError("the text ends too early")
        self.position += 1
        return token

    def keyword(self, *words: str) -> str | None:
        token = self.peek()
        if token is not None and token[0] == "word" and token[1].lower() in words:
            self.position += 1
            return token[1].lower()
        return None

    def expect(self, punct: str) -> None:
        kind, text = self.take()
        if (kind, text) != ("punct", punct):
            raise GrammarError(f"expected {punct!r}, found {text!r}")

    def done(self) -> None:
        token = self.peek()
        if token is not None:
            raise GrammarError(f"unexpected {token[1]!r} after the end")

    def filter(self) -> Node:
        node = self.term()
        while self.keyword("or"):
            node = Logical("or", node, self.term())
        return node

    def term(self) -> Node:
        node = self.factor()
        while self.keyword("and"):
            node = Logical("and", node, self.factor())
        return node

    def factor(self) -> Node:
        token = self.peek()
        if token == ("punct", "("):
            self.take()
            node = self.filter()
            self.expect(")")
            return node
        if self.keyword("not"):
            self.expect("(")
            inner = self.filter()
            self.expect(")")
            return Negation(inner)
        return self.comparison()

    def comparison(self) -> Comparison:
        path = self.path()
        if path.where is not None and path.sub is None and not self._operator_next():
            return Comparison(path, "[]")
        kind, text = self.take()
        op = text.lower()
        if kind != "word" or op not in OPERATORS:
            raise GrammarError(f"expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr) "
                               f"after {path.name}, found {text!r}")
        if op == "pr":
            return Comparison(path, op)
        return Comparison(path, op, self.value())

    def _operator_next(self) -> bool:
        token = self.peek()
        return token is not None and token[0] == "word" and token[1].lower() in OPERATORS

    def value(self) -> Any:
        kind, text = self.take()
        if kind == "string":
            return json.loads(text)
        lowered = text.lower()
        if kind == "word" and lowered in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[lowered]
        try:
            return json.loads(text)  # a number
        except ValueError:
            raise GrammarError(f"expected a value (a \"quoted string\", true, false, null or a "
                               f"number), found {text!r}") from None

    def path(self) -> AttrPath:
        kind, text = self.take()
        if kind != "word" or text.startswith("."):
            raise GrammarError(f"expected an attribute name, found {text!r}")
        name, sub = split_attribute(text)
        if self.peek() != ("punct", "["):
            return AttrPath(name, sub)
        if sub is not None:
            raise GrammarError(f"a value filter follows an attribute, not {text!r}")
        self.take()
        where = self.filter()
        self.expect("]")
        token = self.peek()
        if token is not None and token[0] == "word" and token[1].startswith("."):
            self.take()
            sub = _name(token[1][1:])
        return AttrPath(name, sub, where)


def _name(text: str) -> str:
    if not re.fullmatch(r"\$?[A-Za-z][A-Za-z0-9_\-]*", text):
        raise GrammarError(f"{text!r} is not an attribute name")
    return text


def split_attribute(text: str) -> tuple[str, str | None]:
    """``name.sub`` (with or without a schema URN) -> (name, sub); see the module docstring."""
    lowered = text.lower()
    for urn in _EXTENSIONS:
        if lowered == urn.lower():
            return urn, None
        if lowered.startswith(urn.lower() + ":"):
            return urn, _name(text[len(urn) + 1:])
    for urn in _CORE:
        if lowered.startswith(urn.lower() + ":"):
            text = text[len(urn) + 1:]
            break
    else:
        if lowered.startswith("urn:"):
            return text, None  # an attribute of a schema Assay does not know
    name, dot, sub = text.partition(".")
    return _name(name), (_name(sub) if dot else None)


def parse_filter(text: str) -> Node:
    parser = _Parser(text)
    node = parser.filter()
    parser.done()
    return node


def parse_path(text: str) -> AttrPath:
    parser = _Parser(text)
    path = parser.path()
    parser.done()
    return path


def _text(value: Any) -> str:
    return value.casefold() if isinstance(value, str) else json.dumps(value)


def matches(node: Node, element: dict[str, Any]) -> bool:
    """Whether one value of a multi-valued attribute (``{"type": "work", ...}``) passes a
    value filter. Strings compare case-insensitively."""
    if isinstance(node, Logical):
        if node.op == "and":
            return matches(node.left, element) and matches(node.right, element)
        return matches(node.left, element) or matches(node.right, element)
    if isinstance(node, Negation):
        return not matches(node.inner, element)
    found = next((v for k, v in element.items() if k.lower() == node.path.key), None)
    if node.op == "pr":
        return found not in (None, "", [], {})
    if node.op == "eq":
        return found is not None and _text(found) == _text(node.value)
    if node.op == "ne":
        return found is None or _text(found) != _text(node.value)
    if not isinstance(found, str) or not isinstance(node.value, str):
        return False
    have, want = found.casefold(), node.value.casefold()
    return {"co": want in have, "sw": have.startswith(want), "ew": have.endswith(want)}.get(
        node.op, False)
