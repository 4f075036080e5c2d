"""The http connector against real agents on loopback: replies, retries, streams, secrets."""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from importlib.metadata import entry_points
from typing import Any

import pytest

from assay.connections.checks import CredentialRules, Issues
from assay.connections.http_config import normalise_http
from assay.connections.specs import AuthType, HttpAuthSpec, HttpMethod, HttpSpec
from assay.connectors.http import HttpConnector
from assay.connectors.http_redaction import Redactor
from assay.connectors.http_retry import RetryPolicy, retry_after_seconds
from assay.connectors.http_stream import sse_events
from assay.connectors.network import NetworkPolicy
from assay_sdk.connectors import ConnectorContext, ConnectorError
from tests.connectors.agents import Agent, completion, serving
from tests.server_process import free_port

FAST = RetryPolicy(base_seconds=0.01, cap_seconds=0.02)
OPENAI_BODY = '{"model": "echo-1", "messages": {{conversation}}, "user": "{{conversation_id}}"}'
SECRET = "s3cr/t+key=&x y~"
#: Query parameters carry any text; headers only ASCII.
QUERY_SECRET = "s3cr/t+key=&x ü"
UA = f"assay-http/{HttpConnector.version}"


def http_config(url: str, **changes: Any) -> dict[str, Any]:
    """A stored HTTP connection config (the snake_case shape http_config produces)."""
    config: dict[str, Any] = {
        "url": url, "method": "POST", "auth": {"type": "NONE"}, "headers": [],
        "secret_headers": [], "body_template": OPENAI_BODY,
        "response_path": "choices.0.message.content", "session_id_path": None,
        "timeout_seconds": 5,
    }
    return {**config, **changes}


async def started(guard: NetworkPolicy, retry: RetryPolicy = FAST) -> HttpConnector:
    connector = HttpConnector(retry=retry)
    await connector.start(ConnectorContext(guard=guard))
    return connector


@pytest.fixture
async def agent() -> AsyncIterator[Agent]:
    async with serving() as running:
        yield running


@pytest.fixture
async def connector() -> AsyncIterator[HttpConnector]:
    running = await started(NetworkPolicy(allow_private=True))
    yield running
    await running.stop()


async def failure(connector: HttpConnector, config: dict[str, Any], message: str = "hi",
                  credentials: dict[str, str] | None = None) -> ConnectorError:
    conversation = connector.conversation(config, credentials or {})
    with pytest.raises(ConnectorError) as caught:
        await conversation.send(message)
    return caught.value


def assert_no_secret(*values: Any) -> None:
    text = json.dumps(values, ensure_ascii=False, default=str)
    for form in (SECRET, QUERY_SECRET, "s3cr/t", "s3cr%2Ft", "key%3D", "tok-123", "team-secret"):
        assert form not in text


# -- replies and the conversation -------------------------------------------------------------

async def test_echo_agent_two_turns_carry_the_openai_history(
        agent: Agent, connector: HttpConnector) -> None:
    conversation = connector.conversation(http_config(agent.url("/chat")), {})
    async with conversation:
        first = await conversation.send("hello")
        second = await conversation.send('and "again"')

    assert (first.reply, second.reply) == ("echo: hello", 'echo: and "again"')
    assert (first.attempts, second.attempts) == (1, 1)
    assert first.latency_ms > 0 and second.latency_ms > 0
    cid = conversation.conversation_id
    assert re.fullmatch(r"[0-9a-f]{32}", cid)
    assert [r.json() for r in agent.received] == [
        {"model": "echo-1", "user": cid, "messages": [{"role": "user", "content": "hello"}]},
        {"model": "echo-1", "user": cid, "messages": [
            {"role": "user", "content": "hello"},
            {"role": "assistant", "content": "echo: hello"},
            {"role": "user", "content": 'and "again"'}]},
    ]
    assert conversation.history == [
        {"role": "user", "content": "hello"}, {"role": "assistant", "content": "echo: hello"},
        {"role": "user", "content": 'and "again"'},
        {"role": "assistant", "content": 'echo: and "again"'}]


