"""A headless Chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``):
no websocket library, no driver binary. Enough to size the window, emulate a colour scheme,
open a page, read values out of it and take a screenshot.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import subprocess
import time
from pathlib import Path
from typing import Any


def chromium_args(chromium: str, profile: Path) -> list[str]:
    """The command line every test browser starts with: headless, no sandbox (containers), no
    GPU, no network of its own, a profile of its own."""
    return [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        f"--user-data-dir={profile}",
    ]


class BrowserError(RuntimeError):
    pass


class Browser:
    """One Chromium process and one tab.

    Args:
        chromium: The executable.
        profile: A folder for its profile (a fresh one per browser).
        timeout: Seconds to wait for any one answer.
    """

    def __init__(self, chromium: str, profile: Path, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self._next = 0
        self._buffer = b""
        # Chromium reads commands from fd 3 and writes answers and events to fd 4.
        to_child, self._write = os.pipe()
        self._read, from_child = os.pipe()
        # The child's ends above 9, so that putting them on 3 and 4 overwrites neither.
        ends = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (to_child, from_child)]
        os.close(to_child)
        os.close(from_child)
        to_child, from_child = ends

        args = [
            *chromium_args(chromium, profile),
            "--hide-scrollbars",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        # bash (dash reads one-digit descriptors only) puts the ends on 3 and 4 (no preexec_fn:
        # unsafe in a process with threads, as the tests' feed server is).
        wire = f'exec "$@" 3<&{to_child} 4>&{from_child}'
        self.process = subprocess.Popen(
            ["bash", "-c", wire, "bash", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(to_child, from_child),
        )
        os.close(to_child)
        os.close(from_child)
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        self.call("Page.enable", session=True)

    def _send(self, method: str, params: dict[str, Any], session: bool) -> int:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        return self._next

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._read], [], [], left)[0]:
                raise BrowserError("no answer from chromium in time")
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise BrowserError("chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, session: bool = False, **params: Any) -> dict[str, Any]:
        """Sends a command and returns its result (events that come first are dropped)."""
        number = self._send(method, params, session)
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._receive(deadline)
            if message.get("id") == number:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                return message.get("result", {})

    def open(self, url: str, width: int, height: int, dark: bool) -> None:
        """Opens ``url`` in a ``width`` × ``height`` window, light or dark, and waits for it."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        scheme = "dark" if dark else "light"
        features = [{"name": "prefers-color-scheme", "value": scheme}]
        self.call("Emulation.setEmulatedMedia", session=True, features=features)
        number = self._send("Page.navigate", {"url": url}, True)
        deadline = time.monotonic() + self.timeout
        answered = loaded = False
        while not (answered and loaded):
            message = self._receive(deadline)
            if message.get("id") == number:
                result = message.get("result", {})
                if "error" in message or result.get("errorText"):
                    raise BrowserError(f"cannot open {url}: {message}")
                answered = True
                # A move within the page open (a #fragment) loads nothing.
                loaded = loaded or "loaderId" not in result
            loaded = loaded or message.get("method") == "Page.loadEventFired"

    def value(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (run by DevTools, whatever the
        page's Content-Security-Policy says; the page itself runs none)."""
        result = self.call(
            "Runtime.evaluate", session=True, expression=expression, returnByValue=True
        )
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path) -> Path:
        """A PNG of the window (what a reader sees first) to ``path``."""
        data = self.call("Page.captureScreenshot", session=True, format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        with contextlib.suppress(BrowserError, OSError):
            self.call("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._write)
        os.close(self._read)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
