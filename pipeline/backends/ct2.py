"""CTranslate2 backend: int8 inference for Marian and BART, the fast path on small CPUs.

A CTranslate2 model is made from a Hugging Face one by :func:`convert` (``brief models convert``);
the folder holds the converted weights, the original tokenizer (``hf_tokenizer/``) and
``brief-ct2.json`` saying where it came from. On two CPU cores this path decodes several times
faster than transformers fp32 in a fraction of the memory, and starts without importing torch.
"""

from __future__ import annotations

import json
import logging
import os
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
from pipeline.errors import BriefError, ModelUnavailable, OutputError
from pipeline.manifests import ModelSpec, default_weights_dir

log = logging.getLogger(__name__)

META = "brief-ct2.json"
TOKENIZER_DIR = "hf_tokenizer"


def _require_ct2() -> Any:
    try:
        import ctranslate2
    except ImportError:
        raise BriefError(
            "the CTranslate2 backend needs the optional package: pip install 'brief[ct2]'"
        ) from None
    return ctranslate2


def ct2_dir(name: str, quantization: str, models_dir: Path | None = None) -> Path:
    """Where the converted form of model ``name`` lives (git-ignored)."""
    base = Path(models_dir) if models_dir else default_weights_dir()
    return base / "ct2" / f"{name}-{quantization}"


def _is_conversion(folder: Path) -> bool:
    """Whether ``folder`` holds a conversion brief made (its :data:`META` file says so)."""
    try:
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(meta, dict) and {"source", "quantization"} <= meta.keys()


def _check_target(spec: ModelSpec, out_dir: Path, force: bool) -> None:
    """The output policy for a conversion folder: CTranslate2 empties the folder it converts
    into, so only a folder that holds an earlier conversion is replaced (with ``force``), and
    never the model's own folder or one that holds it."""
    from pipeline.output_policy import check_folder

    check_folder(out_dir, option="--out")
    if spec.local:
        source, target = Path(spec.source).resolve(), out_dir.resolve()
        if source == target or source.is_relative_to(target) or target.is_relative_to(source):
            raise OutputError(f"--out {out_dir}: is (or holds, or is inside) the model's folder")
    if not out_dir.exists():
        return
    if not _is_conversion(out_dir):
        raise OutputError(
            f"--out {out_dir}: exists and is not a conversion brief made; brief never replaces "
            "such a folder (not even with --force): give a new folder"
        )
    if not force:
        raise BriefError(f"{out_dir} exists; use --force to convert again")


def convert(
    spec: ModelSpec, out_dir: Path, quantization: str = "int8", force: bool = False
) -> Path:
    """Converts a Hugging Face seq2seq model (hub cache or local folder) to CTranslate2.

    Args:
        spec: The model to convert; a hub model must already be in the local cache.
        out_dir: Target folder.
        quantization: ``int8``, ``int8_float16``, ``float16`` or ``float32``.
        force: Overwrite an existing conversion.

    Returns:
        ``out_dir``.

    Raises:
        ModelUnavailable: When the source model cannot be loaded.
        BriefError: When the output exists and ``force`` is off.
    """
    ctranslate2 = _require_ct2()
    from transformers import AutoTokenizer

    _check_target(spec, out_dir, force)
    kwargs = {"revision": spec.revision} if spec.revision and not spec.local else {}
    try:
        tokenizer = AutoTokenizer.from_pretrained(spec.source, **kwargs)
        converter = ctranslate2.converters.TransformersConverter(
            spec.source, low_cpu_mem_usage=True, **kwargs
        )
        converter.convert(str(out_dir), quantization=quantization, force=True)
    except OSError as exc:
        raise ModelUnavailable(spec.source, spec.revision, str(exc).splitlines()[0]) from None
    tokenizer.save_pretrained(out_dir / TOKENIZER_DIR)
    meta = {
        "written_by": "brief models convert",
        "source": spec.source if not spec.local else spec.name,
        "revision": spec.revision or ("local" if spec.local else None),
        "quantization": quantization,
        "max_input_tokens": spec.max_input_tokens,
    }
    (out_dir / META).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return out_dir


