from __future__ import annotations

import pytest

from pipeline.text.blocks import join_lines, parse_blocks


def shape(text: str, one_per_line: bool = False) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in parse_blocks(text, one_per_line)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Titre\n\nTexte.", [("heading", "Titre"), ("text", "Texte.")]),
        ("### Sous-titre ###\nTexte.", [("heading", "Sous-titre"), ("text", "Texte.")]),
        (
            "Titre souligné\n==========\n\nTexte.",
            [("heading", "Titre souligné"), ("text", "Texte.")],
        ),
        ("Section\n-------\nTexte.", [("heading", "Section"), ("text", "Texte.")]),
        ('- "Grâce aux efforts de chacun" -', [("heading", '"Grâce aux efforts de chacun"')]),
        (
            "Trois points :\n- le premier ;\n* le deuxième ;\n• le troisième.",
            [
                ("text", "Trois points :"),
                ("list_item", "le premier ;"),
                ("list_item", "le deuxième ;"),
                ("list_item", "le troisième."),
            ],
        ),
        (
            "1. Étalonnage.\n2) Observations.",
            [("list_item", "Étalonnage."), ("list_item", "Observations.")],
        ),
        (
            "- un élément de liste qui continue\n  sur la ligne suivante\nTexte après.",
            [
                ("list_item", "un élément de liste qui continue sur la ligne suivante"),
                ("text", "Texte après."),
            ],
        ),
        ("> « Une citation », dit-il.", [("text", "« Une citation », dit-il.")]),
        ("Avant.\n\n---\n\nAprès.", [("text", "Avant."), ("text", "Après.")]),
        ("Avant.\n\n* * *\n\nAprès.", [("text", "Avant."), ("text", "Après.")]),
        ("-\n\n•\n\n...", []),
    ],
    ids=[
        "atx-heading",
        "closed-atx",
        "setext-equals",
        "setext-dashes",
        "afp-intertitle",
        "bullets",
        "numbered",
        "wrapped-item",
        "quote",
        "rule",
        "starred-rule",
        "punctuation-only",
    ],
)
def test_markdown_like_structure_survives_as_blocks(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert shape(text) == expected


def test_inline_markdown_is_reduced_to_its_text() -> None:
    text = "Voir [le site](https://example.org/a) et ![logo](l.png) dans **le dossier**."
    assert shape(text) == [("text", "Voir le site et dans le dossier.")]


def test_hard_wrapped_lines_are_joined_and_blank_lines_kept() -> None:
    text = (
        "Le gouvernement a annoncé mardi une hausse des tarifs réglementés de\n"
        "l'électricité de 4 %, applicable au 1er février. Les associations de\n"
        "consommateurs dénoncent la mesure.\n"
        "\n"
        "Le ministre a répondu mercredi.\n"
    )
    assert shape(text) == [
        (
            "text",
            "Le gouvernement a annoncé mardi une hausse des tarifs réglementés de "
            "l'électricité de 4 %, applicable au 1er février. Les associations de "
            "consommateurs dénoncent la mesure.",
        ),
        ("text", "Le ministre a répondu mercredi."),
    ]


def test_a_short_line_before_text_is_its_own_block() -> None:
    text = "Hausse des prix\nLe gouvernement a annoncé une hausse des tarifs de l'électricité."
    assert [b.text for b in parse_blocks(text)] == [
        "Hausse des prix",
        "Le gouvernement a annoncé une hausse des tarifs de l'électricité.",
    ]


def test_a_list_of_headlines_is_not_joined_into_one_paragraph() -> None:
    text = (
        "Marseille : règles du jeu et scénarios possibles pour le troisième tour\n"
        "Le gouvernement démissionne\n"
        "Édouard Philippe va quitter Matignon\n"
    )
    assert len(parse_blocks(text)) == 3


def test_long_lines_are_a_paragraph_each_but_a_cut_sentence_is_rejoined() -> None:
    long = "Première phrase d'un paragraphe écrit sur une seule longue ligne, " * 3
    text = f"{long.strip()}.\n{long.strip()}.\nDans un arrêté, le ministère indique\nles modalités."
    assert [b.text for b in parse_blocks(text)] == [
        f"{long.strip()}.",
        f"{long.strip()}.",
        "Dans un arrêté, le ministère indique les modalités.",
    ]


def test_one_per_line_keeps_short_lines_apart() -> None:
    text = "Une phrase courte.\nUne autre phrase coupée\nqui continue ici."
    assert [b.text for b in parse_blocks(text, one_per_line=True)] == [
        "Une phrase courte.",
        "Une autre phrase coupée qui continue ici.",
    ]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["le gouver-", "nement"], "le gouvernement"),
        (["une impor-", "tante réforme"], "une importante réforme"),
        (["le porte-", "parole"], "le porte-parole"),
        (["a-t-", "il dit"], "a-t-il dit"),
        (["celui-", "ci"], "celui-ci"),
        (["Jean-", "Michel Blanquer"], "Jean-Michel Blanquer"),
        (["le Covid-", "19"], "le Covid-19"),
        (["en 2019-", "2020"], "en 2019-2020"),
        (["l'ex-", "président"], "l'ex-président"),
        (["un tiret - ", "séparé"], "un tiret - séparé"),
        (["fin de ligne", "suite"], "fin de ligne suite"),
    ],
)
def test_words_hyphenated_across_lines_are_rejoined(lines: list[str], expected: str) -> None:
    assert join_lines([line.strip() for line in lines]) == expected
