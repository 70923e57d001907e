"""The network under the fetcher: which addresses may be reached, and a deadline on every exchange.

:class:`GuardedBackend` is the ``httpcore`` network backend of the
:class:`~pipeline.feed.fetch.Fetcher`. It resolves a host itself (within the time left), refuses
the host when any of its addresses is not allowed (:class:`AddressPolicy`), connects to the very
addresses it checked (so a DNS answer that changes between check and connect cannot slip
through), one after the other until one answers, and wraps the connection so that every read,
write and TLS handshake ends by the fetch's deadline (:func:`deadline`). Without that, a server
that drips its headers one byte a second never trips a read timeout and holds the job forever.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpcore

from pipeline.errors import BlockedAddress

# The deadline of the fetch running in this thread (the fetcher is shared by threads, and
# httpcore's sync pool does each exchange's I/O in the thread that asked for it).
_current = threading.local()


class DeadlinePassed(httpcore.TimeoutException):
    """The fetch's overall deadline (``feed.total_timeout``) passed during an exchange."""


@contextmanager
def deadline(at: float) -> Iterator[None]:
    """Every network wait of this thread ends by ``at`` (``time.monotonic()`` seconds)."""
    before = getattr(_current, "at", None)
    _current.at = at
    try:
        yield
    finally:
        _current.at = before


def bounded(timeout: float | None) -> float | None:
    """``timeout`` cut to the time left before this thread's deadline.

    Raises:
        DeadlinePassed: When none is left.
    """
    at = getattr(_current, "at", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise DeadlinePassed("the fetch's deadline passed")
    return left if timeout is None else min(timeout, left)


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

    def resolve(self, host: str, port: int, timeout: float | None = None) -> list[str]:
        """The addresses to connect to for ``host``; every one of them must be allowed.

        Args:
            host: A name or an IP address.
            port: The port (some resolvers answer per service).
            timeout: Seconds the lookup may take (None: the resolver's own limits).

        Raises:
            BlockedAddress: When one of them is refused (see ``feed.allow_private_addresses``).
            httpcore.ConnectTimeout: When the lookup takes longer than ``timeout``.
            OSError: When the name cannot be resolved.
        """
        infos = _getaddrinfo(host, port, timeout)
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        for address in addresses:
            why = self.refusal(address)
            if why:
                what = f"is a {why}" if host.strip("[]") == address else f"resolves to a {why}"
                raise BlockedAddress(
                    f"{host} {what}, refused (see feed.allow_private_addresses and "
                    "feed.allowed_networks)"
                )
        return addresses


def _getaddrinfo(host: str, port: int, timeout: float | None) -> list[Any]:
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        pass
    else:  # an address: nothing to look up, nothing to wait for
        return socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    if timeout is None:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    # getaddrinfo takes no timeout: the lookup runs in a daemon thread that is left behind
    # (and ends with the resolver's own timeout) if it is not done in time.
    answer: dict[str, Any] = {}

    def look_up() -> None:
        try:
            answer["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            answer["error"] = exc

    thread = threading.Thread(target=look_up, name=f"brief-dns-{host}", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise httpcore.ConnectTimeout(f"looking up {host} took longer than {timeout:g} s")
    if "error" in answer:
        raise answer["error"]
    return answer["infos"]


class GuardedBackend(httpcore.SyncBackend):
    """Connects only to addresses the policy allows, each exchange within its deadline."""

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
        addresses = self.policy.resolve(host, port, bounded(timeout))
        failure: Exception | None = None
        for address in addresses:
            try:
                # TLS still verifies and sends SNI for the URL's host name (httpcore passes it
                # apart). Each address gets the connect timeout, all of them the deadline.
                stream = super().connect_tcp(
                    address, port, bounded(timeout), local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
                continue
            return DeadlineStream(stream)
        assert failure is not None  # getaddrinfo never answers with no address
        raise failure


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose every wait ends by the deadline of the fetch using it."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, bounded(timeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return DeadlineStream(self.inner.start_tls(ssl_context, server_hostname, bounded(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)
