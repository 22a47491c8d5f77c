"""Sentences, line/column mapping and spans."""

from __future__ import annotations

from claimcheck import Source
from claimcheck.text import SENTENCE_WINDOW, LineIndex, Sentence, make_span, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_abbreviations_initials_and_acronyms_do_not_end_sentences() -> None:
    text = "Mr. Saar spoke at 9 a.m. in Tallinn. Antony J. Blinken met U.S. officials on Oct. 7. Then he left."
    assert sentences(text) == ["Mr. Saar spoke at 9 a.m. in Tallinn.", "Antony J. Blinken met U.S. officials on Oct. 7.", "Then he left."]


def test_quotes_and_line_breaks() -> None:
    text = "“There are some positive signs,” Mr. Saar said. “But our goal is talks.”\nNext paragraph"
    assert sentences(text) == ["“There are some positive signs,” Mr. Saar said.", "“But our goal is talks.”", "Next paragraph"]
    assert [s.paragraph for s in split_sentences(text)] == [0, 0, 1]


def test_blank_and_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n\n  \n") == []


def test_line_index_counts_from_the_file() -> None:
    index = LineIndex("ab\ncd\n\nef", line_offset=3)
    assert index.position(0) == (4, 1)
    assert index.position(4) == (5, 2)
    assert index.position(7) == (7, 1)


def test_span_slices_to_its_quote_and_clips_long_sentences() -> None:
    text = "word " * 400 + "killed 12 people " + "word " * 400
    source = Source(id="s", text=text)
    start = text.index("12")
    span = make_span(source, LineIndex(text), Sentence(0, len(text), 0), start, start + 2)
    assert span.quote == "12" == text[span.start : span.end]
    assert len(span.sentence) <= SENTENCE_WINDOW + 2
    assert span.sentence[span.start - span.sentence_start :].startswith("12")
    assert (span.line, span.column, span.end_line, span.end_column) == (1, start + 1, 1, start + 3)
