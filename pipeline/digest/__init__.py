"""The digest: one HTML page for phones (``index.html`` + ``pages/<stem>.html``) and one Markdown
file (``index.md``) listing the briefs of the last ``feed.digest_hours``, newest first."""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pipeline.digest.entries import Item, load_entries
from pipeline.io import atomic_write_text
from pipeline.output_policy import written_by_brief

if TYPE_CHECKING:
    from pipeline.config import BriefConfig

log = logging.getLogger(__name__)

# Raise when the templates change, so that the next run rebuilds the digest.
LAYOUT_VERSION = "2"


class State(Protocol):
    """What the digest asks of the feed's state (``pipeline.feed.state.State`` does it)."""

    def recent_done(self, since: str | None, limit: int) -> list[Item]: ...

    def meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...


def newest_first(items: list[Item], now: datetime) -> list[Item]:
    """Items newest story first, by the feed's date; then, in feed order, those of unknown date:
    none, one that cannot be read, or one more than a day ahead of ``now`` (which would
    otherwise pin a story to the top)."""
    ahead = now + timedelta(days=1)

    def when(item: Item) -> datetime | None:
        try:
            date = datetime.fromisoformat(item.published or "")
        except ValueError:
            return None
        date = date if date.tzinfo else date.replace(tzinfo=UTC)
        return date if date <= ahead else None

    dated = [(when(i), i) for i in sorted(items, key=lambda i: i.id)]
    known = sorted(((d, i) for d, i in dated if d is not None), key=lambda p: p[0], reverse=True)
    return [i for _, i in known] + [i for d, i in dated if d is None]


def write_digest(state: State, config: BriefConfig, *, force: bool = False) -> dict[str, Any]:
    """Writes the digest when the briefs it shows have changed (or it is missing, or ``force``).

    Pages are written first, ``index.md`` and ``index.html`` last, each atomically; the state
    remembers what the digest was built from only after that, so an interrupted rebuild is redone.

    Returns:
        ``{"written": bool, "html": path, "markdown": path, "briefs": n}``.
    """
    from pipeline.digest.render import render_index, render_markdown, render_page

    feed = config.feed
    folder = Path(feed.digest_dir)
    index, markdown = folder / "index.html", folder / "index.md"
    since = None
    if feed.digest_hours:
        since = (datetime.now(UTC) - timedelta(hours=feed.digest_hours)).isoformat()
    items = state.recent_done(since, feed.digest_max_items)
    lang = config.run.lang
    basis = [LAYOUT_VERSION, lang, [(i.id, i.done_at, i.outputs) for i in items]]
    fingerprint = hashlib.sha256(json.dumps(basis, sort_keys=True).encode()).hexdigest()
    result = {"written": False, "html": str(index), "markdown": str(markdown), "briefs": len(items)}
    fresh = index.is_file() and markdown.is_file()
    if fresh and not force and state.meta("digest_fingerprint") == fingerprint:
        return result
    items = newest_first(items, datetime.now(UTC))
    entries = load_entries(items, folder)
    updated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    pages = folder / "pages"
    keep = set()
    for entry in entries:
        page = atomic_write_text(pages / f"{entry.stem}.html", render_page(entry, lang, updated))
        keep.add(page.name)
    if pages.is_dir():
        for old in pages.glob("*.html"):
            # Only pages brief wrote are removed (pipeline.output_policy).
            ours = old.is_file() and not old.is_symlink() and written_by_brief(old)
            if old.name not in keep and ours:
                old.unlink(missing_ok=True)
    atomic_write_text(markdown, render_markdown(entries, lang, updated))
    atomic_write_text(index, render_index(entries, lang, updated))
    state.set_meta("digest_fingerprint", fingerprint)
    result.update(written=True, briefs=len(entries))
    return result
