"""Where and how models run: device and dtype resolved once per run."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import BriefConfig
from pipeline.errors import ConfigError

log = logging.getLogger(__name__)

_DTYPES = {"float32", "bfloat16", "float16"}


@dataclass(frozen=True)
class Runtime:
    """Resolved run settings shared by every backend.

    Attributes:
        device: ``"cpu"`` or ``"cuda"``.
        dtype: ``"float32"``, ``"bfloat16"`` or ``"float16"``.
        models_dir: Folder of model manifests (None: the default one).
    """

    device: str
    dtype: str
    models_dir: Path | None = None

    @classmethod
    def from_config(cls, config: BriefConfig) -> Runtime:
        """Resolves ``auto`` device (CUDA when present) and dtype (bf16 on CUDA, fp32 on CPU).

        Raises:
            ConfigError: When CUDA is asked for but not available.
        """
        device = config.run.device
        if device in ("auto", "cuda"):
            import torch

            has_cuda = torch.cuda.is_available()
            if device == "cuda" and not has_cuda:
                raise ConfigError(
                    "run.device: 'cuda' was asked for but no CUDA device is available"
                )
            device = "cuda" if has_cuda else "cpu"
        dtype = config.run.dtype
        if dtype == "auto":
            dtype = "bfloat16" if device == "cuda" else "float32"
        if dtype not in _DTYPES:  # pragma: no cover - guarded by the schema
            raise ConfigError(f"run.dtype: unknown dtype {dtype!r}")
        models_dir = Path(config.run.models_dir) if config.run.models_dir else None
        return cls(device=device, dtype=dtype, models_dir=models_dir)
