from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.digest.entries import entry_from_brief, safe_url
from pipeline.digest.render import render_index, render_markdown, render_page, sections
from pipeline.explain import value_text
from pipeline.testing.digest import brief_dicts, digest_entries

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
        "sentences": [
            {
                "id": 0,
                "paragraph": 0,
                "fr": PAYLOAD,
                "en": PAYLOAD,
                "flags": ["number_mismatch"],
                "checks": [
                    {
                        "kind": "number",
                        "fr": PAYLOAD,
                        "en": None,
                        "gloss": PAYLOAD,
                        "conflict": PAYLOAD,
                        "explanation": PAYLOAD,
                    },
                ],  # fmt: skip
            }
        ],
        "trust": {"checked": 1, "flagged": 1, "line": "1 flagged " + PAYLOAD},
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
    html = render_page(entry_from_brief(data, 1, "a"), "fr", "2026-01-01 00:00 UTC")
    assert html.index("Pistes cyclables") < html.index("Cycle lanes")
    assert '<html lang="fr">' in html
    md = render_markdown([entry_from_brief(data, 1, "a")], "fr", "2026-01-01 00:00 UTC")
    assert md.index("Pistes cyclables") < md.index("Cycle lanes")


def test_missing_english_title_falls_back_to_the_french_once() -> None:
    data = hostile_brief("https://ex.org/a")
    data["title"] = {"en": None, "fr": "Pistes cyclables"}
    html = render_index([entry_from_brief(data, 1, "a")], "en", "2026-01-01 00:00 UTC")
    assert html.count("Pistes cyclables") == 1


# What a story page and the index hold, from real briefs (stand-in backends, the seed articles).

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seed_briefs() -> list[dict]:
    briefs = brief_dicts(sorted(SEEDS.glob("*.txt")))
    assert len(briefs) == len(list(SEEDS.glob("*.txt")))
    return briefs


def test_a_200_story_index_stays_under_150_kb(seed_briefs: list[dict]) -> None:
    entries = digest_entries(seed_briefs, 200)
    html = render_index(entries, "en", "2026-01-01 00:00 UTC")
    size = len(html.encode("utf-8"))
    assert size < 150_000, size
    # One trust line and one link a story; no warning list, no flag explanation.
    assert html.count('class="trust ') == 200
    for e in entries:
        assert html.count(f'href="pages/{e.stem}.html"') == 1
        assert html.count(f'id="b-{e.stem}"') == 1
    assert 'class="flags"' not in html and "Sentence " not in html
    assert not any(w["message"] in html for b in seed_briefs for w in b["warnings"])


def test_the_index_is_sectioned_by_day_and_source_with_contents(seed_briefs: list[dict]) -> None:
    entries = digest_entries(seed_briefs, 20)
    parts = sections(entries)
    assert [s.day for s in parts] == ["2026-12-06", "2026-12-05", "2026-12-04"]
    for s in parts:
        labels = [g.label for g in s.groups]
        assert labels == sorted(labels) and len(set(labels)) == len(labels)
        assert all(e.day == s.day for g in s.groups for e in g.entries)
    assert sum(s.count for s in parts) == 20
    html = render_index(entries, "en", "2026-01-01 00:00 UTC")
    tags = _structure(html)
    ids = {a["id"] for _, a in tags if "id" in a}
    contents = [a["href"] for tag, a in tags if tag == "a" and a.get("href", "").startswith("#")]
    assert len(contents) == len(parts) + sum(len(s.groups) for s in parts)
    assert all(href[1:] in ids for href in contents)
    md = render_markdown(entries, "en", "2026-01-01 00:00 UTC")
    assert md.count("\n## ") == 3 and md.count("\n#### ") == 20
    assert all(f"](#{s.anchor})" in md and f'<a id="{s.anchor}"></a>' in md for s in parts)


def _ids_and_links(html: str) -> tuple[set[str], list[str]]:
    tags = _structure(html)
    ids = [a["id"] for _, a in tags if "id" in a]
    assert len(ids) == len(set(ids)), "an id is used twice"
    return set(ids), [a["href"] for tag, a in tags if tag == "a" and "href" in a]


def test_a_story_page_numbers_anchors_and_links_every_sentence(seed_briefs: list[dict]) -> None:
    data = next(b for b in seed_briefs if any(s["flags"] for s in b["sentences"]))
    html = render_page(entry_from_brief(data, 1, "s"), "en", "2026-01-01 00:00 UTC")
    ids, links = _ids_and_links(html)
    numbers = [s["id"] + 1 for s in data["sentences"]]
    assert {f"s-{n}" for n in numbers} <= ids and "s-0" not in ids
    for href in links:
        if href.startswith("#"):
            assert href[1:] in ids, href
    flagged = [s["id"] + 1 for s in data["sentences"] if s["flags"]]
    for n in flagged:
        # The sentence's ⚠ opens its explanation, which links back to the sentence.
        assert f'<a class="flag" href="#f-{n}"' in html
        assert re.search(rf'<li id="f-{n}"><a href="#s-{n}">Sentence {n}</a>: \S', html)
    assert html.count('<div class="s flagged"') == len(flagged)
    assert html.count('<p class="other" lang="fr">') == len(numbers)  # French beside English
    # A summary sentence drawn from a flagged sentence carries its flag.
    for i, s in enumerate(data["summary"]["sentences"]["en"], 1):
        span = re.search(rf'<span class="sum" id="sum-en-{i}">(.*?)</span>\n', html, re.S)
        assert span, i
        for source in s["sources"]:
            assert f'href="#s-{source + 1}"' in span.group(1)
            mark = f'href="#f-{source + 1}"' in span.group(1)
            assert mark == (source + 1 in flagged)
    assert html.index('class="trust ') < html.index('id="summary"')
    assert "verify." not in html and "number_mismatch" not in html  # no codes


