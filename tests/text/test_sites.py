from __future__ import annotations

import pytest

from pipeline.text.sites import registrable_domain, same_site


@pytest.mark.parametrize(
    ("url", "other", "same"),
    [
        ("https://www.lemonde.fr/a", "https://abonnes.lemonde.fr/b", True),
        ("https://news.bbc.co.uk/a", "https://www.bbc.co.uk/b", True),
        ("https://www.lemonde.fr/a", "https://lemonde.fr.phish.example/a", False),
        ("https://a.github.io/x", "https://b.github.io/x", False),  # a public suffix
        ("http://127.0.0.1:8000/a", "http://127.0.0.1:9000/b", True),
        ("http://127.0.0.1/a", "http://127.0.0.2/a", False),
        ("https://www.lemonde.fr/a", "javascript:alert(1)", False),
    ],
)
def test_same_site_is_the_same_registrable_domain(url: str, other: str, same: bool) -> None:
    assert same_site(url, other) is same


def test_registrable_domain_needs_no_network() -> None:
    assert registrable_domain("https://www.lefigaro.fr/x") == "lefigaro.fr"
    assert registrable_domain("http://localhost/x") is None
