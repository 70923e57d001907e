"""The digest's words for a brief's checks, for briefs of this schema and of schema 1.0 (written
before the checks and trust lines were in the JSON)."""

from __future__ import annotations

from pipeline.digest.flags import sentence_explanations, summary_notes, trust_counts, trust_line

_OLD = {
    "schema_version": "1.0",
    "sentences": [
        {"id": 0, "fr": "Il est venu.", "en": "He came.", "flags": []},
        {"id": 1, "fr": "Il a 3 ans.", "en": "He is 4.", "flags": ["number_mismatch"]},
        {"id": 2, "fr": "Titre", "en": "", "flags": []},  # not translated: not checked
    ],
}


def test_an_old_brief_gets_a_trust_line_counted_from_its_flags() -> None:
    assert trust_counts(_OLD) == (2, 1)
    line = trust_line(_OLD)
    assert line.startswith("1 of 2 sentences checked with no problem found; 1 flagged.")
    assert "older brief" in line


def test_a_new_brief_states_its_own_trust_line_and_counts() -> None:
    data = {**_OLD, "trust": {"line": "3 of 3 sentences  checked.", "checked": 3, "flagged": 0}}
    assert trust_line(data) == "3 of 3 sentences checked."
    assert trust_counts(data) == (3, 0)


def test_an_old_brief_explains_a_flag_by_its_warning_message() -> None:
    warnings = [
        {"code": "verify.number_mismatch", "sentence": 1, "message": "sentence 1: number: “3”"},
        {"code": "clean.html_extracted", "sentence": 1, "message": "noise"},
    ]
    pieces = sentence_explanations(_OLD["sentences"][1], warnings)
    assert [[p.text for p in e] for e in pieces] == [["number: “3”"]]
    assert sentence_explanations(_OLD["sentences"][0], warnings) == []
    # a flag with no warning still says something
    assert sentence_explanations(_OLD["sentences"][1], [])[0][0].text.startswith("The checks")


def test_an_old_summary_sentence_lists_what_its_sources_lack() -> None:
    item = {"flags": ["unsupported_number"], "unsupported": [{"kind": "number", "text": "5"}]}
    notes = summary_notes(item)
    assert [p.text for p in notes[0]] == ["Not in the source: ", "5"]
    assert summary_notes({"flags": ["unsourced"]})[0][0].text.startswith("No source sentence")
