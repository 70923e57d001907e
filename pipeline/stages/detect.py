"""Detect stage: the language of each article, and of each of its sentences.

A French article goes on to be translated, except for the sentences that are English already
(a quotation, a slogan), which are marked and kept as written. An article that is not French is
handled as the config says: one already in English is passed through (its text is its own
translation) or skipped; one in another language is skipped with the reason, or translated as if
it were French. An article mostly in a script the models do not read (CJK, Arabic, Cyrillic…),
or with too few letters to tell, is skipped, saying so, before lingua guesses. Runs between clean
and translate; lingua ships its own data, so nothing is downloaded.
"""

from __future__ import annotations

import logging

from pipeline.backends.language_id import (
    best_languages,
    check_codes,
    language_name,
    letters_by_script,
)
from pipeline.config import BriefConfig
from pipeline.document import Article
from pipeline.runtime import Runtime
from pipeline.stages.base import Stage

log = logging.getLogger(__name__)

SOURCE = "fr"
TARGET = "en"
# Enough text to tell a language, little enough to stay fast on a long article.
_SAMPLE_CHARS = 10_000


# The declarations every stage makes (stages/base.py): alike in shape, each its own fields.
class DetectStage(Stage):
    """Sets ``article.lang`` (or skips the article) and marks English sentences."""

    name = "detect"
    requires = ("sentences",)
    provides = ("lang", "sentences.lang")
    parallel = True

    def __init__(self, config: BriefConfig, runtime: Runtime) -> None:
        self.config = config.stages.detect
        languages = config.language.languages  # the shared table
        check_codes(languages, "language.languages")
        self.codes = tuple(dict.fromkeys([SOURCE, TARGET, *languages]))
        fast = self.config.mode == "fast"
        # Fast: a whole article tells its language on trigrams alone (lingua's low-accuracy
        # mode), and the only question about a sentence is French or English: the full models
        # of two languages, which the translation guard loads anyway.
        self._articles = (self.codes, fast)
        self._sentences = ((SOURCE, TARGET), False) if fast else (self.codes, False)

    def warm_up(self) -> None:
        # lingua loads a language's models when it first scores a text against it.
        probe = ["Le conseil municipal se réunira demain matin."]
        best_languages(probe, *self._articles)
        if self.config.keep_english_sentences:
            best_languages(probe, *self._sentences)

    def pipe(self, articles: list[Article]) -> list[Article]:
        live = [a for a in articles if a.active and self._readable(a)]
        if not live:
            return articles
        guesses = best_languages([self._sample(a) for a in live], *self._articles)
        for article, (lang, confidence) in zip(live, guesses, strict=True):
            self._decide(article, lang, confidence)
        if self.config.keep_english_sentences:
            self._mark_sentences([a for a in live if a.active and a.lang == SOURCE])
        return articles

    @staticmethod
    def _sample(article: Article) -> str:
        text = article.text or " ".join(s.fr for s in article.sentences)
        return text[:_SAMPLE_CHARS]

    def _readable(self, article: Article) -> bool:
        """Whether the article has enough letters, in a script the models read, for lingua to
        judge; skips it, saying why, when not.

        lingua scores only the languages it is given: Chinese or Arabic text came out "French,
        unsure", a list of links "Spanish (99 %)".
        """
        cfg = self.config
        letters, scripts = letters_by_script(self._sample(article))
        article.metadata["scripts"] = dict(scripts.most_common())
        if letters < cfg.min_letters:
            article.skipped = (
                f"too few letters to tell its language ({letters} outside links and addresses, "
                f"fewer than stages.detect.min_letters = {cfg.min_letters})"
            )
            return False
        allowed = {name.casefold() for name in cfg.scripts}
        foreign = sum(n for name, n in scripts.items() if name.casefold() not in allowed)
        if foreign * 2 > letters:
            main, count = next(
                (n, c) for n, c in scripts.most_common() if n.casefold() not in allowed
            )
            article.skipped = (
                f"written in the {main} script ({count / letters:.0%} of its letters), which "
                f"the translation model cannot read (stages.detect.scripts = {cfg.scripts})"
            )
            return False
        return True

    def _decide(self, article: Article, lang: str | None, confidence: float) -> None:
        cfg = self.config
        article.metadata["language"] = {"detected": lang, "confidence": round(confidence, 3)}
        sure = f"{language_name(lang)} ({lang}, {confidence:.0%} confidence)"
        if lang is None or confidence < cfg.min_confidence:
            article.lang = SOURCE
            article.warn(
                "detect.unsure",
                f"the article's language is unclear (best guess {sure}); it is treated as French",
                self.name,
            )
            return
        if lang == SOURCE:
            article.lang = SOURCE
            return
        if lang == TARGET:
            if cfg.on_target_language == "skip":
                article.skipped = (
                    f"already in English: detected {sure} (stages.detect.on_target_language)"
                )
                return
            article.lang = TARGET
            article.warn(
                "detect.already_english",
                f"the article is in English ({confidence:.0%} confidence): its text is kept as "
                "written, not translated",
                self.name,
            )
            return
        if cfg.on_other_language == "skip":
            article.skipped = f"not French: detected {sure} (stages.detect.on_other_language)"
            return
        article.lang = SOURCE
        article.warn(
            "detect.other_language",
            f"the article looks {sure}; translated as French (stages.detect.on_other_language)",
            self.name,
        )

    def _mark_sentences(self, articles: list[Article]) -> None:
        cfg = self.config
        candidates = [
            (article, sentence)
            for article in articles
            for sentence in article.sentences
            if len(sentence.fr.split()) >= cfg.sentence_min_words
        ]
        guesses = best_languages([s.fr for _, s in candidates], *self._sentences)
        for (article, sentence), (lang, confidence) in zip(candidates, guesses, strict=True):
            if lang == TARGET and confidence >= cfg.sentence_min_confidence:
                sentence.lang = TARGET
                article.metadata.setdefault("english_sentences", []).append(sentence.id)