async def test_exchange_records_the_request_and_the_response(
        agent: Agent, connector: HttpConnector) -> None:
    config = http_config(agent.url("/chat"), headers=[{"name": "X-Client", "value": "suite"}])
    conversation = connector.conversation(config, {})

    exchange = await conversation.send("hello")

    body = json.dumps({"model": "echo-1", "messages": [{"role": "user", "content": "hello"}],
                       "user": conversation.conversation_id})
    assert exchange.request == {
        "method": "POST", "url": agent.url("/chat"), "body": body,
        "headers": {"user-agent": UA, "content-type": "application/json", "x-client": "suite"},
    }
    assert exchange.response["status"] == 200
    assert exchange.response["url"] == agent.url("/chat")
    assert exchange.response["headers"]["content-type"] == "application/json"
    assert json.loads(exchange.response["body"]) == completion("echo: hello")
    assert exchange.response["truncated"] is False
    received = agent.received[0]
    assert (received.headers["user-agent"], received.headers["x-client"]) == (UA, "suite")
    assert received.headers["content-type"] == "application/json"


async def test_each_conversation_has_its_own_id_and_history(
        agent: Agent, connector: HttpConnector) -> None:
    one = connector.conversation(http_config(agent.url("/chat")), {})
    two = connector.conversation(http_config(agent.url("/chat")), {})

    await one.send("first")
    await two.send("second")

    assert one.conversation_id != two.conversation_id
    assert [r.json()["messages"] for r in agent.received] == [
        [{"role": "user", "content": "first"}], [{"role": "user", "content": "second"}]]
    assert [r.json()["user"] for r in agent.received] == [one.conversation_id,
                                                           two.conversation_id]


async def test_get_carries_the_message_in_the_url(agent: Agent, connector: HttpConnector
                                                  ) -> None:
    config = http_config(agent.url("/ask") + "?q={{message}}&c={{conversation_id}}",
                         method="GET", body_template=None, response_path="answer")
    conversation = connector.conversation(config, {})

    exchange = await conversation.send("a b&c=d/é")

    assert exchange.reply == "echo: a b&c=d/é"
    assert [(r.method, r.query, r.body) for r in agent.received] == [
        ("GET", {"q": "a b&c=d/é", "c": conversation.conversation_id}, "")]
    assert "content-type" not in agent.received[0].headers
    assert exchange.request["body"] is None


async def test_a_config_validated_by_the_connection_service_runs(
        agent: Agent, connector: HttpConnector) -> None:
    issues = Issues()
    spec = HttpSpec(url=agent.url("/chat"), method=HttpMethod.POST,
                    response_path="choices.0.message.content", body_template=OPENAI_BODY,
                    auth=HttpAuthSpec(type=AuthType.BEARER), timeout_seconds=10)
    config = normalise_http(issues, ("http",), spec, CredentialRules({"auth"}, "add it"))
    assert issues.items == []

    exchange = await connector.conversation(config, {"auth": "tok-123"}).send("validated")

    assert exchange.reply == "echo: validated"
    assert agent.received[0].headers["authorization"] == "Bearer tok-123"


# -- retries ---------------------------------------------------------------------------------

async def test_503_then_200_is_retried(agent: Agent, connector: HttpConnector) -> None:
    exchange = await connector.conversation(http_config(agent.url("/flaky/2")), {}).send("hi")

    assert (exchange.reply, exchange.attempts) == ("echo: hi", 3)
    assert [r.json()["messages"] for r in agent.received] == [
        [{"role": "user", "content": "hi"}]] * 3


async def test_a_503_that_never_ends_fails_after_three_retries(
        agent: Agent, connector: HttpConnector) -> None:
    error = await failure(connector, http_config(agent.url("/status/503")))

    assert error.code == "HTTP_STATUS"
    assert error.message == ("the agent answered 503 Service Unavailable: the agent failed: "
                             "see the response body, and the agent's logs")
    assert error.attempts == 4
    assert (error.response["status"], json.loads(error.response["body"])) == (
        503, {"error": "status 503"})
    assert error.request["url"] == agent.url("/status/503")
    assert len(agent.received) == 4


