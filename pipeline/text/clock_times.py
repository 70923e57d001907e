"""Does the English give the French sentence's clock times at the same hour and minute?

"21h30" ↔ "9:30 p.m.", "15 heures" ↔ "3pm", "à 17:30 heures" ↔ "at 5.30 pm"; a duration the
French writes as a time ("dure 2h45") may be "2 hours 45 minutes". Part of the number check of
:mod:`pipeline.text.consistency`.
"""

from __future__ import annotations

import re

from pipeline.lang.lexicon import EN_NUMBERS_TO_20
from pipeline.text.quantity_match import within

# "le 20h", "au 13h": the evening or lunchtime news of French television, not a time.
_FR_NEWS_HOUR = re.compile(r"\b(?:le|du|au)\s+(?:journal\s+de\s+)?\d{1,2}\s*h\b(?!\s*\d)", re.I)
_FR_OUT_OF_24 = re.compile(r"\s?(?:/|sur)\s?24\b", re.IGNORECASE)
_EN_NEWS = re.compile(r"\b(?:news|bulletin|newscast)\b", re.IGNORECASE)


# Clock times: "9 h", "21h30", "4h", "15 heures" ↔ "9 a.m.", "9:30 p.m.", "4am", "21:30", "3pm".
_FR_CLOCK = re.compile(
    r"(?<![\w,.])([01]?\d|2[0-4])\s*(?:h|heures?)(?:\s*([0-5]\d))?(?![\w])"
    # "à 17:30 heures", "à 15.30 heures": the way of other languages, with "heures" after
    r"|(?<![\w,.:])([01]?\d|2[0-4])[:.]([0-5]\d)\s*heures?(?![\w])",
    re.IGNORECASE,
)
EN_CLOCK = re.compile(
    r"(?<![\w,.:])([01]?\d|2[0-4])(?:[:.h]([0-5]\d))?\s*(a\.?m\b\.?|p\.?m\b\.?|o['’]clock|h\b|hrs\b"
    r"|GMT|UTC)|(?<![\w,.:])([01]?\d|2[0-4])[:h]([0-5]\d)(?![\d])",  # "21:30", "22h00" kept
    re.IGNORECASE,
)


_EN_HOURS = EN_NUMBERS_TO_20[1:13]  # one to twelve
# A number of hours, in digits or words ("an hour and 45 minutes", "three and a half hours").
_EN_HOUR_COUNT = rf"\d{{1,2}}|an?|{'|'.join(_EN_HOURS)}"
_EN_DURATION = re.compile(
    rf"\b({_EN_HOUR_COUNT})\s*(?:hours?|hrs?|h)\s*(?:and\s+)?(\d{{1,2}})\s*(?:minutes?|mins?)\b"
    rf"|\b({_EN_HOUR_COUNT})\s?(?:1/2|½|and\s+a\s+half)[\s-]*hours?\b"  # "4 1/2-hour": 4h30
    r"|\b(\d{1,2})\.(\d{1,2})[\s-]*(?:hours?|hrs?)\b",  # "3.5 hours": 3h30
    re.I,
)
_EN_CLOCK_WORDS = re.compile(
    rf"\b({'|'.join(_EN_HOURS)})\s*(?:a\.?m\b|p\.?m\b|o['’]clock\b)", re.IGNORECASE
)


def _hour_word(word: str) -> int:
    """ "an" → 1, "three" → 3."""
    word = word.lower()
    return 1 if word in ("a", "an") else _EN_HOURS.index(word) + 1


