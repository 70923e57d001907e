"""``brief eval segment``: sentence boundaries of brief's splitters beside pysbd's.

Method (data shipped in ``pipeline/data/eval/segment``, see ``pipeline/data/eval/SOURCES.md``;
paragraphs and variants built in :mod:`pipeline.evaluation.segment_data`):

- WMT test sets are split by people, one sentence a line, in document order. Consecutive lines
  are joined with a space into paragraphs of 2 to 6 sentences (sizes drawn from a seeded
  generator); a line that does not end with a sentence-final mark (a headline, a dateline, a
  list item) ends the paragraph and is left out, since no splitter could find its end; so does a
  line that plainly holds two sentences (``… trois ans. Toute la doctrine…``: WMT lines are
  translation units, and translators now and then wrote one as two sentences).
- Each paragraph is scored in several quote variants, built sentence by sentence so that the
  boundaries stay where the people put them: as written, every quote straight (``"``), every
  quote as guillemets (``« »``, French only) and every quote curly (``“ ”``).
- A boundary is the offset of a sentence start counted in non-space characters, so that
  splitters which normalise spaces are scored on the same footing; precision, recall and F1 are
  over all boundaries of a set (pooled over its paragraphs, per variant and over all variants).
- brief's French splitter (``stages.clean.segmenter = "spacy"``, the default, and ``"rules"``)
  and its English one are scored beside pysbd (``pysbd.Segmenter(language=..., clean=False)``)
  on the same paragraphs, in the same run.

DEV sets (``newstest2010``, ``newsdiscussdev2015``) are the ones to read errors from; the TEST
sets (``newstest2009``, ``newsdiscusstest2015``) are held out: only their figures are printed.
"""

from __future__ import annotations

import hashlib
import inspect
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pipeline import __version__
from pipeline.errors import ConfigError
from pipeline.evaluation.segment_data import (
    LANGS,
    SETS,
    SIZES,
    VARIANTS,
    paragraphs,
    quote_variant,
    sentences,
)

__all__ = [
    "LANGS",
    "SETS",
    "SIZES",
    "VARIANTS",
    "evaluate_segment",
    "paragraphs",
    "quote_variant",
    "sentences",
    "table",
]

DEFAULT_SEED = 2026
TARGET = 0.98

Splitter = Callable[[list[str]], list[list[str]]]


def _key(text: str) -> str:
    return "".join(text.split())


def boundaries(pieces: list[str]) -> list[int]:
    """Where each piece after the first starts, in non-space characters from the start."""
    out, at = [], 0
    for piece in pieces[:-1]:
        at += len(_key(piece))
        out.append(at)
    return out


@dataclass
class Counts:
    """Boundary counts of one splitter on some paragraphs."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: list[int], found: list[int]) -> None:
        g, f = set(gold), set(found)
        self.tp += len(g & f)
        self.fp += len(f - g)
        self.fn += len(g - f)

    def merge(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def figures(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f1, 4),
        }


def _brief_french(segmenter: str) -> Splitter:
    def split(texts: list[str]) -> list[list[str]]:
        from pipeline.text.segment import split_french_many

        return split_french_many(texts, segmenter)  # type: ignore[arg-type]

    return split


def _brief_english(texts: list[str]) -> list[list[str]]:
    from pipeline.text.segment import split_english

    return [split_english(t) for t in texts]


def _import_pysbd() -> Any:
    """pysbd, or None where it is missing (a folder named ``pysbd`` on the path is not it)."""
    try:
        import pysbd
    except ImportError:
        return None
    return pysbd if hasattr(pysbd, "Segmenter") else None


def _pysbd(lang: str) -> Splitter:
    pysbd = _import_pysbd()
    if pysbd is None:
        raise ConfigError(
            "brief eval segment runs pysbd beside brief's splitters: pip install pysbd "
            "(or 'brief[dev]')"
        )
    segmenter = pysbd.Segmenter(language=lang, clean=False)
    return lambda texts: [segmenter.segment(t) for t in texts]


def splitters(lang: str) -> dict[str, Splitter]:
    """The splitters scored for ``lang``: brief's first, the reference (pysbd) last."""
    reference = _pysbd(lang)
    if lang == "fr":
        return {"brief": _brief_french("spacy"), "brief-rules": _brief_french("rules"),
                "pysbd": reference}  # fmt: skip
    return {"brief": _brief_english, "pysbd": reference}


