"""Fetching feeds and article pages from the web, carefully.

Every fetch has a connect timeout, a read timeout (silence between bytes) and an overall deadline;
the body is read up to a size cap and no further; redirects are followed by hand up to a limit, a
loop being reported as such; requests carry a descriptive User-Agent. Addresses are checked when
the socket is opened (a guarded network backend for ``httpcore``): private, loopback, link-local
and other non-public addresses are refused unless the config allows them, and the connection goes
to the very address that was checked, so a DNS answer that changes between check and connect
cannot slip through. No ``Accept-Encoding`` is sent, so the size cap counts what is read.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore

from pipeline.config import FeedConfig

log = logging.getLogger(__name__)

REDIRECTS = {301, 302, 303, 307, 308}
# Media types worth briefing; anything else (images, PDFs, JSON…) is not an article page.
ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A URL could not be fetched; the message says why, for the state and the report.

    Attributes:
        url: The URL asked for.
        reason: What went wrong, without the URL.
        not_article: The server answered, but not with an article page (wrong content type).
    """

    def __init__(self, url: str, reason: str, *, not_article: bool = False) -> None:
        self.url = url
        self.reason = reason
        self.not_article = not_article
        super().__init__(f"{url}: {reason}")


class BlockedAddress(Exception):
    """A host resolved to an address the policy refuses."""


@dataclass
class Fetched:
    """A page as received.

    Attributes:
        url: The URL asked for.
        final_url: Where it was found, after redirects.
        content_type: Media type, lower case, without parameters ("" when not sent).
        body: The bytes, at most ``max_bytes`` of them.
    """

    url: str
    final_url: str
    content_type: str
    body: bytes


class AddressPolicy:
    """Which IP addresses may be connected to.

    Args:
        allow_private: Allow every address (private, loopback, link-local…).
        allowed_networks: Non-public networks allowed anyway, in CIDR notation.
    """

    def __init__(self, allow_private: bool = False, allowed_networks: list[str] | None = None):
        self.allow_private = allow_private
        self.networks = [ipaddress.ip_network(n, strict=False) for n in allowed_networks or []]

    def refusal(self, address: str) -> str | None:
        """Why ``address`` is refused, or None when it is allowed."""
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if self.allow_private or any(ip in net for net in self.networks):
            return None
        if ip.is_global and not ip.is_multicast:
            return None
        for kind in ("loopback", "link_local", "private", "multicast", "unspecified", "reserved"):
            if getattr(ip, f"is_{kind}"):
                return f"{kind.replace('_', '-')} address {ip}"
        return f"non-public address {ip}"

    def resolve(self, host: str, port: int) -> str:
        """The address to connect to for ``host``; every address it resolves to must be allowed.

        Raises:
            BlockedAddress: When one of them is refused (see ``feed.allow_private_addresses``).
            OSError: When the name cannot be resolved.
        """
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        for address in addresses:
            why = self.refusal(address)
            if why:
                what = f"is a {why}" if host.strip("[]") == address else f"resolves to a {why}"
                raise BlockedAddress(
                    f"{host} {what}, refused (see feed.allow_private_addresses and "
                    "feed.allowed_networks)"
                )
        return addresses[0]


