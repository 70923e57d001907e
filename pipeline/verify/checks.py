"""The checks of one translated sentence, and of one summary sentence against its sources."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.backends.spacy_fr import DEFAULT_MODEL
from pipeline.lang.lexicon import FR_MONTHS, calendar_en, calendar_fr
from pipeline.lang.polarity import negation_added, polarity_mismatch
from pipeline.text.clock_times import missing_clock_times
from pipeline.text.consistency import missing_numbers
from pipeline.text.extra_numbers import extra_numbers, missing_scores, paired_numbers
from pipeline.text.ordinals import missing_ordinals
from pipeline.text.scale_words import missing_scale_words
from pipeline.text.support import SourceEvidence
from pipeline.verify.article_names import ArticleNames
from pipeline.verify.dates import missing_dates
from pipeline.verify.extra_names import extra_name_words
from pipeline.verify.names import missing_name_words


@dataclass(frozen=True)
class Flag:
    """One mismatch: its kind, the French span, the English span (or None)."""

    kind: str
    fr: str
    en: str | None = None


def describe(flag: Flag) -> str:
    """A flag in words, as the brief's warnings and ``brief verify``'s Markdown both show it:
    ``date: “jeudi” ↔ “Monday”``, ``number: “1 500 euros” ↔ missing``."""
    fr = f"“{flag.fr}”" if flag.fr else "—"
    en = f"“{flag.en}”" if flag.en else "missing"
    return f"{flag.kind}: {fr} ↔ {en}"


class Verifier:
    """Runs the checks; the spaCy analysis of the French is made by :meth:`analyse`.

    Args:
        model: The spaCy package that finds the names.
        numbers / names / polarity: Which checks of a translation run.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        numbers: bool = True,
        names: bool = True,
        polarity: bool = True,
    ) -> None:
        self.model = model
        self.numbers, self.names, self.polarity = numbers, names, polarity

    def analyse(self, texts: list[str]) -> list[Any]:
        from pipeline.backends.spacy_fr import SpacyFrench
        from pipeline.facts.analysis import analyse

        return analyse(SpacyFrench(self.model).nlp(), texts)

    def article(self, french: Sequence[str]) -> ArticleNames | None:
        """The names of an article's French sentences, made once an article, for
        :meth:`translation`'s ``context`` (None when names are not checked)."""
        return ArticleNames(" ".join(french)) if self.names else None

    def translation(
        self, fr: str, en: str, analysis: Any, context: ArticleNames | None = None
    ) -> list[Flag]:
        """What ``en`` does not carry over from ``fr``.

        Args:
            fr: A French sentence.
            en: Its English translation.
            analysis: spaCy's analysis of ``fr`` (:meth:`analyse`); None: names unchecked.
            context: The names of the whole French article (:meth:`article`): an English name
                that the sentence's French lacks but the article states is not flagged (the
                translation resolved a pronoun or repeated a name). The French names are still
                looked for in the English sentence alone, so a name replaced by another of the
                article is caught from the French side. None: the sentence alone.
        """
        flags = []
        if self.numbers:
            pairs = paired_numbers(missing_numbers(fr, en), extra_numbers(fr, en))
            flags += [Flag("number", f, e or None) for f, e in pairs]
            flags += [Flag("number", m) for m in missing_scores(fr, en)]
            flags += [Flag("number", m) for m in missing_clock_times(fr, en)]
            flags += [Flag("number", m) for m in missing_scale_words(fr, en)]
            flags += [Flag("number", m) for m in missing_ordinals(fr, en)]
            flags += [Flag("date", m) for m in missing_dates(fr, en)]
            flags += missing_calendar(fr, en)
        if self.names:
            flags += name_flags(
                missing_name_words(fr, en, analysis, self.model),
                extra_name_words(fr, en, context),
            )
        polarity = polarity_mismatch(fr, en) if self.polarity else None
        if polarity:
            flags.append(Flag("polarity", *polarity))
        return flags

    def summary(
        self, text: str, sources_fr: Sequence[str], sources_en: Sequence[str]
    ) -> list[Flag]:
        """What an English summary sentence states that its own source sentences do not: a
        number, date or name (the French side counts too: a number the translation lost is
        still in the source), or a negation."""
        evidence = SourceEvidence(sources_en, "en", sources_fr)
        flags = [Flag(u.kind, "", u.text) for u in evidence.unsupported(text)]
        added = negation_added(text, sources_en)
        if added:
            flags.append(Flag("polarity", "", added))
        return flags

    def summary_fr(self, text: str, sources_fr: Sequence[str]) -> list[Flag]:
        """:meth:`summary` for a French summary sentence, against its French sources."""
        evidence = SourceEvidence(sources_fr, "fr")
        return [Flag(u.kind, u.text, None) for u in evidence.unsupported(text)]


