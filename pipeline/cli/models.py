"""``brief models list|pull|verify``: what models there are, getting them, trusting them.

Exit status: 0 all well; 1 a model failed verification; 2 bad usage or configuration; 3 a model
is not available (not on disk, or cannot be downloaded).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline import hub
from pipeline.cli.logs import setup_logging
from pipeline.cli.options import SetOpt
from pipeline.columns import aligned
from pipeline.config import BriefConfig, load_config
from pipeline.errors import ConfigError, ExitCode, ModelUnavailable
from pipeline.manifests import ModelSpec, licence_note, load_manifests, resolve_model
from pipeline.model_checks import ModelEntry, configured_models, licence_warnings, list_models
from pipeline.model_verify import Verification, verify_model

EXIT_CODES = """Exit status: 0 all well; 1 a model failed verification; 2 bad usage or
configuration; 3 a model is not available (not on disk, or cannot be downloaded)."""

app = typer.Typer(
    help="List, download (pull) and verify the models.", no_args_is_help=True, epilog=EXIT_CODES
)

ConfigOpt = Annotated[
    Path | None, typer.Option("--config", "-c", help="TOML config: decides the models used.")
]
NamesArg = Annotated[
    list[str] | None,
    typer.Argument(help="Manifest names, hub ids or directories. [default: the config's models]"),
]


def _warn(lines: list[str]) -> None:
    for line in lines:
        print(f"warning: {line}", file=sys.stderr)


def _licence_lines(specs: list[ModelSpec]) -> list[str]:
    return [note for spec in specs if (note := licence_note(spec.manifest))]


def select_models(config: BriefConfig, names: list[str] | None) -> list[ModelSpec]:
    """The named models, or else the config's, each once.

    Raises:
        ConfigError: A name that is neither a manifest, a hub id (``org/name``) nor a directory.
    """
    models_dir = config.run.models_dir
    if names:
        known = load_manifests(models_dir)
        specs = []
        for name in names:
            spec = resolve_model(name, None, models_dir)
            if not spec.manifest and not spec.local and "/" not in name:
                raise ConfigError(
                    f"unknown model {name!r}: not a manifest in models/ ({', '.join(known)}), "
                    "a hub id (org/name) or a directory"
                )
            specs.append(spec)
    else:
        specs = list(configured_models(config).values())
    unique: dict[tuple[str, str | None], ModelSpec] = {}
    for spec in specs:
        unique.setdefault((spec.source, spec.revision), spec)
    return list(unique.values())


# -- list --------------------------------------------------------------------------------------


def _size(mb: object) -> str:
    if not isinstance(mb, int | float):
        return "?"
    return f"{mb / 1000:.1f} GB" if mb >= 1000 else f"{mb:.0f} MB"


def _revision(spec: ModelSpec) -> str:
    if spec.local:
        return "local dir"
    if hub.is_pinned(spec.revision):
        return (spec.revision or "")[:12]
    return f"{spec.revision or 'main'} (unpinned)"


def render_table(entries: list[ModelEntry]) -> str:
    """The ``models list`` table (a ``*`` marks models the config uses)."""
    header = ("", "NAME", "TASK", "LANG", "LICENCE", "REVISION", "SIZE", "LOCAL", "USED AS")
    rows = [header]
    for e in entries:
        m = e.manifest
        langs = f"{m['source_lang']}→{m['target_lang']}" if "source_lang" in m else "?"
        licence = m.get("licence", "unknown")
        if m and not m.get("commercial_use", True):
            licence += " (NC)"
        rows.append(
            (
                "*" if e.roles else "",
                e.spec.name,
                m.get("task", "?"),
                langs,
                licence,
                _revision(e.spec),
                _size(m.get("size_mb")),
                "+".join(e.forms) or "-",
                ", ".join(e.roles) or "-",
            )
        )
    return "\n".join(aligned(rows))


@app.command("list")
def list_command(
    config: ConfigOpt = None,
    set_: SetOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """Every model manifest: task, languages, licence, pinned revision, size, and whether it is
    on disk (pytorch: safetensors in the hub cache at that revision or in the local directory;
    ct2: a CTranslate2 conversion in models/ct2/NAME/). Never uses the network."""
    cfg = load_config(config, set_ or [])
    entries = list_models(cfg)
    if as_json:
        typer.echo(json.dumps([e.to_dict() for e in entries], indent=2, ensure_ascii=False))
    else:
        typer.echo(render_table(entries))
        if any(e.manifest and not e.manifest.get("commercial_use", True) for e in entries):
            typer.echo("(NC) = non-commercial licence: research and personal use only.")
        from huggingface_hub import constants

        typer.echo(f"hub cache: {constants.HF_HUB_CACHE}")
    _warn(licence_warnings(cfg))


# -- pull --------------------------------------------------------------------------------------


# Each command declares its options in its own signature, which is what typer reads.
@app.command("pull")
def pull_command(
    names: NamesArg = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
    to: Annotated[
        Path | None,
        typer.Option(
            "--to", help="Also write each model to DIR/NAME, a plain folder for air-gapped use."
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
) -> None:
    """Download models at their pinned revisions into the Hugging Face cache: safetensors
    weights, config and tokenizer files only (no pickles, no code). Afterwards
    HF_HUB_OFFLINE=1 brief ... runs without a network."""
    setup_logging(quiet=quiet)
    if quiet:
        from huggingface_hub.utils import disable_progress_bars

        disable_progress_bars()
    cfg = load_config(config, set_ or [])
    specs = select_models(cfg, names)
    # One quick check for all models: offline, the hub client would retry each for a minute.
    online = hub.reachable() if any(not s.local for s in specs) else False
    failed, unreachable = 0, []
    for spec in specs:
        if spec.local:
            print(f"{spec.name}: local directory {spec.source}, nothing to pull", file=sys.stderr)
            continue
        if online:
            size = _size(spec.manifest.get("size_mb"))
            print(
                f"pulling {spec.name} ({spec.source} @ {_revision(spec)}, {size})", file=sys.stderr
            )
        try:
            folder = hub.pull(spec, online=online)
        except ModelUnavailable as exc:
            failed += 1
            if hub.UNREACHABLE in exc.reason:
                unreachable.append(spec.name)
            else:
                print(f"error: {exc}", file=sys.stderr)
            continue
        if to is not None:
            folder = hub.export(spec, folder, to / spec.name)
        typer.echo(f"{spec.name}: {folder}")
    if unreachable:
        from huggingface_hub import constants

        print(
            f"error: {hub.UNREACHABLE} ({constants.ENDPOINT}); not pulled: "
            f"{', '.join(unreachable)}. Pull on a machine with internet access, or copy the "
            "model folders (see README, 'Models'); to try brief without them: "
            "`python -m pipeline.testing.tiny tiny/`, then `brief FILES --config "
            "tiny/config.toml`",
            file=sys.stderr,
        )
    _warn(_licence_lines(specs))
    if failed:
        raise typer.Exit(ModelUnavailable.exit_code)


# -- verify ------------------------------------------------------------------------------------

_MARK = {True: "ok  ", False: "FAIL", None: "--  "}


def render_verification(v: Verification) -> str:
    """One model's verification, a line per check."""
    rev = "" if v.spec.local else f" @ {_revision(v.spec)}"
    head = f"{v.spec.name} ({v.spec.source}{rev})"
    if v.missing:
        return f"{head}: MISSING, {v.missing_reason}; get it with `brief models pull`"
    lines = [f"{head}: {'OK' if v.ok else 'FAILED'}  [{v.folder}]"]
    width = max(len(c.name) for c in v.checks)
    lines += [f"  {_MARK[c.ok]} {c.name.ljust(width)}  {c.detail}" for c in v.checks]
    return "\n".join(lines)


