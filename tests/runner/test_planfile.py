"""Plan files: what a valid file turns into, and every problem reported at once, exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from assay.connections.models import ConnectionKind
from assay.runner.planfile import load_plan_file, parse_plan_file
from assay.runner.problems import PlanFileInvalid
from assay.testing.models import CaseMode

HTTP = """\
name: Support bot
concurrency: 4
connection:
  http:
    url: https://bot.example.com/chat
    method: post
    body_template: '{"input": "{{message}}"}'
    response_path: output.text
    auth: {type: bearer}
    headers: {X-Team: qa}
    timeout_seconds: 12
  credentials:
    auth: {env: PLAN_TEST_TOKEN}
cases:
  - id: refund-window
    input: How long do refunds take?
    expected_output: Thirty days.
    tags: [billing]
    asserts:
      - {type: contains, value: thirty, case_sensitive: true}
  - id: 42
    turns: [Hi, I want a refund]
    asserts:
      - {type: regex, pattern: "order", timeout_ms: 50}
"""


def problems(text: str) -> str:
    with pytest.raises(PlanFileInvalid) as raised:
        parse_plan_file(text, "plan.yaml", default_name="plan")
    return raised.value.render()


def test_a_valid_http_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAN_TEST_TOKEN", "sk-test-1")

    plan = parse_plan_file(HTTP, "plan.yaml", default_name="plan")

    assert (plan.name, plan.concurrency) == ("Support bot", 4)
    assert plan.connection.kind is ConnectionKind.HTTP
    assert plan.connection.credentials == {"auth": "sk-test-1"}
    assert plan.connection.config == {
        "url": "https://bot.example.com/chat", "method": "POST", "auth": {"type": "BEARER"},
        "headers": [{"name": "X-Team", "value": "qa"}], "secret_headers": [],
        "body_template": '{"input": "{{message}}"}', "response_path": "output.text",
        "session_id_path": None, "timeout_seconds": 12}
    assert [case.id for case in plan.cases] == ["refund-window", "42"]
    first, second = (case.draft for case in plan.cases)
    assert (first.title, first.mode, first.input, first.expected_output, first.tags) == (
        "refund-window", CaseMode.SIMPLE, "How long do refunds take?", "Thirty days.",
        ("billing",))
    assert first.asserts == ({"type": "contains", "value": "thirty", "caseSensitive": True,
                              "negate": False, "description": ""},)
    assert (second.title, second.mode, second.turns) == (
        "42", CaseMode.CONVERSATIONAL, ("Hi", "I want a refund"))
    assert second.asserts == ({"type": "regex", "pattern": "order", "timeoutMs": 50,
                               "caseSensitive": False, "negate": False, "description": ""},)


def test_the_credential_never_shows_in_a_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAN_TEST_TOKEN", "sk-test-1")

    plan = parse_plan_file(HTTP, "plan.yaml", default_name="plan")

    assert "sk-test-1" not in repr(plan)


def test_a_browser_file_with_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PLAN_TEST_PASSWORD", "hunter2")
    path = tmp_path / "web-chat.yml"
    path.write_text("""\
connection:
  browser:
    chat_url: https://chat.example.com/
    selectors: {input: '#q', send_button: '#send', response: .answer}
    login_steps:
      - {action: fill, selector: '#password', value: '{{credentials.password}}'}
      - {action: press, key: Enter}
  credentials:
    password: {env: PLAN_TEST_PASSWORD}
cases:
  - {id: hello, input: Hello}
""")

    plan = load_plan_file(path)

    assert (plan.name, plan.concurrency) == ("web-chat", 2)
    assert plan.connection.kind is ConnectionKind.BROWSER
    assert plan.connection.config == {
        "chat_url": "https://chat.example.com/", "login_url": None,
        "login_steps": [{"action": "FILL", "selector": "#password",
                         "value": "{{credentials.password}}"},
                        {"action": "PRESS", "key": "Enter"}],
        "post_navigation_steps": [],
        "selectors": {"input": "#q", "send_button": "#send", "response": ".answer",
                      "typing_indicator": None},
        "navigation_timeout_ms": 30000, "response_timeout_ms": 60000, "quiet_period_ms": 1500}
    assert plan.connection.credentials == {"password": "hunter2"}


def test_every_problem_is_reported_with_its_path_and_line(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLAN_TEST_MISSING", raising=False)

    text = problems("""\
concurrency: 500
connection:
  http:
    url: http://bot.example.com/chat
    method: PUT
    response_path: reply
    headers: {X-Version: 2}
  credentials:
    auth: {env: PLAN_TEST_MISSING}
cases:
  - id: refund
    input: How long?
    expectedOutput: Thirty days.
    asserts:
      - {type: containz, value: refund}
      - {type: regex, pattern: x, case_sensitiv: true}
  - id: chat
    input: hi
    turns: [Hi, refund please]
  - id: refund
    turns: [a]
  - {input: q}
  - {id: empty}
""")

    assert text == """\
plan.yaml has 11 problems; fix the file and run again:
  plan.yaml:1: concurrency: give a number of simultaneous conversations from 1 to 100 \
(default 10)
  plan.yaml:5: connection.http.method: 'PUT' is not accepted: use one of GET, POST
  plan.yaml:7: connection.http.headers[0].value: must be text: put it in quotes if it looks \