def _threads_per_batch(inter_threads: int) -> int:
    """Cores shared out among the parallel batches (1 to 4 each): never more threads than
    cores, which on a small CPU makes every thread wait. The cores are the run's threads
    (``OMP_NUM_THREADS``, which the CLI sets from ``run.threads``), else the CPUs this process
    may run on (``os.cpu_count()`` counts the host's, ignoring taskset and container limits)."""
    try:
        cores = int(os.environ.get("OMP_NUM_THREADS", "0")) or len(os.sched_getaffinity(0))
    except (ValueError, AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(4, cores // max(inter_threads, 1)))


class CT2Seq2Seq(GeneratingBackend):
    """A converted model run by ``ctranslate2.Translator``.

    Args:
        folder: The converted model's folder (see :func:`convert`).
        generation: Decoding settings.
        device: ``"cpu"`` or ``"cuda"``.
        compute_type: CTranslate2 compute type (``int8``, ``int8_float16``, ``float16``…);
            ``auto`` = the conversion's quantization.
        batch_size: Texts per ``translate_batch`` call.
        inter_threads: Batches decoded in parallel (CPU).
        intra_threads: Threads per batch (0 = the cores shared among ``inter_threads``, at most
            4 each).
    """

    kind = "ct2"

    def __init__(
        self,
        folder: Path,
        generation: GenerationSettings,
        device: str = "cpu",
        compute_type: str = "auto",
        batch_size: int = 8,
        inter_threads: int = 1,
        intra_threads: int = 0,
        max_batch_tokens: int | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.generation = generation
        self.device = device
        self.compute_type = compute_type
        self.batch_size = batch_size
        self.max_batch_tokens = max_batch_tokens
        self.inter_threads = inter_threads
        self.intra_threads = intra_threads
        self._translator: Any = None
        self._tokenizer: Any = None
        self._meta: dict[str, Any] = {}
        self.stats = BackendStats()
        self.lengths: LengthControl | None = None

    @classmethod
    def from_config(cls, config: Any, generation: GenerationSettings, runtime: Any) -> CT2Seq2Seq:
        """Builds the backend from a ``backend`` table: ``model`` is a manifest name (its
        conversion under ``models/ct2/``) or a converted folder."""
        ref = config.model or ""
        folder = Path(ref).expanduser()
        if not (folder / "model.bin").is_file():
            folder = ct2_dir(
                ref,
                config.compute_type if config.compute_type != "auto" else "int8",
                runtime.models_dir,
            )
        # As registry.build_backend builds the others, but from a converted folder, not a spec.
        return cls(
            folder,
            generation,
            device=runtime.device,
            compute_type=config.compute_type,
            batch_size=config.batch_size,
            inter_threads=config.inter_threads,
            intra_threads=config.intra_threads,
            max_batch_tokens=config.max_batch_tokens,
        )

    def ensure_available(self) -> None:
        """Raises ModelUnavailable (with the convert command) when the folder is not there."""
        if not (self.folder / "model.bin").is_file():
            raise ModelUnavailable(
                str(self.folder),
                None,
                "no CTranslate2 model there; create it with `brief models convert NAME`",
            )
        _require_ct2()

    @property
    def meta(self) -> dict[str, Any]:
        if not self._meta:
            try:
                self._meta = json.loads((self.folder / META).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._meta = {}
        return self._meta

    def _load(self) -> None:
        if self._translator is not None:
            return
        self.ensure_available()
        ctranslate2 = _require_ct2()
        from pipeline.backends.ct2_tokenizers import load_tokenizer

        compute = self.compute_type
        if compute == "auto":
            compute = self.meta.get("quantization", "default")
        self._tokenizer = load_tokenizer(self.folder / TOKENIZER_DIR)
        self._translator = ctranslate2.Translator(
            str(self.folder),
            device=self.device,
            compute_type=compute,
            inter_threads=self.inter_threads,
            intra_threads=self.intra_threads or _threads_per_batch(self.inter_threads),
        )

    def signature(self) -> dict[str, Any]:
        return {
            "id": self.meta.get("source", self.folder.name),
            "revision": self.meta.get("revision"),
            "backend": self.kind,
            "dtype": self.compute_type
            if self.compute_type != "auto"
            else self.meta.get("quantization", "default"),
            "device": self.device,
        }

    @property
    def max_input_tokens(self) -> int:
        return int(self.meta.get("max_input_tokens", 512))

    def weights_folder(self) -> Path:
        """The converted model's folder."""
        return self.folder

    def count_tokens(self, texts: list[str]) -> list[int]:
        self._load()
        return [len(tokens) for tokens in self._tokenizer.encode(texts)]

    def generate(
        self,
        texts: list[str],
        generation: GenerationSettings | None = None,
        max_new_tokens: int | None = None,
    ) -> list[str]:
        """Decodes every text, in length-sorted batches, returned in input order
        (``generation`` replaces the settings for this call, ``max_new_tokens`` tightens the
        cap)."""
        if not texts:
            return []
        self._load()
        tok = self._tokenizer
        limit = self.max_input_tokens
        sources = [tokens[:limit] for tokens in tok.encode(texts)]
        out = [""] * len(texts)
        g = (generation or self.generation).capped(max_new_tokens)
        lengths = [len(s) for s in sources]
        # Imposed lengths (``brief bench``): a real model ends each text at its own end token and
        # CTranslate2 drops finished texts from the batch, so forcing a whole batch to its
        # longest member's length would decode far more. Greedy: each text is stopped at its own
        # length (a step callback). Beam search (no callback there): batches hold texts within
        # ``spread`` of each other's length.
        control = self.lengths
        per_text = control is not None and g.num_beams == 1
        spread = control.spread if control is not None and not per_text else None
        batches = token_batches(lengths, self.batch_size, self.max_batch_tokens, spread)
        began = time.perf_counter()
        # Every batch is submitted at once: with inter_threads > 1 CTranslate2 decodes several
        # in parallel (on 2 CPU cores, 2 batches × 1 thread beat 1 batch × 2 threads).
        pending = []
        for idx in batches:
            batch = [sources[i] for i in idx]
            longest = max(len(s) for s in batch)
            floors = [
                max(g.floor(len(s), limit - 1, control.target(len(s)) if control else 0), 1)
                for s in batch
            ]
            extra = {"callback": control.step_callback(floors)} if per_text and control else {}
            pending.append(
                self._translator.translate_batch(
                    batch,
                    beam_size=g.num_beams,
                    max_decoding_length=g.budget(longest, limit - 1),
                    min_decoding_length=min(floors) if per_text else max(floors),
                    no_repeat_ngram_size=g.no_repeat_ngram_size,
                    repetition_penalty=g.repetition_penalty,
                    length_penalty=g.length_penalty,
                    max_input_length=limit,
                    asynchronous=True,
                    **extra,
                )
            )
        produced = 0
        for idx, results in zip(batches, pending, strict=True):
            for i, future in zip(idx, results, strict=True):
                tokens = future.result().hypotheses[0]
                produced += len(tokens)
                out[i] = tok.decode(tokens).strip()
        self.stats.add(len(texts), sum(lengths), produced, time.perf_counter() - began)
        return out
