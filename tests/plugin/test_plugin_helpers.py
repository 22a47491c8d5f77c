"""The claimcheck_compare fixture, assert_discrepancies, and `report == expected(...)` in hand-written tests."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = '''
from claimcheck.testing import assert_discrepancies, expected

WRONG_YEAR = [{"rule": "CC102", "severity": "error", "subjects": [{"source": "herald", "quote": "March 3, 2023"}]}]


def test_helper_passes(claimcheck_compare):
    assert_discrepancies(claimcheck_compare("cases/bridge"), WRONG_YEAR)


def test_helper_fails_with_the_difference(claimcheck_compare):
    assert_discrepancies(claimcheck_compare("cases/bridge"), [])


def test_helper_reads_a_case_folder(claimcheck_compare):
    assert_discrepancies(claimcheck_compare("cases/bridge", config={"ignore": ["CC102"]}), "cases/bridge")


def test_compare_on_sources(claimcheck_compare):
    from claimcheck import load_sources

    sources = [s for s in load_sources("cases/bridge") if s.id != "herald"]
    assert claimcheck_compare(sources).discrepancies == []


def test_equality_is_explained(claimcheck_compare):
    assert claimcheck_compare("cases/bridge") == expected([], severities=["error"])
'''


@pytest.fixture
def outcome(project: pytest.Pytester, bridge: Path, plant_wrong_year) -> pytest.RunResult:
    plant_wrong_year(bridge)
    project.makepyfile(test_hand_written=TESTS)
    return project.runpytest("test_hand_written.py")


def test_the_helper_and_the_fixture(outcome: pytest.RunResult) -> None:
    outcome.assert_outcomes(passed=3, failed=2)


def test_the_helper_shows_the_difference(outcome: pytest.RunResult) -> None:
    outcome.stdout.fnmatch_lines(
        [
            "*_ test_helper_fails_with_the_difference _*",
            "E       AssertionError: claimcheck: discrepancies differ: 1 unexpected",
            "E       ",
            "E       + unexpected  CC102 date-mismatch (error)",
            "E             herald dates the collapse March 3, 2023; courier and gazette say 2024",
            'E           ▶ herald "March 3, 2023"  cases/bridge/herald.md:5:78',
        ]
    )


def test_a_failed_comparison_is_explained_by_the_plugin(outcome: pytest.RunResult) -> None:
    outcome.stdout.fnmatch_lines(
        [
            "*_ test_equality_is_explained _*",
            "E       assert claimcheck discrepancies: 1 unexpected",
            "E         ",
            "E         + unexpected  CC102 date-mismatch (error)",
            "E               herald dates the collapse March 3, 2023; courier and gazette say 2024",
        ]
    )
