"""--claimcheck-update: write or rewrite expectations from claimcheck's current output."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_update_creates_a_missing_expectations_file(project: pytest.Pytester, bridge: Path, plant_wrong_year) -> None:
    plant_wrong_year(bridge)
    (bridge / "expected.yaml").unlink()
    result = project.runpytest("--claimcheck-update")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["  created cases/bridge/expected.yaml (1 discrepancy)", "1 expectation file written, 0 unchanged"])
    text = (bridge / "expected.yaml").read_text(encoding="utf-8")
    assert text.startswith("# The discrepancies this case must produce")
    assert '  - rule: CC102  # date-mismatch\n    severity: error\n    subjects:\n      - source: "herald"\n        quote: "March 3, 2023"\n' in text
    project.runpytest().assert_outcomes(passed=1)


HAND_WRITTEN = """\
# Bridge collapse: hand-checked.
severities: [error, warning]
discrepancies:
  # Herald's year is wrong.
  - rule: CC102
    severity: warning
    subjects:
      - source: herald
        quote: "March 3, 2023"
    note: "checked against the county's statement"
  # Nobody has found this one yet.
  - rule: CC101
    severity: error
    subjects:
      - source: gazette
        quote: "Seven"
    missed: "a made-up known miss"
  - rule: CC103
    severity: error
    subjects:
      - source: courier
        quote: "Friday"

# Trailing keys stay too.
config:
  ignore: [CC401]
"""


def test_update_rewrites_keeping_comments_notes_and_known_misses(project: pytest.Pytester, bridge: Path, plant_wrong_year) -> None:
    plant_wrong_year(bridge)
    path = bridge / "expected.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    project.runpytest().assert_outcomes(failed=1)
    result = project.runpytest("--claimcheck-update")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["  rewritten cases/bridge/expected.yaml (1 removed, 1 with a new severity)"])
    assert path.read_text(encoding="utf-8") == """\
# Bridge collapse: hand-checked.
severities: [error, warning]
discrepancies:
  # Nobody has found this one yet.
  - rule: CC101  # count-mismatch
    severity: error
    subjects:
      - source: "gazette"
        quote: "Seven"
    missed: "a made-up known miss"
  # Herald's year is wrong.
  - rule: CC102  # date-mismatch
    severity: error
    subjects:
      - source: "herald"
        quote: "March 3, 2023"
    note: "checked against the county's statement"

# Trailing keys stay too.
config:
  ignore: [CC401]
"""
    # Rewritten once, the file is stable: a second update changes nothing.
    again = project.runpytest("--claimcheck-update")
    again.stdout.fnmatch_lines(["0 expectation files written, 1 unchanged"])
    project.runpytest().assert_outcomes(passed=1)


def test_update_turns_a_found_known_miss_into_a_plain_entry(project: pytest.Pytester, bridge: Path, plant_wrong_year, wrong_year: str) -> None:
    plant_wrong_year(bridge)
    path = bridge / "expected.yaml"
    path.write_text(wrong_year + '    missed: "not found yet"\n', encoding="utf-8")
    project.runpytest("--claimcheck-update").stdout.fnmatch_lines(["*(1 known-missed now found)"])
    assert "missed" not in path.read_text(encoding="utf-8")


def test_update_never_overwrites_a_broken_file(project: pytest.Pytester, bridge: Path) -> None:
    path = bridge / "expected.yaml"
    path.write_text("discrepancies: [\n", encoding="utf-8")
    result = project.runpytest("--claimcheck-update")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["claimcheck case bridge: cases/bridge/expected.yaml:2: invalid YAML*"])
    assert path.read_text(encoding="utf-8") == "discrepancies: [\n"
