"""Text shown on the terminal with its control characters made visible.

File names, feed titles and URLs come from outside: an escape sequence in one could move the
cursor, clear the screen or retitle the window, and a newline could forge a line of output.
Every message that may hold such text goes through :func:`printable` (the error line, each
article's line, the logs), which shows a control character as its escape (``\\x1b``, ``\\n``).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

# C0 and C1 controls, DEL, the bidirectional overrides and isolates that reorder what follows
# them on the screen (the "Trojan Source" characters), and lone surrogates (the bytes of a
# file name that are not UTF-8).
_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if char in named:
        return named[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def printable(text: object) -> str:
    """``text`` (a path or anything with a ``str``) with every control character escaped."""
    value = str(text) if not isinstance(text, Path) else text.as_posix()
    return _CONTROL.sub(_escape, value)


class PrintableFormatter(logging.Formatter):
    """A log formatter whose lines hold no raw control character."""

    def format(self, record: logging.LogRecord) -> str:
        # The message is escaped, not the traceback that may follow it (code, not input).
        shown = logging.makeLogRecord(record.__dict__)
        shown.msg, shown.args = printable(record.getMessage()), None
        return super().format(shown)
