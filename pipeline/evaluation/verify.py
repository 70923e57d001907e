"""``brief eval verify``: how much of what a translation gets wrong the checks catch.

Method (French→English test sets shipped in ``pipeline/data/eval``,
:data:`pipeline.evaluation.data.VERIFY_SETS`):

- Held out: development sets ("dev"), whose flags may be read to write the rules; validation
  sets ("validation"), whose flags are never read but whose figures are looked at while rules
  are chosen (does a DEV rule carry over?); and test sets ("test"), whose flags are never read
  and which no choice of rule looks at. For validation and test sets the measurement keeps
  counts only: no flag, sentence or missed perturbation is stored in the result or printed, so
  no rule can be fitted to them by reading them.

- The human reference is treated as a perfect translation. The checks run on every
  (source, reference) pair, within its article (its document; a block of
  :data:`pipeline.evaluation.data._BLOCK` lines for a set without document ids), as the verify
  stage checks a sentence within its article; a flag there is a false positive. Some point at
  real errors of the reference, listed by hand in ``pipeline/data/eval/reference_errors``: the
  false positives are also given net of them (:mod:`pipeline.evaluation.reference_errors`).
- For each sentence and each type of :data:`pipeline.evaluation.perturb.TYPES`, the reference
  is changed once (seeded, :mod:`pipeline.evaluation.perturb`) when the sentence has something
  of that type; recall is the share of changed references the checks flag.
- Summaries: each reference sentence stands for a summary sentence whose source is that
  sentence. It must pass as it is (false positives), and be flagged when a number or name is
  replaced by one another sentence of the same article states (``summary_move``) or when a
  negation is added or taken out (``summary_negation``).

Figures are given per set; newstest2014 is its 1,500 segments written in French.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import pkgutil
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pipeline import __version__
from pipeline.columns import aligned
from pipeline.errors import ConfigError
from pipeline.evaluation import data, perturb, perturb_names, perturb_units, reference_errors
from pipeline.verify import checks

SUMMARY_TYPES = ("summary_move", "summary_negation")
PERTURBATIONS = {**perturb.PERTURBATIONS, **perturb_units.PERTURBATIONS}
TYPES = tuple(PERTURBATIONS)
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
        types = [*TYPES, *SUMMARY_TYPES]
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


def signature(seed: int, sets: Sequence[str] = ("newstest2014-fr",)) -> str:
    """A readable signature of what produced the figures: package, data, seed, spaCy model, and
    a hash of the code of the checks, the language layer and the perturbations, and of the
    lists of the reference's own errors (two results with the same signature came from the same
    code and lists)."""
    from pipeline.backends.spacy_fr import DEFAULT_MODEL
    from pipeline.backends.spacy_fr import signature as spacy_signature

    spacy = spacy_signature(DEFAULT_MODEL)
    import pipeline.lang
    import pipeline.text
    import pipeline.verify

    # Every module of the checks' packages, found by walking them (a new module is in the hash
    # the day it is added), then the perturbations and the data.
    modules = [
        importlib.import_module(info.name)
        for package in (pipeline.verify, pipeline.lang, pipeline.text)
        for info in sorted(
            pkgutil.iter_modules(package.__path__, package.__name__ + "."), key=lambda i: i.name
        )
    ]
    modules += [perturb, perturb_names, perturb_units, data]
    hashed = "".join(inspect.getsource(m) for m in modules) + reference_errors.digest_text()
    code = hashlib.sha256(hashed.encode()).hexdigest()[:10]
    return (
        f"brief:{__version__}|eval:verify|data:{'+'.join(sets)}|seed:{seed}|"
        f"spacy:{spacy['id']}@{spacy['revision']}|code:{code}"
    )


def evaluate_verify(
    seed: int = DEFAULT_SEED,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    listed: dict[int, set[str]] | None = None,
    sets: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Runs the measurement on each set and returns its figures (see the module docstring).

    Args:
        seed: Seeds every perturbation.
        limit: Only the first N segments of each set (a quick look; not comparable).
        progress: Called with (segments done, segments in all).
        listed: newstest2014's own reference errors, line → kinds (default: the shipped lists,
            :func:`pipeline.evaluation.reference_errors.load`).
        sets: Names of :data:`pipeline.evaluation.data.VERIFY_SETS` (default: all), or "dev",
            "test".

    Raises:
        ModelUnavailable: The spaCy model is not installed.
        ConfigError: An unknown set; a list of reference errors is malformed.
    """
    listed = reference_errors.load() if listed is None else listed
    chosen = select_sets(sets)
    loaded = [(s, s.load()[:limit] if limit else s.load()) for s in chosen]
    total, done = sum(len(segments) for _, segments in loaded), 0
    verifier = checks.Verifier()
    seconds = {"spacy": 0.0, "checks": 0.0}
    results: dict[str, Any] = {}
    for spec, segments in loaded:
        began = time.perf_counter()
        analyses = verifier.analyse([s.source for s in segments])
        parsed = time.perf_counter()
        # Held out: nothing of a validation or test set's flags is kept, only counts.
        examples = defaultdict(list) if spec.role == "dev" else None
        own = listed if spec.name == "newstest2014-fr" else {}
        tally = _Tally()
        documents: dict[str, list[int]] = defaultdict(list)
        for i, segment in enumerate(segments):
            documents[segment.docid].append(i)
        # A set with document ids checks a sentence within its document; the others within
        # their block of lines (data._BLOCK), which stands for an article.
        articles = {
            d: " ".join(segments[j].source for j in lines) for d, lines in documents.items()
        }
        contexts = {d: verifier.article([text]) for d, text in articles.items()}
        for i, segment in enumerate(segments):
            siblings = [segments[j].reference for j in documents[segment.docid] if j != i]
            article = _Article(articles[segment.docid], contexts[segment.docid], siblings)
            _measure(verifier, tally, examples, segment, analyses[i], article, seed, own)
            done += 1
            if progress and done % 250 == 0:
                progress(done, total)
        seconds["spacy"] += parsed - began
        seconds["checks"] += time.perf_counter() - parsed
        results[spec.name] = {"role": spec.role, "genre": spec.genre, **tally.figures()}
        if examples is not None:
            results[spec.name]["examples"] = dict(examples)
    if progress:
        progress(total, total)
    return {
        "task": "verify",
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "signature": signature(seed, [s.name for s in chosen]),
        "dataset": {
            "sets": {s.name: s.role for s in chosen},
            "segments": total,
            "source": "pipeline/data/eval (see SOURCES.md)",
            "limit": limit,
        },
        "seed": seed,
        "sets": results,
        "seconds": {k: round(v, 2) for k, v in seconds.items()},
    }


