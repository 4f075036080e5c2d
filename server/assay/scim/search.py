"""Filters of ``GET /Users`` and ``GET /Groups`` turned into queries of the organization in scope.

Supported (joined with ``and``/``or``, grouped with parentheses); anything else is refused
with ``invalidFilter`` and this list:

- Users: ``userName eq``, ``externalId eq``, ``emails[type eq "work"].value eq``,
  ``emails.value eq``, ``active eq``, ``id eq``;
- Groups: ``displayName eq``, ``externalId eq``, ``id eq``, ``members[value eq "<User id>"]``
  (and ``members.value eq``).

userName, emails and displayName compare case-insensitively (``caseExact: false`` in RFC
7643); externalId and id exactly.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from tortoise.expressions import Q, Subquery

from assay.scim.errors import ScimError, invalid_filter
from assay.scim.grammar import Comparison, GrammarError, Logical, Node, parse_filter
from assay.scim.models import ScimGroupMember, ScimUser
from assay.scim.values import boolean

USER_FORMS = ('userName eq "…", externalId eq "…", emails[type eq "work"].value eq "…", '
              'emails.value eq "…", active eq true|false, id eq "…"')
GROUP_FORMS = ('displayName eq "…", externalId eq "…", id eq "…", '
               'members[value eq "<User id>"]')

Leaf = Callable[[Comparison], Q | None]


def _compile(node: Node, leaf: Leaf, resource: str, forms: str) -> Q:
    if isinstance(node, Logical):
        left = _compile(node.left, leaf, resource, forms)
        right = _compile(node.right, leaf, resource, forms)
        return left & right if node.op == "and" else left | right
    found = leaf(node) if isinstance(node, Comparison) else None  # "not" is not supported
    if found is None:
        raise invalid_filter(f"this filter is not supported: Assay filters {resource} by "
                             f"{forms}, joined with and/or")
    return found


def _parsed(text: str) -> Node:
    try:
        return parse_filter(text)
    except GrammarError as exc:
        raise invalid_filter(f"the filter does not parse: {exc}; write it like "
                             "userName eq \"ada@example.com\"") from None


def _by_id(value: Any) -> Q | None:
    if not isinstance(value, str):
        return None
    try:
        return Q(id=uuid.UUID(value))
    except ValueError:
        return Q(id__in=[])  # not an id of ours: matches nothing


def _is_eq_string(node: Comparison) -> bool:
    return node.op == "eq" and isinstance(node.value, str)


def _user_leaf(node: Comparison) -> Q | None:
    path = node.path
    if path.key == "emails" and path.sub_key == "value":
        return _email_leaf(node)
    if path.where is not None or path.sub is not None or node.op != "eq":
        return None
    if path.key == "active":
        try:
            return Q(active=boolean(node.value, "active"))
        except ScimError:
            return None
    if not isinstance(node.value, str):
        return None
    if path.key == "username":
        return Q(user_name_key=node.value.casefold())
    if path.key == "externalid":
        return Q(external_id=node.value)
    if path.key == "id":
        return _by_id(node.value)
    return None


def _email_leaf(node: Comparison) -> Q | None:
    """``emails.value eq`` or ``emails[type eq "work"].value eq`` (addresses are stored
    lower-cased, so a JSON containment test finds them)."""
    if not _is_eq_string(node):
        return None
    wanted: dict[str, str] = {"value": node.value.strip().lower()}
    where = node.path.where
    if where is not None:
        if not (isinstance(where, Comparison) and where.path.key == "type"
                and where.path.sub is None and _is_eq_string(where)):
            return None
        wanted["type"] = where.value.strip().lower()
    return Q(emails__contains=[wanted])


def _members_with(value: Any) -> Q | None:
    """Groups that have the SCIM user ``value`` as a member."""
    if not isinstance(value, str):
        return None
    try:
        user_id = uuid.UUID(value)
    except ValueError:
        return Q(id__in=[])
    memberships = ScimUser.filter(id=user_id).values("membership_id")
    groups = ScimGroupMember.filter(membership_id__in=Subquery(memberships)).values("group_id")
    return Q(id__in=Subquery(groups))


def _group_leaf(node: Comparison) -> Q | None:
    path = node.path
    if path.key == "members":
        return _members_leaf(node)
    if path.where is not None or path.sub is not None or not _is_eq_string(node):
        return None
    if path.key == "displayname":
        return Q(display_name__iexact=node.value)
    if path.key == "externalid":
        return Q(external_id=node.value)
    if path.key == "id":
        return _by_id(node.value)
    return None


def _members_leaf(node: Comparison) -> Q | None:
    """``members[value eq "…"]``, ``members.value eq "…"`` or ``members eq "…"``."""
    where = node.path.where
    if node.op == "[]":
        if isinstance(where, Comparison) and where.path.key == "value" and _is_eq_string(where):
            return _members_with(where.value)
        return None
    if where is None and node.path.sub_key in ("value", None) and _is_eq_string(node):
        return _members_with(node.value)
    return None


def user_condition(text: str) -> Q:
    return _compile(_parsed(text), _user_leaf, "Users", USER_FORMS)


def group_condition(text: str) -> Q:
    return _compile(_parsed(text), _group_leaf, "Groups", GROUP_FORMS)