@pytest.mark.parametrize(("status", "hint"), [
    (400, "the agent refused the request: check the body template"),
    (401, "check the connection's credential and auth type"),
    (404, "check the URL"),
])
async def test_other_4xx_fail_at_once(agent: Agent, connector: HttpConnector, status: int,
                                      hint: str) -> None:
    error = await failure(connector, http_config(agent.url(f"/status/{status}")))

    assert error.code == "HTTP_STATUS"
    assert error.message.endswith(f": {hint}")
    assert (error.attempts, error.response["status"], len(agent.received)) == (1, status, 1)


async def test_429_honours_retry_after_seconds(agent: Agent, connector: HttpConnector) -> None:
    conversation = connector.conversation(http_config(agent.url("/busy?after=1")), {})

    began = time.perf_counter()
    exchange = await conversation.send("hi")
    waited = time.perf_counter() - began

    assert (exchange.reply, exchange.attempts) == ("echo: hi", 2)
    assert waited >= 1.0
    assert 0 < exchange.latency_ms < 1000  # the answering attempt only, not the wait
    assert len(agent.received) == 2


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)

    assert retry_after_seconds("7", now) == 7.0
    assert retry_after_seconds(" 0 ", now) == 0.0
    assert retry_after_seconds("Sat, 01 Mar 2025 12:00:20 GMT", now) == 20.0
    assert retry_after_seconds("Sat, 01 Mar 2025 11:59:00 GMT", now) == 0.0
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds("-3", now) is None
    assert retry_after_seconds(None, now) is None


def test_retry_after_is_capped_at_30_seconds() -> None:
    policy = RetryPolicy()

    assert [policy.delay(0, after) for after in (2.0, 30.0, 3600.0)] == [2.0, 30.0, 30.0]


