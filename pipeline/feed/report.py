"""The run report (JSON, for machines) and its summary (a few lines on stderr, for people)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from pipeline import __version__
from pipeline.config import BriefConfig
from pipeline.feed.state import State, now_iso

if TYPE_CHECKING:
    from pipeline.feed.job import FeedRun

REPORT_VERSION = 1


def build_report(
    run: FeedRun, config: BriefConfig, *, force: bool, state_counts: dict[str, int]
) -> dict[str, Any]:
    """The JSON run report.

    Keys: ``report_version``, ``brief_version``, ``started_at``, ``finished_at``, ``exit_code``,
    ``force``, ``state`` (path), ``config_hash``, ``sources`` [{source, kind, entries, error,
    warnings}], ``counts`` (this run: done, failed, skipped, unchanged, given_up: failed in an
    earlier run with no attempt left, gave_up: failed in this run for the last time),
    ``state_counts`` (every article known, by status), ``seconds`` (sources, fetch, each stage,
    digest, total), ``models`` (what each model backend did: calls, texts, tokens, seconds),
    ``cache`` (hits and misses by model role, when a backend has a cache), ``digest`` and
    ``items`` (each article worked on: id, key, status, error, outputs, title, given_up).
    """
    by_status = Counter(o.status for o in run.outcomes)
    return {
        "report_version": REPORT_VERSION,
        "brief_version": __version__,
        "started_at": run.started_at,
        "finished_at": now_iso(),
        "exit_code": run.exit_code,
        "force": force,
        "state": config.feed.state,
        "config_hash": config.digest(),
        "sources": [
            {
                "source": s.source,
                "kind": s.kind,
                "entries": len(s.candidates),
                "error": s.error,
                "warnings": s.warnings,
            }
            for s in run.sources
        ],
        "counts": {
            "done": by_status["done"],
            "failed": by_status["failed"],
            "skipped": by_status["skipped"],
            "unchanged": run.unchanged,
            "given_up": run.given_up,
            "gave_up": sum(o.given_up for o in run.outcomes),
        },
        "state_counts": state_counts,
        "seconds": {k: round(v, 3) for k, v in run.seconds.items()},
        "models": run.models,
        "cache": run.cache,
        "digest": run.digest,
        "items": [o.to_dict() for o in run.outcomes],
    }


def status_lines(state: State, retries: int) -> list[str]:
    """What ``brief feed status`` prints: counts by status, then each failed article with its
    reason, those with no attempt left (``retries``) marked as given up."""
    lines = [" · ".join(f"{k} {v}" for k, v in state.counts().items())]
    for item in state.items("failed"):
        what = "given up" if item.attempts >= retries else "failed"
        lines.append(f"{what} ({item.attempts}×): {item.key}: {item.last_error}")
    return lines


def summary_lines(report: dict[str, Any], report_path: str) -> list[str]:
    """The end-of-run summary printed on stderr."""
    c = report["counts"]
    lines = [
        f"feed: {c['done']} briefed, {c['failed']} failed, {c['skipped']} skipped; "
        f"{c['unchanged']} already handled, {c['given_up']} given up earlier (retry limit)"
    ]
    if c.get("gave_up"):
        lines.append(
            f"given up: {c['gave_up']} failed for the last time (feed.retries); "
            "`brief feed status` lists them with their reasons"
        )
        lines += [
            f"given up: {i['key']}: {i['error']}" for i in report["items"] if i.get("given_up")
        ]
    for source in report["sources"]:
        if source["error"]:
            lines.append(f"source failed: {source['source']}: {source['error']}")
        lines += [f"source warning: {source['source']}: {w}" for w in source["warnings"]]
    seconds = report["seconds"]
    stages = ", ".join(f"{k} {v:.2f} s" for k, v in seconds.items() if k != "total")
    lines.append(f"time: {seconds.get('total', 0):.1f} s ({stages})")
    for role, m in report["models"].items():
        if m.get("texts"):
            lines.append(
                f"model {role}: {m['texts']} texts, {m.get('output_tokens', 0):,} tokens out "
                f"in {m.get('seconds', 0):.1f} s"
            )
    if report["cache"]:
        parts = [
            f"{role} {s.get('hits', 0)} hits / {s.get('misses', 0)} misses"
            for role, s in report["cache"].items()
        ]
        lines.append("cache: " + ", ".join(parts))
    digest = report["digest"]
    if digest.get("written"):
        lines.append(f"digest: {digest['html']} ({digest['briefs']} briefs), {digest['markdown']}")
    else:
        lines.append(f"digest: unchanged ({digest.get('html')})")
    lines.append(f"report: {report_path}")
    return lines