def test_facts_missing_from_the_english_show_the_french_and_its_value() -> None:
    data = hostile_brief("https://ex.org/a")
    data["facts"] = [
        {"type": "amount", "fr": "3 millions d'euros", "en": None, "sentences": [0],
         "value": {"amount": 3_000_000.0, "currency": "EUR"}},
        {"type": "date", "fr": "14 juillet", "en": None, "sentences": [0], "value": "2014-07-14"},
        {"type": "person", "fr": "Lei Jun", "en": "Lei Jun", "sentences": [0], "value": None},
    ]  # fmt: skip
    html = render_page(entry_from_brief(data, 1, "s"), "en", "2026-01-01 00:00 UTC")
    assert (
        '<td class="en"><span lang="fr">3 millions d&#39;euros</span> '
        '<span class="value">(3 million EUR)</span></td>' in html
    )
    assert '<span lang="fr">14 juillet</span> <span class="value">(2014-07-14)</span>' in html
    assert '<td class="refs" data-label="Sentences"><a href="#s-1">1</a></td>' in html


@pytest.mark.parametrize(
    ("kind", "value", "text"),
    [
        ("amount", {"amount": 3_000_000.0, "currency": "EUR"}, "3 million EUR"),
        ("amount", {"amount": 7_200_000_000.0, "currency": "EUR"}, "7.2 billion EUR"),
        ("amount", {"amount": 850.0, "currency": "USD"}, "850 USD"),
        ("percentage", 4.5, "4.5 %"),
        ("number", {"value": 20.0, "unit": "km"}, "20 km"),
        ("number", {"value": 2_300_000.0, "unit": None}, "2.3 million"),
        ("count", {"count": 153, "noun": "personnes"}, "153"),
        ("count", {"count": 1500, "noun": "emplois"}, "1,500"),
        ("date", "2014-07-14", "2014-07-14"),
        ("period", "R/P5Y", "R/P5Y"),
        ("time", "18:15", "18:15"),
        ("number", {"value": -5.0, "unit": "°C"}, "-5 °C"),
        ("person", None, ""),
        ("amount", {"amount": "lots"}, ""),
    ],
)
def test_fact_values_in_english(kind: str, value: object, text: str) -> None:
    assert value_text(kind, value) == text


def test_the_html_extraction_notice_and_warning_codes_are_not_shown() -> None:
    data = hostile_brief("https://ex.org/a")
    data["warnings"] = [
        {"code": "clean.html_extracted", "message": "read as HTML: kept the main text"},
        {"code": "translate.degenerate", "message": "one translation repeated itself"},
    ]
    entry = entry_from_brief(data, 1, "s")
    for html in (
        render_page(entry, "en", "2026-01-01 00:00 UTC"),
        render_index([entry], "en", "2026-01-01 00:00 UTC"),
    ):
        assert "read as HTML" not in html and "clean.html_extracted" not in html
        assert "translate.degenerate" not in html
    assert "one translation repeated itself" in render_page(entry, "en", "2026-01-01 00:00 UTC")


def test_flags_are_explained_in_plain_english_with_the_french_marked() -> None:
    data = hostile_brief("https://ex.org/a")
    data["sentences"][0].update(
        fr="Le budget est de 3 millions d'euros.",
        en="The budget is 5 million euros.",
        checks=[
            {
                "kind": "number",
                "fr": "3 millions d'euros",
                "en": None,
                "gloss": "3 million EUR",
                "conflict": "5 million",
                "explanation": "unused: the pieces are used",
            },
            {
                "kind": "polarity",
                "fr": "n'est pas",
                "en": None,
                "gloss": None,
                "conflict": None,
                "explanation": "unused",
            },
        ],  # fmt: skip
    )
    data["title"]["sources"] = [0]
    html = render_page(entry_from_brief(data, 1, "s"), "en", "2026-01-01 00:00 UTC")
    line = re.search(r'<li id="f-1">(.*?)</li>', html, re.S).group(1)
    assert line == (
        '<a href="#s-1">Sentence 1</a>: The English says <strong>5 million</strong>; the French '
        'says <strong lang="fr">3 millions d&#39;euros</strong> (3 million EUR). The French has '
        'a negation (<strong lang="fr">n&#39;est pas</strong>) that the English lacks.'
    )
    # The headline comes from sentence 1, which is flagged: it carries the flag.
    assert re.search(r'<h1>.*<a class="flag" href="#f-1"', html)
    assert "number_mismatch" not in html and "polarity" not in html


def test_a_french_reader_gets_the_english_explanations_marked_english() -> None:
    data = hostile_brief("https://ex.org/a")
    data["trust"]["line"] = "0 of 1 sentences checked with no problem found; 1 flagged."
    html = render_page(entry_from_brief(data, 1, "s"), "fr", "2026-01-01 00:00 UTC")
    assert '<html lang="fr">' in html
    assert '<p class="trust flagged" lang="en">0 of 1 sentences' in html
    assert '<ul class="flags" lang="en">' in html
