"""Fetching feeds and article pages from the web, carefully.

Every fetch has a connect timeout, a read timeout (silence between bytes) and an overall deadline
(``feed.total_timeout``) that bounds the whole exchange: name lookup, connecting to each address,
TLS, headers and body, over every redirect. The body is read up to a size cap and no further; a
gzip or deflate body is decoded as it comes, the cap counting the decoded bytes
(:mod:`pipeline.feed.encoding`). Redirects are followed by hand up to a limit, a loop being
reported as such; requests carry a descriptive User-Agent. Addresses are checked when the socket
is opened (:mod:`pipeline.feed.network`): private, loopback, link-local and other non-public
addresses are refused unless the config allows them, and the connection goes to the very address
that was checked, so a DNS answer that changes between check and connect cannot slip through.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpcore

from pipeline.config import FeedConfig
from pipeline.errors import FetchError
from pipeline.feed.encoding import ACCEPTED, BodyDecoder, DecodingError, TooLarge
from pipeline.feed.network import (
    AddressPolicy,
    BlockedAddress,
    DeadlinePassed,
    GuardedBackend,
    deadline,
)

__all__ = ["ARTICLE_TYPES", "AddressPolicy", "FetchError", "Fetched", "Fetcher"]

log = logging.getLogger(__name__)

REDIRECTS = {301, 302, 303, 307, 308}
# Media types worth briefing; anything else (images, PDFs, JSON…) is not an article page.
ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_CHUNK = 64 * 1024


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


class Fetcher:
    """Fetches URLs under the limits of a :class:`~pipeline.config.FeedConfig`.

    Use as a context manager, or call :meth:`close`. Safe to share between threads.
    """

    def __init__(self, config: FeedConfig) -> None:
        self.config = config
        self.policy = AddressPolicy(config.allow_private_addresses, config.allowed_networks)
        self._pool = httpcore.ConnectionPool(
            network_backend=GuardedBackend(self.policy),
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
        deadline_at = time.monotonic() + self.config.total_timeout
        current = url
        seen = {url}
        for _hop in range(self.config.max_redirects + 1):
            _check_scheme(url, current)
            status, location, fetched = self._get(url, current, deadline_at, accept)
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
        self, url: str, current: str, deadline_at: float, accept: tuple[str, ...] | None
    ) -> tuple[int, str | None, Fetched | None]:
        cfg = self.config
        left = deadline_at - time.monotonic()
        if left <= 0:
            raise FetchError(url, self._overdue())
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
            (b"Accept-Encoding", ", ".join(ACCEPTED).encode("ascii")),
        ]
        try:
            # Every wait of the exchange (lookup, connect, TLS, headers, body) ends by then.
            with (
                deadline(deadline_at),
                self._pool.stream(
                    "GET", current, headers=headers, extensions={"timeout": timeouts}
                ) as resp,
            ):
                if resp.status in REDIRECTS:
                    return resp.status, _header(resp, b"location"), None
                if not 200 <= resp.status < 300:
                    # 304 and the like too: no validators are sent, so none is a page.
                    reason = resp.extensions.get("reason_phrase", b"").decode("latin-1")
                    raise FetchError(url, f"HTTP {resp.status} {reason}".strip())
                ctype = (_header(resp, b"content-type") or "").split(";")[0].strip().lower()
                if accept is not None and ctype and ctype not in accept:
                    raise FetchError(url, f"not an article page ({ctype})", not_article=True)
                length = _header(resp, b"content-length")
                if length and length.isdigit() and int(length) > cfg.max_bytes:
                    raise FetchError(url, _too_big(int(length), cfg.max_bytes))
                body = self._read(url, resp, deadline_at)
        except FetchError:
            raise
        except BlockedAddress as exc:
            raise FetchError(url, str(exc)) from None
        except httpcore.TimeoutException as exc:
            if isinstance(exc, DeadlinePassed) or time.monotonic() >= deadline_at:
                raise FetchError(url, self._overdue()) from None
            kind = type(exc).__name__.replace("Timeout", "").lower() or "network"
            limit = cfg.connect_timeout if kind == "connect" else cfg.read_timeout
            raise FetchError(url, f"{kind} timed out after {limit:g} s") from None
        except (httpcore.UnsupportedProtocol, httpcore.LocalProtocolError) as exc:
            raise FetchError(url, f"bad URL ({exc})") from None
        except (httpcore.NetworkError, httpcore.ProtocolError, OSError) as exc:
            raise FetchError(url, f"network error: {exc or type(exc).__name__}") from None
        return 200, None, Fetched(url=url, final_url=current, content_type=ctype, body=body)

    def _read(self, url: str, resp: httpcore.Response, deadline_at: float) -> bytes:
        limit = self.config.max_bytes
        try:
            decoder = BodyDecoder(_header(resp, b"content-encoding"), limit)
        except DecodingError as exc:
            raise FetchError(url, str(exc)) from None
        parts: list[bytes] = []
        received = 0
        try:
            for chunk in resp.iter_stream():
                received += len(chunk)
                if received > limit:  # the bytes sent count too, coded or not
                    raise TooLarge(limit)
                parts.append(decoder.decode(chunk))
                if time.monotonic() > deadline_at:
                    raise FetchError(url, self._overdue())
        except TooLarge:
            what = f"{decoder.coding} body, decoded," if decoder.coding else None
            raise FetchError(url, _too_big(None, limit, what)) from None
        except DecodingError as exc:
            raise FetchError(url, str(exc)) from None
        return b"".join(parts)

    def _overdue(self) -> str:
        return f"took longer than {self.config.total_timeout:g} s (feed.total_timeout)"


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


def _too_big(size: int | None, limit: int, what: str | None = None) -> str:
    told = f"{size:,} bytes" if size is not None else what or "body"
    return f"{told} over the limit of {limit:,} bytes (feed.max_bytes)"
