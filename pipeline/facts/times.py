"""Clock times in French text: "18 h 15", "13h02", "à 9 heures", "quatre heures et demie du
matin", "à midi", normalised to ``HH:MM``.

A number of hours is a duration as often as a time ("pendant 3 heures", "une autonomie de 3 h").
What reads as a time is taken: hours with minutes written the French way ("18 h 15", "0h50"),
hours glued to their "h" ("19h"), hours followed by a part of the day ("7 heures du soir") or
a time zone ("16h45 UTC"), and hours after a word that says when ("à", "vers", "dès",
"jusqu'à", "avant", "après", "aux alentours de", "entre", or "et" after another time). Each
mention also carries regexes for its English forms ("6.15pm", "18:15", "6 p.m.", "6 o'clock").
"""

from __future__ import annotations

import re

from pipeline.facts.mention import Mention
from pipeline.text.number_words import parse_french_count

_APOS = "[’']"
# Hours in words, one to twenty-four: a bounded alternation (a run of number words such as
# "mille mille…" must not be read again from each of its words).
_HOUR_WORDS = (
    r"(?:dix-(?:sept|huit|neuf)|vingt(?:[- ]et[- ]une|-deux|-trois|-quatre)?|une|deux|trois|"
    r"quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize)"
)
_HOUR = rf"(?P<hour>[01]?\d|2[0-4]|\b{_HOUR_WORDS})"
_PART = rf"(?P<part>du\s+matin|de\s+l{_APOS}après-midi|du\s+soir|de\s+la\s+nuit|dans\s+la\s+nuit)"
_ZONE = r"(?P<zone>UTC|GMT|CES?T|HNE|heure\s+(?:française|locale|de\s+Paris))"
_CUE = (
    rf"(?P<cue>(?:\b(?:à|a|vers|dès|jusqu{_APOS}à|avant|après|entre|depuis|pour|de)"
    rf"|\baux\s+alentours\s+de|\baux\s+environs\s+de|\bpointage\s+de)\s+)"
)
_FRACTION = r"(?P<frac>et\s+(?:demie|quart)|moins\s+(?:le\s+)?quart)"
_TIME = re.compile(
    rf"(?:{_CUE}|(?P<and>\bet\s+))?"
    rf"(?<![\w,.]){_HOUR}(?:"
    rf"(?P<glued>h)(?P<gmin>[0-5]\d)?(?![\w])"
    rf"|\s+h(?:\s*(?P<min>[0-5]\d))?(?![\w])"
    rf"|\s+heures?(?:\s+(?:{_FRACTION}|(?P<hmin>[0-5]?\d)(?:\s+minutes?)?(?![\w])))?)"
    rf"(?:\s+{_PART})?(?:\s*\(?{_ZONE}\)?)?",
    re.IGNORECASE,
)
_NOON = re.compile(
    rf"\b(?:à|vers|dès|jusqu{_APOS}à|avant|après|de)\s+(?P<word>midi|minuit)(?:\s+et\s+demi)?\b",
    re.IGNORECASE,
)
_PM = {"de l'après-midi", "du soir"}


def _hour(text: str) -> int | None:
    value = parse_french_count(text)
    if value is None or not float(value).is_integer():
        return None
    return int(value)


def _minutes(m: re.Match[str]) -> int | None:
    frac = (m["frac"] or "").lower()
    if frac:
        return 30 if "demie" in frac else (-15 if frac.startswith("moins") else 15)
    written = m["gmin"] or m["min"] or m["hmin"]
    return int(written) if written else 0


def _is_time(m: re.Match[str], previous: bool) -> bool:
    """Whether the hours read as a time rather than a duration (see the module's docstring)."""
    if m["gmin"] or m["min"] or m["part"] or m["zone"] or m["frac"] or m["hmin"]:
        return True
    if m["cue"] and m["cue"].strip().lower() == "de":
        return bool(m["glued"])  # "de 19h" reads as a time, "de 3 heures" as a duration
    if m["cue"]:
        return True
    if m["and"]:
        return previous
    return bool(m["glued"]) and not m["hour"].isalpha()


def english_forms(hour: int, minute: int) -> list[str]:
    """Regexes for the ways an English translation may write ``hour:minute``."""
    twelve = hour % 12 or 12
    half = "p" if 12 <= hour < 24 else "a"
    pm = rf"\s*(?:{half}m\b|{half}\.m\.)"
    if minute:
        return [
            rf"\b{hour}[:.h]{minute:02d}\b(?:\s*(?:UTC|GMT)\b)?",
            rf"\b{twelve}[:.]{minute:02d}{pm}",
            rf"\b{twelve}[:.]{minute:02d}\b",
        ]
    return [
        rf"\b{hour}[:.h]00\b",
        rf"\b{twelve}{pm}",
        rf"\b{twelve}\s+o['’]clock\b",
        rf"\b{hour}(?::00)?\s*(?:hours|h)\b",
        r"\bmidnight\b" if hour in (0, 24) else r"\bnoon\b" if hour == 12 else r"(?!x)x",
    ]


def _mention(text: str, sentence: int, span: tuple[int, int], hour: int, minute: int) -> Mention:
    value = f"{hour:02d}:{minute:02d}"
    english = english_forms(hour, minute)
    return Mention("time", text[span[0] : span[1]], sentence, span, value, {f"time:{value}"},
                   "", 0, english)  # fmt: skip


def time_mentions(text: str, sentence: int) -> list[Mention]:
    """The clock-time mentions of one French sentence, in reading order.

    Args:
        text: The sentence.
        sentence: Its id.
    """
    out: list[Mention] = []
    for m in _TIME.finditer(text):
        hour = _hour(m["hour"])
        minute = _minutes(m)
        if hour is None or minute is None or hour > 24 or not _is_time(m, bool(out)):
            continue
        part = " ".join((m["part"] or "").lower().replace("’", "'").split())
        if part in _PM and hour < 12:
            hour += 12
        if minute < 0:
            hour, minute = (hour - 1) % 24, 60 + minute
        start = m.start("hour")
        out.append(_mention(text, sentence, (start, m.end()), hour % 24, minute))
    for m in _NOON.finditer(text):
        hour = 12 if m["word"].lower() == "midi" else 0
        minute = 30 if m.group(0).lower().endswith("demi") else 0
        out.append(_mention(text, sentence, (m.start("word"), m.end()), hour, minute))
    return sorted(out, key=lambda mention: mention.span[0])
