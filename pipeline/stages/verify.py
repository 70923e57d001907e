"""Verify stage: the English checked against the French, with the code of ``brief verify``.

1. Each translated sentence: numbers (amounts, percentages, counts in digits or words, clock
   times, scale words), dates (days, months, weekdays), names (people, organisations, places,
   acronyms) and polarity (a negation on one side only), by :class:`pipeline.verify.checks.
   Verifier`. A mismatch puts a flag on the sentence (``number_mismatch``, ``date_mismatch``,
   ``name_mismatch``, ``polarity_mismatch``) and a warning naming the spans, worded as
   ``brief verify`` words them (:func:`pipeline.verify.checks.describe`).
2. Each summary sentence, against its own source sentences (its provenance): ``unsourced`` when
   it has none; ``unsupported_number|date|name|polarity`` for what they do not state.
3. An untitled article is titled with its first unflagged summary sentence, in both languages
   (``title_origin = "summary"``), else its lead sentence (``"lead"``): the title waits for the
   checks so that it never carries a flagged claim. This stage only says which;
   :meth:`pipeline.document.Article.title` reads the title from that sentence.

CPU only, so it is ``parallel``: with ``run.workers`` it runs in the worker processes.
"""

from __future__ import annotations

from typing import Any

from pipeline.config import BriefConfig
from pipeline.document import Article, Sentence, SummarySentence, Unsupported
from pipeline.explain import check
from pipeline.runtime import Runtime
from pipeline.stages.base import Stage
from pipeline.verify.checks import Flag, Verifier, describe

_SENTENCE_FLAGS = {
    "number": "number_mismatch",
    "date": "date_mismatch",
    "name": "name_mismatch",
    "polarity": "polarity_mismatch",
}
_LANGUAGES = {"en": "English", "fr": "French"}


class VerifyStage(Stage):
    """Flags what the English does not carry over from the French; titles untitled articles."""

    name = "verify"
    requires = ("sentences.en",)
    provides = ("sentences.flags", "summary_en.flags", "summary_fr.flags", "title_origin")
    parallel = True

    def __init__(self, config: BriefConfig, runtime: Runtime) -> None:
        cfg = config.stages.verify
        self.config = cfg
        self.spacy_model = config.language.spacy_model  # the shared table
        self.verifier = Verifier(self.spacy_model, cfg.numbers, cfg.names, cfg.polarity)

    def backends(self) -> dict[str, Any]:
        if not self.config.names:
            return {}
        from pipeline.backends.spacy_fr import SpacyFrench

        return {"verify.spacy": SpacyFrench(self.spacy_model)}

    def warm_up(self) -> None:
        if self.config.names:
            from pipeline.backends.spacy_fr import SpacyFrench

            SpacyFrench(self.spacy_model).nlp()

    def pipe(self, articles: list[Article]) -> list[Article]:
        live = [a for a in articles if a.active]
        self._check_translations(live)
        if self.config.summaries:
            for article in live:
                if article.summary_en or article.summary_fr:
                    self._check_summary(article)
        for article in live:
            if not article.title_fr and (article.summary_en or article.summary_fr):
                article.title_origin = _title_origin(article)
        return articles

    def _check_translations(self, articles: list[Article]) -> None:
        checked = [
            (a, s)
            for a in articles
            for s in a.sentences
            if s.en is not None and a.lang != "en" and s.lang != "en"
        ]
        if not checked:
            return
        analyses: list[Any] = [None] * len(checked)
        if self.config.names:
            from pipeline.facts.analysis import analyse_sentences

            # Kept on the sentences: the facts stage, next, reads the same analysis.
            analyses = analyse_sentences(self.spacy_model, [s for _, s in checked])
        # The whole article's French, whose names a translation may take up in a sentence.
        contexts = {id(a): self.verifier.article([s.fr for s in a.sentences]) for a in articles}
        for (article, sentence), analysis in zip(checked, analyses, strict=True):
            context = contexts[id(article)]
            flags = self.verifier.translation(sentence.fr, sentence.en or "", analysis, context)
            sentence.checks = [check(f, sentence.fr, sentence.en or "") for f in flags]
            for kind in dict.fromkeys(f.kind for f in flags):
                same = [f for f in flags if f.kind == kind]
                _report(article, sentence, _SENTENCE_FLAGS.get(kind, f"{kind}_mismatch"), same)

    def _check_summary(self, article: Article) -> None:
        by_id = {s.id: s for s in article.sentences}
        for lang, summary in (("en", article.summary_en), ("fr", article.summary_fr)):
            for index, sentence in enumerate(summary):
                sources = [by_id[i] for i in sentence.sources if i in by_id]
                if not sentence.sources:
                    _flag(sentence, "unsourced")
                    article.warn(
                        "verify.unsourced",
                        f"{_LANGUAGES[lang]} summary sentence {index + 1} shares nothing with any "
                        "source sentence",
                        self.name,
                        summary={"lang": lang, "number": index + 1},
                    )
                if lang == "en":
                    flags = self.verifier.summary(
                        sentence.text, [s.fr for s in sources], [s.en or "" for s in sources]
                    )
                else:
                    flags = self.verifier.summary_fr(sentence.text, [s.fr for s in sources])
                _unsupported(article, sentence, lang, index, flags)


def _flag(sentence: Sentence | SummarySentence, flag: str) -> None:
    if flag not in sentence.flags:
        sentence.flags.append(flag)


def _report(article: Article, sentence: Sentence, flag: str, flags: list[Flag]) -> None:
    _flag(sentence, flag)
    article.warn(
        f"verify.{flag}",
        f"sentence {sentence.id + 1}: " + "; ".join(describe(f) for f in flags),
        VerifyStage.name,
        sentence.id,
    )


def _unsupported(
    article: Article, sentence: SummarySentence, lang: str, index: int, flags: list[Flag]
) -> None:
    seen: set[Unsupported] = set()
    for flag in flags:
        text = (flag.en if lang == "en" else flag.fr) or ""
        item = Unsupported(flag.kind, text)
        if item in seen:
            continue
        seen.add(item)
        sentence.unsupported.append(item)
        code = f"unsupported_{flag.kind}"
        _flag(sentence, code)
        article.warn(
            f"verify.{code}",
            f"{_LANGUAGES[lang]} summary sentence {index + 1} says “{text}”, which is not in its "
            f"source sentences ({flag.kind})",
            VerifyStage.name,
            summary={"lang": lang, "number": index + 1},
        )


def _title_origin(article: Article) -> str:
    """Where an untitled article's title comes from: ``"summary"`` when both summaries have an
    unflagged sentence, else ``"lead"`` (see the module docstring)."""
    firsts = [
        next((s.text for s in summary if not s.flags), None)
        for summary in (article.summary_en, article.summary_fr)
    ]
    return "summary" if all(firsts) else "lead"
