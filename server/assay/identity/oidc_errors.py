"""Why a sign-in through the OpenID Connect provider failed, as codes a sign-in page can show.

The callback hands the code and message to the page in the URL fragment; nothing in them
comes from the provider's own error text, which could be anything.
"""

from __future__ import annotations

from assay.errors import DomainError

#: The server offers no such provider (nothing configured, or another name in the URL).
NOT_CONFIGURED = "OIDC_NOT_CONFIGURED"
#: The start request was malformed (e.g. an organization name that is not one).
INVALID_REQUEST = "INVALID_REQUEST"
#: The callback's state is unknown, used, expired, or was started in another browser.
STATE_INVALID = "STATE_INVALID"
#: The provider said no (the person cancelled, or the provider refused the client).
PROVIDER_REFUSED = "PROVIDER_REFUSED"
#: The provider could not be reached, or its documents are unusable.
PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE"
#: The token endpoint refused the code (used already, expired, or a PKCE mismatch).
CODE_REJECTED = "CODE_REJECTED"
#: The ID token failed a check: signature, issuer, audience, expiry or nonce.
ID_TOKEN_INVALID = "ID_TOKEN_INVALID"
#: The provider has not verified the address, so it links to no account and opens none.
EMAIL_NOT_VERIFIED = "EMAIL_NOT_VERIFIED"
#: No account matches and the person did not ask to sign up.
NO_ACCOUNT = "NO_ACCOUNT"
#: The account matched is disabled.
ACCOUNT_DISABLED = "ACCOUNT_DISABLED"


class OidcFailed(DomainError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def state_invalid() -> OidcFailed:
    return OidcFailed(STATE_INVALID, "this sign-in has expired, was already completed, or "
                      "was started in another browser: start signing in again")


def id_token_invalid() -> OidcFailed:
    return OidcFailed(ID_TOKEN_INVALID, "the sign-in provider's answer failed Assay's checks, "
                      "so nobody was signed in: start signing in again, and tell your Assay "
                      "operator if it keeps failing")
