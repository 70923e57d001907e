"""Every flag and warning code a brief can carry, defined once, each with what it means.

The JSON schema (``pipeline/schema/brief.schema.json``) lists the same codes as enums and
docs/brief-format.md the same meanings; tests hold the three together. Readers never see a code:
the Markdown brief and the digest show the plain-English explanation
(:mod:`pipeline.explain`); the codes are for programs.
"""

from __future__ import annotations

# Flags of a source sentence (``sentences[].flags``).
SENTENCE_FLAGS: dict[str, str] = {
    "number_mismatch": "a number, amount, percentage or clock time differs between the French and "
    "the English",
    "date_mismatch": "a date, month or weekday differs between the French and the English",
    "name_mismatch": "a name of a person, organisation or place differs between the French and "
    "the English",
    "polarity_mismatch": "one side has a negation the other lacks",
    "split_input": "the sentence was too long for the model and was translated in pieces",
    "repetition": "the translation repeats itself",
    "too_long": "the translation is much longer than the French",
    "too_short": "the translation is much shorter than the French",
    "untranslated": "the translation still looks French",
}
# Sentence flags that describe how a sentence was handled rather than a problem with it: the
# trust line does not count them as flagged.
NOT_PROBLEMS = frozenset({"split_input"})

# Flags of a summary sentence (``summary.sentences.*[].flags``).
SUMMARY_FLAGS: dict[str, str] = {
    "unsourced": "the sentence shares nothing with any source sentence",
    "unsupported_number": "the sentence states a number its source sentences do not",
    "unsupported_date": "the sentence states a date its source sentences do not",
    "unsupported_name": "the sentence names someone or something its source sentences do not",
    "unsupported_polarity": "the sentence has a negation its source sentences do not",
}

# Warnings of a brief (``warnings[].code``).
WARNING_CODES: dict[str, str] = {
    "clean.front_matter": "the Markdown front matter was read as metadata (title, date, author), "
    "not as text",
    "clean.html_extracted": "the input was HTML; the article text was extracted from it",
    "clean.long_tokens": "tokens longer than any word (encoded data, a run of letters) were "
    "removed",
    "clean.mixed_encoding": "the input mixes UTF-8 with another encoding; those bytes were read "
    "as cp1252",
    "clean.removed_boilerplate": "site furniture (menus, sharing links, bylines) was removed",
    "clean.verbatim": "code or tables were kept as they are, untranslated",
    "detect.already_english": "the input is English; it was not translated",
    "detect.mixed": "the article mixes languages: its French paragraphs were translated, the "
    "others kept as written",
    "detect.other_language": "the input looks like another language than French",
    "detect.unsure": "the input's language is unclear; it was treated as French",
    "facts.sentence_too_long": "a sentence was too long for name finding",
    "models.non_commercial": "a model's licence does not allow commercial use",
    "summarise.empty": "the summariser returned nothing",
    "summarise.truncated": "the text was longer than the summariser reads; part was left out",
    "translate.degenerate": "a translation stayed degenerate after a retry",
    "translate.split_long": "a sentence was translated in pieces",
    **{
        f"verify.{code}": text
        for code, text in SENTENCE_FLAGS.items()
        if code.endswith("_mismatch")
    },
    **{f"verify.{code}": text for code, text in SUMMARY_FLAGS.items()},
}


def is_problem(flag: str) -> bool:
    """Whether a sentence flag says something may be wrong (not how it was handled)."""
    return flag not in NOT_PROBLEMS
