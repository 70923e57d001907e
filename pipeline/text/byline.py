"""Bylines and datelines: "Par Jean Dupont, publié le lundi 3 février 2020 à 20h15".

They are not the article's text, but what they say belongs in the brief's metadata: the cleaning
stage takes them out of the text and keeps the author and the date (ISO) they name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# fmt: off
_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
# fmt: on
_DAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_TIME = r"(?:\s*(?:à|-|,)?\s*\d{1,2}\s*(?:h|:)\s*\d{0,2}(?:\s*(?:min)?)?)"
_DATE_WORDS = (
    rf"(?:{_DAY}\s+)?(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{'|'.join(_MONTHS)})\s+(?P<year>\d{{4}})"
)
_DATE_NUM = r"(?P<nday>\d{1,2})[/.-](?P<nmonth>\d{1,2})[/.-](?P<nyear>\d{4})"
# The same without named groups, to be used more than once in a pattern.
_DATE = re.sub(r"\(\?P<\w+>", "(?:", rf"(?:le\s+)?(?:{_DATE_WORDS}|{_DATE_NUM}){_TIME}?")
_VERB = r"(?:publié|mis à jour|modifié|actualisé|mise à jour|màj|posté|écrit)"
# "[Par] AUTHOR, publié le DATE [| mis à jour le DATE]" or "Publié le DATE [par AUTHOR]".
# "(?:\s*,)?\s*", not "\s*,?\s*": two runs of spaces side by side can split a run in as many
# ways as it is long, and each way is tried.
_BYLINE = re.compile(
    rf"^(?:(?:par|by|sources?\s*:?)\s+)?(?!{_VERB})(?P<author>[^,|]{{2,80}}?)(?:\s*[,|-])?\s*{_VERB}\s+{_DATE}"
    rf"(?:(?:\s*[|,-])?\s*{_VERB}\s+{_DATE})?\.?$"
    rf"|^{_VERB}\s+{_DATE}(?:(?:\s*[|,-])?\s*{_VERB}\s+{_DATE})?"
    rf"(?:(?:\s*,)?\s*par\s+(?P<author2>[^,|]{{2,80}}))?\.?$",
    re.I,
)
# "Par Jean Dupont" / "Par Jean Dupont et Marie Martin (AFP)" alone on its line.
_AUTHOR_ONLY = re.compile(
    r"^(?:[Pp]ar|[Bb]y)\s+(?P<author>[A-ZÀ-ÖØ-Þ][\w.'-]+(?:[\s,]+(?:et\s+|and\s+)?"
    r"[A-ZÀ-ÖØ-Þ(][\w.'()-]*){0,7})$"
)
# A date alone on its line, as under a title ("Le 3 février 2020 à 20h15", "03/02/2020").
_DATELINE = re.compile(rf"^{_DATE}\.?$", re.I)
_DATE_SEARCH = re.compile(rf"{_DATE_WORDS}|{_DATE_NUM}", re.I)


@dataclass(frozen=True)
class Byline:
    """What a byline says: its author and its first date, ISO formatted, when it names them.

    ``bare`` is set for a date alone on its line, which says less about the article than a
    byline ("publié le…") does: a page's sidebar has dates too.
    """

    author: str | None
    date: str | None
    bare: bool = False


def parse_byline(text: str) -> Byline | None:
    """Parses a unit of text that is a byline or a dateline and nothing else.

    Returns:
        The author and date it names, or None when the text is not (only) a byline.
    """
    text = text.strip()
    if len(text) > 200:
        return None
    match = _BYLINE.match(text) or _AUTHOR_ONLY.match(text) or _DATELINE.match(text)
    if not match:
        return None
    groups = match.groupdict()
    author = groups.get("author") or groups.get("author2")
    bare = match.re is _DATELINE
    return Byline(author.strip(" ,.") if author else None, iso_date(text), bare)


def iso_date(text: str) -> str | None:
    """The first date in ``text`` ("3 février 2020", "03/02/2020") as ``YYYY-MM-DD``."""
    match = _DATE_SEARCH.search(text)
    if not match:
        return None
    if match.group("day"):
        day, month = int(match.group("day")), _MONTHS[match.group("month").lower()]
        year = int(match.group("year"))
    else:
        day, month = int(match.group("nday")), int(match.group("nmonth"))
        year = int(match.group("nyear"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
