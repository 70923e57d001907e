"""The translate stage on tiny random-weight models, through the real loading and decoding code."""

from __future__ import annotations

import logging
import math
import re
from pathlib import Path

import pytest

from pipeline.backends.base import GenerationSettings, token_batches
from pipeline.backends.cache import CachedBackend
from pipeline.backends.hf_seq2seq import HFSeq2Seq
from pipeline.bench.lengths import ForcedLengths
from pipeline.cli.run import brief_files
from pipeline.config import load_config
from pipeline.document import Article, Paragraph, Sentence
from pipeline.manifests import resolve_model
from pipeline.runtime import Runtime
from pipeline.stages.translate import TranslateStage
from pipeline.testing.builders import load_corpus
from pipeline.testing.tiny import FR_EN_NAME
from pipeline.text.longinput import split_long
from tests.conftest import SEED

RUNTIME = Runtime("cpu", "float32")


def _long_sentence(backend: HFSeq2Seq, tokens: int) -> str:
    """One "sentence" of at least ``tokens`` tokens: corpus clauses joined by commas."""
    clauses = [line.rstrip(" .!?") for line in load_corpus("fr")]
    parts: list[str] = []
    while not parts or backend.count_tokens([", ".join(parts)])[0] < tokens:
        parts.extend(clauses[: max(1, len(parts) // 2 + 1)])
    return ", ".join(parts) + "."


def test_a_3000_token_sentence_is_translated_in_pieces(
    tiny_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = load_config(
        tiny_dir / "config.toml",
        [
            "stages.translate.num_beams=1",
            "stages.translate.guard.enabled=false",
            f'stages.translate.cache.path="{(tmp_path / "c.sqlite").as_posix()}"',
        ],
    )
    stage = TranslateStage(config, RUNTIME)
    model = stage.backend.backend
    sentence = Sentence(id=0, paragraph=0, fr=_long_sentence(model, 3000))
    article = Article.from_text(sentence.fr)
    article.paragraphs, article.sentences = [Paragraph(0, "text", [0])], [sentence]
    assert model.count_tokens([sentence.fr])[0] >= 3000
    with caplog.at_level(logging.WARNING):
        stage.pipe([article])
    assert "truncated" not in caplog.text  # nothing was cut by the model's input limit
    pieces = split_long(sentence.fr, model.count_tokens, model.max_input_tokens)
    assert len(pieces) >= 6
    assert all(n <= model.max_input_tokens for n in model.count_tokens(pieces))
    # Every piece went through the cache (repeated clauses make repeated pieces).
    assert model.stats.cache_hits + model.stats.cache_misses == len(pieces)
    assert sentence.en and "split_input" in sentence.flags
    (warning,) = [w for w in article.warnings if w.code == "translate.split_long"]
    assert f"in {len(pieces)} pieces" in warning.message


def test_rerunning_a_brief_hits_the_cache_for_every_sentence(
    tiny_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overrides = [
        f'stages.translate.cache.path="{(tmp_path / "c.sqlite").as_posix()}"',
        f'run.out="{(tmp_path / "out").as_posix()}"',
        "pipeline.stages=['clean', 'detect', 'translate', 'write']",
        "stages.translate.num_beams=1",
        "stages.translate.retry.num_beams=1",
    ]
    summaries = []
    for _ in range(2):
        assert brief_files([SEED], tiny_dir / "config.toml", overrides, force=True) == 0
        summaries.append(capsys.readouterr().err.strip().splitlines()[-1])
    first = re.search(r"translations: (\d+) from cache, (\d+) translated", summaries[0])
    second = re.search(r"translations: (\d+) from cache, (\d+) translated", summaries[1])
    assert first and second, summaries
    assert int(first.group(2)) > 0
    assert int(second.group(2)) == 0
    assert int(second.group(1)) >= int(first.group(2))


@pytest.fixture
def tiny_backend(tiny_dir: Path) -> HFSeq2Seq:
    spec = resolve_model(str(tiny_dir / FR_EN_NAME))
    return HFSeq2Seq(spec, GenerationSettings(num_beams=1), batch_size=8, max_batch_tokens=60)


def test_batches_follow_the_token_budget(tiny_backend: HFSeq2Seq) -> None:
    texts = load_corpus("fr")[:6]
    outputs = tiny_backend.translate(texts)
    assert len(outputs) == len(texts)
    lengths = tiny_backend.count_tokens(texts)
    assert tiny_backend.stats.calls == len(token_batches(lengths, 8, 60))
    assert tiny_backend.stats.calls > 1  # by count alone, 6 texts would make one batch


def test_decoding_settings_can_change_per_call(tiny_backend: HFSeq2Seq) -> None:
    texts = load_corpus("fr")[:3]
    capped = GenerationSettings(num_beams=1, max_length_ratio=None, max_new_tokens=3)
    short = tiny_backend.translate(texts, capped)
    tokenizer = tiny_backend.tokenizer
    assert all(len(tokenizer(text_target=s)["input_ids"]) <= 3 + 1 for s in short)


def test_counting_tokens_does_not_load_the_weights(tiny_backend: HFSeq2Seq) -> None:
    assert tiny_backend.count_tokens(["Bonjour à tous."])[0] > 1
    assert tiny_backend._model is None
    cached = CachedBackend(tiny_backend, "unused.sqlite")
    assert cached.max_input_tokens == tiny_backend.spec.max_input_tokens


def test_output_is_capped_at_the_decoder_positions(tiny_backend: HFSeq2Seq) -> None:
    # 300 tokens in, asked for twice as many out: past Marian's 512 positions, generate()
    # would index out of range; the backend caps the budget at what the decoder can hold.
    tokenizer = tiny_backend.tokenizer
    ids = tokenizer([" ".join(load_corpus("fr"))], truncation=True, max_length=300)["input_ids"]
    text = tokenizer.decode(ids[0], skip_special_tokens=True)
    tiny_backend.lengths = ForcedLengths(2.0)
    (output,) = tiny_backend.translate(
        [text], GenerationSettings(num_beams=1, max_length_ratio=2.0)
    )
    assert output
    assert tiny_backend.stats.output_tokens <= tiny_backend.max_input_tokens - 1


@pytest.mark.parametrize("beams", [1, 2])
def test_forced_lengths_end_each_text_at_its_own_length(
    tiny_backend: HFSeq2Seq, beams: int
) -> None:
    # brief bench forces 1.2 × each source's tokens; min_new_tokens would force a whole batch
    # to its longest member's length, a per-text processor ends each text at its own.
    forced = GenerationSettings(num_beams=beams, max_length_ratio=1.2)
    tiny_backend.lengths = ForcedLengths(1.2)
    texts = [
        "Le gouvernement a présenté mardi à Paris un plan de relance de trente milliards "
        "d'euros pour les entreprises et les ménages les plus touchés par la crise.",
        "Oui, dit-il.",
        "Le plan sera voté en mars.",
    ]
    counts = tiny_backend.count_tokens(texts)
    tiny_backend.max_batch_tokens = None
    outputs = tiny_backend.translate(texts, forced)
    assert tiny_backend.stats.calls == 1  # one batch
    assert tiny_backend.stats.output_tokens == sum(math.ceil(1.2 * n) for n in counts)
    pieces = [len(tiny_backend.tokenizer(text_target=o)["input_ids"]) for o in outputs]
    assert pieces[1] < pieces[0] and pieces[2] < pieces[0]
