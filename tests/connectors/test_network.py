"""The SSRF guard: address classes, real lookups, and the check at connect time."""

from __future__ import annotations

import ssl
from pathlib import Path

import httpx
import pytest

from assay.connectors.network import (
    GuardedTransport,
    NetworkPolicy,
    check_host,
    classify,
    resolve,
)
from assay_sdk.connectors import ConnectorError
from tests.connectors.agents import make_certificate, serving

HOW = ("Assay does not reach loopback, private, link-local or metadata addresses; an operator "
       "who trusts this target can set ASSAY_ALLOW_PRIVATE_TARGETS=true.")
STRICT = NetworkPolicy(allow_private=False)
OPEN = NetworkPolicy(allow_private=True)

REFUSED = [
    ("127.0.0.1", "a loopback address"),
    ("127.255.0.9", "a loopback address"),
    ("::1", "a loopback address"),
    ("0.0.0.0", "the unspecified address"),
    ("::", "the unspecified address"),
    ("10.1.2.3", "a private address"),
    ("172.16.0.1", "a private address"),
    ("172.31.255.255", "a private address"),
    ("192.168.1.1", "a private address"),
    ("fc00::1", "a private address"),
    ("fd12:3456::1", "a private address"),
    ("169.254.169.254", "the cloud metadata address"),
    ("fd00:ec2::254", "the cloud metadata address"),
    ("169.254.10.1", "a link-local address"),
    ("fe80::1", "a link-local address"),
    ("fe80::1%1", "a link-local address"),
    ("224.0.0.1", "a multicast address"),
    ("ff02::1", "a multicast address"),
    ("100.64.0.1", "a carrier-grade NAT address (100.64.0.0/10)"),
    ("100.127.255.254", "a carrier-grade NAT address (100.64.0.0/10)"),
    ("240.0.0.1", "a reserved address"),
    ("255.255.255.255", "a reserved address"),
    ("::7f00:1", "a reserved address"),
    ("192.0.2.10", "not a publicly routable address"),
    ("198.18.0.1", "not a publicly routable address"),
    ("2001:db8::1", "not a publicly routable address"),
    ("::ffff:127.0.0.1", "a loopback address in IPv4-mapped IPv6 form"),
    ("::ffff:10.0.0.1", "a private address in IPv4-mapped IPv6 form"),
    ("::ffff:169.254.169.254", "the cloud metadata address in IPv4-mapped IPv6 form"),
    ("64:ff9b::a9fe:a9fe", "the cloud metadata address in NAT64 form"),
    ("2002:7f00:1::", "a loopback address in 6to4 form"),
    ("2002:c0a8:101::1", "a private address in 6to4 form"),
    ("not-an-ip", "not an IP address"),
]
PUBLIC = ["8.8.8.8", "93.184.216.34", "100.63.255.255", "100.128.0.1", "172.32.0.1",
          "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"]


@pytest.mark.parametrize(("address", "reason"), REFUSED)
def test_non_public_addresses_are_classified_and_refused(address: str, reason: str) -> None:
    assert classify(address) == reason
    assert STRICT.allowed_address(address) is False


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_are_allowed(address: str) -> None:
    assert classify(address) is None
    assert STRICT.allowed_address(address) is True


@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "10.0.0.1", "169.254.169.254",
                                     "::ffff:127.0.0.1", "100.64.0.1"])
def test_allow_private_lets_every_address_through(address: str) -> None:
    assert OPEN.allowed_address(address) is True


def test_allow_private_still_refuses_what_is_not_an_address() -> None:
    assert OPEN.allowed_address("localhost") is False


def test_listed_networks_are_the_only_private_exceptions() -> None:
    policy = NetworkPolicy(allow_private=False, allowed_networks=["127.0.0.1/32", "fd00::/8"])

    assert [policy.allowed_address(a) for a in ("127.0.0.1", "127.0.0.2", "fd00::5", "::1",
                                                "8.8.8.8")] == [True, False, True, False, True]


@pytest.mark.parametrize(("url", "host", "address", "reason"), [
    ("http://127.0.0.1/", "127.0.0.1", None, "a loopback address"),
    ("https://localhost:8443/chat", "localhost", "127.0.0.1", "a loopback address"),
    ("http://2130706433/", "2130706433", "127.0.0.1", "a loopback address"),
    ("http://0x7f.1/", "0x7f.1", "127.0.0.1", "a loopback address"),
    ("http://127.1:9/", "127.1", "127.0.0.1", "a loopback address"),
    ("http://[::1]:8000/", "::1", None, "a loopback address"),
    ("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1", None,
     "a loopback address in IPv4-mapped IPv6 form"),
    ("http://[::ffff:7f00:1]/", "::ffff:7f00:1", "::ffff:127.0.0.1",
     "a loopback address in IPv4-mapped IPv6 form"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254", None,
     "the cloud metadata address"),
    ("http://[fe80::1]/", "fe80::1", None, "a link-local address"),
    ("http://10.0.0.7/", "10.0.0.7", None, "a private address"),
    ("http://0.0.0.0:8000/", "0.0.0.0", None, "the unspecified address"),
    ("http://100.64.1.1/", "100.64.1.1", None, "a carrier-grade NAT address (100.64.0.0/10)"),
])
async def test_check_url_refuses_hosts_resolving_to_non_public_addresses(
        url: str, host: str, address: str | None, reason: str) -> None:
    with pytest.raises(ConnectorError) as caught:
        await STRICT.check_url(url)

    what = f"it is {reason}" if address is None else f"it resolves to {address}, {reason}"
    assert caught.value.code == "SSRF_REFUSED"
    assert caught.value.message == f"refused to connect to {host}: {what}. {HOW}"


