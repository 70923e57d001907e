from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluation.cleaning import DEFAULT_FOLDER as ORANGESUM
from pipeline.text.html import extract_html, looks_like_html
from pipeline.text.normalise import normalise

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize(
    ("text", "suffix", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>Bonjour</p></body></html>", ".txt", True),
        ("  <html lang='fr'><p>Bonjour</p>", ".txt", True),
        ("<?xml version='1.0'?>\n<html><body>x</body></html>", ".txt", True),
        ('<script>alert("x")</script><p>Un article.</p>', ".txt", True),
        ("<p>Un article.</p>", ".html", True),
        ("Le développeur a ajouté une balise <div> à la page.", ".txt", False),
        ("Si a < b et b > c, alors rien.", ".txt", False),
        ("Un article sans balise.", ".html", False),
    ],
)
def test_html_is_told_apart_by_suffix_start_or_tags(text: str, suffix: str, expected: bool) -> None:
    assert looks_like_html(text, suffix) is expected


def test_page_gives_structure_and_metadata_without_scripts_or_furniture() -> None:
    html = normalise((FIXTURES / "clean" / "page.html").read_text(encoding="utf-8"))
    page = extract_html(html)
    assert page.metadata["title"] == "Grève des contrôleurs aériens : des centaines de vols annulés"
    assert page.metadata["author"] == "Paul Lefèvre"
    assert page.metadata["date"] == "2023-04-18"
    assert page.metadata["url"] == "https://www.example.org/economie/greve-controleurs-aeriens"
    kinds = [b.kind for b in page.blocks]
    assert "heading" in kinds and kinds.count("list_item") == 3
    text = " ".join(b.text for b in page.blocks)
    for absent in ("Ce texte de script", "Texte injecté", "font-family", "Accueil", "cookies"):
        assert absent not in text
    assert "reprendre le dialogue" in text
    assert page.page_chars == len(html)


def test_text_left_between_paragraphs_by_the_extractor_is_kept() -> None:
    # trafilatura leaves "M. Rosenfeld…" as the tail of the paragraph before it on this page.
    html = (ORANGESUM / "10629.html").read_text(encoding="utf-8")
    text = " ".join(b.text for b in extract_html(html).blocks)
    assert "M. Rosenfeld a indiqué qu'il n'y avait" in text


@pytest.mark.parametrize("html", ["<html></html>", "<b>x", "<p></p><div>  </div>", "<<<>>>"])
def test_pages_without_text_give_no_blocks(html: str) -> None:
    assert extract_html(html).blocks == []


def test_deeply_nested_markup_does_not_break_extraction() -> None:
    html = (
        "<div>" * 5000
        + "<p>Le conseil municipal a voté le budget jeudi soir.</p>"
        + "</div>" * 5000
    )
    page = extract_html(html)
    assert all("<" not in b.text for b in page.blocks)
