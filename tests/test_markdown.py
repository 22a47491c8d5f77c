"""Markdown drafts: markup is blanked for reading, offsets stay true to the raw file."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from claimcheck import Source, extract
from claimcheck.markdown import reading_text
from claimcheck.sources import read_source_bytes


def _claims(markdown: str, published: dt.date = dt.date(2025, 7, 7)) -> list:
    source = Source(id="draft", text=markdown, published=published, path="draft.md")
    return extract(source, reading_text=reading_text(markdown))


def _where(claims: list) -> list[tuple[str, int, int]]:
    return [(c.span.quote, c.span.line, c.span.column) for c in claims]


def _at(text: str, quote: str) -> tuple[str, int, int]:
    """Where `quote` first stands in the raw text: (quote, line, column), 1-based."""
    offset = text.index(quote)
    line = text.count("\n", 0, offset) + 1
    return quote, line, offset - (text.rfind("\n", 0, offset) + 1) + 1


_PIECES = list("ab1 \n*_#-[]()<>!`|~&;\\:.>=+") + ["<!--", "-->", "```", "é", "“", "\r\n", "1. ", "- ", "&amp;", "http://x.y/1"]


@given(st.lists(st.sampled_from(_PIECES), max_size=80).map("".join))
@example("**97**\n- 1. x\n<!-- a\nb -->")
def test_reading_text_keeps_length_and_characters(text: str) -> None:
    reading = reading_text(text)
    assert len(reading) == len(text)
    for raw, read in zip(text, reading, strict=True):
        # A character is kept or blanked; a line break is kept or joined into a space.
        assert read == raw or read == " "


def test_figures_inside_markup_are_found_where_they_stand_in_the_raw_file() -> None:
    text = (
        "# **97** hostages remain\n"
        "\n"
        "The [Hamas attack of October 7, 2023](https://example.org/a/2024/05) killed _about 1,200_ people.\n"
        "\n"
        "- 251 were taken hostage.\n"
        "1. More than 57,000 Palestinians have been killed in the war.\n"
        "> Roughly 20 hostages are alive.\n"
    )
    found = _where(_claims(text))
    assert ("97", 1, 5) in found
    for quote in ("October 7, 2023", "about 1,200", "251", "More than 57,000", "Roughly 20"):
        assert _at(text, quote) in found
    assert ("October 7, 2023", 3, 22) in found


def test_markup_is_not_read_as_figures() -> None:
    text = (
        "Talks resumed.\n"
        "\n"
        "<!-- claimcheck: ignore[CC101] checked with the desk on 2025-07-01 -->\n"
        "```\n"
        "rows: 4500\n"
        "```\n"
        "See [the report](https://example.org/2023/10/07/report-1200) &#8212; or <https://example.org/251>.\n"
        "1. Negotiators met in Doha.\n"
    )
    assert _claims(text) == []


def test_a_sentence_wrapped_over_lines_is_read_as_one_sentence() -> None:
    # Joined, "attack" and the date stand in one sentence, so the date is the attack's.
    wrapped = "The war began with the Hamas attack\non October 7, 2023, officials said.\n"
    claims = _claims(wrapped)
    assert [(c.span.quote, c.span.line, c.event.kind if c.event else None) for c in claims] == [("October 7, 2023", 2, "attack")]
    # Plain text that is hard-wrapped is read the same way (claimcheck.text.split_sentences) …
    plain = Source(id="draft", text=wrapped, published=dt.date(2025, 7, 7))
    assert [c.event.kind if c.event else None for c in extract(plain)] == ["attack"]
    # … but a line that ends a title is not joined to the sentence after it.
    titled = Source(id="draft", text="The Hamas attack\nOn October 7, 2023, officials met.\n", published=dt.date(2025, 7, 7))
    assert all(c.event is None for c in extract(titled))


def test_line_numbers_count_the_front_matter() -> None:
    raw = b"---\ntitle: Rally\npublished: 2025-07-07\n---\nThe march called for the release of **50** hostages held in Gaza.\n"
    (source,) = read_source_bytes(raw, "rally.md")
    claims = extract(source, reading_text=reading_text(source.text))
    assert _where(claims) == [("50", 5, 39)]
    assert source.text[claims[0].span.start : claims[0].span.end] == "50"


def test_headings_lists_and_tables_end_sentences() -> None:
    text = "## Casualties\nAbout 1,200 people were killed in the attack.\n\n| side | killed |\n|---|---|\n| Israel | 1,200 |\n"
    reading = reading_text(text)
    assert reading.splitlines()[0].strip() == "Casualties"
    assert "|" not in reading and "---" not in reading
    assert reading.count("\n") == text.count("\n")


def test_footnotes_keep_their_text_and_link_definitions_go() -> None:
    text = "The toll rose[^1].\n\n[^1]: The ministry later said 251 people were taken hostage in the attack on October 7, 2023.\n[source]: https://example.org/2023/10/07 \"Report 5\"\n"
    quotes = [c.span.quote for c in _claims(text)]
    assert quotes == ["251", "October 7, 2023"]
