"""``brief models verify``: do the files on disk match the manifest, and does the model load?

Checks, each passed, failed or not applicable: the pinned revision; safetensors weights (every
shard); completeness against the file listing the hub gave when the model was pulled; SHA-256
of the files whose hashes are known (cache blob names, ``brief-model.json``, the manifest's
``[sha256]`` table); the architecture against the manifest; and a load and a short generation
through :class:`pipeline.backends.hf_seq2seq.HFSeq2Seq`, the class every run uses. Nothing here
uses the network.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import hub
from pipeline.manifests import ModelSpec, load_manifests

log = logging.getLogger(__name__)

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class Check:
    """One verification: passed (True), failed (False) or not applicable (None)."""

    name: str
    ok: bool | None
    detail: str


@dataclass
class Verification:
    """Everything ``verify`` found about one model."""

    spec: ModelSpec
    folder: Path | None
    checks: list[Check] = field(default_factory=list)
    missing_reason: str | None = None

    @property
    def missing(self) -> bool:
        return self.missing_reason is not None

    @property
    def ok(self) -> bool:
        return not self.missing and all(c.ok is not False for c in self.checks)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.spec.name,
            "source": self.spec.source,
            "revision": self.spec.revision,
            "folder": str(self.folder) if self.folder else None,
            "missing": self.missing_reason,
            "ok": self.ok,
            "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in self.checks],
        }


def manifest_for(spec: ModelSpec, models_dir: str | Path | None = None) -> dict[str, Any]:
    """The manifest a model is checked against: its own; for a local directory, the manifest of
    the hub model its ``brief-model.json`` names (``brief models pull --to`` writes it), else
    the manifest with the directory's name."""
    if spec.manifest or not spec.local:
        return spec.manifest
    manifests = load_manifests(models_dir)
    hub_id = hub.read_provenance(Path(spec.source)).get("hub_id")
    for manifest in manifests.values():
        if hub_id and manifest.get("hub_id") == hub_id:
            return manifest
    return manifests.get(spec.name, {})


def verify_model(
    spec: ModelSpec,
    cache_dir: str | Path | None = None,
    models_dir: str | Path | None = None,
    load: bool = True,
    device: str = "cpu",
) -> Verification:
    """Checks a model's files against its manifest and, unless ``load`` is False, loads it.

    Args:
        spec: The model (hub or local directory).
        cache_dir: The hub cache; None means ``HF_HUB_CACHE``.
        models_dir: Folder of manifests (for local directories named like a manifest).
        load: Also load the model with the run's loading code and generate a few tokens.
        device: Where to load it.

    Returns:
        The checks; ``missing_reason`` is set when the model is not on disk at all.
    """
    folder = hub.local_folder(spec, cache_dir)
    if folder is None or not (folder / "config.json").is_file():
        where = spec.source if spec.local else f"the hub cache at revision {spec.revision}"
        return Verification(spec, None, missing_reason=f"not found in {where}")
    manifest = manifest_for(spec, models_dir)
    result = Verification(spec, folder)
    result.checks.append(_check_revision(spec, folder, manifest))
    result.checks.append(_check_weights(folder))
    if not spec.local:
        result.checks.append(_check_complete(spec, folder, cache_dir))
    result.checks.append(_check_hashes(folder, manifest))
    result.checks.append(_check_architecture(folder, manifest))
    if load:
        result.checks.append(_check_load(spec, folder, device))
    return result


def _check_revision(spec: ModelSpec, folder: Path, manifest: dict[str, Any]) -> Check:
    if spec.local:
        copied = hub.read_provenance(folder)
        if not copied:
            against = f"manifest '{manifest['name']}'" if manifest else "no manifest"
            return Check("revision", None, f"local directory, revision unknown ({against})")
        what = f"copy of {copied.get('hub_id')} @ {copied.get('revision')}"
        pinned = manifest.get("revision")
        if not hub.is_pinned(pinned):
            return Check("revision", None, f"{what}; no pinned revision to compare")
        ok = copied.get("revision") == pinned
        return Check("revision", ok, what + ("" if ok else f", manifest pins {pinned}"))
    if not hub.is_pinned(spec.revision):
        return Check(
            "revision",
            None,
            f"not pinned: '{spec.revision or 'main'}' is cached as commit {folder.name}",
        )
    if folder.name == spec.revision:
        return Check("revision", True, f"pinned commit {spec.revision}")
    return Check("revision", False, f"cache has {folder.name}, manifest pins {spec.revision}")


