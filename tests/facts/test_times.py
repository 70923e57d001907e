from __future__ import annotations

import pytest

from pipeline.facts.analysis import Analysis
from pipeline.facts.english import mention_english
from pipeline.facts.extract import sentence_mentions
from pipeline.facts.times import time_mentions
from tests.facts.helpers import analysis


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Le train part à 18 h 15.", "18 h 15", "18:15"),
        ("Ils sont partis à 13h02, heure française.", "13h02", "13:02"),
        ("Arrivé à 0h50, il a dormi.", "0h50", "00:50"),
        ("Au pointage de 19h, Gabart mène.", "19h", "19:00"),
        ("vers 16h45 UTC, deux bangs", "16h45 UTC", "16:45"),
        ("La réunion est prévue à 9 heures.", "9 heures", "09:00"),
        ("Il rentre à 7 heures du soir.", "7 heures du soir", "19:00"),
        (
            "aux alentours de quatre heures et demie du matin",
            "quatre heures et demie du matin",
            "04:30",
        ),
        ("On se voit à 10 heures moins le quart.", "10 heures moins le quart", "09:45"),
        ("Rendez-vous à midi devant la gare.", "midi", "12:00"),
        ("vers 5 h 25 CEST (3 h 25 UTC)", "5 h 25 CEST", "05:25"),
    ],
)
def test_clock_times_are_times(text: str, surface: str, value: str) -> None:
    first = time_mentions(text, 0)[0]
    assert (first.type, first.fr, first.value) == ("time", surface, value)


@pytest.mark.parametrize(
    "text",
    [
        "Le vol a duré 3 heures.",
        "Il a travaillé pendant 9 heures.",
        "Une autonomie de 3 heures.",
        "Le quartier H3 et la 4e heure de cours.",
        "Il est 25 h selon lui.",
    ],
)
def test_durations_and_codes_are_not_times(text: str) -> None:
    assert time_mentions(text, 0) == []


def test_a_second_time_after_et_is_a_time() -> None:
    text = "publiés entre 8 heures pour Strasbourg et 19 heures pour la Corse"
    assert [m.value for m in time_mentions(text, 0)] == ["08:00", "19:00"]


def test_a_time_is_not_a_count_of_hours() -> None:
    text = "Le train part à 18 h 15."
    found = sentence_mentions(text, 0, analysis(text, nouns=("h",)))
    assert [(m.type, m.fr, m.value) for m in found] == [("time", "18 h 15", "18:15")]


@pytest.mark.parametrize(
    ("fr", "en", "expected"),
    [
        ("Il part à 18 h 15.", "He leaves at 6.15pm.", "6.15pm"),
        ("Il part à 18 h 15.", "He leaves at 18:15.", "18:15"),
        ("Il part à 9 heures.", "He leaves at 9 a.m. sharp.", "9 a.m."),
        ("Il part à 21 heures.", "He leaves at 9 pm.", "9 pm"),
        ("Il part à 21 heures.", "He leaves tomorrow.", None),
    ],
)
def test_english_surface_of_times(fr: str, en: str, expected: str | None) -> None:
    (mention,) = time_mentions(fr, 0)
    assert mention_english(mention, en) == expected


def test_empty_analysis_still_finds_times() -> None:
    text = "à 20h30"
    assert [m.type for m in sentence_mentions(text, 0, Analysis())] == ["time"]
