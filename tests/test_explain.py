"""Flags in plain English: what the English says, what the French says, what it means."""

from __future__ import annotations

import pytest

from pipeline.explain import check, english_number, explain, explain_parts, gloss
from pipeline.text.numbers import numbers_in
from pipeline.verify.checks import Flag, Verifier


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("3 millions d'euros", "3 million EUR"),
        ("7,7 milliards de dollars", "7.7 billion USD"),
        ("12,5 %", "12.5 %"),
        ("1 500", "1,500"),
    ],
)
def test_a_french_number_is_glossed_as_an_english_reader_writes_it(
    french: str, english: str
) -> None:
    assert gloss("number", french) == english
    assert english_number(numbers_in(french, "fr")[0]) == english


def test_months_weekdays_and_known_names_are_glossed_and_plain_names_are_not() -> None:
    assert gloss("date", "jeudi") == "Thursday"
    assert gloss("date", "14 juillet") == "July"
    assert gloss("name", "Allemagne") == "Germany"
    assert gloss("name", "Xiaomi") is None  # the same in both languages: nothing to add
    assert gloss("polarity", "n'est pas") is None


def test_a_missing_number_names_the_english_number_that_contradicts_it() -> None:
    fr = "L'entreprise a levé 3 millions d'euros en janvier."
    en = "The company raised 5 million euros in January."
    flags = Verifier(names=False).translation(fr, en, None)
    number = next(f for f in flags if f.kind == "number")
    # The check pairs the French span with the English number left over, both ways
    assert number.en == "5 million euros"
    record = check(Flag("number", number.fr), fr, en)  # a flag with the French span only
    assert record["conflict"] == "5 million euros"
    assert record["gloss"] == "3 million EUR"
    explanation = f"The English says 5 million euros; the French says {number.fr} (3 million EUR)."
    assert record["explanation"] == explanation
    assert check(number, fr, en)["explanation"] == explanation


def test_a_number_the_english_lacks_with_nothing_in_its_place_says_so() -> None:
    fr = "Il y a eu 42 blessés."
    record = check(Flag("number", "42"), fr, "There were injuries.")
    assert record["conflict"] is None
    assert record["explanation"] == "The French gives a number, 42, that the English does not."


@pytest.mark.parametrize(
    ("flag", "expected"),
    [
        (
            Flag("polarity", "n'est pas", None),
            "The French has a negation (n'est pas) that the English lacks.",
        ),
        (
            Flag("polarity", "", "not"),
            "The English has a negation (not) that the French lacks.",
        ),
        (
            Flag("date", "jeudi", "Monday"),
            "The English says Monday; the French says jeudi (Thursday).",
        ),
        (
            Flag("name", "", "Okonkwo"),
            "The English gives a name, Okonkwo, that the French does not.",
        ),
    ],
)
def test_each_kind_reads_as_a_sentence(flag: Flag, expected: str) -> None:
    assert check(flag, "", "")["explanation"] == expected


def test_pieces_emphasise_the_spans_and_mark_the_french() -> None:
    record = check(Flag("date", "jeudi", "Monday"), "jeudi", "Monday")
    parts = explain_parts(record)
    assert "".join(p.text for p in parts) == explain(record)
    strong = [(p.text, p.lang) for p in parts if p.strong]
    assert strong == [("Monday", None), ("jeudi", "fr")]


def test_an_english_number_with_the_spans_own_digits_is_not_a_conflict() -> None:
    fr = "Ils ont levé 7,7 milliards de dollars."
    record = check(Flag("number", "7,7 milliards de dollars"), fr, "THEY RAISED 7,7 BILLION.")
    assert record["conflict"] is None
    other = check(Flag("number", "7,7 milliards de dollars"), fr, "They raised $9 billion.")
    assert other["conflict"] == "$9 billion"


def test_the_conflict_is_the_english_number_of_the_same_sort() -> None:
    fr = "Le chômage a baissé de 4,5 % et l'État a versé 7,2 milliards d'euros."
    en = "Unemployment fell 7 % and the state paid 4 billion euros."
    assert check(Flag("number", "4,5 %"), fr, en)["conflict"] == "7 %"
    assert check(Flag("number", "7,2 milliards d'euros"), fr, en)["conflict"] == "4 billion euros"
    assert check(Flag("number", "4,5 %"), fr, "Unemployment fell in 2019.")["conflict"] is None
