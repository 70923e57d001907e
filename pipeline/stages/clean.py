"""Clean stage: bytes in, paragraphs of French sentences out.

Reads the input (refusing missing, oversized and binary files), decodes it
(:mod:`pipeline.text.decode`), normalises the characters (:mod:`pipeline.text.normalise`),
extracts the main text of HTML (:mod:`pipeline.text.html`) or reads the structure of plain text
(:mod:`pipeline.text.blocks`), removes boilerplate with a warning for each kind removed
(:mod:`pipeline.text.boilerplate`), tells the title apart and splits paragraphs into sentences.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from pipeline.config import BriefConfig
from pipeline.document import Article, Paragraph, Sentence
from pipeline.errors import InputError
from pipeline.runtime import Runtime
from pipeline.stages.base import Stage
from pipeline.text.blocks import Block, parse_blocks
from pipeline.text.boilerplate import LABELS, Boilerplate
from pipeline.text.decode import decode, read_bytes
from pipeline.text.front_matter import FrontMatter, split_front_matter
from pipeline.text.html import extract_html, looks_like_html
from pipeline.text.normalise import drop_long_tokens, normalise, strip_controls
from pipeline.text.segment import split_french_many
from pipeline.text.sites import same_site
from pipeline.text.verbatim import MARKDOWN_SUFFIXES, split_verbatim

log = logging.getLogger(__name__)

_LETTERS = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"[^\W_]+")
_ENTITY = re.compile(r"&#?\w+;")
# The most characters kept of a metadata field the page gives (a title, an author…).
_META_CHARS = 500


def looks_like_title(block: Block) -> bool:
    """A short one-line block without a final full stop reads as a title."""
    text = block.text.rstrip()
    return block.lines == 1 and len(text) <= 200 and not text.endswith((".", "…", ":"))


class CleanStage(Stage):
    """Turns raw input into the article's paragraphs and sentences."""

    name = "clean"
    provides = ("text", "title_fr", "paragraphs", "sentences")
    parallel = True

    def __init__(self, config: BriefConfig, runtime: Runtime) -> None:
        self.config = config.stages.clean
        self.spacy_model = config.language.spacy_model  # the shared table

    def warm_up(self) -> None:
        if self.config.segmenter == "spacy":
            from pipeline.backends.spacy_fr import SpacyFrench

            SpacyFrench(self.spacy_model).nlp()

    def pipe(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            if article.active:
                self.clean(article)
        return articles

    def clean(self, article: Article) -> None:
        """Cleans one article in place.

        Raises:
            InputError: The input cannot be briefed (missing, binary, oversized, no text left…);
                the message names the file and says why.
        """
        data = self._read(article)
        article.sha256 = hashlib.sha256(data).hexdigest()
        if not data.strip():
            raise InputError(f"{article.path}: empty file" + (" (only whitespace)" if data else ""))
        decoded = decode(data, article.path)
        article.raw = None
        article.metadata["encoding"] = decoded.encoding
        if "+" in decoded.encoding:
            article.warn(
                "clean.mixed_encoding",
                "the file mixes UTF-8 with bytes in another encoding; those were read as cp1252",
                self.name,
            )
        remover = Boilerplate() if self.config.boilerplate else None
        title: str | None = None
        # A server that says text/plain is believed: a plain article may quote HTML tags.
        plain = article.metadata.get("content_type") == "text/plain"
        if not plain and looks_like_html(decoded.text, Path(article.path).suffix):
            # The extractor reads the markup as it is; what it extracts is normalised.
            blocks, title = self._from_html(article, strip_controls(decoded.text))
            long_tokens = self._drop_long_tokens(article, blocks)
            source = " ".join(b.text for b in blocks)
        else:
            article.metadata["format"] = "text"
            text, front = split_front_matter(decoded.text)
            if front is not None:
                title = self._read_front_matter(article, front)
            text = self._set_verbatim_aside(article, text)
            text = source = normalise(text)
            text, long_tokens = drop_long_tokens(text, self.config.max_token_chars)
            self._warn_long_tokens(article, long_tokens)
            if remover:
                text = remover.filter_lines(text)
            blocks = parse_blocks(text)
        if remover:
            blocks = remover.filter_blocks(blocks)
            self._report(article, remover)
        if title is None and len(blocks) > 1 and _is_title(blocks[0]):
            title = blocks.pop(0).text
        self._check_text(article, blocks, remover, source, len(long_tokens))
        # Whether the text is French at all is decided later, by the detect stage: cleaning
        # only guarantees that there is text.
        if title:
            article.title_fr = title
            blocks.insert(0, Block("heading", title))
        article.text = "\n\n".join(b.text for b in blocks)
        self._segment(article, blocks)

    def _read_front_matter(self, article: Article, front: FrontMatter) -> str | None:
        """A front matter block's date and author go to the metadata (where the caller gave
        none), its keys to ``metadata["front_matter"]``; returns its title, if any."""
        fields = {k: normalise(v) for k, v in front.fields.items()}
        title = fields.pop("title", None) or None
        _merge_page_metadata(article.metadata, fields)
        article.metadata["front_matter"] = front.keys
        read = ", ".join(k for k in ("title", "date", "author") if k in front.fields)
        article.warn(
            "clean.front_matter",
            f"front matter ({len(front.keys)} keys) read as metadata"
            + (f" ({read})" if read else "")
            + ", not as text",
            self.name,
        )
        return title

    def _set_verbatim_aside(self, article: Article, text: str) -> str:
        """A Markdown file's code blocks and tables go to ``metadata["verbatim"]``, out of the
        translation; the brief shows them as they are."""
        if Path(article.path).suffix.lower() not in MARKDOWN_SUFFIXES:
            return text
        text, blocks = split_verbatim(text)
        if blocks:
            article.metadata["verbatim"] = [b.to_dict() for b in blocks]
            kinds = [b.kind for b in blocks]
            parts = [
                _count(kinds.count(kind), name)
                for kind, name in (("code", "code block"), ("table", "table"))
                if kind in kinds
            ]
            article.warn(
                "clean.verbatim",
                f"{' and '.join(parts)} kept out of the translation, shown as in the source "
                "at the end of the brief",
                self.name,
            )
        return text

    def _read(self, article: Article) -> bytes:
        limit = self.config.max_bytes
        if article.raw is None:
            return read_bytes(article.path, limit)
        if len(article.raw) > limit:
            raise InputError(
                f"{article.path}: {len(article.raw):,} bytes is over the limit of {limit:,} "
                "bytes (stages.clean.max_bytes)"
            )
        return article.raw

    def _from_html(self, article: Article, text: str) -> tuple[list[Block], str | None]:
        """Blocks and title of an HTML page; its metadata goes on the article."""
        try:
            page = extract_html(text, url=article.metadata.get("url"))
        except Exception as exc:  # lxml/trafilatura on hostile markup: the input's fault
            log.debug("HTML extraction failed on %s", article.path, exc_info=exc)
            raise InputError(f"{article.path}: HTML that cannot be read ({exc})") from None
        article.metadata["format"] = "html"
        _merge_page_metadata(article.metadata, page.metadata)
        kept = sum(len(b.text) for b in page.blocks)
        article.warn(
            "clean.html_extracted",
            f"read as HTML: kept the main text found by trafilatura ({kept:,} of the page's "
            f"{page.page_chars:,} characters); menus, scripts and page furniture were left out",
            self.name,
        )
        blocks = page.blocks
        title = page.metadata.get("title")
        if title and blocks and _words(blocks[0].text) == _words(title):
            blocks = blocks[1:]  # the title, repeated at the top of the body
        elif not title and blocks and blocks[0].kind == "heading":
            title, blocks = blocks[0].text, blocks[1:]
        return blocks, title

    def _drop_long_tokens(self, article: Article, blocks: list[Block]) -> list[str]:
        """Removes overlong tokens from extracted blocks (see :func:`drop_long_tokens`)."""
        removed: list[str] = []
        for block in blocks:
            block.text, dropped = drop_long_tokens(block.text, self.config.max_token_chars)
            removed += dropped
        blocks[:] = [b for b in blocks if b.text.strip()]
        self._warn_long_tokens(article, removed)
        return removed

    def _warn_long_tokens(self, article: Article, removed: list[str]) -> None:
        if not removed:
            return
        shown = "; ".join(f"'{_shorten(t, 40)}' ({len(t):,} characters)" for t in removed[:3])
        more = f" and {len(removed) - 3} more" if len(removed) > 3 else ""
        article.warn(
            "clean.long_tokens",
            f"removed {_count(len(removed), 'token')} longer than {self.config.max_token_chars} "
            f"characters, which no word is (stages.clean.max_token_chars): {shown}{more}",
            self.name,
        )

    def _report(self, article: Article, remover: Boilerplate) -> None:
        """One warning per kind of boilerplate removed; bylines' author and date to metadata."""
        for byline in sorted(remover.bylines, key=lambda b: b.bare):
            if byline.author and "author" not in article.metadata:
                article.metadata["author"] = byline.author
            if byline.date and "date" not in article.metadata:
                article.metadata["date"] = byline.date
        counts = remover.counts()
        if not counts:
            return
        article.metadata["removed"] = dict(counts)
        for rule, count in counts.items():
            texts = [r.text for r in remover.removed if r.rule == rule]
            shown = "; ".join(f"'{_shorten(t)}'" for t in texts[:3])
            more = f" and {count - 3} more" if count > 3 else ""
            article.warn(
                "clean.removed_boilerplate",
                f"removed {count} {LABELS[rule]}: {shown}{more}",
                self.name,
            )

    def _check_text(
        self,
        article: Article,
        blocks: list[Block],
        remover: Boilerplate | None,
        source: str,
        long_tokens: int = 0,
    ) -> None:
        """Refuses an article with no text left to brief, saying why.

        Args:
            article: The article (for its path and format).
            blocks: What is left after cleaning, the title left out.
            remover: The boilerplate remover, if one ran.
            source: The text before structure and boilerplate were read from it.
            long_tokens: How many overlong tokens were removed.
        """
        minimum = self.config.min_chars
        letters = len(_LETTERS.findall(" ".join(b.text for b in blocks)))
        if letters >= minimum:
            return
        found = len(_LETTERS.findall(source))
        if long_tokens:
            limit = self.config.max_token_chars
            reason = (
                f"{letters} letters left after removing {_count(long_tokens, 'token')} longer "
                f"than {limit} characters; see stages.clean.max_token_chars"
            )
        elif article.metadata.get("format") == "html" and not source.strip():
            reason = "no main text found in the HTML page"
        elif found == 0:
            reason = "only numbers, punctuation or symbols"
        elif found < minimum:
            reason = f"only {found} letters (stages.clean.min_chars = {minimum})"
        elif remover and remover.removed:
            count = len(remover.removed)
            reason = f"{letters} letters left once {count} lines of boilerplate were removed"
        else:
            reason = f"only {letters} letters besides the title"
        raise InputError(f"{article.path}: no article text ({reason})")

    def _segment(self, article: Article, blocks: list[Block]) -> None:
        article.paragraphs, article.sentences = [], []
        # Short title-like blocks after the title are section headings. Headings and the title
        # are translated whole, not split; the rest is split in one pass of the segmenter.
        kinds = [
            "heading"
            if block.kind == "text"
            and index > 0
            and looks_like_title(block)
            and len(block.text) <= 120
            else block.kind
            for index, block in enumerate(blocks)
        ]
        body = [b.text for b, kind in zip(blocks, kinds, strict=True) if kind != "heading"]
        split = iter(split_french_many(body, self.config.segmenter, self.spacy_model))
        for index, (block, kind) in enumerate(zip(blocks, kinds, strict=True)):
            parts = [block.text] if kind == "heading" else next(split)
            para = Paragraph(index=index, kind=kind)
            for part in parts:
                sentence = Sentence(id=len(article.sentences), paragraph=index, fr=part)
                article.sentences.append(sentence)
                para.sentence_ids.append(sentence.id)
            article.paragraphs.append(para)


def _merge_page_metadata(metadata: dict, page: dict[str, str]) -> None:
    """Adds what the page says about itself (title, author, date, URL) where the article's
    metadata has nothing: what the caller gave (a feed's link, title, date) is not replaced by
    what any page claims. The page's own URL (its canonical link) is kept as ``canonical_url``
    only when it is on the same site as the article's URL."""
    for key, value in page.items():
        value = value if len(value) <= _META_CHARS else value[: _META_CHARS - 1] + "…"
        given = metadata.get(key)
        if key == "url" and given:
            if value != given and same_site(value, given):
                metadata["canonical_url"] = value
        elif not given:
            metadata[key] = value


def _is_title(block: Block) -> bool:
    # A line of nothing but entities or symbols ("&lol6;") is text, never the title.
    if not _LETTERS.search(_ENTITY.sub("", block.text)):
        return False
    return block.kind == "heading" or (block.kind == "text" and looks_like_title(block))


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
