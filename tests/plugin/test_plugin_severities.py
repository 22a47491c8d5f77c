"""`severities=` in hand-written tests limits what is compared on both sides.

fixtures/ceasefire's expectations pin all three severities: one error and
three info timelines. Compared at "error" only, the timelines are left out
of the report's side and of the expected side alike.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import Severity, Source
from claimcheck.compare import compare
from claimcheck.report import Report
from claimcheck.testing import assert_discrepancies, expected

CEASEFIRE = Path(__file__).resolve().parents[2] / "fixtures" / "ceasefire"

WRONG_YEAR = {"rule": "CC102", "severity": "error", "subjects": [{"source": "001", "quote": "October 7, 2022"}]}
TIMELINE = {"rule": "CC202", "severity": "info", "subjects": [{"source": "000", "quote": "More than 56,000"}, {"source": "003", "quote": "more than 57,000"}]}


@pytest.fixture(scope="module")
def report(ceasefire: list[Source]) -> Report:
    return compare(ceasefire)


def test_the_case_folder_compared_at_one_severity_passes(report: Report) -> None:
    # Both sides hold timelines; neither is compared.
    assert any(d.severity is Severity.INFO for d in report.discrepancies)
    assert_discrepancies(report, CEASEFIRE, severities=["error"])
    assert report == expected(CEASEFIRE, severities=["error"])


def test_expected_leaves_out_the_entries_at_other_severities() -> None:
    wanted = expected(CEASEFIRE, severities=["error"]).expectations
    assert wanted.severities == {Severity.ERROR}
    assert [(e.rule, e.severity) for e in wanted.discrepancies] == [("CC102", Severity.ERROR)]


def test_entries_given_as_data_are_limited_too(report: Report) -> None:
    assert_discrepancies(report, [WRONG_YEAR, TIMELINE], severities=["error"])


def test_a_difference_at_the_compared_severity_still_fails(report: Report) -> None:
    with pytest.raises(AssertionError, match=r"discrepancies differ: 1 unexpected"):
        assert_discrepancies(report, [TIMELINE], severities=["error"])
    with pytest.raises(AssertionError, match=r"discrepancies differ: 1 missing"):
        assert_discrepancies(report, [TIMELINE, {**TIMELINE, "subjects": [{"source": "000", "quote": "not there"}]}], severities=["info"])
    assert report != expected([WRONG_YEAR], severities=["error", "info"])