def select_sets(names: Sequence[str] | None) -> list[data.VerifySet]:
    """The sets named (a name, or "dev" / "validation" / "test" for every set of that role), in
    shipped order.

    Raises:
        ConfigError: An unknown name.
    """
    if not names:
        return list(data.VERIFY_SETS)
    known = {s.name for s in data.VERIFY_SETS}
    unknown = [n for n in names if n not in known | {"dev", "validation", "test"}]
    if unknown:
        raise ConfigError(
            f"unknown verify set {unknown[0]!r}: use dev, validation, test or one of "
            f"{', '.join(sorted(known))}"
        )
    return [s for s in data.VERIFY_SETS if s.name in names or s.role in names]


@dataclass(frozen=True)
class _Article:
    """What a segment is checked within: its article's French, that French's names for the
    checks (:meth:`pipeline.verify.checks.Verifier.article`), and the article's other English
    sentences (for the summary perturbation)."""

    french: str
    names: Any
    siblings: list[str]


def _measure(
    verifier: checks.Verifier,
    tally: _Tally,
    examples: dict[str, list[dict[str, Any]]] | None,
    segment: data.Segment,
    analysis: Any,
    article: _Article,
    seed: int,
    listed: dict[int, set[str]],
) -> None:
    """One segment: the flags on its reference, then each perturbation (``examples`` None: a
    test set, whose flags are counted and never kept)."""
    fr, en, i = segment.source, segment.reference, segment.line
    context, siblings = article.names, article.siblings
    flags = verifier.translation(fr, en, analysis, context)
    summary_flags = verifier.summary(en, [fr], [en])
    tally.sentences += 1
    tally.flagged += bool(flags)
    tally.summary_flagged += bool(summary_flags)
    for kind in {f.kind for f in flags}:
        tally.by_kind[kind] += 1
    unexplained = reference_errors.unexplained((f.kind for f in flags), listed.get(i, set()))
    tally.flagged_net += bool(unexplained)
    for kind in unexplained:
        tally.by_kind_net[kind] += 1
    if examples is not None:
        if flags and len(examples["false_positive"]) < 4 * _EXAMPLES:
            examples["false_positive"].append(_example(i, fr, en, flags))
        if summary_flags and len(examples["false_positive_summary"]) < 2 * _EXAMPLES:
            examples["false_positive_summary"].append(_example(i, fr, en, summary_flags))
    for kind in TYPES:
        rng = perturb.rng_for(seed, kind, i)
        if kind in perturb_names.WITHIN_ARTICLE:  # a replacement the article does not state either
            changed = PERTURBATIONS[kind](fr, en, rng, article=article.french)
        else:
            changed = PERTURBATIONS[kind](fr, en, rng)
        if changed is None or changed == en:
            continue
        caught = _new(verifier.translation(fr, changed, analysis, context), flags)
        _count(tally, kind, caught, examples, i, fr, changed)
    moved = perturb.summary_move(en, siblings, perturb.rng_for(seed, "move", i))
    if moved is not None:
        caught = _new(verifier.summary(moved, [fr], [en]), summary_flags)
        _count(tally, "summary_move", caught, examples, i, fr, moved)
    negated = perturb.summary_negation(fr, en, perturb.rng_for(seed, "negation", i))
    if negated is not None:
        caught = _new(verifier.summary(negated, [fr], [en]), summary_flags)
        _count(tally, "summary_negation", caught, examples, i, fr, negated)


