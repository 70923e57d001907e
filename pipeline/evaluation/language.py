"""How the detect stage names French, English and the languages close to French, measured on
FLORES-200 (not shipped: CC BY-SA 4.0, point the command at a folder of its ``.devtest`` files).

Each language's sentences, from ``--start`` to ``--end``, are judged one by one and in
paragraphs of five, the way the detect stage judges an article and a paragraph: lingua over the
stage's candidates, then :func:`pipeline.lang.neighbours.neighbour`. Prints, for each language,
how many sentences and paragraphs were given each name.

    python -m pipeline.evaluation.language FLORES200/devtest --start 200 --end 1000
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from pipeline.backends.language_id import DEFAULT_LANGUAGES, best_languages
from pipeline.lang.neighbours import neighbour

FILES = {
    "oc": "oci_Latn",
    "ht": "hat_Latn",
    "ca": "cat_Latn",
    "fr": "fra_Latn",
    "en": "eng_Latn",
    "es": "spa_Latn",
    "it": "ita_Latn",
}
CANDIDATES = (*DEFAULT_LANGUAGES, "ca")


def judge(texts: list[str]) -> Counter[str]:
    """The names the detect stage's rules give ``texts``, counted."""
    guesses = best_languages(texts, CANDIDATES)
    return Counter(
        neighbour(t, g) or g or "unsure" for t, (g, _) in zip(texts, guesses, strict=True)
    )


def measure(folder: Path, start: int, end: int) -> dict[str, dict[str, Counter[str]]]:
    """For each language, the names given to its sentences and to its paragraphs of five."""
    out = {}
    for code, name in FILES.items():
        path = folder / f"{name}.devtest"
        lines = path.read_text(encoding="utf-8").splitlines()[start:end]
        paragraphs = [" ".join(lines[i : i + 5]) for i in range(0, len(lines), 5)]
        out[code] = {"sentences": judge(lines), "paragraphs": judge(paragraphs)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="FLORES-200 devtest folder (*.devtest)")
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--end", type=int, default=1012)
    args = parser.parse_args(argv)
    for code, found in measure(args.folder, args.start, args.end).items():
        for unit, counts in found.items():
            total = sum(counts.values())
            shown = ", ".join(f"{k} {v}" for k, v in counts.most_common())
            print(f"{code} {unit}: {counts[code]}/{total} named {code} ({shown})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
