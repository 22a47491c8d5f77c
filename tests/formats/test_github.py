"""The github format: workflow commands as the Actions runner parses them, and the job summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from synthetic import discrepancy, ref, report, source

from claimcheck.errors import ConfigError
from claimcheck.render import render
from claimcheck.render.github import escape_data, escape_property, step_summary, write_step_summary
from claimcheck.report import InputProblem, Report

_DATA = [("%0D", "\r"), ("%0A", "\n")]
_PROPERTY = [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ",")]


def _unescape(text: str, pairs: list[tuple[str, str]]) -> str:
    # As the runner does (ActionCommand.UnescapeValue): each escape, then %25 last.
    for escaped, plain in pairs:
        text = text.replace(escaped, plain)
    return text.replace("%25", "%")


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command the way the Actions runner reads it: name, properties, message."""
    assert line.startswith("::")
    head, sep, message = line[2:].partition("::")
    assert sep, line
    name, _, props = head.partition(" ")
    properties = {}
    for pair in filter(None, props.split(",")):
        key, eq, value = pair.partition("=")
        assert eq, pair
        properties[key] = _unescape(value, _PROPERTY)
    return name, properties, _unescape(message, _DATA)


def test_seed_error_is_an_annotation_on_the_figure(seed_report: Report) -> None:
    lines = render(seed_report, "github").splitlines()
    assert len(lines) == len(seed_report.discrepancies)
    name, props, message = parse(lines[0])
    assert name == "error"
    assert props["file"].endswith("fixtures/ceasefire/001.md")
    assert (props["line"], props["col"], props["endLine"], props["endColumn"]) == ("9", "190", "9", "205")
    assert props["title"] == "claimcheck CC102 (date-mismatch)"
    first, *related = message.split("\n")
    assert first.endswith("001.md:9:190: CC102 001 dates the attack October 7, 2022; 000, 002, 003 and 004 say 2023")
    assert len(related) == 4 and all(r.startswith("  consensus ") for r in related)
    assert [parse(line)[0] for line in lines[1:]] == ["notice"] * seed_report.summary.infos


def test_exact_escaping_of_file_names_and_messages() -> None:
    s = source("s", "Toll: 12, up 5%\n", path="drafts/a,b: 100%.md")
    d = discrepancy("CC101", [ref(s, "12")], message="12 vs 14: 50% more,\r\nsee wire", name="count-mismatch")
    line = render(report([s], [d]), "github")
    assert line == (
        "::error file=drafts/a%2Cb%3A 100%25.md,line=1,col=7,endLine=1,endColumn=9,"
        "title=claimcheck CC101 (count-mismatch)"
        "::drafts/a,b: 100%25.md:1:7: CC101 12 vs 14: 50%25 more,%0D%0Asee wire\n"
    )
    name, props, message = parse(line.rstrip("\n"))
    assert props["file"] == "drafts/a,b: 100%.md"
    assert message == "drafts/a,b: 100%.md:1:7: CC101 12 vs 14: 50% more,\r\nsee wire"


@given(st.text())
def test_escaping_round_trips_through_the_runner(text: str) -> None:
    assert _unescape(escape_data(text), _DATA) == text
    assert _unescape(escape_property(text), _PROPERTY) == text
    assert "\n" not in escape_data(text) and "\r" not in escape_data(text)
    assert not {",", ":", "\n", "\r"} & set(escape_property(text))


def test_errors_come_first_then_warnings_then_notices() -> None:
    s = source("s", "1 2 3 4 5 6\n", path="s.md")
    ds = [
        discrepancy("CC202", [ref(s, "1")], severity="info"),
        discrepancy("CC101", [ref(s, "2")], severity="warning"),
        discrepancy("CC102", [ref(s, "3")], severity="error"),
        discrepancy("CC103", [ref(s, "4")], severity="info"),
        discrepancy("CC104", [ref(s, "5")], severity="error"),
    ]
    names = [parse(line)[0] for line in render(report([s], ds), "github").splitlines()]
    assert names == ["error", "error", "warning", "notice", "notice"]


def test_a_figure_across_lines_gets_lines_but_no_columns() -> None:
    s = source("s", "It began on October\n7, 2023.\n", path="s.md")
    _, props, _ = parse(render(report([s], [discrepancy("CC102", [ref(s, "October\n7, 2023")])]), "github").rstrip())
    assert (props["line"], props["endLine"]) == ("1", "2")
    assert "col" not in props and "endColumn" not in props


def test_a_source_inside_a_json_file_is_annotated_on_the_file_without_a_line() -> None:
    s = source("wire-3", "Officials said 14 people died.", path="refs/wires.jsonl")
    _, props, message = parse(render(report([s], [discrepancy("CC101", [ref(s, "14")])]), "github").rstrip())
    assert props == {"file": "refs/wires.jsonl", "title": "claimcheck CC101 (count-mismatch)"}
    assert message.startswith("wire-3:1:16: CC101 ")


def test_input_errors_are_error_annotations_before_the_rest() -> None:
    s = source("s", "12\n", path="s.md")
    r = report([s], [discrepancy("CC101", [ref(s, "12")])], input_errors=[InputProblem(path="refs/x,y.md", line=2, message="not UTF-8")])
    first = render(r, "github").splitlines()[0]
    assert parse(first) == ("error", {"file": "refs/x,y.md", "line": "2", "title": "claimcheck input error"}, "refs/x,y.md:2: not UTF-8")


# ---------------------------------------------------------------- job summary


def test_step_summary_lists_everything_in_a_table(seed_report: Report) -> None:
    text = step_summary(seed_report)
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == 1 + len(seed_report.discrepancies)
    assert rows[1].startswith("| ❌ error | CC102 date-mismatch | `")
    infos = seed_report.summary.infos
    assert f"Found {len(seed_report.discrepancies)} discrepancies (1 error, {infos} info)" in text


def test_step_summary_cells_cannot_break_the_table() -> None:
    s = source("s", "a | b 12\n", path="x|y.md")
    text = step_summary(report([s], [discrepancy("CC101", [ref(s, "12")], message="a | b\nc `d`")]))
    row = text.splitlines()[-1]
    assert row.count(" | ") == 4  # five cells, every other pipe escaped
    assert "a \\| b c \\`d\\`" in row and "`x\\|y.md:1:7`" in row


def test_step_summary_stops_before_the_size_limit() -> None:
    s = source("s", " ".join(str(n) for n in range(100, 400)) + "\n", path="s.md")
    ds = [discrepancy("CC101", [ref(s, str(n))], message="x" * 200) for n in range(100, 400)]
    text = step_summary(report([s], ds), limit=8000)
    assert len(text.encode()) <= 8000
    assert text.rstrip().endswith("(the summary would pass GitHub's size limit).")
    shown = sum(1 for line in text.splitlines() if line.startswith("| ❌"))
    assert 0 < shown < 300 and f"…and {300 - shown} more" in text


def test_write_step_summary_appends_to_the_file_github_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_report: Report) -> None:
    target = tmp_path / "summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    assert write_step_summary(seed_report) == str(target)
    write_step_summary(seed_report)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### claimcheck")
    assert text.count("### claimcheck") == 2


def test_write_step_summary_outside_actions_is_a_config_error(monkeypatch: pytest.MonkeyPatch, seed_report: Report) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    with pytest.raises(ConfigError, match="GITHUB_STEP_SUMMARY is not set"):
        write_step_summary(seed_report)