def _check_weights(folder: Path) -> Check:
    weights = sorted(p.name for p in folder.glob("*.safetensors"))
    if not weights:
        return Check("safetensors", False, "no *.safetensors weights (pickles are never loaded)")
    index = folder / "model.safetensors.index.json"
    if index.is_file():
        try:
            shards = set(json.loads(index.read_text(encoding="utf-8"))["weight_map"].values())
        except (OSError, ValueError, KeyError) as exc:
            return Check("safetensors", False, f"unreadable {index.name}: {exc}")
        absent = sorted(s for s in shards if not (folder / s).is_file())
        if absent:
            return Check("safetensors", False, f"missing shards: {', '.join(absent)}")
    pickles = sorted(p.name for p in folder.glob("*.bin"))
    note = f" ({', '.join(pickles)} present but never loaded)" if pickles else ""
    return Check("safetensors", True, ", ".join(weights) + note)


def _check_complete(spec: ModelSpec, folder: Path, cache_dir: str | Path | None) -> Check:
    listing = hub.cache_listing(spec, cache_dir)
    if listing is None:
        return Check("complete", None, "no file listing from the hub cached; not compared")
    problems = []
    for name, size in sorted(listing.items()):
        path = folder / name
        if not path.is_file():
            problems.append(f"{name} missing")
        elif path.stat().st_size != size:
            problems.append(f"{name} has {path.stat().st_size} bytes, hub lists {size}")
    if problems:
        return Check("complete", False, "; ".join(problems))
    return Check("complete", True, f"all {len(listing)} files the hub lists for this revision")


def _check_hashes(folder: Path, manifest: dict[str, Any]) -> Check:
    expected: dict[str, str] = {}
    # The hub cache names a large (LFS) file's blob after its SHA-256: a free integrity check.
    for path in sorted(folder.iterdir()):
        if path.is_symlink() and _SHA256.match(path.resolve().name):
            expected[path.name] = path.resolve().name
    # An exported folder records the hashes of the files it was made with.
    expected.update(hub.read_provenance(folder).get("sha256", {}))
    from_manifest = {k: str(v).lower() for k, v in manifest.get("sha256", {}).items()}
    expected.update(from_manifest)
    if not expected:
        return Check("sha256", None, "no hashes known for these files")
    # The walk of _check_complete, comparing hashes instead of sizes: the comparisons differ.
    problems = []
    for name, digest in sorted(expected.items()):
        path = folder / name
        if not path.is_file():
            problems.append(f"{name} missing")
        elif hub.sha256_of(path) != digest:
            problems.append(f"{name} does not match sha256 {digest[:12]}…")
    if problems:
        return Check("sha256", False, "; ".join(problems))
    return Check(
        "sha256", True, f"{len(expected)} files match ({len(from_manifest)} from the manifest)"
    )


def _check_architecture(folder: Path, manifest: dict[str, Any]) -> Check:
    wanted = manifest.get("architecture") or {}
    if not wanted:
        return Check("architecture", None, "no architecture in a manifest to compare")
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return Check("architecture", False, f"config.json unreadable: {exc}")
    diffs = [
        f"{key}={config.get(key)!r} (manifest {value!r})"
        for key, value in wanted.items()
        if config.get(key) != value
    ]
    if diffs:
        return Check("architecture", False, "; ".join(diffs))
    return Check("architecture", True, f"config.json matches {len(wanted)} manifest fields")


def _check_load(spec: ModelSpec, folder: Path, device: str) -> Check:
    from pipeline.backends.base import GenerationSettings
    from pipeline.backends.hf_seq2seq import HFSeq2Seq
    from pipeline.errors import BriefError

    on_disk = ModelSpec(
        name=spec.name,
        source=str(folder),
        revision=None,
        local=True,
        max_input_tokens=spec.max_input_tokens,
    )
    backend = HFSeq2Seq(
        on_disk,
        GenerationSettings(num_beams=1, max_new_tokens=8, max_length_ratio=None),
        device=device,
        dtype="float32",
        batch_size=1,
    )
    sample = "Hello, world." if spec.manifest.get("source_lang") == "en" else "Bonjour à tous."
    try:
        backend.ensure_available()
        output = backend.generate([sample])
    except BriefError as exc:
        return Check("load", False, str(exc))
    except Exception as exc:  # any failure to load or run is what this check reports
        log.debug("load check failed for %s", spec.name, exc_info=exc)
        return Check("load", False, f"{type(exc).__name__}: {str(exc)[:200]}")
    return Check(
        "load", True, f"{backend.model_class} on {device}; {sample!r} → {output[0][:60]!r}"
    )
