"""Which models a config selects, their licences, and what ``brief models list`` reports.

Everything here reads the manifests, the config and the disk; nothing uses the network.
(``brief models verify`` is in :mod:`pipeline.model_verify`.)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from pipeline import hub
from pipeline.config import BackendConfig, BriefConfig
from pipeline.errors import ConfigError
from pipeline.manifests import ModelSpec, licence_note, load_manifests, resolve_model
from pipeline.registry import MODEL_BACKENDS

log = logging.getLogger(__name__)


def configured_backends(config: BriefConfig) -> dict[str, BackendConfig]:
    """Every model-backed ``backend`` table of the configured stages, by role.

    The role is the table's path without ``stages.`` and ``.backend`` (``translate``,
    ``summarise``, ``summarise.french``), as in the brief's signature.
    """
    out: dict[str, BackendConfig] = {}

    def walk(node: BaseModel, path: str) -> None:
        for name in type(node).model_fields:
            value = getattr(node, name)
            if isinstance(value, BackendConfig):
                if value.kind in MODEL_BACKENDS and value.model:
                    out[path] = value
            elif isinstance(value, BaseModel):
                walk(value, f"{path}.{name}")

    for stage in config.pipeline.stages:
        table = getattr(config.stages, stage, None)
        if isinstance(table, BaseModel):
            walk(table, stage)
    return out


def configured_models(config: BriefConfig) -> dict[str, ModelSpec]:
    """The Hugging Face models a config selects, by role, resolved against the manifests.

    A ``ct2`` backend named by manifest counts as that model (its conversion is made from it);
    one that names a converted folder has no Hugging Face model to pull or verify.

    Raises:
        ConfigError: When a model names a local directory that does not exist.
    """
    models_dir = config.run.models_dir
    out = {}
    for role, backend in configured_backends(config).items():
        ref = backend.model or ""
        if backend.kind != "ct2":
            out[role] = resolve_model(ref, backend.revision, models_dir)
            continue
        # For ct2 a manifest name stands for the model its conversion is made from; a path is a
        # converted folder (present or not), with no Hugging Face model behind it to check.
        try:
            spec = resolve_model(ref, backend.revision, models_dir)
        except ConfigError:
            continue
        if not spec.local:
            out[role] = spec
    return out


def licence_warnings(config: BriefConfig) -> list[str]:
    """One line per configured model whose manifest forbids commercial use."""
    lines = []
    for role, spec in configured_models(config).items():
        note = licence_note(spec.manifest)
        if note:
            lines.append(f"{role}: {note}")
    return lines


@dataclass
class ModelEntry:
    """One row of ``brief models list``.

    Attributes:
        spec: The model as a config would resolve it.
        roles: The roles the current config gives it (empty when unused).
        folder: Where its PyTorch files are (cache snapshot or local directory), if present.
        ct2: CTranslate2 conversions in ``models/ct2/<name>-<quantization>/``, by
            quantization, with the revision each was converted from.
    """

    spec: ModelSpec
    roles: list[str] = field(default_factory=list)
    folder: Path | None = None
    ct2: dict[str, str | None] = field(default_factory=dict)

    @property
    def manifest(self) -> dict[str, Any]:
        return self.spec.manifest

    @property
    def forms(self) -> list[str]:
        """``pytorch`` (safetensors present), ``partial`` (config only), ``ct2:<quantization>``
        (``-stale`` when converted from another revision than the one pinned now)."""
        out = []
        if self.folder is not None:
            out.append("pytorch" if hub.has_weights(self.folder) else "partial")
        for quantization, revision in self.ct2.items():
            stale = revision is not None and self.spec.revision not in (None, revision)
            out.append(f"ct2:{quantization}" + ("-stale" if stale else ""))
        return out

    def to_dict(self) -> dict[str, Any]:
        m = self.manifest
        return {
            "name": self.spec.name,
            "source": self.spec.source,
            "revision": self.spec.revision,
            "pinned": hub.is_pinned(self.spec.revision),
            "local": self.spec.local,
            "task": m.get("task"),
            "source_lang": m.get("source_lang"),
            "target_lang": m.get("target_lang"),
            "licence": m.get("licence"),
            "commercial_use": m.get("commercial_use"),
            "size_mb": m.get("size_mb"),
            "present": self.forms,
            "folder": str(self.folder) if self.folder else None,
            "roles": self.roles,
            "warning": licence_note(m),
        }


def list_models(config: BriefConfig, cache_dir: str | Path | None = None) -> list[ModelEntry]:
    """Every manifest, then any other model the config selects, with what is on disk.

    Args:
        config: Decides which models are marked as used (and adds local directories).
        cache_dir: The hub cache; None means ``HF_HUB_CACHE``.
    """
    models_dir = config.run.models_dir
    entries: dict[tuple[str, str | None], ModelEntry] = {}
    for name in sorted(load_manifests(models_dir)):
        spec = resolve_model(name, None, models_dir)
        entries[(spec.source, spec.revision)] = ModelEntry(spec)
    kinds = {role: b.kind for role, b in configured_backends(config).items()}
    for role, spec in configured_models(config).items():
        entry = entries.setdefault((spec.source, spec.revision), ModelEntry(spec))
        entry.roles.append(f"{role} (ct2)" if kinds[role] == "ct2" else role)
    for entry in entries.values():
        entry.folder = hub.local_folder(entry.spec, cache_dir)
        entry.ct2 = hub.ct2_conversions(entry.spec.name, models_dir)
    return list(entries.values())
