"""A case passes when claimcheck finds what it expects, and fails with a readable difference when not."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_a_case_that_matches_passes(project: pytest.Pytester) -> None:
    result = project.runpytest("-v")
    result.stdout.fnmatch_lines(["cases/bridge PASSED*", "*- claimcheck -*", "1 case checked"])
    result.assert_outcomes(passed=1)


def test_planting_a_discrepancy_fails_with_the_difference(project: pytest.Pytester, bridge: Path, plant_wrong_year) -> None:
    plant_wrong_year(bridge)
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "claimcheck case bridge: 1 unexpected",
            "+ unexpected  CC102 date-mismatch (error)",
            "      herald dates the collapse March 3, 2023; courier and gazette say 2024",
            '    ▶ herald "March 3, 2023"  cases/bridge/herald.md:5:78',
            "        *the Lune River footbridge collapsed on [[]March 3, 2023[]].",
            '      gazette "March 3, 2024"  cases/bridge/gazette.md:5:49',
            "If claimcheck is right and the expectations are out of date: pytest --claimcheck-update cases/bridge",
            "FAILED cases/bridge - claimcheck case bridge: 1 unexpected",
        ]
    )
    # A plain difference, not a traceback or a dump of the report.
    result.stdout.no_fnmatch_line("*Traceback*")
    result.stdout.no_fnmatch_line("*runtest*")
    result.stdout.no_fnmatch_line('*"claims":*')


def test_an_expected_discrepancy_that_goes_away_is_missing(project: pytest.Pytester, bridge: Path, wrong_year: str) -> None:
    (bridge / "expected.yaml").write_text(wrong_year, encoding="utf-8")
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "claimcheck case bridge: 1 missing",
            "- missing     CC102 date-mismatch (error) [[]cases/bridge/expected.yaml line 2[]]",
            '    ▶ herald "March 3, 2023"  (the quote is not in the source any more)',
        ]
    )


def test_the_planted_discrepancy_once_expected_passes(project: pytest.Pytester, bridge: Path, plant_wrong_year, wrong_year: str) -> None:
    plant_wrong_year(bridge)
    (bridge / "expected.yaml").write_text(wrong_year, encoding="utf-8")
    project.runpytest().assert_outcomes(passed=1)


def test_editing_unrelated_text_changes_nothing(project: pytest.Pytester, bridge: Path, plant_wrong_year, wrong_year: str) -> None:
    plant_wrong_year(bridge)
    (bridge / "expected.yaml").write_text(wrong_year, encoding="utf-8")
    herald = bridge / "herald.md"
    text = herald.read_text(encoding="utf-8").replace("Rescue crews searched", "On a cold morning, rescue crews in boats searched")
    herald.write_text(text, encoding="utf-8")
    project.runpytest().assert_outcomes(passed=1)


def test_a_severity_change_is_shown_as_such(project: pytest.Pytester, bridge: Path, plant_wrong_year, wrong_year: str) -> None:
    plant_wrong_year(bridge)
    (bridge / "expected.yaml").write_text(wrong_year.replace("severity: error", "severity: warning"), encoding="utf-8")
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["~ severity    CC102 date-mismatch: expected warning, got error*"])


def test_severities_a_case_does_not_pin_are_ignored(project: pytest.Pytester, bridge: Path, plant_wrong_year) -> None:
    plant_wrong_year(bridge)
    (bridge / "expected.yaml").write_text("severities: [warning, info]\ndiscrepancies: []\n", encoding="utf-8")
    project.runpytest().assert_outcomes(passed=1)


KNOWN_MISS = """\
discrepancies:
  - rule: CC102
    severity: error
    subjects:
      - source: herald
        quote: "March 3, 2023"
    missed: "not found yet"
"""


def test_a_known_miss_still_missed_passes_and_is_listed(project: pytest.Pytester, bridge: Path) -> None:
    (bridge / "expected.yaml").write_text(KNOWN_MISS, encoding="utf-8")
    result = project.runpytest()
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(
        ["1 known miss (expected, still not found):", '  cases/bridge: CC102 date-mismatch (error): herald "March 3, 2023" — missed: not found yet']
    )


def test_a_known_miss_that_is_found_fails_like_a_strict_xfail(project: pytest.Pytester, bridge: Path, plant_wrong_year) -> None:
    plant_wrong_year(bridge)
    (bridge / "expected.yaml").write_text(KNOWN_MISS, encoding="utf-8")
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "claimcheck case bridge: 1 known-missed now found",
            "! now found   CC102 date-mismatch (error), a known miss [[]cases/bridge/expected.yaml line 2[]]",
            '      It was marked missed: "not found yet". It is found now: delete that "missed:" line.',
        ]
    )


def test_a_case_without_expectations_fails_and_says_how_to_create_them(project: pytest.Pytester, bridge: Path, plant_wrong_year) -> None:
    plant_wrong_year(bridge)
    (bridge / "expected.yaml").unlink()
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "claimcheck case bridge: no expectations file (cases/bridge/expected.yaml); claimcheck finds 1 discrepancy",
            "+ unexpected  CC102 date-mismatch (error)",
            "To create it from this output: pytest --claimcheck-update cases/bridge",
            "then read every entry and check it by hand (docs/pytest-plugin.md).",
        ]
    )
    assert not (bridge / "expected.yaml").exists()
