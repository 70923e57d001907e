"""Clean stage: bytes in, paragraphs of French sentences out.

Reads the input (refusing missing, oversized and binary files), decodes it, normalises the text,
tells the title apart, and segments paragraphs into sentences.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from pathlib import Path

from pipeline.config import BriefConfig
from pipeline.document import Article, Paragraph, Sentence
from pipeline.errors import InputError
from pipeline.runtime import Runtime
from pipeline.stages.base import Stage
from pipeline.text.segment import split_french_many

log = logging.getLogger(__name__)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WESTERN = ["cp1252", "iso8859_15", "latin_1", "mac_roman", "cp850"]
_LETTERS = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ]")


def read_input(article: Article, max_bytes: int) -> bytes:
    """The article's bytes, read from disk unless already in memory.

    Raises:
        InputError: Missing path, a directory, or a file larger than ``max_bytes``.
    """
    if article.raw is not None:
        return article.raw
    path = Path(article.path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not an article")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"{path}: {size:,} bytes is over the limit of {max_bytes:,} (stages.clean.max_bytes)"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decodes bytes to text, refusing binary data.

    Returns:
        The text and the encoding it was read with.

    Raises:
        InputError: When the bytes are not text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # French text that is not UTF-8 comes in Western-European code pages; letting the detector
    # roam over every code page picks Baltic or Central-European ones on short texts.
    best = from_bytes(data, cp_isolation=_WESTERN).best() or from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: binary data or an unknown encoding, not text")
    return str(best), best.encoding


def normalise(text: str) -> str:
    """NFC, unified line ends, no control characters, no non-breaking spaces."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return text


def paragraphs_of(text: str) -> list[str]:
    """Blocks separated by blank lines, inner line breaks joined."""
    blocks = re.split(r"\n\s*\n", text)
    return [" ".join(b.split()) for b in blocks if b.strip()]


def looks_like_title(block: str) -> bool:
    """A short first block without a final full stop reads as a title."""
    return len(block) <= 200 and not block.rstrip().endswith((".", "…", ":")) and "\n" not in block


class CleanStage(Stage):
    """Turns raw input into the article's paragraphs and sentences."""

    name = "clean"
    provides = ("text", "title_fr", "paragraphs", "sentences")

    def __init__(self, config: BriefConfig, runtime: Runtime) -> None:
        self.config = config.stages.clean

    def pipe(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            if article.active:
                self.clean(article)
        return articles

    def clean(self, article: Article) -> None:
        """Cleans one article in place; unusable input is marked as an error or a skip."""
        data = read_input(article, self.config.max_bytes)
        article.sha256 = hashlib.sha256(data).hexdigest()
        if not data.strip():
            raise InputError(f"{article.path}: empty file")
        text, encoding = decode(data, article.path)
        article.metadata["encoding"] = encoding
        article.raw = None
        text = normalise(text)
        blocks = paragraphs_of(text)
        letters = sum(1 for _ in _LETTERS.finditer(" ".join(blocks)))
        if letters < self.config.min_chars:
            raise InputError(f"{article.path}: no article text ({letters} letters after cleaning)")
        article.text = "\n\n".join(blocks)
        if len(blocks) > 1 and looks_like_title(blocks[0]):
            article.title_fr = blocks[0]
        self._segment(article, blocks)

    def _segment(self, article: Article, blocks: list[str]) -> None:
        article.paragraphs, article.sentences = [], []
        # The first block is the title when it looks like one; later title-like blocks are
        # section headings. Either way they are translated whole, not split.
        headings = [
            (index == 0 and article.title_fr is not None)
            or (index > 0 and looks_like_title(block) and len(block) <= 120)
            for index, block in enumerate(blocks)
        ]
        body = [b for b, heading in zip(blocks, headings, strict=True) if not heading]
        split = iter(split_french_many(body, self.config.segmenter))
        for index, (block, heading) in enumerate(zip(blocks, headings, strict=True)):
            parts = [block] if heading else next(split)
            para = Paragraph(index=index, kind="heading" if heading else "text")
            for part in parts:
                sentence = Sentence(id=len(article.sentences), paragraph=index, fr=part)
                article.sentences.append(sentence)
                para.sentence_ids.append(sentence.id)
            article.paragraphs.append(para)
