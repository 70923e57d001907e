from __future__ import annotations

import pytest

from pipeline.config import FeedConfig
from pipeline.feed.fetch import AddressPolicy, Fetcher, FetchError
from tests.feed.server import FeedServer

LOOPBACK = {"allowed_networks": ["127.0.0.1/32"]}
LIMITS = {"read_timeout": 0.5, "max_bytes": 100_000, "max_redirects": 3}


def _fetcher(**settings: object) -> Fetcher:
    return Fetcher(FeedConfig(**{**LOOPBACK, **LIMITS, **settings}))


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/error", "HTTP 500 Internal Server Error"),
        ("/slow", "read timed out after 0.5 s"),
        ("/huge", "body over the limit of 100,000 bytes (feed.max_bytes)"),
        ("/huge-declared", "300,000 bytes over the limit of 100,000 bytes (feed.max_bytes)"),
        ("/loop", "redirect loop (back to "),
        ("/hop/4", "too many redirects (more than 3)"),
        ("/photo.png", "not an article page (image/png)"),
    ],
)
def test_each_fault_is_a_fetch_error_with_its_reason(
    feed_server: FeedServer, path: str, reason: str
) -> None:
    with _fetcher() as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch(feed_server.url(path), accept=("text/html", "text/plain"))
    assert err.value.reason.startswith(reason)
    assert err.value.url == feed_server.url(path)
    assert err.value.not_article == (path == "/photo.png")


def test_redirects_within_the_limit_are_followed(feed_server: FeedServer) -> None:
    with _fetcher() as fetcher:
        page = fetcher.fetch(feed_server.url("/hop/3"))
    assert page.final_url == feed_server.url("/hop/0")
    assert page.content_type == "text/plain"
    assert "Vendée Globe".encode() in page.body


def test_requests_carry_the_configured_user_agent(feed_server: FeedServer) -> None:
    with _fetcher(user_agent="brief-test/1.0 (+https://example.org/bot)") as fetcher:
        fetcher.fetch(feed_server.url("/articles/vendee.txt"))
    assert feed_server.user_agents == {"brief-test/1.0 (+https://example.org/bot)"}


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/a.txt", "http:///nohost"],
)
def test_only_http_urls_with_a_host_are_fetched(url: str) -> None:
    with _fetcher() as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch(url)
    assert "http" in err.value.reason or "host" in err.value.reason


def test_loopback_is_refused_by_default(feed_server: FeedServer) -> None:
    with Fetcher(FeedConfig()) as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch(feed_server.url("/articles/vendee.txt"))
    assert "loopback address 127.0.0.1" in err.value.reason
    assert "feed.allow_private_addresses" in err.value.reason
    assert feed_server.hits == {}  # refused before connecting


def test_a_redirect_to_a_refused_address_is_refused(feed_server: FeedServer) -> None:
    # The first hop is allowed (loopback by name); the next one is link-local: refused.
    with _fetcher() as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch(feed_server.url("/to-metadata"))
    assert "link-local address 169.254.169.254" in err.value.reason
    assert feed_server.hits == {"/to-metadata": 1}


def test_allow_private_addresses_allows_loopback(feed_server: FeedServer) -> None:
    with Fetcher(FeedConfig(allow_private_addresses=True)) as fetcher:
        assert fetcher.fetch(feed_server.url("/articles/vendee.txt")).body


@pytest.mark.parametrize(
    ("address", "allowed"),
    [
        ("93.184.215.14", True),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", True),
        ("127.0.0.1", False),
        ("::1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("0.0.0.0", False),
        ("100.64.0.1", False),
        ("224.0.0.1", False),
        ("::ffff:127.0.0.1", False),
    ],
)
def test_address_policy(address: str, allowed: bool) -> None:
    assert (AddressPolicy().refusal(address) is None) == allowed
    assert AddressPolicy(allow_private=True).refusal(address) is None


def test_allowed_networks_open_only_those_networks() -> None:
    policy = AddressPolicy(allowed_networks=["10.1.2.0/24"])
    assert policy.refusal("10.1.2.9") is None
    assert policy.refusal("10.1.3.9") == "private address 10.1.3.9"
