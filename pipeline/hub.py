"""Where model files live on disk, and how they get there.

A model is in one of three places: the Hugging Face cache (``HF_HUB_CACHE``, filled by
``brief models pull``) at its pinned revision, a plain local directory named in the config
(air-gapped machines), or — converted for CTranslate2 — ``models/ct2/<name>/``. Looking a model
up never touches the network; only :func:`pull` does.

Only what ``transformers`` needs to run a seq2seq model is ever fetched: safetensors weights,
config, generation config and tokenizer files. Pickled weights (``*.bin``, ``*.ckpt``), other
frameworks' weights (``*.h5``, ``*.msgpack``, ``*.ot``, ``*.onnx``) and code (``*.py``) are
never downloaded, so ``trust_remote_code`` has nothing to run even by mistake.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from pathlib import Path
from typing import Any

from pipeline.errors import ModelUnavailable
from pipeline.manifests import ModelSpec, default_weights_dir

log = logging.getLogger(__name__)

# Files a seq2seq model needs, at the top of its repository.
ALLOW_PATTERNS: list[str] = [
    "*.safetensors",
    "*.safetensors.index.json",
    "config.json",
    "generation_config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "added_tokens.json",
    "vocab.json",
    "vocab.txt",
    "merges.txt",
    "*.spm",  # Marian: source.spm, target.spm
    "*.model",  # SentencePiece: sentencepiece.bpe.model (NLLB, BARThez), spiece.model (mT5)
]
# Checked after ALLOW_PATTERNS and winning over them: never pickles, never code, no subfolders
# (ONNX exports, other frameworks' variants).
IGNORE_PATTERNS: list[str] = [
    "*/*",
    "*.bin",
    "*.pt",
    "*.pth",
    "*.ckpt",
    "*.pkl",
    "*.h5",
    "*.msgpack",
    "*.ot",
    "*.onnx",
    "*.py",
]

_COMMIT = re.compile(r"^[0-9a-f]{40}$")
PROVENANCE = "brief-model.json"


def is_pinned(revision: str | None) -> bool:
    """Whether a revision is a full commit hash (a branch or tag can move)."""
    return bool(revision and _COMMIT.match(revision))


def wanted(filenames: list[str]) -> list[str]:
    """The repository files :func:`pull` would fetch, in the order given."""
    from huggingface_hub.utils import filter_repo_objects

    return list(
        filter_repo_objects(
            filenames, allow_patterns=ALLOW_PATTERNS, ignore_patterns=IGNORE_PATTERNS
        )
    )


def has_weights(folder: Path) -> bool:
    """Whether a folder holds a ``config.json`` and safetensors weights."""
    return (folder / "config.json").is_file() and any(folder.glob("*.safetensors"))


def cached_snapshot(spec: ModelSpec, cache_dir: str | Path | None = None) -> Path | None:
    """The cache folder of a hub model at its revision, when its ``config.json`` is there.

    Reads the cache only (``try_to_load_from_cache``); a branch revision such as ``main`` is
    resolved through the cache's ``refs/``.

    Args:
        spec: A hub model (not a local directory).
        cache_dir: The hub cache; None means ``HF_HUB_CACHE``.

    Returns:
        The snapshot folder, or None when nothing is cached at that revision.
    """
    if spec.local:
        return None
    from huggingface_hub import try_to_load_from_cache

    found = try_to_load_from_cache(
        spec.source, "config.json", cache_dir=cache_dir, revision=spec.revision or "main"
    )
    if isinstance(found, str):
        return Path(found).parent
    return None


def ct2_conversions(name: str, models_dir: str | Path | None = None) -> dict[str, str | None]:
    """CTranslate2 conversions of a model on disk, by quantization, with the revision each was
    converted from.

    ``brief models convert`` writes them to ``models/ct2/<name>-<quantization>/`` with a
    ``brief-ct2.json`` that records the source revision (see :mod:`pipeline.backends.ct2`).
    """
    base = Path(models_dir or default_weights_dir()) / "ct2"
    found: dict[str, str | None] = {}
    for model_bin in sorted(base.glob(f"{name}-*/model.bin")):
        folder = model_bin.parent
        try:
            meta = json.loads((folder / "brief-ct2.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        quantization = meta.get("quantization") or folder.name[len(name) + 1 :]
        found[str(quantization)] = meta.get("revision")
    return found


def local_folder(spec: ModelSpec, cache_dir: str | Path | None = None) -> Path | None:
    """The folder holding a model's PyTorch files: the local directory or the cache snapshot."""
    if spec.local:
        folder = Path(spec.source)
        return folder if folder.is_dir() else None
    return cached_snapshot(spec, cache_dir)


def reachable() -> bool:
    """Whether the hub answers, in one quick check (offline mode: no check, False).

    The hub client, left to find out, retries for over a minute and logs every attempt.
    """
    from huggingface_hub import constants

    from pipeline.backends.hf_seq2seq import hub_reachable

    return not constants.HF_HUB_OFFLINE and hub_reachable(constants.ENDPOINT)


UNREACHABLE = "the Hugging Face hub cannot be reached"