async def test_check_url_accepts_a_public_literal_address() -> None:
    await STRICT.check_url("https://93.184.216.34/chat")
    await STRICT.check_url("http://[2606:4700::1111]:8080/chat")


@pytest.mark.parametrize("url", ["http://localhost:8000/", "http://127.0.0.1/",
                                 "http://[::1]/", "http://169.254.169.254/", "http://10.1.1.1/"])
async def test_allow_private_lets_loopback_and_private_urls_through(url: str) -> None:
    await OPEN.check_url(url)


@pytest.mark.parametrize(("url", "scheme"), [
    ("file:///etc/passwd", "file"), ("ftp://example.com/x", "ftp"),
    ("gopher://127.0.0.1:6379/_INFO", "gopher"), ("ws://example.com/chat", "ws"),
])
async def test_only_http_and_https_are_reached(url: str, scheme: str) -> None:
    for policy in (STRICT, OPEN):
        with pytest.raises(ConnectorError) as caught:
            await policy.check_url(url)

        assert caught.value.code == "SSRF_REFUSED"
        assert caught.value.message == (f"refused the URL scheme '{scheme}': connectors only "
                                        "reach http:// and https:// URLs")


async def test_a_name_that_does_not_resolve_is_a_connection_failure() -> None:
    with pytest.raises(ConnectorError) as caught:
        await STRICT.check_url("http://no-such-host.invalid/chat")

    assert caught.value.code == "CONNECTION_FAILED"
    assert caught.value.message.startswith("could not resolve host no-such-host.invalid (")
    assert caught.value.message.endswith("): check the host name in the URL")


async def test_resolve_returns_every_address_once() -> None:
    assert await resolve("localhost", 80) == ["127.0.0.1"]
    assert await resolve("::1", 80) == ["::1"]


async def test_check_host_returns_the_checked_addresses() -> None:
    assert await check_host(OPEN, "localhost", 80) == ["127.0.0.1"]
    assert await check_host(STRICT, "93.184.216.34", 443) == ["93.184.216.34"]


async def test_the_transport_refuses_at_connect_time_without_a_prior_check() -> None:
    async with serving() as agent, httpx.AsyncClient(transport=GuardedTransport(STRICT)) as client:
        for url in (agent.url("/chat"), agent.url("/chat", host="localhost")):
            with pytest.raises(ConnectorError) as caught:
                await client.post(url, json={"input": "hi"})

            assert caught.value.code == "SSRF_REFUSED"
        assert agent.received == []


async def test_the_transport_dials_an_allowed_address_for_a_host_name() -> None:
    policy = NetworkPolicy(allow_private=False, allowed_networks=["127.0.0.1/32"])
    async with serving() as agent, httpx.AsyncClient(transport=GuardedTransport(policy)) as client:
        response = await client.post(agent.url("/chat", host="localhost"), json={"input": "hi"})

    assert response.json()["choices"][0]["message"]["content"] == "echo: hi"
    assert [(r.method, r.path, r.headers["host"]) for r in agent.received] == [
        ("POST", "/chat", f"localhost:{agent.port}")]


async def test_the_transport_reaches_ipv6_loopback_when_allowed() -> None:
    async with serving("::1") as agent, httpx.AsyncClient(transport=GuardedTransport(OPEN)) as c:
        response = await c.post(agent.url("/chat"), json={"input": "over v6"})

    assert response.json()["choices"][0]["message"]["content"] == "echo: over v6"
    assert len(agent.received) == 1


async def test_tls_verifies_the_url_host_name_not_the_dialled_address(tmp_path: Path) -> None:
    cert, key, ca = make_certificate(tmp_path, "localhost")
    trust = ssl.create_default_context(cafile=str(ca))
    transport = GuardedTransport(OPEN, verify=trust)
    async with serving(tls=(cert, key)) as agent, httpx.AsyncClient(transport=transport) as c:
        response = await c.post(agent.url("/chat", host="localhost"), json={"input": "tls"})
        with pytest.raises(httpx.ConnectError) as caught:
            await c.post(agent.url("/chat", host="127.0.0.1"), json={"input": "by address"})

    assert response.json()["choices"][0]["message"]["content"] == "echo: tls"
    assert "certificate verify failed" in str(caught.value)
    assert [r.json() for r in agent.received] == [{"input": "tls"}]
