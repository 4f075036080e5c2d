"""The browser connector against a chat web app on loopback, in Debian's real Chromium."""

from __future__ import annotations

import asyncio
import re
import struct
import zlib
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from assay.connections import config
from assay.connections.checks import CredentialRules, Issues
from assay.connections.specs import BrowserSpec, SelectorsSpec, StepAction, StepSpec
from assay.connectors.browser import BrowserConnector
from assay.connectors.browser_proxy import GuardProxy
from assay.connectors.browser_record import Secrets
from assay.connectors.network import NetworkPolicy, refusal
from assay.connectors.registry import connector_for
from assay.settings import Settings
from assay_sdk.connectors import ConnectorContext, ConnectorError, Exchange, NetworkGuard
from tests.connectors.browser_agent import PASSWORD, ChatAgent, served

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHROMIUM = Settings().browser_executable
RULES = CredentialRules({"password"}, "add it to the connection")
#: What the guard says about the internal server's address.
REFUSED = refusal("127.0.0.2", "127.0.0.2").message


@pytest.fixture(scope="module")
def chat_server() -> Iterator[tuple[ChatAgent, str]]:
    agent = ChatAgent()
    with served(agent.app(), "127.0.0.1") as base:
        yield agent, base


@pytest.fixture(scope="module")
def internal_server() -> Iterator[tuple[ChatAgent, str]]:
    """A server on 127.0.0.2: loopback, which the strict guard refuses."""
    agent = ChatAgent()
    with served(agent.app(), "127.0.0.2") as base:
        yield agent, base


@pytest.fixture
def agent(chat_server: tuple[ChatAgent, str]) -> ChatAgent:
    chat_server[0].reset()
    return chat_server[0]


@pytest.fixture
def base(chat_server: tuple[ChatAgent, str]) -> str:
    return chat_server[1]


@pytest.fixture
def internal(internal_server: tuple[ChatAgent, str]) -> tuple[ChatAgent, str]:
    internal_server[0].reset()
    return internal_server


async def started(guard: NetworkGuard) -> BrowserConnector:
    connector = BrowserConnector()
    await connector.start(ConnectorContext(guard=guard, browser_executable=CHROMIUM))
    return connector


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[BrowserConnector]:
    """The operator allows private targets (as the tests and the demo do)."""
    connector = await started(NetworkPolicy(allow_private=True))
    yield connector
    await connector.stop()


@pytest.fixture(scope="module")
async def strict_browser() -> AsyncIterator[BrowserConnector]:
    """Private targets refused, except exactly 127.0.0.1 (where the chat app runs)."""
    connector = await started(NetworkPolicy(allow_private=False,
                                            allowed_networks=["127.0.0.1/32"]))
    yield connector
    await connector.stop()


def browser_config(chat_url: str, *, login_url: str | None = None,
                   login_steps: tuple[StepSpec, ...] = (),
                   post_navigation_steps: tuple[StepSpec, ...] = (),
                   response_timeout_ms: int = 5_000) -> dict[str, Any]:
    """A config validated and stored exactly as the API stores it."""
    spec = BrowserSpec(
        chat_url=chat_url, login_url=login_url, login_steps=login_steps,
        post_navigation_steps=post_navigation_steps,
        selectors=SelectorsSpec(input="#message", send_button="#send", response=".answer",
                                typing_indicator="#typing"),
        navigation_timeout_ms=1_500, response_timeout_ms=response_timeout_ms,
        quiet_period_ms=300)
    issues = Issues()
    result = config.normalise(issues, ("browser",), spec, RULES)
    issues.raise_if_any()
    return result


def login_config(base: str) -> dict[str, Any]:
    return browser_config(f"{base}/secure/chat", login_url=f"{base}/login", login_steps=(
        StepSpec(StepAction.FILL, selector="#username", value="ada"),
        StepSpec(StepAction.FILL, selector="#password", value="{{credentials.password}}"),
        StepSpec(StepAction.CLICK, selector="#login"),
    ))


async def failure(connector: BrowserConnector, cfg: dict[str, Any], message: str = "hello",
                  credentials: dict[str, str] | None = None) -> ConnectorError:
    async with connector.conversation(cfg, credentials or {}) as conversation:
        with pytest.raises(ConnectorError) as caught:
            await conversation.send(message)
    return caught.value


