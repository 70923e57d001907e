"""Random-weight models with the real architectures of the configured models.

Speed does not depend on weight values: a Marian with opus-mt-fr-en's sizes (d_model 512, 6+6
layers, 59,514-word embeddings) decodes exactly as fast with random weights. The architectures
come from the manifests in ``models/`` (their ``[architecture]`` table), so nothing is downloaded.
Tokenizers are trained on real news text (WMT newstest2014 both sides, OrangeSum and the benchmark
articles: about 240,000 French and 62,000 English words), so the benchmark articles cut into
about 1.4 French tokens per word. A random model emits whole words only (its other pieces get a
large negative output bias, free at run time): its English then has the length in words of real
text for the same number of tokens, so the summariser reads about what it would read after a real
translation instead of byte-level debris that tokenises 3-4 times longer.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.bench.corpus import bench_articles
from pipeline.errors import ConfigError
from pipeline.evaluation.data import newstest2014, orangesum
from pipeline.manifests import load_manifests
from pipeline.testing.builders import build_bart, build_marian

log = logging.getLogger(__name__)

# Part of the cache folder's name: a change to how the models are built makes new ones.
BUILD = 2
SPM_VOCAB = 16000
BPE_VOCAB = 16000
COMMON_WORDS = 3000
SPM_MARK, BPE_MARK = "\u2581", "\u0120"  # word-start markers: SentencePiece ▁, byte-level Ġ


def common_words(lines: list[str], count: int = COMMON_WORDS) -> frozenset[str]:
    """The ``count`` most frequent alphabetic words of ``lines`` (as written)."""
    counts = Counter(w for line in lines for w in line.split() if w.isalpha())
    return frozenset(w for w, _ in counts.most_common(count))


def emits_words(words: frozenset[str], marker: str) -> Callable[[str], bool]:
    """A piece filter for :func:`~pipeline.testing.tiny.build_marian`/``build_bart``: whole
    common words (``marker`` then the word: ``▁`` for SentencePiece, ``Ġ`` for byte-level BPE)
    and the full stop and comma. Common words are one token for the next model too, so output
    tokens and the next model's input tokens match one for one, as they about do for real text.
    """

    def emits(piece: str) -> bool:
        return piece in {",", ".", marker + ",", marker + "."} or (
            piece.startswith(marker) and piece[len(marker) :] in words
        )

    return emits


@cache
def bench_corpora() -> tuple[list[str], list[str]]:
    """French and English lines the benchmark tokenizers are trained on."""
    segments = newstest2014("all")
    french = [s.source for s in segments]
    french += [line for item in orangesum() for line in item.text.splitlines() if line.strip()]
    french += [p for a in bench_articles(60) for p in a.raw.decode("utf-8").split("\n\n")]
    return french, [s.reference for s in segments]


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


DEFAULTS = {
    "translate": ("opus-mt-fr-en", "marian"),
    "back_translate": ("opus-mt-en-fr", "marian"),
    "summarise": ("distilbart-cnn-12-6", "bart"),
}


def bench_names(configured: dict[str, str], models_dir: Path | None = None) -> dict[str, str]:
    """For each role, the configured manifest when the bench can build its architecture (a
    Marian translator, a BART summariser), else the default model of that role."""
    manifests = load_manifests(models_dir)
    out = {}
    for role, (default, model_type) in DEFAULTS.items():
        name = configured.get(role) or default
        arch = manifests.get(name, {}).get("architecture", {})
        if arch.get("model_type") != model_type:
            if name != default:
                log.info("bench: %s (%s) is not a %s: building %s", role, name, model_type, default)
            name = default
        out[role] = name
    return out


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
    built = {}
    jobs = {"translate": (translate, "fr", "en"), "back_translate": (back_translate, "en", "fr")}
    for role, (name, src, tgt) in jobs.items():
        folder = outdir / f"{name}-random-{BUILD}"
        if not (folder / "model.safetensors").is_file():
            log.info("building random %s in %s", name, folder)
            lines = dict(zip(("fr", "en"), bench_corpora(), strict=True))
            build_marian(
                folder,
                lines[src],
                lines[tgt],
                src,
                tgt,
                seed,
                _architecture(name, models_dir),
                spm_vocab_size=SPM_VOCAB,
                emits=emits_words(common_words(lines[tgt]), SPM_MARK),
            )
        built[role] = folder
    folder = outdir / f"{summarise}-random-{BUILD}"
    if not (folder / "model.safetensors").is_file():
        log.info("building random %s in %s", summarise, folder)
        french, english = bench_corpora()
        build_bart(
            folder,
            english + french,
            seed,
            _architecture(summarise, models_dir),
            bpe_vocab_size=BPE_VOCAB,
            emits=emits_words(common_words(english), BPE_MARK),
        )
    built["summarise"] = folder
    return BenchModels(**built)
