"""Detect stage: the language of each article, and of each of its sentences.

A French article goes on to be translated, except for the sentences that are English already
(a quotation, a slogan), which are marked and kept as written. An article that is not French is
handled as the config says: one already in English is passed through (its text is its own
translation) or skipped; one in another language is skipped with the reason, or translated as if
it were French. An article mostly in a script the models do not read (CJK, Arabic, Cyrillic…),
or with too few letters to tell, is skipped, saying so, before lingua guesses. Runs between clean
and translate; lingua ships its own data, so nothing is downloaded.

Languages close to French that lingua does not know (Occitan, Haitian Creole) or that it needs
among its candidates (Catalan) are named by :mod:`pipeline.lang.neighbours`; a text lingua calls
French with few French function words is "not French (an unknown Romance language)". Each
paragraph is judged too: a French article with English (or Occitan…) paragraphs, or an English
one with French paragraphs, is translated where it is French and kept as written elsewhere,
with a warning ``detect.mixed`` that names the paragraphs.
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
from pipeline.lang.neighbours import neighbour
from pipeline.runtime import Runtime
from pipeline.stages.base import Stage

log = logging.getLogger(__name__)

SOURCE = "fr"
TARGET = "en"
# Enough text to tell a language, little enough to stay fast on a long article.
_SAMPLE_CHARS = 10_000
# Close to French and known to lingua: a candidate for every article, so that Catalan is not
# called Spanish (Occitan and Haitian Creole come from pipeline.lang.neighbours).
NEIGHBOURS = ("ca",)
# A paragraph is judged on its own from this many words; shorter ones follow the article.
PARAGRAPH_MIN_WORDS = 8
# How sure lingua must be of a paragraph: French, English, or another language it knows; and of
# a French paragraph in an article it judges English.
_PARAGRAPH_CONFIDENCE = {SOURCE: 0.5, TARGET: 0.6}
_OTHER_CONFIDENCE = 0.9
_FRENCH_IN_ENGLISH = 0.8


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
        candidates = tuple(dict.fromkeys([*self.codes, *NEIGHBOURS]))
        fast = self.config.mode == "fast"
        # Fast: a whole article tells its language on trigrams alone (lingua's low-accuracy
        # mode), and the only question about a sentence is French or English: the full models
        # of two languages, which the translation guard loads anyway.
        self._articles = (candidates, fast)
        self._paragraphs = ((SOURCE, TARGET), False) if fast else (candidates, False)
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
        samples = [self._sample(a) for a in live]
        guesses = best_languages(samples, *self._articles)
        paragraphs = self._paragraph_languages(live)
        for article, sample, guess, labels in zip(live, samples, guesses, paragraphs, strict=True):
            lang, confidence = guess
            near = neighbour(sample, lang)
            if lang == TARGET:
                labels = {
                    k: v for k, v in labels.items() if v[0] != SOURCE or v[1] >= _FRENCH_IN_ENGLISH
                }
            labels = {k: code for k, (code, _) in labels.items()}
            if _mixed(labels):
                self._mixed(article, labels, lang, confidence)
            elif near is not None:
                self._decide(article, near, 1.0, f"lingua's guess: {_named(lang, confidence)}")
            else:
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

    def _paragraph_languages(self, articles: list[Article]) -> list[dict[int, tuple[str, float]]]:
        """The language of each paragraph long enough to tell, and the detector's confidence,
        by paragraph index."""
        todo: list[tuple[int, int, str]] = []
        for i, article in enumerate(articles):
            by_id = {s.id: s for s in article.sentences}
            for paragraph in article.paragraphs:
                text = " ".join(by_id[j].fr for j in paragraph.sentence_ids if j in by_id)
                if len(text.split()) >= PARAGRAPH_MIN_WORDS:
                    todo.append((i, paragraph.index, text))
        out: list[dict[int, tuple[str, float]]] = [{} for _ in articles]
        guesses = best_languages([text for _, _, text in todo], *self._paragraphs)
        for (i, index, text), (lang, confidence) in zip(todo, guesses, strict=True):
            near = neighbour(text, lang)
            if near is not None and near != "romance":
                out[i][index] = (near, 1.0)
            elif lang == TARGET and not self.config.keep_english_sentences:
                continue  # English is translated like French: no paragraph is kept aside
            elif lang is not None and confidence >= _PARAGRAPH_CONFIDENCE.get(
                lang, _OTHER_CONFIDENCE
            ):
                out[i][index] = (lang, confidence)
        return out

    def _mixed(
        self, article: Article, labels: dict[int, str], lang: str | None, confidence: float
    ) -> None:
        """An article with French paragraphs and paragraphs in another language: the French is
        translated, the rest kept as written (its sentences carry their language)."""
        article.lang = SOURCE
        article.metadata["language"] = {
            "detected": lang,
            "confidence": round(confidence, 3),
            "mixed": True,
            "paragraphs": {str(k): v for k, v in sorted(labels.items())},
        }
        by_id = {s.id: s for s in article.sentences}
        kept: dict[str, list[int]] = {}
        for paragraph in article.paragraphs:
            code = labels.get(paragraph.index, SOURCE)
            if code == SOURCE:
                continue
            kept.setdefault(code, []).append(paragraph.index + 1)
            for j in paragraph.sentence_ids:
                by_id[j].lang = code
        french = sum(1 for code in labels.values() if code == SOURCE)
        parts = [
            f"{_count(len(where), 'paragraph')} in {language_name(code)} ({_list(where)})"
            for code, where in kept.items()
        ]
        article.warn(
            "detect.mixed",
            f"mixed languages: {_count(french, 'paragraph')} in French translated; "
            f"{'; '.join(parts)} kept as written, not translated",
            self.name,
        )

    def _decide(self, article: Article, lang: str | None, confidence: float, how: str = "") -> None:
        cfg = self.config
        article.metadata["language"] = {"detected": lang, "confidence": round(confidence, 3)}
        sure = _named(lang, confidence) if not how else f"{language_name(lang)} ({lang}, {how})"
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
            if sentence.lang is None and len(sentence.fr.split()) >= cfg.sentence_min_words
        ]
        guesses = best_languages([s.fr for _, s in candidates], *self._sentences)
        for (article, sentence), (lang, confidence) in zip(candidates, guesses, strict=True):
            if lang == TARGET and confidence >= cfg.sentence_min_confidence:
                sentence.lang = TARGET
                article.metadata.setdefault("english_sentences", []).append(sentence.id)


def _named(lang: str | None, confidence: float) -> str:
    return f"{language_name(lang)} ({lang}, {confidence:.0%} confidence)"


def _mixed(labels: dict[int, str]) -> bool:
    """French paragraphs beside paragraphs in another language."""
    codes = set(labels.values())
    return SOURCE in codes and len(codes) > 1


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _list(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:8])
    return shown + (f" and {len(numbers) - 8} more" if len(numbers) > 8 else "")
