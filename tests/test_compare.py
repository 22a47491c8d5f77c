"""compare() on the founding example: exactly what the seeds' README says a careful reader finds."""

from __future__ import annotations

import pytest

from claimcheck import Source
from claimcheck.compare import compare
from claimcheck.report import Report, Severity


@pytest.fixture(scope="module")
def report(ceasefire: list[Source]) -> Report:
    return compare(ceasefire)


def test_exactly_one_error_the_2022_attack_date(report: Report) -> None:
    errors = report.at_or_above(Severity.ERROR)
    assert len(errors) == 1
    [error] = errors
    assert error.rule == "CC102"
    assert error.message == "001 dates the attack October 7, 2022; 000, 002, 003 and 004 say 2023"
    assert [(c.source_id, c.span.quote) for c in error.subjects] == [("001", "October 7, 2022")]
    assert {c.source_id for c in error.claims if c.role == "consensus"} == {"000", "002", "003", "004"}


def test_no_warnings(report: Report) -> None:
    assert [d.message for d in report.discrepancies if d.severity == Severity.WARNING] == []


def test_hostages_remaining_timeline_across_the_five_dates(report: Report) -> None:
    timeline = next(d for d in report.discrepancies if d.rule == "CC202" and "hostages held" in d.message)
    points = [(c.source_id, c.as_of.isoformat() if c.as_of else None, c.value) for c in timeline.claims]
    assert points == [
        ("002", "2024-10-24", "97"),
        ("001", "2024-12-17", "about 100"),
        ("004", "2025-03-06", "59"),
        ("000", "2025-07-02", "about 50"),
        ("003", "2025-07-07", "50"),
    ]


def group_of(report: Report, source: str, quote: str) -> list[tuple[str, str]]:
    claim = next(c for c in report.claims if c.source_id == source and c.span.quote == quote)
    group = next(g for g in report.groups if claim.id in g.claim_ids)
    return sorted((report.claim(i).source_id, report.claim(i).span.quote) for i in group.claim_ids)


def test_agreeing_figures_are_lined_up(report: Report) -> None:
    assert group_of(report, "003", "about 1,200") == [("000", "about 1,200"), ("001", "approximately 1,200"), ("003", "about 1,200")]
    assert group_of(report, "003", "251") == [("000", "More than 250"), ("003", "251"), ("004", "251")]
    assert group_of(report, "001", "105") == [("001", "105"), ("004", "105")]
    assert group_of(report, "000", "60-day") == [("000", "60-day"), ("001", "60 days"), ("003", "60-day")]
    assert group_of(report, "001", "weeklong") == [("001", "weeklong"), ("004", "weeklong")]


def test_the_33_versus_30_trap_is_not_lined_up(report: Report) -> None:
    assert group_of(report, "004", "33") == [("004", "33")]
    assert ("000", "30") in group_of(report, "004", "30")


def test_internal_arithmetic_holds(report: Report) -> None:
    assert not [d for d in report.discrepancies if d.rule in ("CC301", "CC302")]
    whole = next(c for c in report.claims if c.source_id == "004" and c.span.quote == "30" and c.parts)
    assert [report.claim(p).span.quote for p in whole.parts] == ["20", "five", "five"] and whole.parts_sum


def test_elapsed_time_checks_out_and_is_checked(ceasefire: list[Source]) -> None:
    wrong = [s.model_copy(update={"text": s.text.replace("21 months of war", "three years of war")}) if s.id == "003" else s for s in ceasefire]
    [error] = [d for d in compare(wrong).discrepancies if d.rule == "CC203"]
    assert error.severity == Severity.ERROR and "three years" in error.message


def test_report_is_deterministic_and_order_independent(ceasefire: list[Source], report: Report) -> None:
    again = compare(list(reversed(ceasefire)))
    assert [d.fingerprint for d in again.discrepancies] == [d.fingerprint for d in report.discrepancies]
    assert again.to_json() == compare(ceasefire).to_json()


def test_json_round_trip(report: Report) -> None:
    assert Report.from_json(report.to_json()) == report
    schema = Report.model_json_schema()
    assert "Discrepancy" in schema["$defs"] and "schema_version" in schema["properties"]


def test_fingerprints_survive_unrelated_edits(ceasefire: list[Source], report: Report) -> None:
    edited = [s.model_copy(update={"text": "An unrelated opening line, added later.\n" + s.text}) if s.id == "001" else s for s in ceasefire]
    moved = compare(edited)
    assert [d.fingerprint for d in moved.discrepancies] == [d.fingerprint for d in report.discrepancies]
    error = moved.at_or_above(Severity.ERROR)[0]
    assert error.subjects[0].span.line == report.at_or_above(Severity.ERROR)[0].subjects[0].span.line + 1
