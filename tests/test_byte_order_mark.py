"""A file that opens with a UTF-8 byte-order mark: columns as editors show them, offsets into the text.

Editors and GitHub do not show the mark, so line 1's columns do not count it;
the text keeps it (it is read exactly as written), so offsets do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import check, extract
from claimcheck.markdown import reading_text
from claimcheck.render.text import marked_sentence
from claimcheck.sources import read_source_bytes
from tests.test_cli_check import CEASEFIRE, claimcheck

BOM = "\ufeff".encode()
LINE = "The war began with the Hamas attack of October 7, 2022, in which about 1,200 people were killed.\n"
#: Where an editor puts "October 7, 2022" and "about 1,200" on that line (1-based columns).
COLUMNS = {"October 7, 2022": 40, "about 1,200": 66}


def _claims(raw: bytes, name: str) -> list:
    (source,) = read_source_bytes(raw, name)
    return extract(source, reading_text=reading_text(source.text) if name.endswith(".md") else None)


@pytest.mark.parametrize("name", ["draft.md", "draft.txt"])
def test_columns_do_not_count_the_mark_and_offsets_do(name: str) -> None:
    marked, plain = _claims(BOM + LINE.encode(), name), _claims(LINE.encode(), name)
    assert {c.span.quote: c.span.column for c in marked} == {c.span.quote: c.span.column for c in plain} == COLUMNS
    (source,) = read_source_bytes(BOM + LINE.encode(), name)
    assert source.text.startswith("\ufeff")
    for claim, same in zip(marked, plain, strict=True):
        assert claim.span.start == same.span.start + 1  # offsets count the mark, as code points into the text
        assert source.text[claim.span.start : claim.span.end] == claim.span.quote
        assert claim.span.end_column == same.span.end_column
        assert claim.span.sentence == same.span.sentence  # the mark is no part of the sentence


def test_the_text_format_marks_the_figure_under_itself() -> None:
    draft = read_source_bytes(BOM + LINE.encode(), "draft.md")
    report = check(draft, [CEASEFIRE])
    (finding,) = report.discrepancies
    sentence, marker = marked_sentence(finding.claims[0])
    assert "\ufeff" not in sentence
    assert sentence[marker.index("^") :].startswith("October 7, 2022")


def test_markup_on_the_first_line_is_still_markup() -> None:
    heading = "1. The war began with the Hamas attack of October 7, 2022.\n\n# About 1,200 people were killed\n"
    marked, plain = _claims(BOM + heading.encode(), "draft.md"), _claims(heading.encode(), "draft.md")
    assert [(c.span.quote, c.span.line, c.span.column) for c in marked] == [(c.span.quote, c.span.line, c.span.column) for c in plain]
    assert "1." not in {c.span.quote for c in marked}


def test_every_format_points_where_an_editor_does(tmp_path: Path) -> None:
    draft = tmp_path / "story.md"
    draft.write_bytes(BOM + LINE.encode())
    concise = claimcheck("check", draft, "--against", CEASEFIRE, "-f", "concise", cwd=tmp_path)
    assert concise.returncode == 1, concise.stderr
    assert concise.stdout.splitlines()[0].startswith(f"{draft}:1:40: CC102 ")
    github = claimcheck("check", draft, "--against", CEASEFIRE, "-f", "github", cwd=tmp_path)
    assert "line=1,col=40,endLine=1,endColumn=55" in github.stdout