def signature(seed: int, lang: str) -> str:
    """Package, data, seed, paragraph sizes, reference and a hash of the splitters' code."""
    from pipeline.text import segment, segment_rules, segment_spacy

    modules = (segment, segment_rules, segment_spacy) if lang == "fr" else (segment, segment_rules)
    from pipeline.evaluation import segment_data

    ours = (inspect.getmodule(signature), segment_data)
    hashed = "".join(inspect.getsource(m) for m in (*modules, *ours))
    code = hashlib.sha256(hashed.encode()).hexdigest()[:10]
    pysbd = _import_pysbd()
    reference = f"pysbd:{getattr(pysbd, '__version__', '-')}"
    fields = [f"brief:{__version__}", "eval:segment", f"lang:{lang}"]
    if lang == "fr":
        from pipeline.backends.spacy_fr import DEFAULT_MODEL
        from pipeline.backends.spacy_fr import signature as spacy_signature

        spacy = spacy_signature(DEFAULT_MODEL)
        fields.append(f"spacy:{spacy['id']}@{spacy['revision']}")
    data = "+".join(name for split in SETS.values() for name in split)
    return "|".join(
        [*fields, f"data:wmt-{data}", f"seed:{seed}", f"sizes:{SIZES[0]}-{SIZES[1]}",
         reference, f"code:{code}"]
    )  # fmt: skip


def _errors(
    name: str, variant: str, paragraph: list[str], pieces: list[str]
) -> list[dict[str, Any]]:
    """Boundaries missed and added in one paragraph, with the text around them."""
    text = " ".join(paragraph)
    gold, found = set(boundaries(paragraph)), set(boundaries(pieces))
    keyed = _key(text)
    out = []
    for kind, where in (("missed", gold - found), ("added", found - gold)):
        for at in sorted(where):
            out.append(
                {
                    "set": name,
                    "variant": variant,
                    "kind": kind,
                    "at": f"{keyed[max(0, at - 40) : at]} ‖ {keyed[at : at + 30]}",
                    "paragraph": text,
                }  # fmt: skip
            )
    return out


