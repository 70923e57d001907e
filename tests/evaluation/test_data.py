from __future__ import annotations

import pytest

from pipeline.errors import ConfigError
from pipeline.evaluation import data


def test_newstest_defaults_to_the_segments_written_in_french() -> None:
    segments = data.newstest2014()
    assert len(segments) == 1500
    assert {s.origlang for s in segments} == {"fr"}
    assert segments[0].source.startswith('Spectaculaire saut en "wingsuit"')
    assert segments[0].reference.strip()


def test_newstest_all_has_both_halves_aligned() -> None:
    segments = data.newstest2014("all")
    assert len(segments) == 3003
    assert {s.origlang for s in segments} == {"fr", "en"}
    assert all(s.source.strip() and s.reference.strip() for s in segments)


def test_an_unknown_subset_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="subset"):
        data.newstest2014("de")  # type: ignore[arg-type]


def test_orangesum_ships_300_articles_with_abstracts() -> None:
    items = data.orangesum()
    assert len(items) == 300 and len({i.id for i in items}) == 300
    assert all(len(i.text) > len(i.summary) > 0 for i in items)


def test_the_verify_sets_are_shipped_aligned_with_their_roles() -> None:
    sizes = {s.name: (s.role, len(s.load())) for s in data.VERIFY_SETS}
    assert sizes == {
        "newstest2014-fr": ("dev", 1500),
        "newsdiscussdev2015-fren": ("dev", 1500),
        "newstest2012": ("dev", 3003),
        "newstest2011": ("dev", 3003),
        "newstest2010": ("validation", 2489),
        "newstest2009": ("validation", 2525),
        "newsdiscusstest2015-fren": ("test", 1500),
        "newstest2013": ("test", 3000),
    }
    comments = data.newsdiscuss("dev")
    assert {s.origlang for s in comments} == {"fr"}
    assert all(s.source.strip() and s.reference.strip() for s in comments[:50])
    assert data.newstest2014("all")[540].line == 540


def test_an_unshipped_year_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="2008"):
        data.newstest_multiway(2008)  # type: ignore[arg-type]
