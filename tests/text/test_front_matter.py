from __future__ import annotations

import pytest

from pipeline.text.front_matter import split_front_matter

ARTICLE = "Le 30 juin, le minitel cessera de fonctionner.\n"


@pytest.mark.parametrize(
    ("head", "fields"),
    [
        (
            '---\ntitle: "Le minitel s’arrête"\ndate: 2012-06-22\nauthor: Jean Dupont\n---\n',
            {"title": "Le minitel s’arrête", "date": "2012-06-22", "author": "Jean Dupont"},
        ),
        ("---\ntitre: 'L''été'\nauteur: Marie\n...\n", {"title": "L'été", "author": "Marie"}),
        (
            "---\nlayout: post\ntags:\n  - télécoms\n  - France\nauthors: [A, B]\n---\n",
            {},
        ),
        ("\n---\ntitle: Bonjour # a comment\ndescription: >\n  long\n---\n", {"title": "Bonjour"}),
    ],
)
def test_front_matter_is_read_and_taken_out(head: str, fields: dict[str, str]) -> None:
    text, front = split_front_matter(head + "\n" + ARTICLE)
    assert text == ARTICLE
    assert front is not None and front.fields == fields


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE,
        "---\n\n" + ARTICLE + "\n---\n\nLa suite.\n",  # rules around prose
        "---\ntitle: jamais fermé\n\n" + ARTICLE,
        "Titre\n---\n\n" + ARTICLE,  # an underlined heading
    ],
)
def test_text_without_front_matter_is_left_alone(text: str) -> None:
    assert split_front_matter(text) == (text, None)
