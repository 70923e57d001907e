from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from pipeline.digest.entries import entry_from_brief, safe_url
from pipeline.digest.render import render_index, render_markdown, render_page

PAYLOAD = (
    "<script>document.title='pwned'</script>"
    "<img src=x onerror=\"document.title='pwned'\">"
    "<a href=\"javascript:document.title='pwned'\">clic</a>"
)
TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "h1", "h2",
    "h3", "h4", "p", "a", "article", "ul", "li", "span", "details", "summary", "time", "table",
    "thead", "tbody", "tr", "th", "td", "nav", "section", "div", "strong",
}  # fmt: skip


def hostile_brief(url: str = "javascript:document.title='pwned'") -> dict:
    return {
        "title": {"en": "EN " + PAYLOAD, "fr": "FR " + PAYLOAD},
        "summary": {"en": PAYLOAD, "fr": PAYLOAD},
        "facts": [{"type": "person" + PAYLOAD, "fr": PAYLOAD, "en": PAYLOAD}],
        "warnings": [{"code": "x<b>y", "message": PAYLOAD}],
        "paragraphs": [{"index": 0, "kind": "text", "sentences": [0]}],
        "sentences": [{"id": 0, "paragraph": 0, "fr": PAYLOAD, "en": PAYLOAD}],
        "metadata": {"url": url, "author": PAYLOAD, "date": PAYLOAD, "title": PAYLOAD},
        "source": {"path": url},
    }


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))


def _structure(html: str) -> list[tuple[str, dict]]:
    parser = _Collect()
    parser.feed(html)
    return parser.tags


@pytest.mark.parametrize("page", ["index", "page"])
def test_hostile_text_is_escaped_and_never_markup(page: str) -> None:
    entry = entry_from_brief(hostile_brief(), 1, "00001-x", {"md": "briefs/00001-x.md"})
    html = (
        render_index([entry], "en", "2026-01-01 00:00 UTC")
        if page == "index"
        else render_page(entry, "en", "2026-01-01 00:00 UTC")
    )
    tags = _structure(html)
    assert {tag for tag, _ in tags} <= TAGS
    for tag, attrs in tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        href = attrs.get("href")
        if href is not None:
            local = re.fullmatch(r"#[a-z0-9-]+", href)
            assert local or href.startswith(("pages/", "../")), href
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in html
    assert "Content-Security-Policy" in html


def test_source_links_only_for_http_urls() -> None:
    entry = entry_from_brief(hostile_brief("https://news.example.org/a?b=1&c=2"), 1, "s")
    html = render_page(entry, "en", "2026-01-01 00:00 UTC")
    hrefs = [a.get("href") for tag, a in _structure(html) if tag == "a"]
    assert "https://news.example.org/a?b=1&c=2" in hrefs
    assert "news.example.org" in html


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("http://example.org/a", True),
        ("https://example.org/l'été?x=1#y", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("  javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox(1)", False),
        ("//evil.example.org/x", False),
        ("http:evil", False),
        ('https://ex.org/"onmouseover="alert(1)', False),
        ("https://ex.org/a b", False),
        ("file:///etc/passwd", False),
        (None, False),
        (42, False),
    ],
)
def test_safe_url(url: object, safe: bool) -> None:
    assert (safe_url(url) is not None) == safe


def test_markdown_digest_is_inert() -> None:
    entries = [
        entry_from_brief(hostile_brief(), 1, "a"),
        entry_from_brief(hostile_brief("https://ex.org/a_(b)"), 2, "b"),
    ]
    md = render_markdown(entries, "en", "2026-01-01 00:00 UTC")
    # The only markup is the sections' own anchors, whose ids are made of [a-z0-9-].
    anchors = re.findall(r'<a id="d-[a-z0-9-]+"></a>', md)
    assert anchors and "<" not in re.sub(r'<a id="d-[a-z0-9-]+"></a>|<!-- brief:[^>]*-->', "", md)
    assert "](javascript:" not in md
    assert "[ex.org](https://ex.org/a_%28b%29)" in md


def test_french_first_when_the_reader_is_french() -> None:
    data = hostile_brief("https://ex.org/a")
    data["title"] = {"en": "Cycle lanes", "fr": "Pistes cyclables"}
    html = render_index([entry_from_brief(data, 1, "a")], "fr", "2026-01-01 00:00 UTC")
    assert html.index("Pistes cyclables") < html.index("Cycle lanes")
    assert '<html lang="fr">' in html
    md = render_markdown([entry_from_brief(data, 1, "a")], "fr", "2026-01-01 00:00 UTC")
    assert md.index("Pistes cyclables") < md.index("Cycle lanes")


def test_missing_english_title_falls_back_to_the_french_once() -> None:
    data = hostile_brief("https://ex.org/a")
    data["title"] = {"en": None, "fr": "Pistes cyclables"}
    html = render_index([entry_from_brief(data, 1, "a")], "en", "2026-01-01 00:00 UTC")
    assert html.count("Pistes cyclables") == 1
