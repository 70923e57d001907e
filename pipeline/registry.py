"""Names in the config → stage and backend factories.

Entries are ``module:attribute`` strings, imported only when used, so that importing the package
never loads torch or spaCy.
"""

from __future__ import annotations

import importlib
from typing import Any

from pipeline.backends.base import GenerationSettings
from pipeline.config import BackendConfig, BriefConfig
from pipeline.discover import stage_class_by_module
from pipeline.errors import ConfigError
from pipeline.manifests import resolve_model
from pipeline.runtime import Runtime

STAGES: dict[str, str] = {
    "clean": "pipeline.stages.clean:CleanStage",
    "detect": "pipeline.stages.detect:DetectStage",
    "translate": "pipeline.stages.translate:TranslateStage",
    "summarise": "pipeline.stages.summarise:SummariseStage",
    "verify": "pipeline.stages.verify:VerifyStage",
    "facts": "pipeline.stages.facts:FactsStage",
    "write": "pipeline.stages.write:WriteStage",
}

BACKENDS: dict[str, str] = {
    "hf": "pipeline.backends.hf_seq2seq:HFSeq2Seq",
    "ct2": "pipeline.backends.ct2:CT2Seq2Seq",
    "identity": "pipeline.backends.identity:IdentityBackend",
    "upper": "pipeline.backends.identity:UpperBackend",
    "lead": "pipeline.backends.identity:LeadBackend",
}

# Backends that run a model from the hub or a local directory.
MODEL_BACKENDS = {"hf", "ct2"}


def _import(target: str) -> Any:
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


def stage_class(name: str) -> Any:
    """The class registered under a stage name.

    Raises:
        ConfigError: Unknown name (the message lists the known ones).
    """
    if name not in STAGES:
        found = stage_class_by_module(name)
        if found is not None:
            return found
        known = ", ".join(sorted(STAGES))
        raise ConfigError(f"pipeline.stages: unknown stage {name!r} (known: {known})")
    return _import(STAGES[name])


def build_stage(name: str, config: BriefConfig, runtime: Runtime) -> Any:
    """Instantiates a stage from the whole config (each stage reads its own table)."""
    stage = stage_class(name)(config, runtime)
    stage.time_budget = config.run.article_timeout
    return stage


def build_backend(
    config: BackendConfig, generation: GenerationSettings, runtime: Runtime, path: str
) -> Any:
    """Instantiates the backend a stage's ``backend`` table asks for.

    Args:
        config: The backend table.
        generation: Decoding settings from the stage.
        runtime: Device and dtype.
        path: The table's dotted path, for error messages.

    Raises:
        ConfigError: Unknown kind, or a model backend without a model.
    """
    if config.kind not in BACKENDS:
        known = ", ".join(sorted(BACKENDS))
        raise ConfigError(f"{path}.kind: unknown backend {config.kind!r} (known: {known})")
    cls = _import(BACKENDS[config.kind])
    if config.kind not in MODEL_BACKENDS:
        return cls()
    if not config.model:
        raise ConfigError(f"{path}.model: a model is required for backend {config.kind!r}")
    if hasattr(cls, "from_config"):
        return cls.from_config(config, generation, runtime)
    spec = resolve_model(config.model, config.revision, runtime.models_dir)
    return cls(
        spec,
        generation,
        device=runtime.device,
        dtype=runtime.dtype,
        batch_size=config.batch_size,
        max_batch_tokens=config.max_batch_tokens,
    )
