from __future__ import annotations

import datetime as dt

import pytest

from pipeline.facts.dates import date_mentions, parse_reference_date
from pipeline.facts.english import mention_english
from pipeline.facts.mention import drop_overlaps

REF = dt.date(2021, 3, 10)  # a Wednesday


def _one(text: str, ref: dt.date | None) -> tuple[str, str, object]:
    (mention,) = drop_overlaps(date_mentions(text, 0, ref))
    return mention.type, mention.fr, mention.value


@pytest.mark.parametrize(
    ("text", "kind", "surface", "value"),
    [
        ("En 2019, il a reçu un prix.", "date", "2019", "2019"),
        ("Il est né le 14 janvier 2021.", "date", "14 janvier 2021", "2021-01-14"),
        ("le 1er juillet 2020", "date", "1er juillet 2020", "2020-07-01"),
        ("la prise de la Bastille, le 14 juillet 1789", "date", "14 juillet 1789", "1789-07-14"),
        ("le 24 août 1572 à Paris", "date", "24 août 1572", "1572-08-24"),
        ("en octobre 1492", "date", "octobre 1492", "1492-10"),
        ("Elle arrive lundi 3 mai 2021.", "date", "lundi 3 mai 2021", "2021-05-03"),
        ("le 7 sept. 2021", "date", "7 sept. 2021", "2021-09-07"),
        ("en mars 2020", "date", "mars 2020", "2020-03"),
        ("fin 2021", "date", "fin 2021", "2021"),
        ("depuis 2019", "period", "depuis 2019", "2019/.."),
        ("de 2019 à 2021", "period", "de 2019 à 2021", "2019/2021"),
        ("entre 2010 et 2015", "period", "entre 2010 et 2015", "2010/2015"),
        ("les années 1990", "period", "les années 1990", "1990/1999"),
        ("dans les années 80", "period", "les années 80", "1980/1989"),
        ("tous les cinq ans", "period", "tous les cinq ans", "R/P5Y"),
        ("toutes les 2 semaines", "period", "toutes les 2 semaines", "R/P2W"),
        ("chaque année", "period", "chaque année", "R/P1Y"),
        ("pendant deux mois", "period", "pendant deux mois", "P2M"),
        ("depuis dix ans", "period", "depuis dix ans", "P10Y"),
        ("au premier trimestre 2020", "period", "premier trimestre 2020", "2020-01/2020-03"),
    ],
)
def test_absolute_dates_and_periods(text: str, kind: str, surface: str, value: str) -> None:
    assert _one(text, None) == (kind, surface, value)
    assert _one(text, REF) == (kind, surface, value)


@pytest.mark.parametrize(
    ("text", "surface", "resolved", "unresolved"),
    [
        ("le 1er juillet", "1er juillet", "2021-07-01", "--07-01"),
        ("en mars", "mars", "2021-03", "--03"),
        ("En janvier dernier, Xiaomi", "janvier dernier", "2021-01", None),
        ("en avril dernier", "avril dernier", "2020-04", None),
        ("en mars dernier", "mars dernier", "2020-03", None),
        ("en mai prochain", "mai prochain", "2021-05", None),
        ("en février prochain", "février prochain", "2022-02", None),
        ("hier soir", "hier", "2021-03-09", None),
        ("avant-hier", "avant-hier", "2021-03-08", None),
        ("On en apprend aujourd’hui plus", "aujourd’hui", "2021-03-10", None),
        ("demain", "demain", "2021-03-11", None),
        ("l’an dernier", "l’an dernier", "2020", None),
        ("l'année prochaine", "l'année prochaine", "2022", None),
        ("cette année", "cette année", "2021", None),
        ("le mois dernier", "le mois dernier", "2021-02", None),
        ("la semaine dernière", "la semaine dernière", "2021-W09", None),
        ("lundi dernier", "lundi dernier", "2021-03-08", None),
        ("mercredi prochain", "mercredi prochain", "2021-03-17", None),
        ("il y a trois jours", "il y a trois jours", "2021-03-07", None),
        ("il y a deux ans", "il y a deux ans", "2019", None),
        ("dans six mois", "dans six mois", "2021-09", None),
        ("au dernier trimestre", "dernier trimestre", "2021-10/2021-12", None),
    ],
)
def test_relative_dates_resolve_against_the_article_date(
    text: str, surface: str, resolved: str, unresolved: str | None
) -> None:
    assert _one(text, REF)[1:] == (surface, resolved)
    assert _one(text, None)[1:] == (surface, unresolved)


