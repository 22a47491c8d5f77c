"""Broken expectations or sources give one clear line naming the file, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

BROKEN = {
    "bad YAML": ("discrepancies:\n  - rule: CC102\n   severity: error\n", "cases/bridge/expected.yaml:3: invalid YAML: *"),
    "unknown key": (
        "discrepancies:\n  - rul: CC102\n",
        'cases/bridge/expected.yaml:2: unknown key "rul" in discrepancy 1 (expected rule, severity, subjects, missed, note); did you mean "rule"?',
    ),
    "unknown rule code": (
        'discrepancies:\n  - rule: CC999\n    severity: error\n    subjects: [{source: herald, quote: "x"}]\n',
        'cases/bridge/expected.yaml:2: unknown rule code "CC999" (known: CC101, *)',
    ),
    "unknown source": (
        'discrepancies:\n  - rule: CC102\n    severity: error\n    subjects: [{source: heral, quote: "x"}]\n',
        'cases/bridge/expected.yaml:2: discrepancy 1 names source "heral", which this case does not have (its sources: courier, gazette, herald)',
    ),
    "no discrepancies key": ("severities: [error]\n", 'cases/bridge/expected.yaml:1: no "discrepancies:" list*'),
    "bad config": ("config:\n  selekt: [CC1]\ndiscrepancies: []\n", "cases/bridge/expected.yaml:2: config: selekt: Extra inputs are not permitted"),
}


@pytest.mark.parametrize("text, message", list(BROKEN.values()), ids=list(BROKEN))
def test_broken_expectations_give_one_clear_line(project: pytest.Pytester, bridge: Path, text: str, message: str) -> None:
    (bridge / "expected.yaml").write_text(text, encoding="utf-8")
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*_ claimcheck case bridge _*", f"claimcheck case bridge: {message}"])
    result.stdout.no_fnmatch_line("*Traceback*")
    result.stdout.no_fnmatch_line("*.py:*")


def test_a_broken_source_gives_one_clear_line(project: pytest.Pytester, bridge: Path) -> None:
    (bridge / "herald.md").write_text("---\nid: herald\npublished: last spring\n---\nText.\n", encoding="utf-8")
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["claimcheck case bridge: cases/bridge/herald.md:3: published must be a date like 2025-07-02*"])
    result.stdout.no_fnmatch_line("*Traceback*")


def test_one_broken_case_does_not_stop_the_others(project: pytest.Pytester, bridge: Path, write_case) -> None:
    write_case(project.path / "cases" / "weir")
    (bridge / "expected.yaml").write_text("discrepancies: {}\n", encoding="utf-8")
    result = project.runpytest()
    result.assert_outcomes(passed=1, failed=1)