like a number, date or yes/no
  plan.yaml:9: connection.credentials.auth.env: the environment variable PLAN_TEST_MISSING \
is not set (it holds the credential 'auth'): export it, then run again
  plan.yaml:13: cases[0].expectedOutput: is not a field of a test case: remove it (did you \
mean 'expected_output'?)
  plan.yaml:15: cases[0].asserts[0].type: 'containz' is not an assert type: use one of \
contains, not_contains, equals, regex, json_schema, json_path, response_time_ms, max_length, \
min_length, language, pii_leak (did you mean 'contains'?)
  plan.yaml:16: cases[0].asserts[1].case_sensitiv: is not a field of a 'regex' assert: \
remove it (did you mean 'case_sensitive'?)
  plan.yaml:17: cases[1]: has both input and turns: give input for a single message, or \
turns for a conversation, not both
  plan.yaml:20: cases[2].id: 'refund' is already the id of cases[0]: give each case its own id
  plan.yaml:22: cases[3].id: is required: give each case a short unique id, like refund-window
  plan.yaml:23: cases[4]: give input (a single message to the agent) or turns (the user's \
messages of a conversation, in order)"""


def test_the_connection_is_checked_like_the_api_checks_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAN_TEST_TOKEN", "sk-test-1")

    text = problems("""\
concurrency: 0
connection:
  http:
    url: ftp://bot.example.com/chat
    method: POST
    body_template: '{"input": {{message}}'
    response_path: reply
    auth: {type: API_KEY_HEADER}
    session_id_path: session id
cases:
  - {id: a, input: q}
""")

    assert text == """\
plan.yaml has 5 problems; fix the file and run again:
  plan.yaml:1: concurrency: give a number of simultaneous conversations from 1 to 100 \
(default 10)
  plan.yaml:4: connection.http.url: the URL must be an absolute http:// or https:// URL with \
a host, e.g. https://bot.example.com/chat
  plan.yaml:6: connection.http.body_template: the body template is not valid JSON once its \
placeholders are filled in (Expecting value at line 1, column 11): {{message}}, \
{{conversation_id}} and {{session_id}} go inside quotes, {{conversation}} without quotes
  plan.yaml:8: connection.http.auth.type: API_KEY_HEADER auth sends the credential named \
'auth', which is not set: add it under connection.credentials, e.g. auth: {env: AGENT_TOKEN}
  plan.yaml:9: connection.http.session_id_path: write the path as dot-separated keys and \
list indices, without spaces or empty parts, e.g. choices.0.message.content"""


@pytest.mark.parametrize(("text", "expected"), [
    ("cases: [\n  {id: a, input: q\n", "plan.yaml:3: the YAML is malformed at line 3, column 1: "
     "while parsing a flow mapping, expected ',' or '}', but got '<stream end>'"),
    ("base: &b {id: a}\ncases: [*b]\n", "plan.yaml:2: YAML aliases (*name) are not supported: "
     "write the value out in full"),
    ("- a\n- b\n", "plan.yaml:1: a plan file is a mapping with connection: and cases: (and "
     "optionally name: and concurrency:)"),
])
def test_a_file_that_is_not_a_plan(text: str, expected: str) -> None:
    assert problems(text) == f"plan.yaml has 1 problem; fix the file and run again:\n  {expected}"


def test_missing_sections_unknown_keys_and_repeated_keys() -> None:
    text = problems("""\
name: A
name: B
conection: {}
""")

    assert text == """\
plan.yaml has 4 problems; fix the file and run again:
  plan.yaml:1: connection: is required: give http: or browser: (how to reach the agent) and \
credentials: (environment variables holding its secrets)
  plan.yaml:1: cases: is required: give each case an id and an input (or turns for a \
conversation)
  plan.yaml:2: name: is given twice (lines 1 and 2): keep one
  plan.yaml:3: conection: is not a field of a plan file: remove it (did you mean \
'connection'?)"""


def test_an_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(PlanFileInvalid) as raised:
        load_plan_file(tmp_path / "nowhere.yaml")

    assert raised.value.render() == (
        f"{tmp_path / 'nowhere.yaml'} has 1 problem; fix the file and run again:\n"
        f"  {tmp_path / 'nowhere.yaml'}: cannot be read (No such file or directory): "
        "check the path")


def _readme_example() -> str:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    section = readme.split("## Running a plan from CI", 1)[1]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_readme_example_is_a_valid_plan_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENT_TOKEN", "sk-readme")

    plan = parse_plan_file(_readme_example(), "smoke.yaml", default_name="smoke")

    assert (plan.name, plan.concurrency, [case.id for case in plan.cases]) == (
        "Support bot smoke", 4, ["refund-window", "refund-conversation"])
    assert plan.cases[1].draft.asserts[0]["pattern"] == r"order\s*1234"


def test_the_readme_example_problem_is_the_one_the_readme_shows(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENT_TOKEN", "sk-readme")
    text = _readme_example().replace("{type: regex, pattern:", "{type: containz, pattern:")

    with pytest.raises(PlanFileInvalid) as raised:
        parse_plan_file(text, "smoke.yaml", default_name="smoke")

    assert raised.value.problems[0].render("smoke.yaml").startswith(
        "smoke.yaml:24: cases[1].asserts[0].type: 'containz' is not an assert type")