def name_flags(missing: list[str], extra: list[str]) -> list[Flag]:
    """French name words the English lost, each paired in order with a name word the English
    has and the French does not ("David" ↔ "Okonkwo"), and the English's left over."""
    flags = [Flag("name", fr, en) for fr, en in zip(missing, extra, strict=False)]
    flags += [Flag("name", fr) for fr in missing[len(extra) :]]
    flags += [Flag("name", "", en) for en in extra[len(missing) :]]
    return flags


# "vendredi 1er novembre 2013": a weekday that the full date after it implies.
# "mardi 15 novembre" too: a day and month imply the weekday as a full date does.
_BEFORE_DATE = re.compile(
    r"(?<!\w)\w+\s+\d{1,2}(?:er)?\s+(?:\w+\s+\d{4}|(?:" + "|".join(FR_MONTHS) + r")\b)", re.I
)
# "dans la nuit de jeudi à vendredi" ↔ "on Thursday night".
_NIGHT = re.compile(r"nuit\s+d[eu]\s+(\w+)\s+(?:à|au)\s+(\w+)", re.IGNORECASE)


# "dans la nuit de dimanche", "les premières heures de dimanche" ↔ "on Saturday night".
_NIGHT_OF = re.compile(
    r"(?:nuit|premières\s+heures)\s+(?:d[eu]|menant\s+au|précédant)\s+(?:\w+\s+)?$", re.I
)


def _night_before(fr: str, offset: int, key: int, keys_en: set[int], en: str) -> bool:
    """Whether a French weekday after "la nuit de" is the English's night of the day before."""
    if not _NIGHT_OF.search(fr[max(0, offset - 40) : offset]):
        return False
    return 101 + (key - 102) % 7 in keys_en and re.search(r"\bnight\b", en, re.I) is not None


def _implied_weekday(fr: str, offset: int, keys_en: set[int], extra_en: set[int]) -> bool:
    """Whether an English translation may leave this French weekday out: it stands before a
    full date and the English has no weekday of its own instead; or it is one of the two days of
    "la nuit de jeudi à vendredi" and the English names the other ("Thursday night")."""
    if _BEFORE_DATE.match(fr, offset) and not any(k > 100 for k in extra_en):
        return True
    for m in _NIGHT.finditer(fr):
        if offset in (m.start(1), m.start(2)):
            pair = [k for k, _, _ in calendar_fr(m.group(0)) if k > 100]
            return len(pair) == 2 and any(k in keys_en for k in pair)
    return False


def missing_calendar(fr: str, en: str) -> list[Flag]:
    """Months and weekdays of the French that the English does not name ("jeudi" ↔
    "Thursday", "en mars" ↔ "in March"), each paired with the English's own unmatched one of the
    same sort when there is one ("jeudi" ↔ "Monday"), and the English's left over."""
    french = calendar_fr(fr)
    english = calendar_en(en)
    keys_en = {k for k, _, _ in english}
    keys_fr = {k for k, _, _ in french}
    extra = [(k, s) for k, s, _ in english if k not in keys_fr and f" {s} " not in f" {fr} "]
    flags = []
    for key, surface, offset in french:
        if key in keys_en:
            continue
        if key > 100 and _implied_weekday(fr, offset, keys_en, {k for k, _ in extra}):
            continue
        if key > 100 and _night_before(fr, offset, key, keys_en, en):
            extra = [e for e in extra if e[0] != 101 + (key - 102) % 7]
            continue
        same = next((e for e in extra if (e[0] > 100) == (key > 100)), None)
        if same is not None:
            extra.remove(same)
        flags.append(Flag("date", surface, same[1] if same else None))
    flags += [Flag("date", "", surface) for _, surface in extra]
    return flags
