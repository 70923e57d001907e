"""Content codings of HTTP bodies (``Content-Encoding: gzip`` or ``deflate``), decoded as a stream.

The size cap applies to what the coding decodes to: every call to :meth:`BodyDecoder.decode` asks
zlib for no more than the room left under the cap (``max_length``), so a gzip bomb (a megabyte
that expands to a gigabyte) is stopped at the cap without ever being held in memory.
"""

from __future__ import annotations

import zlib

# What the fetcher asks for (``Accept-Encoding``): zlib's codings, from the standard library.
ACCEPTED = ("gzip", "deflate")
_ALIASES = {"x-gzip": "gzip", "identity": ""}


class DecodingError(ValueError):
    """The body is not valid in its coding, or its coding is not one the fetcher decodes."""


class TooLarge(ValueError):
    """The decoded body is over the cap."""


class BodyDecoder:
    """Decodes a body coded with ``coding``, chunk by chunk, up to ``limit`` decoded bytes.

    Args:
        header: The ``Content-Encoding`` header ("" or None: the body is as sent).
        limit: The most decoded bytes accepted.

    Raises:
        DecodingError: For a coding other than gzip or deflate, or more than one.
    """

    def __init__(self, header: str | None, limit: int) -> None:
        codings = [c.strip().lower() for c in (header or "").split(",") if c.strip()]
        codings = [_ALIASES.get(c, c) for c in codings]
        codings = [c for c in codings if c]
        if len(codings) > 1:
            raise DecodingError(f"body coded several times ({header}), which is not decoded")
        if codings and codings[0] not in ACCEPTED:
            raise DecodingError(f"body coded as {codings[0]!r}, which is not decoded")
        self.coding = codings[0] if codings else ""
        self.limit = limit
        self.size = 0
        self._zlib: zlib._Decompress | None = None

    def decode(self, chunk: bytes) -> bytes:
        """The decoded bytes of the next chunk of the body.

        Raises:
            TooLarge: When the decoded body goes over the limit.
            DecodingError: When the body is corrupt.
        """
        if not self.coding:
            return self._count(chunk)
        out = bytearray()
        data = chunk
        while data:
            if self._zlib is None:
                self._zlib = zlib.decompressobj(self._wbits(data))
            room = self.limit + 1 - self.size - len(out)
            try:
                out += self._zlib.decompress(data, room)
            except zlib.error as exc:
                raise DecodingError(f"{self.coding} body that cannot be decoded ({exc})") from None
            if self.size + len(out) > self.limit:
                raise TooLarge(self.limit)
            if self._zlib.eof:
                # gzip allows several members one after the other; anything else after the end
                # of a deflate stream is ignored, as browsers do.
                data = self._zlib.unused_data if self.coding == "gzip" else b""
                self._zlib = None
            else:
                data = self._zlib.unconsumed_tail
        return self._count(bytes(out))

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.limit:
            raise TooLarge(self.limit)
        return data

    def _wbits(self, start: bytes) -> int:
        if self.coding == "gzip":
            return 16 + zlib.MAX_WBITS
        # "deflate" should be zlib-wrapped, but some servers send raw deflate; tell them apart
        # by the zlib header (method 8, and a check value that makes the first two bytes a
        # multiple of 31).
        if len(start) >= 2 and start[0] & 0x0F == 8 and (start[0] << 8 | start[1]) % 31 == 0:
            return zlib.MAX_WBITS
        return -zlib.MAX_WBITS