class _GuardedBackend(httpcore.SyncBackend):
    """Opens TCP connections only to addresses the policy allows, and to the one it checked."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        address = self.policy.resolve(host, port)
        # TLS still verifies and sends SNI for the URL's host name (httpcore passes it apart).
        return super().connect_tcp(address, port, timeout, local_address, socket_options)


class Fetcher:
    """Fetches URLs under the limits of a :class:`~pipeline.config.FeedConfig`.

    Use as a context manager, or call :meth:`close`. Safe to share between threads.
    """

    def __init__(self, config: FeedConfig) -> None:
        self.config = config
        self.policy = AddressPolicy(config.allow_private_addresses, config.allowed_networks)
        self._pool = httpcore.ConnectionPool(
            network_backend=_GuardedBackend(self.policy),
            max_connections=max(4, config.fetch_workers * 2),
            retries=0,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Closes every open connection."""
        self._pool.close()

    def fetch(self, url: str, accept: tuple[str, ...] | None = None) -> Fetched:
        """Fetches ``url``, following redirects.

        Args:
            url: An http(s) URL.
            accept: Media types allowed for the final response (None: any).

        Returns:
            The page.

        Raises:
            FetchError: For any failure: scheme, address, timeout, status, size, type, redirects.
        """
        deadline = time.monotonic() + self.config.total_timeout
        current = url
        seen = {url}
        for _hop in range(self.config.max_redirects + 1):
            _check_scheme(url, current)
            status, location, fetched = self._get(url, current, deadline, accept)
            if fetched is not None:
                return fetched
            if not location:
                raise FetchError(url, f"HTTP {status} redirect without a Location header")
            current = urljoin(current, location)
            if current in seen:
                raise FetchError(url, f"redirect loop (back to {current})")
            seen.add(current)
        raise FetchError(url, f"too many redirects (more than {self.config.max_redirects})")

    def _get(
        self, url: str, current: str, deadline: float, accept: tuple[str, ...] | None
    ) -> tuple[int, str | None, Fetched | None]:
        cfg = self.config
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchError(url, f"took longer than {cfg.total_timeout:g} s (feed.total_timeout)")
        timeouts = {
            "connect": min(cfg.connect_timeout, left),
            "read": min(cfg.read_timeout, left),
            "write": min(cfg.read_timeout, left),
            "pool": min(cfg.connect_timeout, left),
        }
        headers = [
            (b"User-Agent", cfg.user_agent.encode("ascii", "replace")),
            (b"Accept", b"text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.5"),
            (b"Accept-Language", b"fr, en;q=0.5"),
        ]
        try:
            with self._pool.stream(
                "GET", current, headers=headers, extensions={"timeout": timeouts}
            ) as resp:
                if resp.status in REDIRECTS:
                    return resp.status, _header(resp, b"location"), None
                if resp.status >= 400:
                    reason = resp.extensions.get("reason_phrase", b"").decode("latin-1")
                    raise FetchError(url, f"HTTP {resp.status} {reason}".strip())
                ctype = (_header(resp, b"content-type") or "").split(";")[0].strip().lower()
                if accept is not None and ctype and ctype not in accept:
                    raise FetchError(url, f"not an article page ({ctype})", not_article=True)
                length = _header(resp, b"content-length")
                if length and length.isdigit() and int(length) > cfg.max_bytes:
                    raise FetchError(url, _too_big(int(length), cfg.max_bytes))
                body = self._read(url, resp, deadline)
        except FetchError:
            raise
        except BlockedAddress as exc:
            raise FetchError(url, str(exc)) from None
        except httpcore.TimeoutException as exc:
            kind = type(exc).__name__.replace("Timeout", "").lower() or "network"
            limit = cfg.connect_timeout if kind == "connect" else cfg.read_timeout
            raise FetchError(url, f"{kind} timed out after {limit:g} s") from None
        except (httpcore.UnsupportedProtocol, httpcore.LocalProtocolError) as exc:
            raise FetchError(url, f"bad URL ({exc})") from None
        except (httpcore.NetworkError, httpcore.ProtocolError, OSError) as exc:
            raise FetchError(url, f"network error: {exc or type(exc).__name__}") from None
        return 200, None, Fetched(url=url, final_url=current, content_type=ctype, body=body)

    def _read(self, url: str, resp: httpcore.Response, deadline: float) -> bytes:
        limit = self.config.max_bytes
        parts: list[bytes] = []
        size = 0
        for chunk in resp.iter_stream():
            size += len(chunk)
            if size > limit:
                raise FetchError(url, _too_big(None, limit))
            parts.append(chunk)
            if time.monotonic() > deadline:
                raise FetchError(
                    url, f"took longer than {self.config.total_timeout:g} s (feed.total_timeout)"
                )
        return b"".join(parts)


def _check_scheme(url: str, current: str) -> None:
    parts = urlsplit(current)
    if parts.scheme not in ("http", "https"):
        where = "" if current == url else f" (redirected to {current})"
        raise FetchError(url, f"only http and https URLs are fetched{where}")
    if not parts.hostname:
        raise FetchError(url, "URL without a host")


def _header(resp: httpcore.Response, name: bytes) -> str | None:
    for key, value in resp.headers:
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def _too_big(size: int | None, limit: int) -> str:
    told = f"{size:,} bytes" if size is not None else "body"
    return f"{told} over the limit of {limit:,} bytes (feed.max_bytes)"
