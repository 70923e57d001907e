"""A Hugging Face hub cache built on disk from local model folders, as `snapshot_download` lays
it out: ``models--ORG--NAME/{blobs,snapshots/REV,refs/main,trees/REV.json}``.

Large files' blobs are named by their SHA-256 and small ones by their git blob SHA-1, as on the
hub; the tree listing (what ``snapshot_download`` records of the repository) may list files that
were not fetched, such as pickled weights.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

LFS_SUFFIXES = (".safetensors", ".bin", ".spm", ".model")


def fake_commit(label: str) -> str:
    """A stable 40-hex "commit hash" for a test repository."""
    return hashlib.sha1(label.encode()).hexdigest()


def _blob_id(name: str, data: bytes) -> tuple[str, bool]:
    if name.endswith(LFS_SUFFIXES):
        return hashlib.sha256(data).hexdigest(), True
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest(), False


@dataclass
class CachedRepo:
    repo_id: str
    revision: str
    storage: Path

    @property
    def snapshot(self) -> Path:
        return self.storage / "snapshots" / self.revision


def add_to_cache(
    cache: Path,
    repo_id: str,
    folder: Path,
    *,
    revision: str | None = None,
    listed_only: dict[str, int] | None = None,
    with_tree: bool = True,
) -> CachedRepo:
    """Puts the files of ``folder`` into ``cache`` as repository ``repo_id`` at ``revision``.

    Args:
        cache: The hub cache folder (``HF_HUB_CACHE``).
        repo_id: ``org/name``.
        folder: A model folder (``save_pretrained`` output).
        revision: Commit hash (default: derived from ``repo_id``); ``refs/main`` points to it.
        listed_only: Files the tree listing names without them being fetched, with sizes.
        with_tree: Write the tree listing (clients before huggingface_hub 1.x did not).
    """
    revision = revision or fake_commit(repo_id)
    storage = cache / ("models--" + repo_id.replace("/", "--"))
    snapshot = storage / "snapshots" / revision
    (storage / "blobs").mkdir(parents=True, exist_ok=True)
    snapshot.mkdir(parents=True, exist_ok=True)
    (storage / "refs").mkdir(exist_ok=True)
    (storage / "refs" / "main").write_text(revision)
    tree: dict[str, dict[str, object]] = {}
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        data = path.read_bytes()
        blob, lfs = _blob_id(path.name, data)
        shutil.copyfile(path, storage / "blobs" / blob)
        link = snapshot / path.name
        link.unlink(missing_ok=True)
        link.symlink_to(Path("..") / ".." / "blobs" / blob)
        entry: dict[str, object] = {"size": len(data), "blob_id": fake_commit(blob)}
        if lfs:
            entry.update(lfs_sha256=blob, lfs_size=len(data))
        tree[path.name] = entry
    for name, size in (listed_only or {}).items():
        tree[name] = {"size": size, "blob_id": fake_commit(name), "lfs_sha256": "0" * 64}
    if with_tree:
        (storage / "trees").mkdir(exist_ok=True)
        (storage / "trees" / f"{revision}.json").write_text(
            json.dumps({"format_version": 1, "files": tree}), encoding="utf-8"
        )
    return CachedRepo(repo_id, revision, storage)


def write_manifest(
    models_dir: Path,
    name: str,
    repo: CachedRepo | None = None,
    hub_id: str | None = None,
    revision: str | None = None,
    **fields: object,
) -> Path:
    """Writes ``models_dir/NAME.toml``; extra fields (and ``architecture``/``sha256`` tables)
    go in as given."""
    lines = [
        f'name = "{name}"',
        f'hub_id = "{hub_id or (repo.repo_id if repo else name)}"',
        f'revision = "{revision or (repo.revision if repo else "main")}"',
    ]
    tables = {k: v for k, v in fields.items() if isinstance(v, dict)}
    defaults = {"task": "translation", "licence": "apache-2.0", "commercial_use": True}
    for key, value in {**defaults, **fields}.items():
        if key not in tables:
            lines.append(f"{key} = {json.dumps(value)}")
    for table, values in tables.items():
        lines.append(f"\n[{table}]")
        lines += [f"{json.dumps(k)} = {json.dumps(v)}" for k, v in values.items()]
    models_dir.mkdir(parents=True, exist_ok=True)
    path = models_dir / f"{name}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