def png_size(data: bytes | str) -> tuple[int, int]:
    """Width and height of a PNG, after checking it whole: signature, every chunk's CRC,
    IEND last, and image data that inflates to exactly one row per pixel line."""
    assert isinstance(data, bytes)
    assert data[:8] == PNG_SIGNATURE
    chunks: list[tuple[bytes, bytes]] = []
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + length]
        assert struct.unpack(">I", data[at + 8 + length:at + 12 + length])[0] == zlib.crc32(
            kind + body)
        chunks.append((kind, body))
        at += 12 + length
    assert (chunks[0][0], chunks[-1][0]) == (b"IHDR", b"IEND")
    width, height, depth, colour = struct.unpack(">IIBB", chunks[0][1][:10])
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    pixels = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    assert len(pixels) == height * (1 + width * channels * depth // 8)
    return width, height


#: Why a conversation takes no screenshot while its login steps may show a credential.
NO_SHOT_AT_LOGIN = ("a step typed a credential and the chat page was not reached after the "
                    "login steps: the page may still show it")
SEND = [{"step": "send", "action": "FILL", "selector": "#message"},
        {"step": "send", "action": "CLICK", "selector": "#send"}]


def test_the_browser_entry_point_is_this_connector() -> None:
    assert connector_for("BROWSER") is BrowserConnector
    assert (BrowserConnector.name, BrowserConnector.kind) == ("browser", "BROWSER")


async def test_three_turns_with_answers_streamed_in_chunks(
        browser: BrowserConnector, agent: ChatAgent, base: str) -> None:
    async with browser.conversation(browser_config(f"{base}/chat"), {}) as conversation:
        first = await conversation.send("hello")
        second = await conversation.send("my name is Ada")
        third = await conversation.send("what is my name?")
    assert [first.reply, second.reply, third.reply] == [
        'Answer 1: you said "hello".',
        'Answer 2: you said "my name is Ada". Earlier you said: "hello".',
        'Answer 3: you said "what is my name?". Earlier you said: "hello", "my name is Ada".',
    ]
    assert first.request == {
        "url": f"{base}/chat", "message": "hello",
        "steps": [{"step": "the chat page", "action": "NAVIGATE", "url": f"{base}/chat"}, *SEND],
    }
    assert third.request == {"url": f"{base}/chat", "message": "what is my name?",
                             "steps": SEND}
    assert third.response == {"url": f"{base}/chat", "answer_selector": ".answer",
                              "answer_index": 2, "answer_elements": 1, "refused": []}
    # Thinking (150 ms) and two gaps between chunks (120 ms) come before the answer is
    # complete; the quiet period that confirms it (300 ms) does not count.
    for exchange in (first, second, third):
        assert 390 <= exchange.latency_ms < 1_000
    assert list(agent.chats.values()) == [["hello", "my name is Ada", "what is my name?"]]


async def test_an_answer_in_two_bubbles_is_one_reply(browser: BrowserConnector,
                                                    agent: ChatAgent, base: str) -> None:
    async with browser.conversation(browser_config(f"{base}/chat?mode=split"), {}) as conv:
        first = await conv.send("hello")
        second = await conv.send("bye")
    assert first.reply == 'Answer 1: you said "hello".\nAnything else?'
    assert second.reply == ('Answer 2: you said "bye". Earlier you said: "hello".\n'
                            "Anything else?")
    assert (second.response["answer_index"], second.response["answer_elements"]) == (2, 2)


async def test_login_with_a_credential(browser: BrowserConnector, agent: ChatAgent,
                                       base: str) -> None:
    async with browser.conversation(login_config(base), {"password": PASSWORD}) as conv:
        exchange = await conv.send("hi")
    assert exchange.reply == 'Answer 1: you said "hi".'
    assert exchange.request["steps"] == [
        {"step": "the login page", "action": "NAVIGATE", "url": f"{base}/login"},
        {"step": "login step 1", "action": "FILL", "selector": "#username", "value": "ada"},
        {"step": "login step 2", "action": "FILL", "selector": "#password",
         "value": "[secret]"},
        {"step": "login step 3", "action": "CLICK", "selector": "#login"},
        {"step": "the chat page", "action": "NAVIGATE", "url": f"{base}/secure/chat"},
        *SEND,
    ]
    assert agent.logins == ["ada"]
    assert PASSWORD not in repr(exchange)


def test_every_encoding_of_a_credential_is_redacted() -> None:
    secrets = Secrets({"password": 'p"w/rd 1'})

    assert secrets.redact('{"pw": "p\\"w/rd 1"} p%22w%2Frd%201 p%22w%2Frd+1 p"w/rd 1') == (
        '{"pw": "[secret]"} [secret] [secret] [secret]')


async def test_a_credential_in_the_message_or_the_answer_is_redacted(
        browser: BrowserConnector, agent: ChatAgent, base: str) -> None:
    async with browser.conversation(login_config(base), {"password": PASSWORD}) as conv:
        exchange = await conv.send(f"my password is {PASSWORD}")
    assert exchange.request["message"] == "my password is [secret]"
    assert exchange.reply == 'Answer 1: you said "my password is [secret]".'
    assert list(agent.chats.values()) == [[f"my password is {PASSWORD}"]]


async def test_a_wrong_password_is_a_login_failure(browser: BrowserConnector, agent: ChatAgent,
                                                   base: str) -> None:
    wrong = "not-the-password"
    error = await failure(browser, login_config(base), credentials={"password": wrong})
    assert error.code == "LOGIN_FAILED"
    assert error.message == (
        f"the login did not succeed: after the login steps, opening the chat page "
        f"{base}/secure/chat gave the login page {base}/login: check the credentials and "
        "the login steps")
    log = error.artifacts["console.log"]
    assert isinstance(log, str)
    assert "console.log: signing in as ada with [secret]" in log
    assert wrong not in log
    assert wrong not in repr((error.message, error.request, error.response))
    # The login steps typed a credential and the chat page was never reached: no picture.
    assert sorted(error.artifacts) == ["console.log"]
    assert f"assay: no screenshot: {NO_SHOT_AT_LOGIN}\n" in log
    assert agent.logins == []
    assert agent.chats == {}


async def test_a_login_form_still_shown_after_the_steps_is_a_login_failure(
        browser: BrowserConnector, agent: ChatAgent, base: str) -> None:
    """Without a login URL the steps run on the chat URL; here it is the sign-in form."""
    cfg = login_config(base)
    cfg.update(chat_url=f"{base}/login", login_url=None)
    error = await failure(browser, cfg, credentials={"password": "wrong"})
    assert error.code == "LOGIN_FAILED"
    assert error.message == (
        f"the login did not succeed: {base}/login still shows a password field instead of "
        "the message input '#message': check the credentials and the login steps")
    assert agent.logins == []


async def test_a_credential_that_is_not_given_is_a_configuration_error(
        browser: BrowserConnector, agent: ChatAgent, base: str) -> None:
    error = await failure(browser, login_config(base), credentials={})
    assert error.code == "CONFIGURATION"
    assert error.message == ("login step 2 (FILL '#password') uses the credential 'password', "
                             "which is not set: add it to the connection's credentials")
    assert [r for r in agent.requests if r != "GET /favicon.ico"] == ["GET /login"]


async def test_a_chat_page_that_answers_404(browser: BrowserConnector, base: str) -> None:
    error = await failure(browser, browser_config(f"{base}/nowhere"))
    assert error.code == "NAVIGATION_FAILED"
    assert error.message == (f"the chat page: {base}/nowhere answered HTTP 404: check the URL "
                             "and that the page is up")


async def test_a_malformed_config_is_refused_when_the_conversation_opens(
        browser: BrowserConnector, base: str) -> None:
    cfg = browser_config(f"{base}/chat")
    del cfg["selectors"]
    with pytest.raises(ConnectorError) as caught:
        browser.conversation(cfg, {})
    assert caught.value.code == "CONFIGURATION"
    assert caught.value.message == (
        "the browser connection's configuration is incomplete or malformed (KeyError: "
        "'selectors'): save the connection again so it is validated")


async def test_a_step_whose_selector_matches_nothing(browser: BrowserConnector,
                                                     agent: ChatAgent, base: str) -> None:
    cfg = browser_config(f"{base}/chat", post_navigation_steps=(
        StepSpec(StepAction.CLICK, selector="#consent"),
        StepSpec(StepAction.CLICK, selector="#does-not-exist"),
    ))
    # The first step fails already: the chat page has no #consent either.
    error = await failure(browser, cfg)
    assert error.code == "SELECTOR_NOT_FOUND"
    assert error.message == (
        f"post-navigation step 1 (CLICK '#consent'): no element matches the selector "
        f"'#consent' within 1500 ms on {base}/chat: check the selector against the page")
    assert error.request["steps"] == [
        {"step": "the chat page", "action": "NAVIGATE", "url": f"{base}/chat"},
        {"step": "post-navigation step 1", "action": "CLICK", "selector": "#consent"},
    ]
    png_size(error.artifacts["screenshot.png"])
    assert agent.chats == {}


async def test_a_page_without_the_send_button(browser: BrowserConnector, agent: ChatAgent,
                                              base: str) -> None:
    error = await failure(browser, browser_config(f"{base}/chat?mode=nosend"))
    assert error.code == "SELECTOR_NOT_FOUND"
    assert error.message == (
        f"the send button: no element matches the selector '#send' within 1500 ms on "
        f"{base}/chat?mode=nosend: check the selector against the page")
    assert agent.chats == {}


async def test_without_a_send_button_selector_enter_sends(
        browser: BrowserConnector, agent: ChatAgent, base: str) -> None:
    cfg = browser_config(f"{base}/chat?mode=nosend")
    cfg["selectors"]["send_button"] = None
    async with browser.conversation(cfg, {}) as conversation:
        exchange = await conversation.send("hello")
    assert exchange.reply == 'Answer 1: you said "hello".'
    assert exchange.request["steps"][-1] == {"step": "send", "action": "PRESS", "key": "Enter",
                                             "selector": "#message"}


async def test_an_answer_that_never_comes_times_out(browser: BrowserConnector,
                                                    base: str) -> None:
    cfg = browser_config(f"{base}/chat?mode=silent", response_timeout_ms=1_000)
    error = await failure(browser, cfg)
    assert error.code == "TIMEOUT"
    assert error.message == (
        "no complete answer: no new element matching the response selector '.answer' "
        "appeared within 1000 ms (response_timeout_ms) after sending")
    assert png_size(error.artifacts["screenshot.png"]) == (1280, 800)
    log = error.artifacts["console.log"]
    assert isinstance(log, str)
    assert "console.error: the agent is not answering" in log
    assert log.endswith(f"assay: failed: TIMEOUT: {error.message}\n")


async def test_two_conversations_do_not_share_cookies(browser: BrowserConnector,
                                                      agent: ChatAgent, base: str) -> None:
    cfg = browser_config(f"{base}/chat")
    async with browser.conversation(cfg, {}) as one, browser.conversation(cfg, {}) as two:
        first = await one.send("remember blue")
        other = await two.send("remember red")
        again = await one.send("which colour?")
    assert first.reply == 'Answer 1: you said "remember blue".'
    assert other.reply == 'Answer 1: you said "remember red".'
    assert again.reply == ('Answer 2: you said "which colour?". Earlier you said: '
                           '"remember blue".')
    assert sorted(agent.chats.values()) == [["remember blue", "which colour?"],
                                            ["remember red"]]


async def test_conversations_run_side_by_side(browser: BrowserConnector, agent: ChatAgent,
                                              base: str) -> None:
    cfg = browser_config(f"{base}/chat")

    async def chat(text: str) -> Exchange:
        async with browser.conversation(cfg, {}) as conversation:
            return await conversation.send(text)

    replies = [e.reply for e in await asyncio.gather(chat("one"), chat("two"), chat("three"))]
    assert replies == ['Answer 1: you said "one".', 'Answer 1: you said "two".',
                       'Answer 1: you said "three".']


async def test_the_guard_refuses_a_private_chat_url(
        strict_browser: BrowserConnector, internal: tuple[ChatAgent, str]) -> None:
    agent, base = internal
    error = await failure(strict_browser, browser_config(f"{base}/chat"))
    assert error.code == "SSRF_REFUSED"
    assert error.message == REFUSED
    assert agent.requests == []


async def test_the_guard_refuses_a_redirect_to_a_private_address(
        strict_browser: BrowserConnector, agent: ChatAgent, base: str,
        internal: tuple[ChatAgent, str]) -> None:
    secret_place = f"{internal[1]}/latest/meta-data"
    jump = f"{base}/redirect?to={secret_place}"
    cfg = browser_config(f"{base}/chat", post_navigation_steps=(
        StepSpec(StepAction.NAVIGATE, url=jump),))
    error = await failure(strict_browser, cfg)
    assert error.code == "SSRF_REFUSED"
    assert error.message == (
        f"post-navigation step 1 (NAVIGATE '{jump}'): opening {jump} led to a refused "
        f"address: {REFUSED}")
    assert "GET /redirect" in agent.requests
    assert internal[0].requests == []


async def test_the_guard_refuses_what_the_page_loads_from_a_private_address(
        strict_browser: BrowserConnector, agent: ChatAgent, base: str,
        internal: tuple[ChatAgent, str]) -> None:
    cfg = browser_config(f"{base}/chat?pixel={internal[1]}/pixel.png")
    async with strict_browser.conversation(cfg, {}) as conversation:
        exchange = await conversation.send("hello")
    assert exchange.reply == 'Answer 1: you said "hello".'
    assert exchange.response["refused"] == [REFUSED]
    assert internal[0].requests == []


async def socks_connect(proxy_url: str, request: bytes,
                        ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter, int]:
    """Greet the proxy, send a SOCKS5 request; returns the streams and the reply code."""
    reader, writer = await asyncio.open_connection("127.0.0.1", int(proxy_url.rsplit(":")[-1]))
    writer.write(b"\x05\x01\x00")
    assert await reader.readexactly(2) == b"\x05\x00"
    writer.write(request)
    reply = await reader.readexactly(10)
    return reader, writer, reply[1]


def socks_request(command: int, host: str, port: int) -> bytes:
    name = host.encode()
    return bytes([5, command, 0, 3, len(name)]) + name + struct.pack("!H", port)


async def test_the_guarding_proxy_dials_only_what_the_guard_allows(
        agent: ChatAgent, base: str, internal: tuple[ChatAgent, str]) -> None:
    lines: list[str] = []
    proxy = GuardProxy(NetworkPolicy(allow_private=False, allowed_networks=["127.0.0.1/32"]),
                       lambda source, text: lines.append(f"{source}: {text}"))
    url = await proxy.start()
    internal_port = int(internal[1].rsplit(":")[-1])
    try:
        _, refused, code = await socks_connect(url, socks_request(1, "127.0.0.2", internal_port))
        refused.close()
        assert code == 2  # connection not allowed by ruleset
        _, bind, code = await socks_connect(url, socks_request(2, "127.0.0.1", 80))
        bind.close()
        assert code == 7  # command not supported
        reader, writer, code = await socks_connect(
            url, socks_request(1, "127.0.0.1", int(base.rsplit(":")[-1])))
        assert code == 0
        writer.write(b"GET /chat HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert (await reader.read()).startswith(b"HTTP/1.1 200 OK\r\n")
        writer.close()
    finally:
        await proxy.close()
    assert [e.message for e in proxy.refusals] == [REFUSED]
    assert lines == [f"network: connection to 127.0.0.2:{internal_port} not made: {REFUSED}"]
    assert internal[0].requests == []
    assert agent.requests == ["GET /chat"]


async def test_a_missing_chromium_is_a_configuration_error() -> None:
    connector = BrowserConnector()
    with pytest.raises(ConnectorError) as caught:
        await connector.start(ConnectorContext(guard=NetworkPolicy(allow_private=True),
                                               browser_executable="/nowhere/chromium"))
    assert caught.value.code == "CONFIGURATION"
    assert caught.value.message == (
        "Chromium was not found at '/nowhere/chromium': install it (apt-get install "
        "chromium) or set ASSAY_BROWSER_EXECUTABLE to its path")


def test_a_conversation_needs_a_started_connector() -> None:
    with pytest.raises(RuntimeError, match="start the browser connector"):
        BrowserConnector().conversation({}, {})


# --- Evidence: what a conversation hands over when its case went wrong ---------------------

STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00 ")


def unstamped(lines: tuple[str, ...]) -> list[str]:
    """The log lines without their timestamps (each must have one), and without the 404 of
    the favicon, which Chromium asks for on its own at a moment of its choosing."""
    assert all(STAMP.match(line) for line in lines), lines
    return [STAMP.sub("", line, count=1) for line in lines if "/favicon.ico:" not in line]


def login_log(base: str) -> list[str]:
    """The log of a successful login and the chat page opening (credentials redacted)."""
    return [
        f"assay: the login page: opening {base}/login",
        f"console.log: login page ready ({base}/login:10)",
        "assay: login step 1 (FILL '#username')",
        "assay: login step 2 (FILL '#password')",
        "assay: login step 3 (CLICK '#login')",
        f"console.log: signing in as ada with [secret] ({base}/login:15)",
        # The form's answer redirects to the chat page; then the connector opens it itself.
        f"console.log: chat page ready ({base}/secure/chat:13)",
        f"assay: the chat page: opening {base}/secure/chat",
        f"console.log: chat page ready ({base}/secure/chat:13)",
    ]


async def test_evidence_after_an_answer_shows_the_chat_page_and_the_whole_log(
        browser: BrowserConnector, agent: ChatAgent, base: str) -> None:
    """A case that got its answers but failed an assert: the page as it ended."""
    async with browser.conversation(login_config(base), {"password": PASSWORD}) as conv:
        await conv.send("hi")
        evidence = await conv.evidence()
        again = await conv.evidence()
    assert evidence is not None
    assert again is evidence
    assert png_size(evidence.screenshot or b"") == (1280, 800)
    assert evidence.url == f"{base}/secure/chat"
    assert evidence.notes == ()
    assert unstamped(evidence.console) == login_log(base)
    assert PASSWORD not in repr(evidence)


async def test_evidence_of_a_failed_message_is_what_the_error_carried(
        browser: BrowserConnector, base: str) -> None:
    cfg = browser_config(f"{base}/chat?mode=silent", response_timeout_ms=1_000)
    async with browser.conversation(cfg, {}) as conversation:
        with pytest.raises(ConnectorError) as caught:
            await conversation.send("hello")
        evidence = await conversation.evidence()
    error = caught.value
    assert evidence is not None
    assert evidence.screenshot == error.artifacts["screenshot.png"]
    assert png_size(evidence.screenshot) == (1280, 800)
    assert "\n".join(evidence.console) + "\n" == error.artifacts["console.log"]
    assert unstamped(evidence.console) == [
        f"assay: the chat page: opening {base}/chat?mode=silent",
        f"console.log: chat page ready ({base}/chat?mode=silent:13)",
        f"console.error: the agent is not answering ({base}/chat?mode=silent:29)",
        f"assay: failed: TIMEOUT: {error.message}",
    ]
    assert (evidence.url, evidence.notes) == (f"{base}/chat?mode=silent", ())


async def test_no_screenshot_while_the_login_steps_may_show_a_credential(
        browser: BrowserConnector, agent: ChatAgent, base: str) -> None:
    """The sign-in form is still shown, filled: the evidence has the log, never a picture."""
    cfg = login_config(base)
    cfg.update(chat_url=f"{base}/login", login_url=None)
    async with browser.conversation(cfg, {"password": "wrong-password-1"}) as conversation:
        with pytest.raises(ConnectorError) as caught:
            await conversation.send("hello")
        evidence = await conversation.evidence()
    assert caught.value.code == "LOGIN_FAILED"
    assert evidence is not None
    assert evidence.screenshot is None
    assert evidence.notes == (f"no screenshot: {NO_SHOT_AT_LOGIN}",)
    assert "wrong-password-1" not in repr(evidence)
    assert unstamped(evidence.console)[-2:] == [
        f"assay: no screenshot: {NO_SHOT_AT_LOGIN}",
        f"assay: failed: LOGIN_FAILED: {caught.value.message}"]


async def test_evidence_of_a_conversation_that_never_opened_a_page(
        browser: BrowserConnector, base: str) -> None:
    async with browser.conversation(browser_config(f"{base}/chat"), {}) as conversation:
        evidence = await conversation.evidence()
    assert evidence is not None
    assert (evidence.screenshot, evidence.url, evidence.notes) == (
        None, "", ("no screenshot: the page was never opened",))
    assert unstamped(evidence.console) == ["assay: no screenshot: the page was never opened"]
