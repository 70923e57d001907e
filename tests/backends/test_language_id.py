from __future__ import annotations

import pytest

from pipeline.backends.language_id import (
    best_language,
    best_languages,
    check_codes,
    confidence_of,
    language_name,
)
from pipeline.errors import ConfigError


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le gouvernement a annoncé un plan de relance pour les entreprises.", "fr"),
        ("The government announced a recovery plan for companies.", "en"),
        ("Die Regierung hat heute einen Plan für Unternehmen angekündigt.", "de"),
        ("", None),
    ],
)
def test_best_language(text: str, lang: str | None) -> None:
    assert best_language(text)[0] == lang
    assert best_languages([text])[0][0] == lang


def test_confidence_of_french() -> None:
    fr, en = confidence_of(
        ["Le gouvernement a décidé de baisser les impôts.", "The government decided to act."],
        "fr",
        ("fr", "en"),
    )
    assert fr > 0.9 and en < 0.1


def test_unknown_codes_name_the_config_path() -> None:
    with pytest.raises(ConfigError, match=r"language\.languages: unknown language code 'xx'"):
        check_codes(["fr", "xx"], "language.languages")


@pytest.mark.parametrize(("code", "name"), [("de", "German"), (None, "unknown"), ("xx", "xx")])
def test_language_name(code: str | None, name: str) -> None:
    assert language_name(code) == name
