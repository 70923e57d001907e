"""Model manifests (``models/*.toml``) and how a config's ``model`` value resolves to one.

A config names a model by manifest name (``opus-mt-fr-en``), by hub id
(``Helsinki-NLP/opus-mt-fr-en``, matched against the manifests for its pinned revision) or by a
local directory (air-gapped machines, tests).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError


@dataclass(frozen=True)
class ModelSpec:
    """What is known about a model before loading it.

    Attributes:
        name: Short name (manifest name, or the directory/hub id when there is no manifest).
        source: Hub id or absolute local directory passed to ``from_pretrained``.
        revision: Pinned hub revision (None for local directories).
        local: Whether ``source`` is a local directory.
        max_input_tokens: The model's input limit.
        manifest: The manifest's raw fields (licence, architecture…), empty when there is none.
    """

    name: str
    source: str
    revision: str | None
    local: bool
    max_input_tokens: int = 512
    manifest: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def default_models_dir() -> Path:
    """Where the manifests are: ``$BRIEF_MODELS_DIR``, else the package's own copy.

    The manifests ship inside the package (``pipeline/data/models``, a link to the repository's
    ``models/`` folder in a checkout, copied into a wheel), so a non-editable install resolves the
    default models too.
    """
    env = os.environ.get("BRIEF_MODELS_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent / "data" / "models"


def default_weights_dir() -> Path:
    """Where converted weights are written (``ct2/``): never inside an installed package.

    ``$BRIEF_MODELS_DIR``, else the repository's git-ignored ``models/`` folder when the package
    runs from a checkout, else ``$XDG_CACHE_HOME/brief/models`` (``~/.cache/brief/models``).
    """
    env = os.environ.get("BRIEF_MODELS_DIR")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "models").is_dir():
        return checkout / "models"
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "brief" / "models"


def load_manifests(models_dir: str | Path | None = None) -> dict[str, dict[str, Any]]:
    """All manifests of a folder, by name.

    Raises:
        ConfigError: When a manifest is not valid TOML or lacks ``name``/``hub_id``.
    """
    folder = Path(models_dir) if models_dir else default_models_dir()
    manifests: dict[str, dict[str, Any]] = {}
    if not folder.is_dir():
        return manifests
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"model manifest {path} is unreadable: {exc}") from None
        for key in ("name", "hub_id", "task"):
            if key not in data:
                raise ConfigError(f"model manifest {path}: missing key {key!r}")
        data["_path"] = str(path)
        manifests[data["name"]] = data
    return manifests


def resolve_model(
    ref: str, revision: str | None = None, models_dir: str | Path | None = None
) -> ModelSpec:
    """Turns a config's model reference into a :class:`ModelSpec`.

    Args:
        ref: Manifest name, hub id or local directory.
        revision: Overrides the manifest's pinned revision.
        models_dir: Where the manifests are.

    Raises:
        ConfigError: When ``ref`` looks like a path that does not exist.
    """
    manifests = load_manifests(models_dir)
    by_hub = {m["hub_id"]: m for m in manifests.values()}
    manifest = manifests.get(ref) or by_hub.get(ref)
    if manifest is not None:
        return ModelSpec(
            name=manifest["name"],
            source=manifest["hub_id"],
            revision=revision or manifest.get("revision"),
            local=False,
            max_input_tokens=int(manifest.get("max_input_tokens", 512)),
            manifest=manifest,
        )
    path = Path(ref).expanduser()
    if path.is_dir():
        return ModelSpec(
            name=path.name,
            source=str(path.resolve()),
            revision=None,
            local=True,
            max_input_tokens=_local_input_limit(path),
        )
    if ref.startswith((".", "/", "~")) or os.sep in ref.strip("/").replace("/", "", 1):
        raise ConfigError(f"model directory not found: {ref}")
    return ModelSpec(name=ref, source=ref, revision=revision, local=False)


def _local_input_limit(path: Path) -> int:
    """Reads max_position_embeddings from a local model's config.json (512 when unknown)."""
    import json

    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 512
    return int(config.get("max_position_embeddings", 512))


def licence_note(manifest: dict[str, Any]) -> str | None:
    """A warning when a manifest says its model may not be used commercially, else None."""
    if not manifest or manifest.get("commercial_use", True):
        return None
    licence = manifest.get("licence", "unknown licence")
    return (
        f"model '{manifest.get('name')}' is licensed {licence}: research and non-commercial "
        "use only"
    )
