"""``brief eval verify``: how much of what a translation gets wrong the checks catch.

Method (WMT newstest2014 fr→en, shipped in ``pipeline/data/eval``):

- The human reference is treated as a perfect translation. The checks run on every
  (source, reference) pair; a flag there is a false positive. Some point at real errors of the
  reference, listed by hand in ``pipeline/data/eval/reference_errors``: the false positives are
  also given net of them (:mod:`pipeline.evaluation.reference_errors`).
- For each sentence and each type of :data:`pipeline.evaluation.perturb.TYPES`, the reference
  is changed once (seeded, :mod:`pipeline.evaluation.perturb`) when the sentence has something
  of that type; recall is the share of changed references the checks flag.
- Summaries: each reference sentence stands for a summary sentence whose source is that
  sentence. It must pass as it is (false positives), and be flagged when a number or name is
  replaced by one another sentence of the same article states (``summary_move``) or when a
  negation is added or taken out (``summary_negation``).

Figures are given for all 3,003 segments and for the 1,500 written in French (``origlang=fr``).
"""

from __future__ import annotations

import hashlib
import inspect
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pipeline import __version__
from pipeline.evaluation import data, perturb, reference_errors
from pipeline.verify import checks

SUMMARY_TYPES = ("summary_move", "summary_negation")
DEFAULT_SEED = 2014
_EXAMPLES = 8


@dataclass
class _Tally:
    sentences: int = 0
    flagged: int = 0
    by_kind: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    # Net of the reference's listed errors (pipeline.evaluation.reference_errors).
    flagged_net: int = 0
    by_kind_net: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    summary_flagged: int = 0
    applicable: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    caught: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def figures(self) -> dict[str, Any]:
        n = max(self.sentences, 1)
        types = [*perturb.TYPES, *SUMMARY_TYPES]
        return {
            "sentences": self.sentences,
            "false_positives": {
                "translation": {"sentences": self.flagged, "rate": _pct(self.flagged, n)},
                "by_kind": {k: _pct(v, n) for k, v in sorted(self.by_kind.items())},
                "net_of_reference_errors": {
                    "sentences": self.flagged_net,
                    "rate": _pct(self.flagged_net, n),
                    "by_kind": {k: _pct(self.by_kind_net[k], n) for k in sorted(self.by_kind)},
                    # Flagged sentences whose every flag is a listed error of the reference.
                    "reference_errors": self.flagged - self.flagged_net,
                },
                "summary": {
                    "sentences": self.summary_flagged,
                    "rate": _pct(self.summary_flagged, n),
                },
            },
            "recall": {
                t: {
                    "applicable": self.applicable[t],
                    "caught": self.caught[t],
                    "recall": _pct(self.caught[t], self.applicable[t]),
                }
                for t in types
            },
        }


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def signature(seed: int) -> str:
    """A readable signature of what produced the figures: package, data, seed, spaCy model, and
    a hash of the code of the checks, the language layer and the perturbations, and of the
    lists of the reference's own errors (two results with the same signature came from the same
    code and lists)."""
    from pipeline.backends.spacy_fr import DEFAULT_MODEL
    from pipeline.backends.spacy_fr import signature as spacy_signature

    spacy = spacy_signature(DEFAULT_MODEL)
    from pipeline.lang import generic, lexicon, names, polarity, wordsets
    from pipeline.text import consistency, numbers, quantity_match, support
    from pipeline.verify import dates, extra_names
    from pipeline.verify import names as name_check

    modules = (
        checks,
        name_check,
        dates,  # the date check, in text/consistency.py until it moved here
        extra_names,
        generic,
        lexicon,
        names,
        polarity,
        wordsets,
        consistency,
        numbers,
        quantity_match,
        support,
        perturb,
    )
    hashed = "".join(inspect.getsource(m) for m in modules) + reference_errors.digest_text()
    code = hashlib.sha256(hashed.encode()).hexdigest()[:10]
    return (
        f"brief:{__version__}|eval:verify|data:newstest2014-fr-en|seed:{seed}|"
        f"spacy:{spacy['id']}@{spacy['revision']}|code:{code}"
    )


