"""The whole journey against a real `assay serve` process over HTTP, mail on loopback SMTP."""

from __future__ import annotations

from pathlib import Path

from assay.db.config import DatabaseUrl
from tests.identity.flows import (
    BEGIN,
    CONFIRM,
    LOG_IN,
    LOG_OUT,
    PASSWORD,
    SIGN_UP,
    VERIFY_EMAIL,
    VIEWER,
    Browser,
    code_at,
    early_in_a_step,
    new_email,
)
from tests.mail.smtp_server import smtp_server
from tests.server_process import environment, serving


async def test_sign_up_to_sign_out_on_a_running_server(
    database: dict[str, DatabaseUrl], tmp_path: Path
) -> None:
    email = new_email()
    with smtp_server(("assay", "relay-secret")) as mailbox:
        env = environment(database, tmp_path, ASSAY_SMTP_URL=mailbox.url,
                          ASSAY_MAIL_FROM="Assay <no-reply@assay.example>",
                          ASSAY_PUBLIC_URL="http://assay.example.com",
                          ASSAY_ARGON2_TIME_COST="2", ASSAY_ARGON2_MEMORY_KIB="19456",
                          ASSAY_ARGON2_PARALLELISM="1")
        async with serving(env) as client:
            browser = Browser(client, mailbox)
            signed_up = await browser.result(SIGN_UP, {"email": email, "password": PASSWORD,
                                                       "org": "Served Co"})
            [mail] = mailbox.to(email)
            await browser.result(VERIFY_EMAIL, {"token": mail.token()})
            started = await browser.result(LOG_IN, {"email": email, "password": PASSWORD})
            begun = await browser.result(BEGIN, {"challenge": started["challenge"]})
            await early_in_a_step()
            confirmed = await browser.post(CONFIRM, {"challenge": started["challenge"],
                                                     "code": code_at(begun["secret"])})
            viewer = await browser.result(VIEWER)
            signed_out = await browser.result(LOG_OUT)
            after = await browser.post(VIEWER)

    assert signed_up["__typename"] == "SignUpSuccess"
    assert mail.authenticated_as == "assay"
    assert "http://assay.example.com/verify-email#token=" in mail.text
    assert confirmed.json()["data"]["confirmTotpEnrollment"]["__typename"] == (
        "ConfirmTotpEnrollmentSuccess")
    set_cookie = confirmed.headers["set-cookie"]
    assert "HttpOnly" in set_cookie and "SameSite=lax" in set_cookie
    assert "Secure" not in set_cookie  # development: plain http on a laptop
    assert (viewer["kind"], viewer["role"]) == ("USER", "OWNER")
    assert signed_out == {"signedOut": True}
    assert after.json() == {"data": {"viewer": None}}  # the cleared cookie: anonymous now