def _en_clocks(english: str) -> set[tuple[int, int]]:
    out = set()
    for m in EN_CLOCK.finditer(english):
        hour = int(m.group(1) or m.group(4))
        minute = int(m.group(2) or m.group(5) or 0)
        out.add((hour % 12, minute))
    # A duration that the French writes as a time ("le film dure 2h45" ↔ "2 hours 45 minutes").
    for m in _EN_DURATION.finditer(english):
        if m.group(4):  # decimal hours
            hour, minute = int(m.group(4)), round(float("0." + m.group(5)) * 60)
        else:
            count, minute = (m.group(1), int(m.group(2))) if m.group(1) else (m.group(3), 30)
            hour = int(count) if count.isdigit() else _hour_word(count)
        out.add((hour % 12, minute))
    for m in _EN_CLOCK_WORDS.finditer(english):  # "at nine a.m.", "at ten o'clock"
        out.add(((_EN_HOURS.index(m.group(1).lower()) + 1) % 12, 0))
    if re.search(r"\b(?:noon|midday|midnight)\b", english, re.IGNORECASE):
        out.add((0, 0))
    return out


def _minutes(m: re.Match[str]) -> str | None:
    """The minutes of a :data:`_FR_CLOCK` match ("30" of "21h30", "19:30 heures"), or None."""
    return m.group(2) or m.group(4)


def clock_spans_fr(french: str) -> list[tuple[int, int]]:
    """The French clock times with minutes ("3 h 30", "21h30"): their numbers are checked here
    as a time (or a duration), not as numbers."""
    return [m.span() for m in _FR_CLOCK.finditer(french) if _minutes(m)]


def durations_en(english: str) -> set[int]:
    """Where the English's durations of hours and minutes start ("3.5 hours", "2 hours 15
    minutes"): a French time with minutes ("3 h 30") is checked against them here."""
    return {m.start() for m in _EN_DURATION.finditer(english)}


# The words before "N heures" that make it a clock time ("à 15 heures", "de 9 heures à 17
# heures"); "de" after a length or an amount is a duration ("un délai de 24 heures", "plus de
# 10 heures", "une durée de 3 heures").
_TIME_BEFORE = re.compile(
    r"(?:\b(?:à|a|vers|dès|jusqu['’]à|avant|après|entre|et)"
    r"|(?<!délai)(?<!durée)(?<!période)(?<!plus)(?<!moins)(?<!près)(?<!environ)(?<!maximum)"
    r"(?<!minimum)(?<!quelque)(?<!bout)(?<!espace)(?<!attente)(?<!grève)\s\bde"
    r"|^de)\s*$",
    re.IGNORECASE,
)


def missing_clock_times(french: str, english: str) -> list[str]:
    """French clock times ("21h30", "4h", "15 heures") the English gives at no time of the
    same hour and minute on a 12- or 24-hour clock. "24 heures" and "48 heures" are durations
    as often as times: only a number followed by "h" and minutes, or "h" glued, or an hour
    under 24 with "heures" after "à/vers/dès/jusqu'à", is a time."""
    out = []
    clocks: set[tuple[int, int]] | None = None
    news = [m.span() for m in _FR_NEWS_HOUR.finditer(french)] if _EN_NEWS.search(english) else []
    for m in _FR_CLOCK.finditer(french):
        if within(news, m.start()):
            continue  # "sur le plateau du 20h" ↔ "on the evening news"
        if _FR_OUT_OF_24.match(french, m.end()):
            continue  # "24h/24", "24 heures sur 24": all day (the number check's)
        unit = french[m.start() : m.end()].lower()
        if (
            "heure" in unit
            and not _minutes(m)  # with minutes, a time or a duration: checked
            and not _TIME_BEFORE.search(french, max(0, m.start() - 40), m.start())
        ):
            continue  # "pendant 24 heures", "un délai de 24 heures": a duration
        if clocks is None:
            clocks = _en_clocks(english)
        hour, minute = int(m.group(1) or m.group(3)), int(_minutes(m) or 0)
        if not minute and re.search(rf"(?<![\d.,]){hour}\s*(?:hours?|hrs?)\b", english, re.I):
            continue  # "10h par jour" ↔ "10 hours a day": a duration
        if (hour % 12, minute) not in clocks:
            out.append(m.group(0))
    return out
