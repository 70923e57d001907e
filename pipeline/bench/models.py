"""Random-weight models with the real architectures of the configured models.

Speed does not depend on weight values: a Marian with opus-mt-fr-en's sizes (d_model 512, 6+6
layers, 59,514-word embeddings) decodes exactly as fast with random weights. The architectures
come from the manifests in ``models/`` (their ``[architecture]`` table), so nothing is downloaded.
Tokenizers are trained on the benchmark corpus, so source lengths in tokens are realistic.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from pipeline.bench.corpus import bench_articles
from pipeline.errors import ConfigError
from pipeline.manifests import load_manifests
from pipeline.testing.tiny import build_bart, build_marian, load_corpus

log = logging.getLogger(__name__)

SPM_VOCAB = 8000
BPE_VOCAB = 8000


@dataclass
class BenchModels:
    """Folders of the three benchmark models (loadable with ``from_pretrained``)."""

    translate: Path
    back_translate: Path
    summarise: Path


def _architecture(name: str, models_dir: Path | None) -> dict:
    manifest = load_manifests(models_dir).get(name)
    if not manifest or "architecture" not in manifest:
        raise ConfigError(f"model manifest {name!r} has no [architecture] table for brief bench")
    return dict(manifest["architecture"])


def build_bench_models(
    outdir: Path,
    translate: str = "opus-mt-fr-en",
    back_translate: str = "opus-mt-en-fr",
    summarise: str = "distilbart-cnn-12-6",
    models_dir: Path | None = None,
    seed: int = 0,
) -> BenchModels:
    """Builds the three models under ``outdir`` (reused when already there).

    Args:
        outdir: Cache folder for the models.
        translate / back_translate / summarise: Manifest names whose architectures to copy.
        models_dir: Folder of the manifests.
        seed: Seed of the random weights.
    """
    french = [p for a in bench_articles(60) for p in a.raw.decode("utf-8").split("\n\n")]
    french += load_corpus("fr")
    english = load_corpus("en")
    built = {}
    jobs = {
        "translate": (translate, "fr", "en", french, english),
        "back_translate": (back_translate, "en", "fr", english, french),
    }
    for role, (name, src, tgt, src_lines, tgt_lines) in jobs.items():
        folder = outdir / f"{name}-random"
        if not (folder / "model.safetensors").is_file():
            log.info("building random %s in %s", name, folder)
            build_marian(
                folder,
                src_lines,
                tgt_lines,
                src,
                tgt,
                seed,
                _architecture(name, models_dir),
                spm_vocab_size=SPM_VOCAB,
            )
        built[role] = folder
    folder = outdir / f"{summarise}-random"
    if not (folder / "model.safetensors").is_file():
        log.info("building random %s in %s", summarise, folder)
        build_bart(
            folder,
            english + french,
            seed,
            _architecture(summarise, models_dir),
            bpe_vocab_size=BPE_VOCAB,
        )
    built["summarise"] = folder
    return BenchModels(**built)
