from __future__ import annotations

import random
import unicodedata

import pytest

from pipeline.text.normalise import _fix_text, drop_long_tokens, normalise

CASES = [
    # (what, input, expected)
    ("nfc", "e\u0301te\u0301 a\u0300 Noe\u0308l", "été à Noël"),
    ("crlf", "un\r\ndeux\r\n", "un\ndeux\n"),
    ("lone cr", "un\rdeux\r\rtrois", "un\ndeux\n\ntrois"),
    ("unicode separators", "un\u2028deux\u2029trois", "un\ndeux\n\ntrois"),
    ("nul and controls", "Le\x00 prix\x07 du\x1b gaz", "Le prix du gaz"),
    ("zero width", "Ma\u200bcron a\u200c dit\u200d\u2060 non\ufeff", "Macron a dit non"),
    ("bidi overrides", "le \u202eexte\u202c et \u2066ici\u2069", "le exte et ici"),
    ("soft hyphen", "gouver\u00adnement", "gouvernement"),
    ("nbsp before colon", "Il a dit\u00a0: non\u202f!", "Il a dit : non !"),
    ("narrow nbsp in guillemets", "«\u202fBonjour\u202f»", "« Bonjour »"),
    ("guillemets without spaces", "«Bonjour»", "« Bonjour »"),
    ("typographic apostrophe", "l’élève d’Orléans", "l'élève d'Orléans"),
    ("curly double quotes", "“citée” et „basse‟", '"citée" et "basse"'),
    ("prime and modifier apostrophe", "aujourdʼhui", "aujourd'hui"),
    ("mojibake from double decoding", "Ã©tÃ© Ã  NoÃ«l", "été à Noël"),
    ("html entities in plain text", "AT&amp;T et l&#39;été", "AT&T et l'été"),
    ("ligatures", "ﬁnancement", "financement"),
    ("fullwidth", "ＡＢＣ １２３", "ABC 123"),
    ("tabs and runs of spaces", "un\t\tdeux   trois  ", "un deux trois"),
    ("trailing spaces per line", "un  \ndeux\t\n", "un\ndeux\n"),
]


@pytest.mark.parametrize(("what", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_normalise(what: str, text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(("what", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_normalise_is_idempotent(what: str, text: str, expected: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


def test_guillemets_and_accents_survive() -> None:
    text = "« Œuvre » : l'été, déjà, où ça ? Ça coûte 2 € — 50 %."
    out = normalise(text)
    assert out == text
    assert unicodedata.is_normalized("NFC", out)


@pytest.mark.parametrize(
    ("text", "limit", "expected", "removed"),
    [
        ("un mot " + "x" * 101 + " fin", 100, "un mot  fin", ["x" * 101]),
        ("un mot " + "x" * 100 + " fin", 100, "un mot " + "x" * 100 + " fin", []),
        ("a" * 500, 100, "", ["a" * 500]),
        ("ligne\n" + "b" * 300 + "\nligne", 100, "ligne\n\nligne", ["b" * 300]),
        ("a" * 500, 0, "a" * 500, []),
    ],
)
def test_drop_long_tokens(text: str, limit: int, expected: str, removed: list[str]) -> None:
    assert drop_long_tokens(text, limit) == (expected, removed)


def test_plain_lines_going_round_ftfy_change_nothing() -> None:
    import ftfy

    pieces = ["a", " ", "\n", "\r", "\r\n", "&amp;", "&eacute;", "<", "é", "Ã©", "â€™", "ﬁ"]
    pieces += ["Ａ", "\x00", "\x1b[31m", "“", "'", "\t", "\x85", "&", "&lt;p&gt;", "Ã", "©"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(30)))
        expected = ftfy.fix_text(
            text,
            normalization="NFC",
            uncurl_quotes=True,
            fix_line_breaks=True,
            remove_control_chars=True,
            fix_latin_ligatures=True,
            fix_character_width=True,
            unescape_html="auto",
        )
        assert _fix_text(text) == expected, repr(text)
