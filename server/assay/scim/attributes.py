"""Which attributes of a User and a Group Assay keeps, and request bodies put in that shape.

SCIM attribute names are case-insensitive; inside Assay every document uses the canonical
spelling (``userName``, ``emails[].value``). Standard RFC 7643 attributes Assay does not keep
(``title``, ``phoneNumbers``, the enterprise extension...) are accepted and dropped, so an
identity provider's default attribute mapping works; anything else is an unknown attribute.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assay.scim import urns
from assay.scim.errors import ScimError, invalid_path, invalid_value
from assay.scim.grammar import AttrPath, GrammarError, split_attribute


@dataclass(frozen=True)
class Attribute:
    name: str
    #: Canonical sub-attribute names of a complex attribute (single- or multi-valued).
    subs: tuple[str, ...] = ()
    multi: bool = False
    required: bool = False
    read_only: bool = False
    #: Sub-attributes of the standard that Assay accepts and drops.
    dropped_subs: frozenset[str] = frozenset()

    def sub(self, name: str) -> str | None:
        """The canonical spelling of sub-attribute ``name``; None when it is dropped.

        Raises invalidPath for a name the attribute does not have.
        """
        lowered = name.lower()
        for sub in self.subs:
            if sub.lower() == lowered:
                return sub
        if lowered in self.dropped_subs:
            return None
        raise invalid_path(f"{self.name} has no sub-attribute {name!r}: it has "
                           f"{', '.join(self.subs)}")


@dataclass(frozen=True)
class ResourceSchema:
    resource: str
    attributes: tuple[Attribute, ...]
    #: Lower-cased names of standard attributes that are accepted and dropped.
    dropped: frozenset[str] = field(default_factory=frozenset)

    def lookup(self, path: AttrPath) -> Attribute | None:
        """The attribute ``path`` names; None when it is dropped. Raises invalidPath when the
        resource has no such attribute."""
        for attribute in self.attributes:
            if attribute.name.lower() == path.key:
                if path.sub is not None and not attribute.subs:
                    raise invalid_path(f"{attribute.name} has no sub-attributes: use the path "
                                       f"{attribute.name!r}")
                return attribute
        if path.key in self.dropped:
            return None
        kept = ", ".join(a.name for a in self.attributes if not a.read_only)
        raise invalid_path(f"a {self.resource} has no attribute {path.name!r}: Assay keeps "
                           f"{kept}")


_MEMBER_SUBS = ("value", "display", "type", "$ref")

USER = ResourceSchema(
    resource="User",
    attributes=(
        Attribute("userName", required=True),
        Attribute("externalId"),
        Attribute("name", subs=("givenName", "familyName", "formatted"),
                  dropped_subs=frozenset({"middlename", "honorificprefix", "honorificsuffix"})),
        Attribute("displayName"),
        Attribute("emails", subs=("value", "type", "primary"), multi=True,
                  dropped_subs=frozenset({"display"})),
        Attribute("active"),
        Attribute("id", read_only=True),
        Attribute("meta", read_only=True),
        Attribute("groups", subs=_MEMBER_SUBS, multi=True, read_only=True),
        Attribute("schemas", read_only=True),
    ),
    dropped=frozenset({
        "nickname", "profileurl", "title", "usertype", "preferredlanguage", "locale",
        "timezone", "password", "phonenumbers", "ims", "photos", "addresses", "entitlements",
        "roles", "x509certificates", urns.ENTERPRISE_USER.lower(),
    }),
)

GROUP = ResourceSchema(
    resource="Group",
    attributes=(
        Attribute("displayName", required=True),
        Attribute("externalId"),
        Attribute("members", subs=_MEMBER_SUBS, multi=True),
        Attribute(urns.ASSAY_GROUP, subs=("role", "projectIds")),
        Attribute("id", read_only=True),
        Attribute("meta", read_only=True),
        Attribute("schemas", read_only=True),
    ),
)


def canonical_element(attribute: Attribute, value: Any) -> dict[str, Any]:
    """One value of a complex attribute with its sub-attributes spelled canonically."""
    if not isinstance(value, dict):
        raise invalid_value(f"{attribute.name} takes objects of {', '.join(attribute.subs)}, "
                            f"e.g. {{\"value\": \"...\"}}")
    element: dict[str, Any] = {}
    for key, item in value.items():
        try:
            sub = attribute.sub(key)
        except ScimError:  # a value's unknown parts are dropped, like unknown attributes
            continue
        if sub is not None:
            element[sub] = item
    return element


def canonical_value(attribute: Attribute, value: Any) -> Any:
    """``value`` for the whole of ``attribute``, its sub-attributes spelled canonically."""
    if attribute.multi:
        items = value if isinstance(value, list) else [value]
        return [canonical_element(attribute, item) for item in items]
    if attribute.subs:
        return canonical_element(attribute, value)
    return value


def canonical_document(body: dict[str, Any], schema: ResourceSchema) -> dict[str, Any]:
    """A POST or PUT body with only the attributes Assay keeps, spelled canonically.

    Read-only attributes are ignored (RFC 7644 §3.5.1), and so are attributes Assay does
    not know: a provider's body carries many, and refusing them would block provisioning.
    (A PATCH that names an unknown attribute in its path is refused: that is a mistake.)
    """
    document: dict[str, Any] = {}
    for key, value in body.items():
        try:
            name, sub = split_attribute(key)
            attribute = schema.lookup(AttrPath(name, sub))
            canonical = None if attribute is None or sub is None else attribute.sub(sub)
        except (GrammarError, ScimError):
            continue
        if attribute is None or attribute.read_only or value is None:
            continue
        if sub is None:
            document[attribute.name] = canonical_value(attribute, value)
        elif canonical is not None:
            document.setdefault(attribute.name, {})[canonical] = value
    return document