@app.command("verify")
def verify_command(
    names: NamesArg = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
    load: Annotated[
        bool, typer.Option("--load/--no-load", help="Load each model and generate a few tokens.")
    ] = True,
    device: Annotated[str, typer.Option("--device", "-d", help="cpu or cuda.")] = "cpu",
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of text.")] = False,
) -> None:
    """Check that the models on disk match their manifests (pinned revision, every file the hub
    listed, sha256 of the weights, architecture) and load with the code runs use. Never uses the
    network."""
    setup_logging()
    cfg = load_config(config, set_ or [])
    specs = select_models(cfg, names)
    if load:
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
    results = [
        verify_model(spec, models_dir=cfg.run.models_dir, load=load, device=device)
        for spec in specs
    ]
    if as_json:
        typer.echo(json.dumps([r.to_dict() for r in results], indent=2, ensure_ascii=False))
    else:
        typer.echo("\n".join(render_verification(r) for r in results))
    _warn(_licence_lines(specs))
    if any(r.missing for r in results):
        raise typer.Exit(ModelUnavailable.exit_code)
    if not all(r.ok for r in results):
        raise typer.Exit(ExitCode.FAILED)


# -- convert -----------------------------------------------------------------------------------


@app.command("convert")
def convert_command(
    names: NamesArg = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
    quantization: Annotated[
        str, typer.Option("--quantization", "-q", help="int8, int8_float16, float16 or float32.")
    ] = "int8",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Target folder (one model only).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing conversion.")] = False,
) -> None:
    """Convert models (in the local cache, or local folders) to CTranslate2 for the int8 CPU
    path: written to models/ct2/NAME-QUANT/, then run with `--set
    stages.translate.backend.kind=ct2` (see README, 'Speed'). Never uses the network."""
    setup_logging()
    from pipeline.backends.ct2 import convert, ct2_dir

    cfg = load_config(config, set_ or [])
    specs = select_models(cfg, names)
    if out is not None and len(specs) != 1:
        raise ConfigError("--out takes one model; name it")
    for spec in specs:
        target = out or ct2_dir(spec.name, quantization, cfg.run.models_dir)
        convert(spec, target, quantization, force=force)
        typer.echo(f"{spec.name} → {target} ({quantization})")