@pytest.mark.parametrize(
    "text",
    [
        "La sonde Mars est arrivée.",
        "Il a vendu 1 500 000 téléphones.",
        "le code 20195",
        "la COVID-19",
        "3,2019 %",
    ],
)
def test_no_date_where_there_is_none(text: str) -> None:
    assert date_mentions(text, 0, REF) == []


def test_a_cued_year_wins_over_a_bare_one_and_keeps_its_surface() -> None:
    (mention,) = drop_overlaps(date_mentions("En 2019 — la même année", 0, None))
    assert (mention.fr, mention.span, mention.priority) == ("2019", (3, 7), 0)


@pytest.mark.parametrize(
    ("fr", "en", "expected"),
    [
        ("le 14 janvier 2021", "on January 14, 2021, he", "January 14, 2021"),
        ("le 14 janvier 2021", "on 14 January 2021", "14 January 2021"),
        ("le 1er juillet", "on July 1st", "July 1st"),
        ("En janvier dernier, Xiaomi", "Last January, Xiaomi", "Last January"),
        ("En janvier dernier, Xiaomi", "In January, Xiaomi", "In January"),
        ("tous les cinq ans", "every five years", "every five years"),
        ("tous les cinq ans", "every 5 years", "every 5 years"),
        ("chaque année", "it is held annually", "annually"),
        ("hier", "Yesterday, the firm", "Yesterday"),
        ("l’an dernier", "last year", "last year"),
        ("il y a trois jours", "three days ago", "three days ago"),
        ("depuis 2019", "since 2019", "since 2019"),
        ("de 2019 à 2021", "from 2019 to 2021", "from 2019 to 2021"),
        ("les années 1990", "in the 1990s", "the 1990s"),
        ("au premier trimestre 2020", "in the first quarter", "the first quarter"),
        ("En 2019, il", "In 2019, he", "2019"),
        ("le 14 janvier 2021", "in 2021", None),
        ("En janvier dernier", "EN JANVIER DERNIER", "JANVIER DERNIER"),
    ],
)
def test_english_surface_of_dates(fr: str, en: str, expected: str | None) -> None:
    (mention,) = drop_overlaps(date_mentions(fr, 0, REF))
    assert mention_english(mention, en) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-03-10", dt.date(2021, 3, 10)),
        ("2021-03-10T08:30:00+01:00", dt.date(2021, 3, 10)),
        (dt.datetime(2021, 3, 10, 8, 30), dt.date(2021, 3, 10)),
        ("10/03/2021", None),
        (None, None),
        (20210310, None),
    ],
)
def test_parse_reference_date(value: object, expected: dt.date | None) -> None:
    assert parse_reference_date(value) == expected


@pytest.mark.parametrize(
    ("text", "ref", "value"),
    [
        ("la grande nuit le lundi 6 avec Roch Voisine", dt.date(2012, 8, 3), "2012-08-06"),
        ("et enfin le samedi 11", dt.date(2012, 8, 3), "2012-08-11"),
        ("le mardi 31 dernier", dt.date(2012, 8, 3), "2012-07-31"),
        ("le lundi 6", None, None),
        ("le lundi 7", dt.date(2012, 8, 3), None),  # no Monday 7 near the article's date
    ],
)
def test_a_weekday_and_day_resolve_to_the_nearest_such_day(
    text: str, ref: dt.date | None, value: str | None
) -> None:
    (mention,) = [m for m in drop_overlaps(date_mentions(text, 0, ref)) if m.fr[0] in "lms"]
    assert mention.value == value


def test_a_weekday_before_a_clock_time_is_not_a_day() -> None:
    assert [m.fr for m in date_mentions("lundi 6 h 30", 0, REF)] == []