def evaluate_verify(
    seed: int = DEFAULT_SEED,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    listed: dict[int, set[str]] | None = None,
) -> dict[str, Any]:
    """Runs the measurement and returns its figures (see the module docstring).

    Args:
        seed: Seeds every perturbation.
        limit: Only the first N segments (a quick look; not comparable).
        progress: Called with (segments done, segments in all).
        listed: The reference's own errors, segment → kinds (default: the shipped lists,
            :func:`pipeline.evaluation.reference_errors.load`).

    Raises:
        ModelUnavailable: The spaCy model is not installed.
        ConfigError: A list of reference errors is malformed.
    """
    listed = reference_errors.load() if listed is None else listed
    segments = data.newstest2014("all")[:limit] if limit else data.newstest2014("all")
    began = time.perf_counter()
    verifier = checks.Verifier()
    analyses = verifier.analyse([s.source for s in segments])
    parsed = time.perf_counter()
    documents: dict[str, list[int]] = defaultdict(list)
    for i, segment in enumerate(segments):
        documents[segment.docid].append(i)
    tallies = {"all": _Tally(), "fr": _Tally()}
    examples: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i, segment in enumerate(segments):
        fr, en, analysis = segment.source, segment.reference, analyses[i]
        subsets = [tallies["all"]] + ([tallies["fr"]] if segment.origlang == "fr" else [])
        flags = verifier.translation(fr, en, analysis)
        siblings = [j for j in documents[segment.docid] if j != i]
        summary_flags = verifier.summary(en, [fr], [en])
        for tally in subsets:
            tally.sentences += 1
            tally.flagged += bool(flags)
            tally.summary_flagged += bool(summary_flags)
            for kind in {f.kind for f in flags}:
                tally.by_kind[kind] += 1
            unexplained = reference_errors.unexplained(
                (f.kind for f in flags), listed.get(i, set())
            )
            tally.flagged_net += bool(unexplained)
            for kind in unexplained:
                tally.by_kind_net[kind] += 1
        if flags and len(examples["false_positive"]) < 4 * _EXAMPLES:
            examples["false_positive"].append(_example(i, fr, en, flags))
        if summary_flags and len(examples["false_positive_summary"]) < 2 * _EXAMPLES:
            examples["false_positive_summary"].append(_example(i, fr, en, summary_flags))
        for kind in perturb.TYPES:
            changed = perturb.perturb(kind, fr, en, seed, i)
            if changed is None or changed == en:
                continue
            caught = _new(verifier.translation(fr, changed, analysis), flags)
            _count(subsets, kind, caught, examples, i, fr, changed)
        moved = perturb.summary_move(
            en, [segments[j].reference for j in siblings], perturb.rng_for(seed, "move", i)
        )
        if moved is not None:
            caught = _new(verifier.summary(moved, [fr], [en]), summary_flags)
            _count(subsets, "summary_move", caught, examples, i, fr, moved)
        negated = perturb.summary_negation(fr, en, perturb.rng_for(seed, "negation", i))
        if negated is not None:
            caught = _new(verifier.summary(negated, [fr], [en]), summary_flags)
            _count(subsets, "summary_negation", caught, examples, i, fr, negated)
        if progress and (i + 1) % 250 == 0:
            progress(i + 1, len(segments))
    if progress:
        progress(len(segments), len(segments))
    done = time.perf_counter()
    return {
        "task": "verify",
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "signature": signature(seed),
        "dataset": {
            "name": "WMT newstest2014 fr-en",
            "segments": len(segments),
            "source": "pipeline/data/eval/newstest2014 (see SOURCES.md)",
        },
        "seed": seed,
        "subsets": {"all": tallies["all"].figures(), "origlang=fr": tallies["fr"].figures()},
        "seconds": {"spacy": round(parsed - began, 2), "checks": round(done - parsed, 2)},
        "examples": dict(examples),
    }


def _new(flags: list[Any], before: list[Any]) -> bool:
    """Whether the changed text raised a flag the unchanged one did not: a check that already
    flagged the reference has not caught the change."""
    return bool(set(flags) - set(before))


def _count(
    subsets: Sequence[_Tally],
    kind: str,
    caught: bool,
    examples: dict[str, list[dict[str, Any]]],
    index: int,
    fr: str,
    changed: str,
) -> None:
    for tally in subsets:
        tally.applicable[kind] += 1
        tally.caught[kind] += caught
    if not caught and len(examples[f"missed_{kind}"]) < _EXAMPLES:
        examples[f"missed_{kind}"].append({"index": index, "fr": fr, "en": changed})


def _example(index: int, fr: str, en: str, flags: list[Any]) -> dict[str, Any]:
    return {
        "index": index,
        "fr": fr,
        "en": en,
        "flags": [{"kind": f.kind, "fr": f.fr, "en": f.en} for f in flags],
    }


def table(result: dict[str, Any]) -> str:
    """The figures as text: recall by type and false positives, both subsets side by side."""
    subsets = result["subsets"]
    names = list(subsets)
    lines = [f"brief eval verify: {result['dataset']['name']}, seed {result['seed']}"]
    rows = [("", *(f"{n} ({subsets[n]['sentences']})" for n in names))]
    for kind in subsets[names[0]]["recall"]:
        cells = []
        for n in names:
            r = subsets[n]["recall"][kind]
            cells.append(f"{_fmt(r['recall'])} ({r['caught']}/{r['applicable']})")
        rows.append((f"recall {kind}", *cells))
    fp = [subsets[n]["false_positives"] for n in names]
    rows.append(("false positives", *(f"{_fmt(f['translation']['rate'])}" for f in fp)))
    kinds = sorted({k for f in fp for k in f["by_kind"]})
    for kind in kinds:
        rows.append((f"  {kind}", *(_fmt(f["by_kind"].get(kind, 0.0)) for f in fp)))
    net = [f["net_of_reference_errors"] for f in fp]
    rows.append(("false positives, net of reference errors", *(_fmt(f["rate"]) for f in net)))
    for kind in kinds:
        rows.append((f"  {kind}", *(_fmt(f["by_kind"].get(kind, 0.0)) for f in net)))
    rows.append(("  excluded: listed errors", *(str(f["reference_errors"]) for f in net)))
    rows.append(("false positives, summary", *(_fmt(f["summary"]["rate"]) for f in fp)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.append(result["signature"])
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} %"
