"""Fixtures of the feed tests: a local server with faults, and configs that may reach it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.config import BriefConfig, load_config
from tests.feed import server as feed_server_module
from tests.feed.server import FeedServer


@pytest.fixture(scope="session")
def _server() -> Iterator[FeedServer]:
    server = feed_server_module.start()
    yield server
    feed_server_module.stop(server)


@pytest.fixture
def feed_server(_server: FeedServer) -> FeedServer:
    """The local fixture server, its knobs reset for each test."""
    _server.delay = 0.0
    _server.slow_seconds = 5.0
    _server.drip_seconds = 0.1
    with _server.lock:
        _server.hits.clear()
        _server.user_agents.clear()
    return _server


def feed_settings(tmp_path: Path) -> list[str]:
    """Feed overrides for a test: everything under tmp_path, loopback allowed by name, short
    timeouts and a small size cap so that the faults show quickly."""
    return [
        f'feed.state="{(tmp_path / "state.sqlite").as_posix()}"',
        f'feed.report="{(tmp_path / "report.json").as_posix()}"',
        f'feed.digest_dir="{(tmp_path / "digest").as_posix()}"',
        'feed.allowed_networks=["127.0.0.1/32"]',
        "feed.read_timeout=0.5",
        "feed.connect_timeout=2.0",
        "feed.max_bytes=100_000",
        "feed.max_redirects=3",
    ]


@pytest.fixture
def feed_overrides(fake_overrides: list[str], tmp_path: Path) -> list[str]:
    """Model-free stand-ins plus :func:`feed_settings`."""
    return [*fake_overrides, *feed_settings(tmp_path)]


@pytest.fixture
def feed_config(feed_overrides: list[str]) -> BriefConfig:
    return load_config(None, feed_overrides)
