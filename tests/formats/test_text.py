"""The text format: grouped by file, each discrepancy with its sentence marked, a summary line last."""

from __future__ import annotations

from synthetic import discrepancy, ref, report, source

from claimcheck import Role
from claimcheck.render import render
from claimcheck.report import InputProblem, Report


def test_seed_report_is_grouped_by_file_in_order(seed_report: Report) -> None:
    text = render(seed_report, "text")
    headers = [line for line in text.splitlines() if line.endswith(".md") and not line.startswith(" ")]
    assert headers == sorted(headers)
    assert [h.rsplit("/", 1)[1] for h in headers] == ["000.md", "001.md", "002.md", "004.md"]


def test_seed_error_is_shown_with_its_sentence_and_a_marker_under_the_figure(seed_report: Report) -> None:
    lines = render(seed_report, "text").splitlines()
    at = lines.index("  9:190  error  CC102 date-mismatch")
    assert lines[at + 1] == "    001 dates the attack October 7, 2022; 000, 002, 003 and 004 say 2023"
    sentence, marker = lines[at + 2], lines[at + 3]
    assert sentence.startswith("    9 | ")
    start = marker.index("^")
    assert sentence[start : start + len("October 7, 2022")] == "October 7, 2022"
    assert marker[start:] == "^" * len("October 7, 2022")
    assert lines[at + 4] == "    against:"


def test_summary_line_comes_last(seed_report: Report) -> None:
    s = seed_report.summary
    assert render(seed_report, "text").splitlines()[-1] == (
        f"Found {len(seed_report.discrepancies)} discrepancies (1 error, {s.infos} info) in 5 sources ({s.claims} claims, {s.groups} groups)."
    )


def test_clean_report_says_so() -> None:
    text = render(report([source("a", "Nothing here.", path="a.md")]), "text")
    assert text == "No discrepancies in 1 source (0 claims, 0 groups).\n"


def test_related_claims_in_other_files_are_quoted_under_their_heading() -> None:
    draft = source("draft", "# Title\n\nAt least 12 people died.\n", path="drafts/story.md", role=Role.DRAFT)
    wire = source("wire", "Officials said 14 people died.", path="refs/wire.txt")
    d = discrepancy("CC101", [ref(draft, "12"), ref(wire, "14", "consensus")], message="draft says 12; wire says 14")
    lines = render(report([draft, wire], [d]), "text").splitlines()
    assert lines[0] == "drafts/story.md"
    assert "  3:10  error  CC101 count-mismatch" in lines
    assert "      refs/wire.txt:1:16  14" in lines
    wire_sentence = lines.index("      refs/wire.txt:1:16  14") + 1
    assert lines[wire_sentence] == "      1 | Officials said 14 people died."
    assert lines[wire_sentence + 1] == "        |                ^^"


def test_input_errors_are_listed_before_the_summary() -> None:
    problem = InputProblem(path="refs/bad.md", line=3, message="not UTF-8 text")
    lines = render(report([], input_errors=[problem]), "text").splitlines()
    assert lines[-3:] == [
        "  refs/bad.md:3: not UTF-8 text",
        "",
        "No discrepancies in 0 sources (0 claims, 0 groups). 1 input could not be read.",
    ]
