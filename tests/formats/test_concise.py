"""The concise format: one ``path:line:col: CODE message`` line per discrepancy, as editors match it."""

from __future__ import annotations

import re

from synthetic import discrepancy, ref, report, source

from claimcheck.render import render
from claimcheck.report import InputProblem, Report

# Vim's and most CI log matchers' `%f:%l:%c: %m`, with our code after the colon.
LINE = re.compile(r"^(?P<path>[^\n]+?):(?P<line>\d+):(?P<col>\d+): (?P<code>CC\d{3}) (?P<message>\S[^\n]*)$")


def test_every_discrepancy_is_one_matching_line(seed_report: Report) -> None:
    lines = render(seed_report, "concise").splitlines()
    matches = [LINE.match(line) for line in lines[:-1]]
    assert all(matches), [line for line, m in zip(lines, matches, strict=False) if not m]
    assert len(matches) == len(seed_report.discrepancies)
    assert not LINE.match(lines[-1])  # the summary line


def test_the_seed_error_points_at_the_figure(seed_report: Report) -> None:
    found = [LINE.match(line) for line in render(seed_report, "concise").splitlines()]
    errors = [m for m in found if m and m["code"] == "CC102"]
    assert len(errors) == 1
    assert errors[0]["path"].endswith("fixtures/ceasefire/001.md")
    assert (errors[0]["line"], errors[0]["col"]) == ("9", "190")
    assert errors[0]["message"] == "001 dates the attack October 7, 2022; 000, 002, 003 and 004 say 2023"


def test_lines_are_in_file_order_and_a_message_stays_on_one_line() -> None:
    b = source("b", "x\nten and 12", path="b.md")
    a = source("a", "first 5 then 7", path="a.md")
    text = render(
        report(
            [a, b],
            [
                discrepancy("CC101", [ref(b, "12")], message="two\nlines"),
                discrepancy("CC102", [ref(a, "7")]),
                discrepancy("CC103", [ref(a, "5")]),
            ],
        ),
        "concise",
    )
    assert text.splitlines()[:3] == ["a.md:1:7: CC103 5 disagrees", "a.md:1:14: CC102 7 disagrees", "b.md:2:9: CC101 two lines"]


def test_a_source_without_a_path_is_named_by_its_id() -> None:
    s = source("wire-0504", "Officials said 14 people died.")
    assert render(report([s], [discrepancy("CC101", [ref(s, "14")])]), "concise").startswith("wire-0504:1:16: CC101 ")


def test_input_errors_get_a_line_of_their_own() -> None:
    text = render(report([], input_errors=[InputProblem(path="refs/x.md", line=4, message="not UTF-8")]), "concise")
    assert text.splitlines()[0] == "refs/x.md:4:1: input-error not UTF-8"
