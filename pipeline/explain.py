"""What a flag means, in plain English, for a reader who knows no French.

The checks (:mod:`pipeline.verify.checks`) name the spans that disagree; this module turns one
:class:`pipeline.verify.checks.Flag` into a *check*, the record the JSON brief keeps on its
sentence (``{"kind", "fr", "en", "gloss", "conflict", "explanation"}``), and a check into words:

- ``gloss``: the English reading of the French evidence when the language layer knows one
  ("3 millions d'euros" → "3 million EUR", "jeudi" → "Thursday", "Allemagne" → "Germany");
- ``conflict``: the English words that contradict it, when the check found the French span
  missing and the English states another value of the same kind ("5 million");
- ``explanation``: one sentence ("The English says 5 million; the French says 3 millions
  d'euros (3 million EUR).").

:func:`explain_parts` gives the same sentence in pieces, so that the Markdown brief can embolden
the quoted spans and the HTML digest can mark the French ones ``lang="fr"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

from pipeline.lang.lexicon import EN_MONTHS, EN_WEEKDAYS, calendar_en, calendar_fr
from pipeline.text.numbers import Quantity, numbers_in
from pipeline.text.quantity_match import unmatched


class Flag(Protocol):
    """What a check found (:class:`pipeline.verify.checks.Flag` has it)."""

    kind: str
    fr: str
    en: str | None


_KINDS = {"number": "number", "date": "date", "name": "name", "polarity": "negation"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


@dataclass(frozen=True)
class Piece:
    """A piece of an explanation: its text, whether to emphasise it, its language if French."""

    text: str
    strong: bool = False
    lang: str | None = None


def english_number(q: Quantity) -> str:
    """A quantity as an English reader writes it: ``3 million EUR``, ``12.5 %``, ``1,500``."""
    value = q.value
    text = ""
    for scale, word in _SCALES:
        if abs(value) >= scale:
            text = f"{value / scale:,.2f}".rstrip("0").rstrip(".") + f" {word}"
            break
    if not text:
        text = f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{int(value):,}"
    if q.unit == "%":
        return f"{text} %"
    return f"{text} {q.unit}" if q.unit else text


def _english(kind: str, amount: Any, unit: Any) -> str:
    """A number as the explanations gloss one (:func:`english_number`)."""
    value = float(amount)
    return english_number(Quantity(kind, "", value, value, str(unit) if unit else None, (0, 0)))


def value_text(kind: str, value: Any) -> str:
    """A fact's normalised value in English, as the explanations gloss numbers (``3 million
    EUR``, ``4.5 %``, ``153``); ISO dates, clock times and periods as they are.

    Returns:
        The text, or ``""`` when the fact has no value (names) or one of an unknown shape.
    """
    try:
        if kind == "amount" and isinstance(value, dict):
            return _english(kind, value["amount"], value.get("currency"))
        if kind == "percentage" and isinstance(value, int | float):
            return _english(kind, value, "%")
        if kind == "number" and isinstance(value, dict):
            return _english(kind, value["value"], value.get("unit"))
        if kind == "count" and isinstance(value, dict):
            return _english("number", value["count"], None)
    except (KeyError, TypeError, ValueError):
        return ""
    if kind in ("date", "time", "period") and isinstance(value, str):
        return value
    return ""


def gloss(kind: str, fr: str | None) -> str | None:
    """The English reading of a French span, when the language layer knows one."""
    if not fr:
        return None
    if kind == "number":
        found = numbers_in(fr, "fr")
        return "; ".join(english_number(q) for q in found) or None
    if kind == "date":
        words = [_calendar_word(key) for key, _, _ in calendar_fr(fr)]
        return ", ".join(w for w in words if w) or None
    if kind == "name":
        from pipeline.lang.names import english_forms

        # The country, not its adjective ("Germany", not "German"): the longest form.
        forms = sorted(english_forms(fr), key=lambda f: (-len(f), f))
        return forms[0] if forms and fr not in forms else None
    return None


def _calendar_word(key: int) -> str | None:
    """The English month or weekday of a :func:`~pipeline.lang.lexicon.calendar_fr` key."""
    if 1 <= key <= 12:
        return EN_MONTHS[key - 1]
    if 101 <= key <= 107:
        return EN_WEEKDAYS[key - 101]
    return None


def conflict(kind: str, fr_sentence: str, en_sentence: str, fr_span: str = "") -> str | None:
    """What the English states instead, for a French span the English lacks: the first of its
    numbers (or months and weekdays) that no French one of the sentence matches, of the span's
    own sort (an amount for an amount, a percentage for a percentage, a year for a year). An
    English number written with the span's own digits is the span misread ("7,7" read as two
    numbers), not another value: it is left out."""
    if kind == "number":
        extra = unmatched(numbers_in(en_sentence, "en"), numbers_in(fr_sentence, "fr"))
        digits = set(re.findall(r"\d+", fr_span))
        extra = [q for q in extra if not set(re.findall(r"\d+", q.surface)) <= digits]
        span = numbers_in(fr_span, "fr")
        if span:
            extra = [q for q in extra if _same_sort(span[0], q)]
        return extra[0].surface if extra else None
    if kind == "date":
        keys_fr = {key for key, _, _ in calendar_fr(fr_sentence)}
        extra = [surface for key, surface, _ in calendar_en(en_sentence) if key not in keys_fr]
        return ", ".join(extra) or None
    return None


def _same_sort(french: Quantity, english: Quantity) -> bool:
    """Whether an English quantity could be the French one said differently: the same kind,
    and the same unit where both have one."""
    if french.kind != english.kind:
        return False
    return not (french.unit and english.unit and french.unit != english.unit)


def check(flag: Flag, fr_sentence: str, en_sentence: str) -> dict[str, Any]:
    """The JSON record of one flag of a translated sentence (see the module docstring)."""
    record: dict[str, Any] = {
        "kind": flag.kind,
        "fr": flag.fr or None,
        "en": flag.en or None,
        "gloss": gloss(flag.kind, flag.fr),
        "conflict": None,
    }
    if flag.fr and not flag.en:
        record["conflict"] = conflict(flag.kind, fr_sentence, en_sentence, flag.fr)
    record["explanation"] = explain(record)
    return record


def summary_check(kind: str, said: str, lang: str) -> dict[str, Any]:
    """The record of what a summary sentence in ``lang`` states (``said``, e.g. "$9 billion")
    that its source sentences do not."""
    record: dict[str, Any] = {
        "kind": kind,
        "fr": said if lang == "fr" else None,
        "en": said if lang == "en" else None,
        "gloss": gloss(kind, said) if lang == "fr" else None,
        "conflict": None,
        "summary": True,
    }
    record["explanation"] = explain(record)
    return record


def explain(record: dict[str, Any]) -> str:
    """A check in one plain-English sentence."""
    return "".join(p.text for p in explain_parts(record))


def explain_parts(record: dict[str, Any]) -> list[Piece]:
    """A check in pieces: quoted spans emphasised, French ones marked ``lang="fr"``."""
    kind = str(record.get("kind", ""))
    fr, en = record.get("fr"), record.get("en")
    said = record.get("conflict") or en
    gloss_text = record.get("gloss")
    french = [Piece(str(fr), True, "fr")] if fr else []
    if gloss_text and fr and str(gloss_text) != str(fr):
        french.append(Piece(f" ({gloss_text})"))
    if record.get("summary"):
        where = [Piece(str(en), True)] if en else french
        return [
            Piece("The summary says "),
            *where,
            Piece(", which its source sentences do not say."),
        ]
    if kind == "polarity":
        if fr:
            return [
                Piece("The French has a negation ("),
                Piece(str(fr), True, "fr"),
                Piece(") that the English lacks."),
            ]
        return [
            Piece("The English has a negation ("),
            Piece(str(en or ""), True),
            Piece(") that the French lacks."),
        ]
    noun = _KINDS.get(kind, kind)
    if fr and said:
        return [
            Piece("The English says "),
            Piece(str(said), True),
            Piece("; the French says "),
            *french,
            Piece("."),
        ]
    if fr:
        return [
            Piece(f"The French gives a {noun}, "),
            *french,
            Piece(", that the English does not."),
        ]
    return [
        Piece(f"The English gives a {noun}, "),
        Piece(str(en or ""), True),
        Piece(", that the French does not."),
    ]
