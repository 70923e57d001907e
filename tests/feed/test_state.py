from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.feed.state import State, StateBusy, StateError, run_lock, slugify


@pytest.fixture
def state(tmp_path: Path) -> State:
    with State(tmp_path / "s" / "state.sqlite") as db:
        yield db


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Pékin : l'été", "pekin-l-ete"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("", "article"),
        ("!!!", "article"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_first_sight_creates_a_new_item_with_a_stable_unique_stem(state: State) -> None:
    item = state.see("https://ex.org/a", "feed", "https://ex.org/a", title="Été à Pékin")
    assert (item.status, item.attempts, item.stem) == ("new", 0, "00001-ete-a-pekin")
    again = state.see("https://ex.org/a", "feed", "https://ex.org/a", title="Autre titre")
    assert again.id == item.id and again.stem == item.stem and again.title == "Été à Pékin"
    other = state.see("https://ex.org/b", "feed", title="Été à Pékin")
    assert other.stem == "00002-ete-a-pekin"


def test_outcomes_are_recorded(state: State) -> None:
    a = state.see("a", "src")
    b = state.see("b", "src")
    state.set_hash(a.id, "h1")
    state.record(a.id, "done", outputs={"json": "x.json"})
    state.record(b.id, "failed", error="HTTP 500")
    a, b = state.get(a.id), state.get(b.id)
    assert (a.status, a.attempts, a.outputs, a.done_at is not None) == (
        "done",
        1,
        {"json": "x.json"},
        True,
    )
    assert (b.status, b.attempts, b.last_error, b.done_at) == ("failed", 1, "HTTP 500", None)
    assert state.given_up(retries=2) == [] and state.given_up(retries=1) == [b]
    assert state.counts() == {"new": 0, "done": 1, "failed": 1, "skipped": 0}
    assert state.done_with_hash("h1", not_id=b.id).id == a.id
    assert state.done_with_hash("h1", not_id=a.id) is None
    assert [i.id for i in state.recent_done(None, 10)] == [a.id]


def test_unknown_status_is_refused(state: State) -> None:
    item = state.see("a", "src")
    with pytest.raises(ValueError, match="unknown status"):
        state.record(item.id, "half-done")


def test_state_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with State(path) as db:
        db.record(db.see("a", "src").id, "done")
        db.set_meta("k", "v")
    with State(path) as db:
        assert db.items("done")[0].key == "a"
        assert db.meta("k") == "v"


def test_a_second_run_on_the_same_state_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with run_lock(path), pytest.raises(StateBusy) as err, run_lock(path):
        pass
    assert err.value.exit_code == 75
    with run_lock(path):  # released when the first run ends
        pass


def test_a_file_that_is_not_a_state_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StateError, match="was not written by brief"):
        State(path)
    assert path.read_bytes() == b"not a database at all" * 100
