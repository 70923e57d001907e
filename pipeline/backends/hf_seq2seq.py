"""Hugging Face seq2seq backend: tokenizer -> ``model.generate`` -> decode.

transformers 5 removed the translation and summarisation pipelines, so this is the whole path.
The same class translates (Marian) and summarises (BART); what differs is the generation
settings the stage gives it. Weights load lazily, on first use, safetensors only, and
``trust_remote_code`` is never enabled.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from pipeline.backends.base import (
    BackendStats,
    GeneratingBackend,
    GenerationSettings,
    LengthControl,
    token_batches,
)
from pipeline.errors import ModelUnavailable
from pipeline.manifests import ModelSpec

log = logging.getLogger(__name__)


def _torch_dtype(name: str) -> Any:
    import torch

    return {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[name]


# Same attributes and generate() signature as CT2Seq2Seq (ct2.py): both fill the one interface
# (base.py); loading, batching and decoding differ, so they share only GeneratingBackend.
class HFSeq2Seq(GeneratingBackend):
    """A seq2seq model from the hub or a local directory, run with ``generate``.

    Args:
        spec: The resolved model.
        generation: Decoding settings.
        device: ``"cpu"`` or ``"cuda"``.
        dtype: ``"float32"``, ``"bfloat16"`` or ``"float16"``.
        batch_size: Most texts per ``generate`` call.
        max_batch_tokens: Most padded source tokens per ``generate`` call (None: no budget).
    """

    kind = "hf"

    def __init__(
        self,
        spec: ModelSpec,
        generation: GenerationSettings,
        device: str = "cpu",
        dtype: str = "float32",
        batch_size: int = 32,
        max_batch_tokens: int | None = None,
    ) -> None:
        self.spec = spec
        self.generation = generation
        self.device = device
        self.dtype = dtype
        self.batch_size = batch_size
        self.max_batch_tokens = max_batch_tokens
        self._model: Any = None
        self._tokenizer: Any = None
        self.stats = BackendStats()
        self.lengths: LengthControl | None = None

    # -- availability and loading -------------------------------------------------------------

    def ensure_available(self) -> None:
        """Fails fast when the model is neither cached nor downloadable.

        Raises:
            ModelUnavailable: Naming the model and how to get it.
        """
        if self.spec.local:
            folder = Path(self.spec.source)
            if not (folder / "config.json").is_file():
                raise ModelUnavailable(self.spec.source, None, "no config.json in that directory")
            if not any(folder.glob("*.safetensors")):
                raise ModelUnavailable(
                    self.spec.source, None, "no safetensors weights in that directory"
                )
            return
        from huggingface_hub import constants, hf_hub_download, try_to_load_from_cache

        cached = try_to_load_from_cache(
            self.spec.source, "config.json", revision=self.spec.revision
        )
        if isinstance(cached, str):
            return
        if constants.HF_HUB_OFFLINE:
            raise ModelUnavailable(
                self.spec.source,
                self.spec.revision,
                "not in the local cache and offline mode is on (HF_HUB_OFFLINE=1)",
            )
        # One quick probe without retries: the hub client would retry for half a minute and
        # print every attempt before saying what one line can say.
        if not hub_reachable(constants.ENDPOINT):
            raise ModelUnavailable(
                self.spec.source,
                self.spec.revision,
                "not in the local cache and the Hugging Face hub cannot be reached",
            )
        try:
            hf_hub_download(self.spec.source, "config.json", revision=self.spec.revision)
        except Exception as exc:  # the hub client raises many types for "not reachable"
            raise ModelUnavailable(self.spec.source, self.spec.revision, _reason(exc)) from None

    def _load_tokenizer(self) -> None:
        # Separate from the weights: counting tokens (for a run answered from the cache) does
        # not need the model in memory.
        if self._tokenizer is not None:
            return
        from transformers import AutoTokenizer

        kwargs = {"revision": self.spec.revision} if self.spec.revision else {}
        try:
            self._tokenizer = AutoTokenizer.from_pretrained(self.spec.source, **kwargs)
        except OSError as exc:
            raise ModelUnavailable(self.spec.source, self.spec.revision, _reason(exc)) from None

    def _load(self) -> None:
        if self._model is not None:
            return
        from transformers import AutoModelForSeq2SeqLM

        self._load_tokenizer()
        log.info(
            "loading %s (%s) on %s as %s", self.spec.name, self.spec.source, self.device, self.dtype
        )
        kwargs: dict[str, Any] = {}
        if self.spec.revision:
            kwargs["revision"] = self.spec.revision
        try:
            model = AutoModelForSeq2SeqLM.from_pretrained(
                self.spec.source, dtype=_torch_dtype(self.dtype), use_safetensors=True, **kwargs
            )
        except OSError as exc:
            raise ModelUnavailable(self.spec.source, self.spec.revision, _reason(exc)) from None
        self._model = model.to(self.device).eval()

    @property
    def model_class(self) -> str:
        """The class ``transformers`` loaded the model as (loads it on first access)."""
        self._load()
        return type(self._model).__name__

    @property
    def tokenizer(self) -> Any:
        """The model's tokenizer (loaded on first access, without the weights)."""
        self._load_tokenizer()
        return self._tokenizer

    def signature(self) -> dict[str, Any]:
        """Model id, revision, dtype and device, for the brief's signature."""
        return {
            "id": self.spec.source if not self.spec.local else self.spec.name,
            "revision": self.spec.revision or ("local" if self.spec.local else None),
            "backend": self.kind,
            "dtype": self.dtype,
            "device": self.device,
        }

    # -- inference ----------------------------------------------------------------------------

    def count_tokens(self, texts: list[str]) -> list[int]:
        """Source-side token counts (special tokens included)."""
        enc = self.tokenizer(texts, add_special_tokens=True)
        return [len(ids) for ids in enc["input_ids"]]

    @property
    def max_input_tokens(self) -> int:
        """The model's input limit, in tokens."""
        return self.spec.max_input_tokens

    def weights_folder(self) -> Path | None:
        """The local model folder, or None for a hub model (read from the hub cache)."""
        return Path(self.spec.source) if self.spec.local else None

    def generate(
        self,
        texts: list[str],
        generation: GenerationSettings | None = None,
        max_new_tokens: int | None = None,
    ) -> list[str]:
        """Runs every text through ``generate``, in length-sorted batches, in input order.

        Inputs longer than the model's limit are truncated here (with a logged warning); stages
        that must not lose text split it beforehand.

        Args:
            texts: Inputs.
            generation: Decoding settings for this call (default: the backend's).
            max_new_tokens: Tightens the settings' output cap for this call.
        """
        if not texts:
            return []
        import torch

        self._load()
        out: list[str] = [""] * len(texts)
        g = (generation or self.generation).capped(max_new_tokens)
        limit = self.spec.max_input_tokens
        # Tokenised once: the ids serve the length-sorted batching and the model alike.
        encoded = self._tokenizer(texts, add_special_tokens=True)["input_ids"]
        over = [i for i, ids in enumerate(encoded) if len(ids) > limit]
        if over:
            log.warning(
                "%d input(s) over %d tokens truncated by %s", len(over), limit, self.spec.name
            )
            shortened = self._tokenizer(
                [texts[i] for i in over], truncation=True, max_length=limit
            )["input_ids"]
            for i, ids in zip(over, shortened, strict=True):
                encoded[i] = ids
        lengths = [len(ids) for ids in encoded]
        for idx in token_batches(lengths, self.batch_size, self.max_batch_tokens):
            batch = [texts[i] for i in idx]
            enc = self._tokenizer.pad(
                {"input_ids": [encoded[i] for i in idx]}, padding=True, return_tensors="pt"
            ).to(self.device)
            longest = int(enc["input_ids"].shape[1])
            lengths_in: dict[str, Any] = {
                "max_new_tokens": g.budget(longest, limit - 1),
                "min_new_tokens": g.floor(longest, limit - 1),
            }
            if self.lengths is not None:
                # Imposed lengths (``brief bench``): each text to its own length, not the whole
                # batch to its longest member's (a real model ends each at its own end token).
                floors = [
                    g.floor(lengths[i], limit - 1, self.lengths.target(lengths[i])) for i in idx
                ]
                lengths_in["min_new_tokens"] = 0
                lengths_in["max_new_tokens"] = min(max(floors) + 1, limit - 1)  # + the end
                lengths_in["logits_processor"] = self.lengths.logits_processor(
                    floors, self._model.generation_config.eos_token_id, g.num_beams
                )
            began = time.perf_counter()
            with torch.inference_mode():
                ids = self._model.generate(
                    **enc,
                    num_beams=g.num_beams,
                    do_sample=False,
                    no_repeat_ngram_size=g.no_repeat_ngram_size,
                    repetition_penalty=g.repetition_penalty,
                    length_penalty=g.length_penalty,
                    early_stopping=g.num_beams > 1,
                    **lengths_in,
                )
            produced = self._produced(ids)
            if self.device == "cuda":
                torch.cuda.synchronize()
            self.stats.add(
                len(batch), int(enc["attention_mask"].sum()), produced, time.perf_counter() - began
            )
            decoded = self._tokenizer.batch_decode(ids, skip_special_tokens=True)
            for i, text in zip(idx, decoded, strict=True):
                out[i] = text.strip()
        return out

    def _produced(self, ids: Any) -> int:
        """Tokens generated in a batch: not the start token, padding or end tokens."""
        import torch

        body = ids[:, 1:]
        tok = self._tokenizer
        specials = [t for t in (tok.pad_token_id, tok.eos_token_id) if t is not None]
        return int((~torch.isin(body, torch.tensor(specials, device=body.device))).sum())


def hub_reachable(endpoint: str, timeout: float = 5.0) -> bool:
    """Whether the hub's host answers a TCP connection within ``timeout`` seconds."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(endpoint)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname or "", port), timeout=timeout):
            return True
    except OSError:
        return False


def _reason(exc: BaseException) -> str:
    name = type(exc).__name__
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    from huggingface_hub import constants

    if constants.HF_HUB_OFFLINE or "offline" in (name + text).lower():
        return "not in the local cache and offline mode is on (HF_HUB_OFFLINE=1)"
    if name in {"LocalEntryNotFoundError", "ConnectError", "ConnectionError", "ConnectTimeout"}:
        return "not in the local cache and the Hugging Face hub cannot be reached"
    if name in {"RepositoryNotFoundError", "RevisionNotFoundError"}:
        return f"{name}: {text[:200]}"
    return f"{name}: {text[:200]}" if text else name
