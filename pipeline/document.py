"""The article object that flows through every stage.

Each stage reads some fields of :class:`Article` and fills others; stages never talk to each other
directly. The JSON brief is a projection of this object (see :mod:`pipeline.stages.write`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Warning_:
    """A problem worth telling the reader about, attached to the article.

    Attributes:
        code: Stable machine-readable code, e.g. ``"clean.removed_boilerplate"``.
        message: Human-readable explanation.
        stage: Name of the stage that raised it.
        sentence: Id of the sentence concerned, when there is one.
        summary: The summary sentence concerned, when there is one: ``{"lang": "en",
            "number": 2}`` (numbered from 1, as readers see it).
    """

    code: str
    message: str
    stage: str = ""
    sentence: int | None = None
    summary: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message, "stage": self.stage}
        if self.sentence is not None:
            out["sentence"] = self.sentence
        if self.summary is not None:
            out["summary"] = dict(self.summary)
        return out


@dataclass
class Sentence:
    """One source sentence and its translation.

    Attributes:
        id: Position of the sentence in the article, from 0 (readers see ``id + 1``: every
            output numbers sentences from 1).
        paragraph: Index of the paragraph it belongs to.
        fr: French source text.
        en: English translation, filled by the translate stage.
        flags: Machine-readable problems found with this sentence (e.g. ``"number_mismatch"``,
            set by the verify stage).
        checks: What each flag found, for readers (``{"kind", "fr", "en", "gloss", "conflict",
            "explanation"}``, :func:`pipeline.explain.check`; set by the verify stage).
        lang: The sentence's language when it is not the article's (``"en"`` for an English
            quotation in a French article, which is kept as written); None otherwise.
        analysis: spaCy's tokens and entities of ``fr`` with the model that made them
            (``(model, analysis)``), kept by the first stage that runs the French model so that
            later stages reuse it (see :func:`pipeline.facts.analysis.analyse_sentences`); not
            written to the brief.
    """

    id: int
    paragraph: int
    fr: str
    en: str | None = None
    flags: list[str] = field(default_factory=list)
    checks: list[dict[str, Any]] = field(default_factory=list)
    lang: str | None = None
    analysis: tuple[str, Any] | None = field(default=None, repr=False, compare=False)


@dataclass
class Paragraph:
    """A block of the article: body text, a heading or a list item.

    Attributes:
        index: Position in the article, from 0.
        kind: ``"text"``, ``"heading"`` or ``"list_item"``.
        sentence_ids: Ids of the sentences in this block, in order.
    """

    index: int
    kind: str = "text"
    sentence_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Unsupported:
    """Something a generated sentence says that the source does not.

    Attributes:
        kind: ``"number"`` (amounts and percentages included), ``"date"`` (a year, a month, a
            weekday), ``"name"`` or ``"polarity"`` (a negation).
        text: The words as the generated sentence has them.
    """

    kind: str
    text: str


@dataclass
class SummarySentence:
    """A sentence of the summary with the source sentences it draws on.

    Attributes:
        text: The sentence.
        sources: Ids of the source sentences it draws on, best first.
        flags: Machine-readable problems: ``"unsupported_number"``, ``"unsupported_date"``,
            ``"unsupported_name"`` (each with the items in ``unsupported``).
        unsupported: The numbers, dates and names it states that the source does not.
    """

    text: str
    sources: list[int] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    unsupported: list[Unsupported] = field(default_factory=list)


@dataclass
class Fact:
    """A key fact: an entity, an amount, a date… traced to its source sentences.

    Attributes:
        type: ``"person"``, ``"organisation"``, ``"place"``, ``"other"`` (named entities),
            ``"amount"``, ``"percentage"``, ``"number"``, ``"count"`` (quantities), ``"date"``,
            ``"time"`` (a clock time, ``HH:MM``) or ``"period"``.
        fr: Surface form in the French source (for a name mentioned several ways, the longest).
        en: Surface form in English (from the aligned translation when found).
        sentences: Ids of the source sentences that mention it.
        value: Normalised value where it applies (a number, an ISO date, a currency amount…).
        score: Salience; facts are ranked by it.
        aliases: The other French forms it is mentioned by ("M. Lei" for "Lei Jun").
    """

    type: str
    fr: str
    en: str | None = None
    sentences: list[int] = field(default_factory=list)
    value: Any = None
    score: float = 0.0
    aliases: list[str] = field(default_factory=list)


@dataclass
class Article:
    """A French article on its way to becoming a bilingual brief.

    Attributes:
        path: Where the article came from (file path or URL).
        stem: Base name for output files.
        raw: The bytes as read, before decoding; dropped after cleaning to save memory.
        text: Decoded, cleaned text (paragraphs separated by blank lines).
        lang: Detected language of the source ("fr" when unknown).
        sha256: Hash of the raw bytes.
        title_fr: The input's own title, when one could be told apart (the clean stage).
        title_en: Its English (the translate stage).
        title_origin: Set by the verify stage on an untitled article: its title is made from
            ``"summary"`` (the first unflagged summary sentence of each language) or ``"lead"``
            (the first sentence). The title shown is :meth:`title`; each field has one writer.
        paragraphs / sentences: Structure and segmented sentences (filled by cleaning).
        summary_en / summary_fr: Summary sentences in both languages.
        summary_info: How the summary was made (chunks, passes, French method).
        facts: Extracted key facts, ranked.
        key_sentences: Ids of the source sentences that carry the most facts, in order.
        warnings: Problems to show in the brief.
        metadata: What was found on the way (date, author, URL, encoding, …).
        signature: Models and settings that produced the brief.
        outputs: Paths of the files written for this article.
        briefed_at: When the brief was written (ISO 8601, UTC; set by the write stage).
        error: Set when a stage failed on this article; later stages skip it.
        skipped: Set (with a reason) when the article is deliberately not briefed.
        timings: Seconds spent per stage on the batch this article was in (shared across the batch).
    """

    path: str
    stem: str
    raw: bytes | None = None
    text: str = ""
    lang: str = "fr"
    sha256: str = ""
    title_fr: str | None = None
    title_en: str | None = None
    title_origin: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    summary_en: list[SummarySentence] = field(default_factory=list)
    summary_fr: list[SummarySentence] = field(default_factory=list)
    summary_info: dict[str, Any] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    key_sentences: list[int] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    signature: dict[str, Any] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    briefed_at: str | None = None
    error: str | None = None
    skipped: str | None = None

    @classmethod
    def from_path(cls, path: str | Path) -> Article:
        """An article to be read from ``path``; reading happens in the clean stage."""
        p = Path(path)
        return cls(path=str(p), stem=p.stem)

    @classmethod
    def from_text(cls, text: str, stem: str = "article", path: str = "<memory>") -> Article:
        """An article whose content is already in memory (tests, feeds, evaluation)."""
        return cls(path=path, stem=stem, raw=text.encode("utf-8"))

    @property
    def active(self) -> bool:
        """Whether later stages should still work on this article."""
        return self.error is None and self.skipped is None

    def warn(
        self,
        code: str,
        message: str,
        stage: str = "",
        sentence: int | None = None,
        summary: dict[str, Any] | None = None,
    ) -> None:
        """Attach a warning to the article (its code declared in :mod:`pipeline.codes`)."""
        self.warnings.append(Warning_(code, message, stage, sentence, summary))

    def title(self, lang: str) -> str | None:
        """The title shown in ``lang`` (``"en"`` or ``"fr"``): the input's own, else the one made
        from the sentence ``title_origin`` names, cut to a title's length."""
        if self.title_origin == "summary":
            summary = self.summary_en if lang == "en" else self.summary_fr
            return _shorten(next((s.text for s in summary if not s.flags), None))
        if self.title_origin == "lead":
            return _shorten(getattr(self.body()[0], lang))
        return self.title_en if lang == "en" else self.title_fr

    def sentences_of(self, paragraph: Paragraph) -> list[Sentence]:
        """The sentences of one paragraph, in order."""
        return [self.sentences[i] for i in paragraph.sentence_ids]

    def body(self) -> list[Sentence]:
        """The sentences of the text without its headings (all of them when that leaves none):
        what a summary is made of and checked against."""
        out = []
        for para in self.paragraphs:
            if para.kind != "heading":
                out += self.sentences_of(para)
        return out or list(self.sentences)

    def text_en(self) -> str:
        """The English translation, paragraphs separated by blank lines."""
        blocks = []
        for para in self.paragraphs:
            parts = [s.en for s in self.sentences_of(para) if s.en]
            if parts:
                blocks.append(" ".join(parts))
        return "\n\n".join(blocks)


_TITLE_WORDS = 20


def _shorten(text: str | None) -> str | None:
    """A sentence cut to a title's length, without its final full stop."""
    if not text:
        return None
    words = text.split()
    if len(words) > _TITLE_WORDS:
        return " ".join(words[:_TITLE_WORDS]).rstrip(",;:") + "…"
    return " ".join(words).rstrip(".")