def evaluate_segment(
    split: str = "all",
    lang: str = "all",
    seed: int = DEFAULT_SEED,
    limit: int | None = None,
    show_errors: int = 0,
    progress: Callable[[int, int], None] | None = None,
    chosen: dict[str, dict[str, Splitter]] | None = None,
) -> dict[str, Any]:
    """Boundary precision, recall and F1 of brief's splitters and pysbd, per set and variant.

    Args:
        split: ``dev``, ``test`` or ``all``.
        lang: ``fr``, ``en`` or ``all``.
        seed: Seeds the paragraph sizes.
        limit: Only the first N paragraphs of each set (quick checks; not comparable).
        show_errors: Keep up to N errors of brief's splitter in all, from DEV sets only: the
            TEST sets are held out, only their figures are given.
        progress: Called with (sets done, sets in all).
        chosen: Splitters per language instead of :func:`splitters` (tests).

    Returns:
        ``{"signatures" (per language), "seed", "limit", "results": [{set, split, lang, paragraphs,
        boundaries, variants: {variant: {splitter: figures}}, all: {splitter: figures}}],
        "seconds": {lang: {splitter: s}}, "errors": [...]}``.

    Raises:
        ConfigError: An unknown split or language, or pysbd missing.
    """
    if split not in (*SETS, "all") or lang not in (*LANGS, "all"):
        raise ConfigError(f"brief eval segment: unknown split {split!r} or language {lang!r}")
    names = [(s, n) for s, group in SETS.items() for n in group if split in (s, "all")]
    langs = LANGS if lang == "all" else (lang,)
    results, errors, signatures = [], [], {}
    seconds: dict[str, dict[str, float]] = {}
    done, total = 0, len(names) * len(langs)
    for language in langs:
        split_with = (chosen or {}).get(language) or splitters(language)
        signatures[language] = signature(seed, language)
        seconds[language] = dict.fromkeys(split_with, 0.0)
        for which, name in names:
            paras = paragraphs(sentences(name, language), seed)[:limit]
            row: dict[str, Any] = {"set": name, "split": which, "lang": language,
                                   "paragraphs": len(paras),
                                   "boundaries": sum(len(p) - 1 for p in paras),
                                   "variants": {}}  # fmt: skip
            pooled = {s: Counts() for s in split_with}
            for variant in VARIANTS[language]:
                variant_paras = [[quote_variant(s, variant) for s in p] for p in paras]
                texts = [" ".join(p) for p in variant_paras]
                counts = {}
                for label, splitter in split_with.items():
                    began = time.perf_counter()
                    found = splitter(texts)
                    seconds[language][label] += time.perf_counter() - began
                    counts[label] = Counts()
                    for para, text, pieces in zip(variant_paras, texts, found, strict=True):
                        if _key(text) != "".join(map(_key, pieces)):
                            raise RuntimeError(f"{label} changed the text of: {text[:80]}")
                        counts[label].add(boundaries(para), boundaries(pieces))
                        if which == "dev" and label == "brief" and len(errors) < show_errors:
                            errors.extend(_errors(name, variant, para, pieces))
                    pooled[label].merge(counts[label])
                row["variants"][variant] = {k: c.figures() for k, c in counts.items()}
            row["all"] = {k: c.figures() for k, c in pooled.items()}
            row["targets_met"] = targets_met(row)
            results.append(row)
            done += 1
            if progress:
                progress(done, total)
    return {
        "task": "segment",
        "signatures": signatures,
        "seed": seed,
        "limit": limit,
        "results": results,
        "seconds": {k: {s: round(v, 1) for s, v in d.items()} for k, d in seconds.items()},
        "errors": errors[:show_errors],
    }


def targets_met(row: dict[str, Any]) -> bool:
    """Whether brief's splitter has precision and recall of at least :data:`TARGET` in every
    variant of a set, and an F1 over all variants at least the reference's (pysbd)."""
    ok = all(
        f["brief"]["precision"] >= TARGET and f["brief"]["recall"] >= TARGET
        for f in row["variants"].values()
    )
    reference = row["all"].get("pysbd")
    return ok and (reference is None or row["all"]["brief"]["f1"] >= reference["f1"])


def table(result: dict[str, Any]) -> str:
    """The figures as a plain-text table, one line per set and variant, P/R/F1 per splitter."""
    lines = []
    for language, sig in result["signatures"].items():
        rows = [r for r in result["results"] if r["lang"] == language]
        if not rows:
            continue
        labels = list(rows[0]["all"])
        head = f"{'set':<28}{'variant':<11}{'bounds':>7}"
        head += "".join(f" | {lab:<11}{'P':>6}{'R':>7}{'F1':>7}" for lab in labels)
        lines += [f"[{language}]", head]
        for row in rows:
            for variant, figures in [*row["variants"].items(), ("ALL", row["all"])]:
                bounds = sum(figures[labels[0]][k] for k in ("tp", "fn"))
                where = f"{row['set']} ({row['split']})"
                line = f"{where:<28}{variant:<11}{bounds:>7}"
                for lab in labels:
                    f = figures[lab]
                    line += f" | {'':<11}{f['precision']:>6.3f}{f['recall']:>7.3f}{f['f1']:>7.3f}"
                lines.append(line)
            met = "met" if row["targets_met"] else "NOT met"
            lines.append(f"{'':<28}targets (P, R ≥ {TARGET} each variant; F1 ≥ pysbd): {met}")
        secs = ", ".join(f"{k} {v:.1f} s" for k, v in result["seconds"][language].items())
        lines += [f"time: {secs}", sig, ""]
    return "\n".join(lines).rstrip()