def pull(spec: ModelSpec, cache_dir: str | Path | None = None, online: bool | None = None) -> Path:
    """Downloads a hub model's runtime files at its revision (a no-op when already cached).

    Args:
        spec: A hub model.
        cache_dir: The hub cache; None means ``HF_HUB_CACHE``.
        online: Whether the hub answered :func:`reachable` (None: check now). Without the
            hub, a model already in the cache is returned as it is.

    Returns:
        The snapshot folder in the cache.

    Raises:
        ModelUnavailable: The hub cannot be reached, the repository or revision does not exist,
            or the revision has no safetensors weights.
    """
    from huggingface_hub import constants, snapshot_download

    if spec.local:
        raise ValueError(f"{spec.source} is a local directory; there is nothing to pull")
    if not constants.HF_HUB_OFFLINE and not (reachable() if online is None else online):
        cached = cached_snapshot(spec, cache_dir)
        if cached is not None and has_weights(cached):
            return cached
        raise ModelUnavailable(
            spec.source, spec.revision, f"not in the local cache and {UNREACHABLE}", _PULL_HINT
        )
    if not is_pinned(spec.revision):
        log.warning(
            "%s: revision %r is not a commit hash; what is pulled can change over time",
            spec.source,
            spec.revision or "main",
        )
    try:
        folder = snapshot_download(
            spec.source,
            revision=spec.revision,
            cache_dir=cache_dir,
            allow_patterns=ALLOW_PATTERNS,
            ignore_patterns=IGNORE_PATTERNS,
        )
    except Exception as exc:  # the hub client raises many types for "cannot get it"
        raise ModelUnavailable(
            spec.source, spec.revision, download_reason(exc), hint=_PULL_HINT
        ) from None
    path = Path(folder)
    if not any(path.glob("*.safetensors")):
        raise ModelUnavailable(
            spec.source,
            spec.revision,
            "that revision has no safetensors weights (brief never loads pickled *.bin weights)",
            hint="Pin a revision that has model.safetensors in its manifest, or convert the "
            "weights yourself and point the config at the folder.",
        )
    return path


def export(spec: ModelSpec, snapshot: Path, target: Path) -> Path:
    """Copies a cached model into a plain folder, with a ``brief-model.json`` saying what it is.

    The folder can be carried to an air-gapped machine and named in its config; ``brief models
    verify`` then checks its files against the hashes recorded here and its revision against
    the manifest.

    Args:
        spec: The hub model.
        snapshot: Its folder in the cache (from :func:`pull`).
        target: The folder to write (created; files in it are replaced).

    Returns:
        ``target``.
    """
    import shutil

    target.mkdir(parents=True, exist_ok=True)
    hashes = {}
    for name in wanted(sorted(p.name for p in snapshot.iterdir() if p.is_file())):
        shutil.copyfile(snapshot / name, target / name)  # follows the cache's symlinks
        hashes[name] = sha256_of(target / name)
    provenance = {"hub_id": spec.source, "revision": snapshot.name, "sha256": hashes}
    (target / PROVENANCE).write_text(json.dumps(provenance, indent=2) + "\n", encoding="utf-8")
    return target


def read_provenance(folder: Path) -> dict[str, Any]:
    """The ``brief-model.json`` of an exported folder, or {} when there is none."""
    try:
        data = json.loads((folder / PROVENANCE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_PULL_HINT = (
    "Check the network (and HF_ENDPOINT / HF_TOKEN if you use a mirror or a gated model), "
    "or copy the model folder from a machine that has it (see README, 'Models')."
)


def download_reason(exc: BaseException) -> str:
    """A one-line reason for a failed download or cache lookup."""
    from huggingface_hub import constants

    name = type(exc).__name__
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if name in {"RepositoryNotFoundError", "GatedRepoError"}:
        return "the hub has no such repository, or it needs a token (HF_TOKEN)"
    if name == "RevisionNotFoundError":
        return "the hub repository has no such revision"
    if constants.HF_HUB_OFFLINE:
        return "not in the local cache and offline mode is on (HF_HUB_OFFLINE=1)"
    if name in {"LocalEntryNotFoundError", "ConnectError", "ConnectionError", "ConnectTimeout"}:
        return "not in the local cache and the Hugging Face hub cannot be reached"
    if name == "IncompleteSnapshotError":
        return "the cached copy is incomplete and the hub cannot be reached to finish it"
    return f"{name}: {text[:200]}" if text else name


def cache_listing(spec: ModelSpec, cache_dir: str | Path | None = None) -> dict[str, int] | None:
    """Files and sizes the hub listed for this revision when it was pulled (None if unknown).

    ``snapshot_download`` keeps the repository's tree listing next to the cache; it is what
    lets ``verify`` tell an interrupted download from a complete one.
    """
    from huggingface_hub import get_cached_repo_tree

    try:
        files = get_cached_repo_tree(spec.source, revision=spec.revision, cache_dir=cache_dir)
    except Exception:  # no listing cached (older client, copied cache): nothing to compare
        return None
    sizes: dict[str, Any] = {f.path: f.size for f in files}
    return {name: int(sizes[name]) for name in wanted(list(sizes))}
