"""Does the English keep the French sentence's dates?

Dates with a day or a month go through the facts package's date rules
(:mod:`pipeline.facts.dates`), which know the English forms each may take ("le 3 mai 2019" ↔
"May 3, 2019" / "3 May 2019"). Numbers, clock times and scale words are checked by
:mod:`pipeline.text.consistency`.
"""

from __future__ import annotations

import bisect
import re

from pipeline.facts.dates import date_mentions
from pipeline.facts.english import mention_english
from pipeline.lang.lexicon import calendar_en

# Dates with a day or a year besides the month: "2019-05-03", "--05-03", "2019-05".
_CHECKED_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$|^--\d{2}-\d{2}$")

# Any sign of a date with a month: a month's stem, or digits parted by "/", "." or "-".
_MAY_HOLD_DATE = re.compile(
    r"janv|f[ée]v|mars|avr|mai|juin|juil|ao[uû]|sept|oct|nov|d[ée]c|\d[/.-]\d", re.IGNORECASE
)


def missing_dates(french: str, english: str) -> list[str]:
    """Surfaces of the French dates that ``english`` gives in none of their English forms.

    Checked: a day and month, or a month and year ("le 3 mai 2019", "1er janvier", "juillet
    2012"), the longest mention where they overlap. Years alone are checked as numbers; a month
    alone ("Mars" is also a planet), relative dates and periods are left alone.
    """
    if not _MAY_HOLD_DATE.search(french):
        return []  # no month and no date in digits: the date rules need not run
    mentions = [
        m
        for m in date_mentions(french, 0)
        if m.type == "date" and _CHECKED_DATE.match(str(m.value or ""))
    ]
    # The spans kept, sorted by start. Taken longest first, none holds another, so their ends
    # are sorted too, and the one starting last before a span is the only one that may hold it.
    starts: list[int] = []
    ends: list[int] = []
    found: dict[tuple[str, str], bool] = {}  # each date looked for in the English once
    out = []
    for mention in sorted(mentions, key=lambda m: m.span[0] - m.span[1]):
        start, end = mention.span
        before = bisect.bisect_right(starts, start) - 1
        if before >= 0 and ends[before] >= end:
            continue
        place = bisect.bisect_left(starts, start)
        starts.insert(place, start)
        ends.insert(place, end)
        if mention.fr in out:
            continue
        key = (mention.fr, repr(mention.data))
        if key not in found:  # each date looked for in the English once
            found[key] = mention_english(mention, english) is not None or _parts_in(
                str(mention.value), english
            )
        if not found[key]:
            out.append(mention.fr)
    return out


def _parts_in(value: str, english: str) -> bool:
    """Whether the English names a date's month, day and year, in whatever arrangement: dates
    in a range or a list ("les 6 et 7 septembre" ↔ "September 6 and 7", "du 8 au 28 octobre"
    ↔ "08 to 28 October") have no English form of their own to look for."""
    match = re.fullmatch(r"(?:(\d{4})|-)-(\d{2})(?:-(\d{2}))?", value)
    if match is None:
        return False
    year, month, day = match.group(1), int(match.group(2)), match.group(3)
    if month not in {key for key, _, _ in calendar_en(english)}:
        return False
    if year and not re.search(rf"(?<!\d){year}(?!\d)", english):
        return False
    return day is None or bool(
        re.search(
            rf"(?<![\d,.]){int(day)}(?:st|nd|rd|th)?(?![\d,.]\d|\d)|(?<!\d)0{int(day)}(?!\d)",
            english,
        )
    )