def test_backoff_is_full_jitter_capped_at_8_seconds() -> None:
    policy = RetryPolicy()
    ceilings = [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    expected, mine = random.Random(7), random.Random(7)

    assert [policy.backoff(n, mine) for n in range(6)] == [
        expected.uniform(0, ceiling) for ceiling in ceilings]
    samples = [policy.backoff(n, random.Random(seed)) for seed in range(200) for n in range(6)]
    assert min(samples) >= 0 and max(samples) <= 8.0


async def test_a_slow_agent_times_out_after_every_attempt(agent: Agent,
                                                          connector: HttpConnector) -> None:
    error = await failure(connector, http_config(agent.url("/slow"), timeout_seconds=0.3))

    assert error.code == "TIMEOUT"
    assert error.message == ("the agent did not answer within 0.3 s: make it faster or raise "
                             "timeoutSeconds")
    assert error.attempts == 4
    assert [r.path for r in agent.received] == ["/slow"] * 4


async def test_nothing_listening_is_a_connection_failure(connector: HttpConnector) -> None:
    port = free_port()
    error = await failure(connector, http_config(f"http://127.0.0.1:{port}/chat"))

    assert error.code == "CONNECTION_FAILED"
    assert error.message.startswith(f"could not talk to the agent at 127.0.0.1:{port} (")
    assert error.message.endswith("): check that it is running and that the URL is right")
    assert error.attempts == 4


# -- streaming -------------------------------------------------------------------------------

async def test_an_openai_event_stream_is_read_to_the_end(agent: Agent,
                                                         connector: HttpConnector) -> None:
    exchange = await connector.conversation(http_config(agent.url("/stream")), {}).send(
        "tell me a story")

    assert (exchange.reply, exchange.attempts) == ("echo: tell me a story", 1)
    assert exchange.response["headers"]["content-type"].startswith("text/event-stream")
    assert exchange.response["body"].endswith("\n\ndata: [DONE]\n")
    assert exchange.response["body"].count("data: ") == 8


async def test_the_stream_ends_at_done_even_when_the_agent_keeps_it_open(
        agent: Agent, connector: HttpConnector) -> None:
    config = http_config(agent.url("/stream?style=hang"), timeout_seconds=3)

    exchange = await connector.conversation(config, {}).send("one two")

    assert (exchange.reply, exchange.attempts) == ("echo: one two", 1)


async def test_stream_events_are_read_at_the_response_path_with_a_session(
        agent: Agent, connector: HttpConnector) -> None:
    config = http_config(agent.url("/stream?style=path"), response_path="output.text",
                         session_id_path="session")
    conversation = connector.conversation(config, {})

    exchange = await conversation.send("a b c")

    assert exchange.reply == "echo: a b c"
    assert conversation.session_id == "s-stream"


async def test_sse_events_follow_the_event_stream_format() -> None:
    async def lines() -> AsyncIterator[str]:
        for line in [": comment", "event: delta", "data: one", "data:two", "", "", "id: 7",
                     "data: {\"a\": 1}", "", "data: last without a blank line"]:
            yield line

    assert [event async for event in sse_events(lines())] == [
        "one\ntwo", '{"a": 1}', "last without a blank line"]


async def test_sse_events_stop_at_done() -> None:
    async def lines() -> AsyncIterator[str]:
        for line in ["data: a", "", "data: [DONE]", "", "data: after", ""]:
            yield line

    assert [event async for event in sse_events(lines())] == ["a"]


async def test_plain_text_data_lines_are_concatenated(agent: Agent,
                                                      connector: HttpConnector) -> None:
    exchange = await connector.conversation(http_config(agent.url("/stream?style=plain")),
                                            {}).send("x y")

    assert exchange.reply == "echo: x y"


# -- sessions and cookies --------------------------------------------------------------------

async def test_the_session_id_goes_back_on_the_next_turn(agent: Agent,
                                                         connector: HttpConnector) -> None:
    config = http_config(agent.url("/session"), response_path="reply",
                         session_id_path="session.id",
                         body_template='{"input": "{{message}}", "session_id": "{{session_id}}"}')
    first = connector.conversation(config, {})
    replies = [(await first.send(text)).reply for text in ("hi", "again")]
    other = await connector.conversation(config, {}).send("new")

    assert replies == ["turn 1 of s-1: hi", "turn 2 of s-1: again"]
    assert other.reply == "turn 1 of s-2: new"
    assert first.session_id == "s-1"
    assert [r.json()["session_id"] for r in agent.received] == ["", "s-1", ""]


TRICKY_SESSION = 's "1"/&ü\\'


async def test_the_session_id_is_json_escaped_in_the_body(agent: Agent,
                                                          connector: HttpConnector) -> None:
    config = http_config(agent.url("/session?prefix=s%20%221%22%2F%26%C3%BC%5C"),
                         response_path="reply", session_id_path="session.id",
                         body_template='{"input": "{{message}}", "session_id": "{{session_id}}"}')
    conversation = connector.conversation(config, {})

    await conversation.send("hi")
    second = await conversation.send("again")

    assert second.reply == f"turn 2 of {TRICKY_SESSION}1: again"
    assert [r.json()["session_id"] for r in agent.received] == ["", f"{TRICKY_SESSION}1"]
    assert second.request["body"] == json.dumps(
        {"input": "again", "session_id": f"{TRICKY_SESSION}1"})


async def test_the_session_id_is_percent_encoded_in_a_validated_url(
        agent: Agent, connector: HttpConnector) -> None:
    spec = HttpSpec(url=agent.url("/session?prefix=a%2Fb%20&sid={{session_id}}"),
                    method=HttpMethod.POST, response_path="reply", session_id_path="session.id",
                    body_template='{"input": "{{message}}"}')
    issues = Issues()
    config = normalise_http(issues, ("http",), spec, CredentialRules(set(), "add it"))
    assert issues.items == []
    conversation = connector.conversation(config, {})

    first = await conversation.send("hi")
    second = await conversation.send("again")

    assert (first.reply, second.reply) == ("turn 1 of a/b 1: hi", "turn 2 of a/b 1: again")
    assert [r.query["sid"] for r in agent.received] == ["", "a/b 1"]
    assert [exchange.request["url"] for exchange in (first, second)] == [
        agent.url("/session?prefix=a%2Fb%20&sid="),
        agent.url("/session?prefix=a%2Fb%20&sid=a%2Fb%201"),
    ]


async def test_a_streamed_session_id_goes_back_on_the_next_turn(
        agent: Agent, connector: HttpConnector) -> None:
    config = http_config(agent.url("/stream?style=path"), response_path="output.text",
                         session_id_path="session",
                         body_template='{"messages": {{conversation}}, "s": "{{session_id}}"}')
    conversation = connector.conversation(config, {})

    await conversation.send("one")
    await conversation.send("two")

    assert [r.json()["s"] for r in agent.received] == ["", "s-stream"]


async def test_a_missing_session_id_is_a_bad_response(agent: Agent,
                                                      connector: HttpConnector) -> None:
    config = http_config(agent.url("/session"), response_path="reply", session_id_path="sid",
                         body_template='{"input": "{{message}}"}')

    error = await failure(connector, config)

    assert error.code == "BAD_RESPONSE"
    assert error.message == "the response has no session id at 'sid': check sessionIdPath"
    assert (error.attempts, error.response["status"]) == (1, 200)


async def test_cookies_belong_to_one_conversation(agent: Agent,
                                                  connector: HttpConnector) -> None:
    config = http_config(agent.url("/cookie"), response_path="reply")
    first = connector.conversation(config, {})
    replies = [(await first.send("a")).reply, (await first.send("b")).reply]
    other = await connector.conversation(config, {}).send("c")

    assert replies == ["cookie none", "cookie v1"]
    assert other.reply == "cookie none"
    assert other.response["headers"]["set-cookie"] == "[secret]"
    assert [r.headers.get("cookie") for r in agent.received] == [None, "visit=v1", None]


# -- answers of the wrong shape --------------------------------------------------------------

@pytest.mark.parametrize(("kind", "reply"), [("number", "42"), ("float", "2.5"),
                                             ("true", "true")])
async def test_scalar_answers_are_rendered_as_text(agent: Agent, connector: HttpConnector,
                                                   kind: str, reply: str) -> None:
    config = http_config(agent.url(f"/shape?kind={kind}"), response_path="reply")

    assert (await connector.conversation(config, {}).send("hi")).reply == reply


@pytest.mark.parametrize(("kind", "message"), [
    ("object", "the response has an object at 'reply', not text: {\"text\": \"hi\"}. "
               "Point responsePath at the text inside it"),
    ("list", "the response has a list at 'reply', not text: [\"a\", \"b\"]. Point "
             "responsePath at the text inside it"),
    ("null", "the response has null at 'reply', not text: null. Point responsePath at the "
             "text inside it"),
])
async def test_structured_answers_are_bad_responses(agent: Agent, connector: HttpConnector,
                                                    kind: str, message: str) -> None:
    error = await failure(connector, http_config(agent.url(f"/shape?kind={kind}"),
                                                 response_path="reply"))

    assert (error.code, error.message, error.attempts) == ("BAD_RESPONSE", message, 1)
    assert error.response["status"] == 200
    assert len(agent.received) == 1


async def test_a_missing_response_path_says_what_is_there(agent: Agent,
                                                          connector: HttpConnector) -> None:
    error = await failure(connector, http_config(agent.url("/chat"),
                                                 response_path="choices.0.text"))

    assert error.code == "BAD_RESPONSE"
    assert error.message == (
        "the response has nothing at 'text' of 'choices.0.text'; the response is "
        f"{json.dumps(completion('echo: hi'))}: check responsePath")


async def test_a_body_that_is_not_json_is_a_bad_response(agent: Agent,
                                                         connector: HttpConnector) -> None:
    error = await failure(connector, http_config(agent.url("/shape?kind=text"),
                                                 response_path="reply"))

    assert error.code == "BAD_RESPONSE"
    assert error.message == ("the response is not JSON (Expecting value: line 1 column 1 "
                             "(char 0)); it begins 'just words': the agent must answer JSON "
                             "with the reply at responsePath")


async def test_a_long_answer_is_whole_and_its_record_truncated(
        agent: Agent, connector: HttpConnector) -> None:
    config = http_config(agent.url("/shape?kind=big"), response_path="reply")

    exchange = await connector.conversation(config, {}).send("hi")

    assert exchange.reply == "x" * 100_000
    assert (len(exchange.response["body"]), exchange.response["truncated"]) == (65_536, True)


# -- credentials and redaction ---------------------------------------------------------------

def test_redaction_is_one_pass_so_a_replacement_is_never_redacted_again() -> None:
    redactor = Redactor(["se", "cret!", 'q"uo/te'])

    assert redactor.text('secret! {"k": "q\\"uo/te"} q%22uo%2Fte') == (
        '[secret][secret] {"k": "[secret]"} [secret]')
    assert Redactor([]).text("nothing to hide") == "nothing to hide"


async def test_bearer_auth_is_sent_and_never_shown(agent: Agent, connector: HttpConnector
                                                   ) -> None:
    config = http_config(agent.url("/mirror"), response_path="reply",
                         auth={"type": "BEARER"})

    exchange = await connector.conversation(config, {"auth": SECRET}).send("hi")

    assert agent.received[0].headers["authorization"] == f"Bearer {SECRET}"
    assert exchange.request["headers"]["authorization"] == "[secret]"
    assert json.loads(exchange.response["body"])["headers"]["authorization"] == "Bearer [secret]"
    assert_no_secret(exchange.request, exchange.response, exchange.reply)


async def test_api_key_header_is_sent_and_never_shown(agent: Agent,
                                                      connector: HttpConnector) -> None:
    config = http_config(agent.url("/mirror"), response_path="reply",
                         auth={"type": "API_KEY_HEADER", "header_name": "X-API-Key"})

    exchange = await connector.conversation(config, {"auth": SECRET}).send("hi")

    assert agent.received[0].headers["x-api-key"] == SECRET
    assert exchange.request["headers"]["x-api-key"] == "[secret]"
    assert exchange.response["headers"]["x-seen-key"] == "[secret]"
    assert_no_secret(exchange.request, exchange.response)


async def test_api_key_query_is_sent_and_never_shown(agent: Agent,
                                                     connector: HttpConnector) -> None:
    config = http_config(agent.url("/mirror") + "?lang=en", response_path="reply",
                         auth={"type": "API_KEY_QUERY", "query_param": "key"})

    exchange = await connector.conversation(config, {"auth": QUERY_SECRET}).send("hi")

    assert agent.received[0].query == {"lang": "en", "key": QUERY_SECRET}
    assert exchange.request["url"] == agent.url("/mirror") + "?lang=en&key=[secret]"
    assert json.loads(exchange.response["body"])["query"] == "lang=en&key=[secret]"
    assert_no_secret(exchange.request, exchange.response)


async def test_secret_headers_come_from_credentials(agent: Agent,
                                                    connector: HttpConnector) -> None:
    config = http_config(agent.url("/mirror"), response_path="reply",
                         secret_headers=["X-Team-Token"])

    exchange = await connector.conversation(config, {"header:X-Team-Token": "team-secret"}
                                            ).send("hi")

    assert agent.received[0].headers["x-team-token"] == "team-secret"
    assert exchange.request["headers"]["x-team-token"] == "[secret]"
    assert_no_secret(exchange.request, exchange.response)


async def test_failures_never_show_a_secret(agent: Agent, connector: HttpConnector) -> None:
    config = http_config(agent.url("/status/401"), auth={"type": "API_KEY_QUERY",
                                                          "query_param": "key"},
                         secret_headers=["X-Team-Token"])
    credentials = {"auth": QUERY_SECRET, "header:X-Team-Token": "team-secret"}

    error = await failure(connector, config, credentials=credentials)

    assert error.code == "HTTP_STATUS"
    assert error.request["url"] == agent.url("/status/401") + "?key=[secret]"
    assert error.request["headers"]["x-team-token"] == "[secret]"
    assert_no_secret(error.message, error.request, error.response, str(error))


async def test_a_missing_credential_is_a_configuration_error(
        agent: Agent, connector: HttpConnector) -> None:
    config = http_config(agent.url("/chat"), auth={"type": "BEARER"})

    with pytest.raises(ConnectorError) as caught:
        connector.conversation(config, {})

    assert caught.value.code == "CONFIGURATION"
    assert caught.value.message == ("the connection's credential 'auth' is not set: set it on "
                                    "the connection, then run again")
    assert agent.received == []


# -- redirects and the SSRF guard ------------------------------------------------------------

async def test_a_same_origin_redirect_keeps_method_body_and_credentials(
        agent: Agent, connector: HttpConnector) -> None:
    config = http_config(agent.url("/redirect?to=/mirror"), response_path="reply",
                         auth={"type": "BEARER"})

    exchange = await connector.conversation(config, {"auth": "tok-123"}).send("hi")

    assert exchange.reply == "mirrored"
    assert exchange.response["url"] == agent.url("/mirror")
    assert [(r.method, r.path, r.headers.get("authorization")) for r in agent.received] == [
        ("POST", "/redirect", "Bearer tok-123"), ("POST", "/mirror", "Bearer tok-123")]
    assert agent.received[0].body == agent.received[1].body


async def test_a_cross_origin_redirect_drops_the_credentials(
        agent: Agent, connector: HttpConnector) -> None:
    async with serving("127.0.0.2") as other:
        config = http_config(agent.url(f"/redirect?to={other.url('/mirror')}"),
                             response_path="reply", auth={"type": "BEARER"},
                             secret_headers=["X-Team-Token"])
        credentials = {"auth": "tok-123", "header:X-Team-Token": "team-secret"}

        exchange = await connector.conversation(config, credentials).send("hi")

    assert exchange.reply == "mirrored"
    assert agent.received[0].headers["x-team-token"] == "team-secret"
    assert [(r.path, "authorization" in r.headers, "x-team-token" in r.headers)
            for r in other.received] == [("/mirror", False, False)]


async def test_303_turns_the_post_into_a_get(agent: Agent, connector: HttpConnector) -> None:
    config = http_config(agent.url("/redirect?status=303&to=/ask%3Fq%3Dmoved"),
                         response_path="answer")

    exchange = await connector.conversation(config, {}).send("hi")

    assert exchange.reply == "echo: moved"
    assert [(r.method, r.path, r.body) for r in agent.received][1] == ("GET", "/ask", "")


async def test_more_than_five_redirects_is_a_bad_response(agent: Agent,
                                                          connector: HttpConnector) -> None:
    error = await failure(connector, http_config(agent.url("/redirect?to=self")))

    assert error.code == "BAD_RESPONSE"
    assert error.message == (f"the agent redirected more than 5 times (last to "
                             f"{agent.url('/redirect?to=self')}): point the connection at "
                             "the final URL")
    assert (error.attempts, len(agent.received)) == (1, 6)


async def test_a_private_target_is_refused_before_anything_is_sent(agent: Agent) -> None:
    connector = await started(NetworkPolicy(allow_private=False))
    try:
        error = await failure(connector, http_config(agent.url("/chat"),
                                                     auth={"type": "BEARER"}),
                              credentials={"auth": "tok-123"})
    finally:
        await connector.stop()

    assert error.code == "SSRF_REFUSED"
    assert error.message == (
        "refused to connect to 127.0.0.1: it is a loopback address. Assay does not reach "
        "loopback, private, link-local or metadata addresses; an operator who trusts this "
        "target can set ASSAY_ALLOW_PRIVATE_TARGETS=true.")
    assert error.attempts == 0
    assert error.request["headers"]["authorization"] == "[secret]"
    assert agent.received == []


@pytest.mark.parametrize("target", ["http://127.0.0.2:{port}/mirror",
                                    "http://169.254.169.254/latest/meta-data/",
                                    "http://[::1]:{port}/mirror", "file:///etc/passwd"])
async def test_every_redirect_is_checked(agent: Agent, target: str) -> None:
    guard = NetworkPolicy(allow_private=False, allowed_networks=["127.0.0.1/32"])
    connector = await started(guard)
    try:
        async with serving("127.0.0.2") as other:
            location = target.format(port=other.port)
            error = await failure(connector, http_config(agent.url(f"/redirect?to={location}")))
    finally:
        await connector.stop()

    assert error.code == "SSRF_REFUSED"
    assert [r.path for r in agent.received] == ["/redirect"]
    assert other.received == []


async def test_the_connector_is_the_http_entry_point() -> None:
    (entry,) = entry_points(group="assay.connectors", name="http")

    assert entry.load() is HttpConnector
    assert (HttpConnector.name, HttpConnector.kind, HttpConnector.api_version) == (
        "http", "HTTP", 1)


async def test_conversations_need_a_started_connector(agent: Agent) -> None:
    connector = await started(NetworkPolicy(allow_private=True))
    await connector.stop()

    with pytest.raises(RuntimeError, match="start the http connector"):
        connector.conversation(http_config(agent.url("/chat")), {})