def _new(flags: list[Any], before: list[Any]) -> bool:
    """Whether the changed text raised a flag the unchanged one did not: a check that already
    flagged the reference has not caught the change."""
    return bool(set(flags) - set(before))


def _count(
    tally: _Tally,
    kind: str,
    caught: bool,
    examples: dict[str, list[dict[str, Any]]] | None,
    index: int,
    fr: str,
    changed: str,
) -> None:
    tally.applicable[kind] += 1
    tally.caught[kind] += caught
    if examples is not None and not caught and len(examples[f"missed_{kind}"]) < _EXAMPLES:
        examples[f"missed_{kind}"].append({"index": index, "fr": fr, "en": changed})


def _example(index: int, fr: str, en: str, flags: list[Any]) -> dict[str, Any]:
    return {
        "index": index,
        "fr": fr,
        "en": en,
        "flags": [{"kind": f.kind, "fr": f.fr, "en": f.en} for f in flags],
    }


def table(result: dict[str, Any]) -> str:
    """The figures as text, one column a set (its role above its name): false alarms (correct
    human translations flagged) by kind, then recall by perturbation type. Aggregates only."""
    sets = result["sets"]
    names = list(sets)
    lines = [f"brief eval verify: seed {result['seed']}"]
    rows = [("", *(sets[n]["role"].upper() for n in names))]
    rows.append(("", *(f"{n} ({sets[n]['sentences']})" for n in names)))
    fp = [sets[n]["false_positives"] for n in names]
    rows.append(("false alarms", *(_fmt(f["translation"]["rate"]) for f in fp)))
    kinds = sorted({k for f in fp for k in f["by_kind"]})
    for kind in kinds:
        rows.append((f"  {kind}", *(_fmt(f["by_kind"].get(kind, 0.0)) for f in fp)))
    net = [f["net_of_reference_errors"] for f in fp]
    rows.append(("false alarms, net of listed reference errors", *(_fmt(f["rate"]) for f in net)))
    rows.append(("false alarms, summary check", *(_fmt(f["summary"]["rate"]) for f in fp)))
    for kind in sets[names[0]]["recall"]:
        cells = []
        for n in names:
            r = sets[n]["recall"][kind]
            cells.append(f"{_fmt(r['recall'])} ({r['caught']}/{r['applicable']})")
        rows.append((f"recall {kind}", *cells))
    lines += aligned(rows)
    lines.append(result["signature"])
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} %"
