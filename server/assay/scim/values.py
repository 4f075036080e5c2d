"""The values of a User or Group document, checked: what a POST, a PUT or a patched document
may hold, read into plain dataclasses (or a SCIM ``invalidValue`` error that says what to send).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from assay.errors import ValidationFailed
from assay.identity.emails import normalise_email
from assay.ids import decode_id
from assay.organizations.models import Role
from assay.scim import urns
from assay.scim.access import GROUP_ROLES
from assay.scim.errors import invalid_value

MAX_EMAILS = 20
MAX_MEMBERS = 10_000


def boolean(value: Any, attribute: str) -> bool:
    """A boolean, also from the strings "true"/"false" in any case (Entra ID sends "False")."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise invalid_value(f"{attribute} must be true or false, not {value!r}")


def text(value: Any, attribute: str, limit: int, *, required: bool = False) -> str:
    if value is None and not required:
        return ""
    if isinstance(value, str) and len(value) <= limit and (value.strip() or not required):
        return value.strip() if required else value
    size = f"1 to {limit}" if required else f"at most {limit}"
    raise invalid_value(f"{attribute} must be a string of {size} characters")


def optional_text(value: Any, attribute: str, limit: int) -> str | None:
    return None if value is None else text(value, attribute, limit)


@dataclass(frozen=True)
class UserValues:
    user_name: str
    external_id: str | None
    given_name: str
    family_name: str
    formatted_name: str
    display_name: str
    emails: list[dict[str, Any]]
    #: None when the document does not say (a PUT without ``active`` leaves it as it is).
    active: bool | None

    @property
    def sign_in_email(self) -> str:
        """The address the person is known by: the primary email, else the first work one,
        else the first; else the userName when it is an address."""
        chosen = next((e for e in self.emails if e["primary"]), None) or next(
            (e for e in self.emails if e["type"] == "work"), None) or (
            self.emails[0] if self.emails else None)
        if chosen is not None:
            return str(chosen["value"])
        try:
            return normalise_email(self.user_name)
        except ValidationFailed:
            raise invalid_value("give the person an email address: in emails (primary or "
                                "work), or as a userName that is an address") from None


def _email(item: dict[str, Any]) -> dict[str, Any]:
    value = item.get("value")
    try:
        address = normalise_email(value if isinstance(value, str) else "")
    except ValidationFailed:
        raise invalid_value(f"emails: {value!r} is not an email address: give values like "
                            "ada@example.com") from None
    kind = text(item.get("type"), "emails.type", 32).strip().lower()
    primary = False if item.get("primary") is None else boolean(item["primary"],
                                                                  "emails.primary")
    return {"value": address, "type": kind, "primary": primary}


def _emails(value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_EMAILS:
        raise invalid_value(f"emails must be a list of at most {MAX_EMAILS} objects like "
                            "{\"value\": \"ada@example.com\", \"type\": \"work\", "
                            "\"primary\": true}")
    emails: list[dict[str, Any]] = []
    for item in value:
        email = _email(item)
        if all(e["value"] != email["value"] for e in emails):
            emails.append(email)
    if sum(e["primary"] for e in emails) > 1:
        raise invalid_value("emails: only one address can be primary")
    return emails


def read_user(document: dict[str, Any]) -> UserValues:
    name = document.get("name") or {}
    if not isinstance(name, dict):
        raise invalid_value("name must be an object of givenName, familyName and formatted")
    return UserValues(
        user_name=text(document.get("userName"), "userName", 320, required=True),
        external_id=optional_text(document.get("externalId"), "externalId", 255),
        given_name=text(name.get("givenName"), "name.givenName", 200),
        family_name=text(name.get("familyName"), "name.familyName", 200),
        formatted_name=text(name.get("formatted"), "name.formatted", 400),
        display_name=text(document.get("displayName"), "displayName", 200),
        emails=_emails(document.get("emails")),
        active=None if document.get("active") is None else boolean(document["active"],
                                                                    "active"),
    )


@dataclass(frozen=True)
class GroupValues:
    display_name: str
    external_id: str | None
    #: The SCIM User ids of the members, as given (checked against the organization later).
    member_ids: list[str]
    role: Role
    project_ids: list[uuid.UUID]


def _member_ids(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_MEMBERS:
        raise invalid_value(f"members must be a list of at most {MAX_MEMBERS} objects like "
                            "{\"value\": \"<User id>\"}")
    ids: list[str] = []
    for item in value:
        member = item.get("value") if isinstance(item, dict) else None
        if not isinstance(member, str) or not member:
            raise invalid_value("each member is an object with the User's id as its value: "
                                "{\"value\": \"<User id>\"}")
        if member not in ids:
            ids.append(member)
    return ids


def _role(value: Any) -> Role:
    if value is None:
        return Role.MEMBER
    wanted = value.strip().upper() if isinstance(value, str) else None
    names = ", ".join(r.value for r in GROUP_ROLES)
    if wanted == Role.OWNER.value:
        raise invalid_value("a group cannot give the OWNER role: owners are made in Assay by "
                            f"another owner; give one of {names}")
    if wanted not in {r.value for r in GROUP_ROLES}:
        raise invalid_value(f"{urns.ASSAY_GROUP}:role must be one of {names}, not {value!r}")
    return Role(wanted)


def _project_ids(value: Any) -> list[uuid.UUID]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise invalid_value(f"{urns.ASSAY_GROUP}:projectIds must be a list of Project ids")
    ids: list[uuid.UUID] = []
    for item in value:
        decoded = decode_id(item) if isinstance(item, str) else None
        if decoded is None or decoded[0] != "Project":
            raise invalid_value(f"{urns.ASSAY_GROUP}:projectIds: {item!r} is not a Project id: "
                                "give the id field of a Project, as the Assay API shows it")
        if decoded[1] not in ids:
            ids.append(decoded[1])
    return ids


def read_group(document: dict[str, Any]) -> GroupValues:
    extension = document.get(urns.ASSAY_GROUP) or {}
    if not isinstance(extension, dict):
        raise invalid_value(f"{urns.ASSAY_GROUP} must be an object of role and projectIds")
    return GroupValues(
        display_name=text(document.get("displayName"), "displayName", 200, required=True),
        external_id=optional_text(document.get("externalId"), "externalId", 255),
        member_ids=_member_ids(document.get("members")),
        role=_role(extension.get("role")),
        project_ids=_project_ids(extension.get("projectIds")),
    )
