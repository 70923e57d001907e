"""Large word lists held as sorted arrays of 64-bit hashes instead of sets of strings.

The name checks ask one question of two big dictionaries: is this capitalised word also a common
word? A set of 216,000 French forms or 235,000 English words costs 20-85 MB as Python strings;
their hashes in one sorted ``numpy`` array cost 8 bytes a word, and a lookup is a binary search
(about a microsecond). Two different words sharing a 64-bit hash among a few hundred thousand
has a chance of about one in 10^9.

The French table is read from the spaCy package's lemmatizer lookups one entry at a time, so
the whole file is never decoded into Python dictionaries (which held 85 MB once read).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any


class _SortedHashes:
    """Sorted 64-bit hashes of words, searched by bisection (see :class:`HashedWords`)."""

    def __init__(self, hashes: Any, key: Callable[[str], int]) -> None:
        import numpy as np

        self._np = np
        self._key = key
        self._hashes = hashes

    def __len__(self) -> int:
        return int(self._hashes.size)

    def _at(self, word: str) -> int | None:
        """Where the word's hash stands in the sorted hashes, or None when it is not there."""
        value = self._np.uint64(_unsigned(self._key(word)))
        at = int(self._np.searchsorted(self._hashes, value))
        return at if at < self._hashes.size and self._hashes[at] == value else None


class HashedWords(_SortedHashes):
    """A read-only set of words, stored as their sorted hashes.

    Args:
        hashes: The words' hashes (any order; duplicates allowed).
        key: The hash function the hashes were made with, applied to a word asked about (read
            as an unsigned 64-bit number, as the hashes are).
    """

    def __init__(self, hashes: Iterable[int], key: Callable[[str], int]) -> None:
        import numpy as np

        super().__init__(np.unique(_hash_array(hashes)), key)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._at(word) is not None


def _hash_array(hashes: Any) -> Any:
    """Hashes as a ``numpy`` array of unsigned 64-bit numbers."""
    import numpy as np

    if isinstance(hashes, np.ndarray):
        return hashes.astype(np.uint64, copy=False)
    return np.fromiter((_unsigned(h) for h in hashes), dtype=np.uint64)


def _unsigned(value: int) -> int:
    """Python's ``hash`` as an unsigned 64-bit number."""
    return value & 0xFFFFFFFFFFFFFFFF


@lru_cache(maxsize=1)
def english_lower_words() -> HashedWords:
    """The words Webster's Second International (1934, public domain) lists in lower case
    (its common words; its proper nouns are capitalised), as shipped by the english-words
    package (MIT)."""
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"])
    table = HashedWords((hash(w) for w in words if w.islower()), hash)
    del words
    return table


def _lookups_file(model: str) -> Path | None:
    import spacy.util

    path = spacy.util.get_package_path(model)
    found = list(path.glob("*/lemmatizer/lookups")) or list(path.glob("lemmatizer/lookups"))
    if not found or not (found[0] / "lookups.bin").is_file():
        return None
    return found[0] / "lookups.bin"


def _read_tables(path: Path) -> tuple[Any, Any, Any]:
    """From a spaCy lookups file, read entry by entry (the rule tables skipped): the hashes of
    the inflected forms and of their lemmas (one pair per lemma), and of the listed lemmas."""
    import numpy as np
    import srsly.msgpack
    from spacy.strings import get_string_id

    forms, lemmas, listed = array("Q"), array("Q"), array("Q")
    with path.open("rb") as handle:
        reader: Any = srsly.msgpack.Unpacker(handle, raw=False, strict_map_key=False)
        for _ in range(reader.read_map_header()):
            name = reader.unpack()
            if name == "lemma_lookup":
                for _ in range(reader.read_map_header()):
                    form = reader.unpack()
                    for lemma in reader.unpack():
                        forms.append(form)
                        lemmas.append(get_string_id(lemma))
            elif name == "lemma_index":
                for _ in range(reader.read_map_header()):
                    reader.skip()  # the part of speech
                    listed.extend(get_string_id(word) for word in reader.unpack())
            else:
                reader.skip()
    return tuple(np.frombuffer(a, dtype=np.uint64) for a in (forms, lemmas, listed))


@lru_cache(maxsize=2)
def french_common_words(model: str) -> HashedWords:
    """The forms of French nouns, adjectives, verbs and adverbs that the spaCy package
    ``model``'s lemmatizer lists (its ``lemma_index``), and every inflected form of them (its
    ``lemma_lookup``: "bourses" → "bourse"). That table lists names too ("halloween",
    "twitter"); a form counts only when its lemma is a listed word. Empty when the package has
    no lookups."""
    import numpy as np
    from spacy.strings import get_string_id

    path = _lookups_file(model)
    if path is None:
        return HashedWords((), get_string_id)
    forms, lemmas, listed = _read_tables(path)
    common = np.concatenate([listed, forms[np.isin(lemmas, listed)]])
    return HashedWords(common, get_string_id)


class RankedWords(_SortedHashes):
    """Words in frequency order, stored as sorted hashes beside their ranks (0: the most
    frequent).

    Args:
        hashes: The words' hashes, most frequent first, no repeats.
        key: The hash function the hashes were made with (see :class:`HashedWords`).
    """

    def __init__(self, hashes: Any, key: Callable[[str], int]) -> None:
        import numpy as np

        values = _hash_array(hashes)
        self._ranks = np.argsort(values, kind="stable")
        super().__init__(values[self._ranks], key)

    def rank(self, word: str) -> int | None:
        """The word's rank, or None when the table does not list it."""
        at = self._at(word)
        return None if at is None else int(self._ranks[at])


@lru_cache(maxsize=2)
def french_word_ranks(model: str) -> RankedWords:
    """The words of the spaCy package ``model``'s word-vector table, in its order, which is
    the order of frequency in the text its vectors were trained on ("de", "la", … "paix" long
    before "Paix", "Hollande" long before "hollande"). Empty when the package has no vectors.

    From the table's ``key2row`` file (a map of string hashes to rows, in that order).
    Read whole (0.1 s; the map held as a dictionary for that moment, about 40 MB): read key by
    key it takes 1.6 s."""
    import numpy as np
    import spacy.util
    import srsly
    from spacy.strings import get_string_id

    path = spacy.util.get_package_path(model)
    found = list(path.glob("*/vocab/key2row")) or list(path.glob("vocab/key2row"))
    if not found or found[0].stat().st_size <= 1:
        return RankedWords((), get_string_id)
    rows = srsly.read_msgpack(found[0])
    keys = np.fromiter(rows.keys(), dtype=np.uint64, count=len(rows))
    del rows
    return RankedWords(keys, get_string_id)
