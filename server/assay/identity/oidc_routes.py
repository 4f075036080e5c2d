"""The browser's two stops of a provider sign-in: ``/auth/oidc/{provider}/start`` and
``/auth/oidc/{provider}/callback``.

``start`` (GET; ``?intent=signup&organizationName=...`` to open an account) sets the
binding cookie ``assay_oidc`` (HttpOnly, SameSite=Lax so it comes back on the provider's
top-level redirect, Secure outside development, path /auth/oidc/, ten minutes) and
redirects to the provider. ``callback`` clears it (unless the state was not this browser's:
a forged callback must not break a sign-in in progress) and redirects to the sign-in page
(``ASSAY_OIDC_RETURN_URL``) with the outcome in the URL fragment: ``#challenge=...&
totpEnrollmentRequired=true|false&expiresAt=...`` (the page continues with
beginTotpEnrollment or verifyTotp, as after logIn), or ``#error=CODE&message=...``.

Why the fragment: browsers never send it to a server or in a Referer header, so the
challenge reaches no log on its way; it is single-use, lives five minutes and is worth
nothing without a TOTP code. A cookie would have to be readable by the page's script (it
must send the challenge to GraphQL), which gains nothing over the fragment.
"""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from assay.errors import ValidationFailed
from assay.identity import oidc
from assay.identity.oidc_errors import INVALID_REQUEST, STATE_INVALID, OidcFailed
from assay.identity.trail import Origin
from assay.settings import OidcProvider, Settings

COOKIE = "assay_oidc"
COOKIE_PATH = "/auth/oidc/"
_NO_STORE = {"cache-control": "no-store", "referrer-policy": "no-referrer"}


def _origin(request: Request) -> Origin:
    return Origin(request_id=request.scope.get("assay.request_id", ""),
                  ip=request.scope.get("assay.client_ip", ""),
                  user_agent=request.headers.get("user-agent", "")[:400])


def _to_page(settings: Settings, provider: OidcProvider, values: dict[str, str]) -> Response:
    url = f"{oidc.return_url(settings, provider)}#{urlencode(values)}"
    return RedirectResponse(url, status_code=303, headers=_NO_STORE)


def _failure(settings: Settings, provider: OidcProvider, failure: OidcFailed) -> Response:
    return _to_page(settings, provider, {"error": failure.code, "message": failure.message})


def _unknown_provider(request: Request, failure: OidcFailed) -> Response:
    """No page to send the browser to: answer like the API's other refusals."""
    return JSONResponse({"errors": [{"message": failure.message, "extensions": {
        "code": failure.code, "requestId": request.scope.get("assay.request_id", "")}}]},
        status_code=404, headers=_NO_STORE)


def routes(settings: Settings) -> list[Route]:
    """The start and callback routes, for the application's route table."""
    secure = settings.environment != "development"

    async def start(request: Request) -> Response:
        try:
            provider = oidc.provider_named(settings, request.path_params["provider"])
        except OidcFailed as failure:
            return _unknown_provider(request, failure)
        try:
            redirect = await oidc.start(
                settings, provider, intent=request.query_params.get("intent", "login"),
                organization_name=request.query_params.get("organizationName", ""))
        except ValidationFailed as invalid:
            return _failure(settings, provider, OidcFailed(INVALID_REQUEST, invalid.message))
        except OidcFailed as failure:
            return _failure(settings, provider, failure)
        response = RedirectResponse(redirect.url, status_code=302, headers=_NO_STORE)
        response.set_cookie(COOKIE, redirect.browser_secret,
                            max_age=int(oidc.LIFETIME.total_seconds()), path=COOKIE_PATH,
                            secure=secure, httponly=True, samesite="lax")
        return response

    async def callback(request: Request) -> Response:
        try:
            provider = oidc.provider_named(settings, request.path_params["provider"])
        except OidcFailed as failure:
            return _unknown_provider(request, failure)
        query = request.query_params
        try:
            started = await oidc.finish(
                settings, provider, state=query.get("state", ""), code=query.get("code", ""),
                error=query.get("error", ""), browser_secret=request.cookies.get(COOKIE, ""),
                origin=_origin(request))
        except OidcFailed as failure:
            if failure.code == STATE_INVALID:  # not this browser's sign-in: leave it be
                return _failure(settings, provider, failure)
            response = _failure(settings, provider, failure)
        else:
            response = _to_page(settings, provider, {
                "challenge": started.challenge,
                "totpEnrollmentRequired": "true" if started.enrollment_required else "false",
                "expiresAt": started.expires_at.isoformat(),
            })
        response.delete_cookie(COOKIE, path=COOKIE_PATH, secure=secure, httponly=True,
                               samesite="lax")
        return response

    return [
        Route("/auth/oidc/{provider}/start", start, methods=["GET"]),
        Route("/auth/oidc/{provider}/callback", callback, methods=["GET"]),
    ]
