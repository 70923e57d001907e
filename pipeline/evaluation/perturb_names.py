"""The name and acronym perturbations of ``brief eval verify`` (:mod:`pipeline.evaluation.perturb`
says how every perturbation is chosen and seeded).

A name is replaced by one that neither the sentence pair nor the French of its whole article
states: the checks accept an English name that the article states elsewhere (a translation
takes names up from the sentences around, :class:`pipeline.verify.extra_names.ArticleNames`), so
a replacement from the article would measure no real change. "States" is decided here with
simple rules of this module, not with the checks under test.
"""

from __future__ import annotations

import random
import re

from pipeline.lang.lexicon import EN_MONTHS, EN_WEEKDAYS

_NAMES = ["Kowalczyk", "Okonkwo", "Hartigan", "Villanueva", "Lindqvist", "Abernathy", "Tsukamoto"]
# The replacement acronyms, each with its French form.
_ACRONYMS = {
    "WTO": "OMC",
    "FAO": "FAO",
    "IAEA": "AIEA",
    "OECD": "OCDE",
    "UEFA": "UEFA",
    "ESA": "ESA",
    "FBI": "FBI",
}
# The types whose replacement is a name: it must be one that the sentence's whole article does
# not state either (``article=``), since the checks accept a name the article states (a
# translation takes names up from the sentences around).
WITHIN_ARTICLE = ("name", "acronym")
STOP_WORDS = "The This That These There It He She They We But And In On For Mr Mrs Ms Dr"
STOP_CAPS = set(STOP_WORDS.split())

CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-zà-ÿ]{2,}(?:-[A-Z][a-zà-ÿ]+)*(?![\w'’-])")
SENTENCE_START = re.compile(r"(?:^|(?<!\bM)(?<!\bMr)(?<!\bDr)(?<!\bSt)[.!?:;\"“«(]\s*)$")


def name(fr: str, en: str, rng: random.Random, article: str = "") -> str | None:
    """A capitalised name that the French writes the same, mid-sentence in both, replaced by
    a name from neither ("Florez" → "Okonkwo"), nor from the French ``article`` (no word of it
    starts with the name's first five letters). Months and weekdays are left to their types."""
    calendar = set(EN_WEEKDAYS) | set(EN_MONTHS)
    found = []
    for m in CAPITALISED.finditer(en):
        word = m.group(0)
        if word in calendar or word in STOP_CAPS or SENTENCE_START.search(en[: m.start()]):
            continue
        if any(
            not SENTENCE_START.search(fr[: f.start()])
            for f in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", fr)
        ):
            found.append(m)
    if not found:
        return None
    m = rng.choice(found)
    unstated = [n for n in _NAMES if n not in en and n not in fr and not _starts(n[:5], article)]
    return _replace(en, m, rng.choice(unstated))


def _starts(prefix: str, text: str) -> bool:
    """Whether a word of ``text`` starts with ``prefix``, case aside."""
    return re.search(rf"(?<!\w){re.escape(prefix)}", text, re.IGNORECASE) is not None


_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")
_ROMAN = re.compile(r"^[IVXLC]+$")


def acronym(fr: str, en: str, rng: random.Random, article: str = "") -> str | None:
    """An acronym that the French has too (the same, or its letters reordered: OTAN ↔ NATO)
    replaced by another, one that the French ``article`` states in no form either (its French
    form, nor an acronym of the same letters in any order, or of all but one from four)."""
    french = {sorted_ for sorted_ in ("".join(sorted(a)) for a in _ACRONYM.findall(fr))}
    found = [
        m
        for m in _ACRONYM.finditer(en)
        if not _ROMAN.match(m.group(0)) and "".join(sorted(m.group(0))) in french
    ]
    if not found:
        return None
    m = rng.choice(found)
    stated = _ACRONYM.findall(article)
    unstated = [
        a
        for a, french_form in _ACRONYMS.items()
        if a not in en
        and a not in fr
        and not any(_alike(x, s) for x in (a, french_form) for s in stated)
    ]
    return _replace(en, m, rng.choice(unstated))


def _alike(a: str, b: str) -> bool:
    """Whether two acronyms have the same letters in any order, or from four letters all but
    one."""
    if len(a) != len(b):
        return False
    common = sum(min(a.count(c), b.count(c)) for c in set(a))
    return common == len(a) or (len(a) >= 4 and common >= len(a) - 1)


def _replace(text: str, match: re.Match[str], new: str) -> str:
    return text[: match.start()] + new + text[match.end() :]
