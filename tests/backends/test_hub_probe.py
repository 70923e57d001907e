"""No hub, no cache: one quick probe and one clear error, not half a minute of retries."""

from __future__ import annotations

import socket
import time

import pytest

from pipeline.backends.base import GenerationSettings
from pipeline.backends.hf_seq2seq import HFSeq2Seq, hub_reachable
from pipeline.errors import ModelUnavailable
from pipeline.manifests import resolve_model


def test_probe_tells_a_listening_port_from_a_closed_one() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        assert hub_reachable(f"http://127.0.0.1:{port}")
    assert not hub_reachable(f"http://127.0.0.1:{port}", timeout=1)


def test_unreachable_hub_fails_fast_with_one_reason(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    from huggingface_hub import constants

    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path))
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    monkeypatch.setattr(constants, "ENDPOINT", "http://127.0.0.1:9")
    backend = HFSeq2Seq(resolve_model("opus-mt-fr-en"), GenerationSettings())
    began = time.perf_counter()
    with pytest.raises(ModelUnavailable, match="hub cannot be reached"):
        backend.ensure_available()
    assert time.perf_counter() - began < 10
