"""What became of each claim: the colour and icon of its highlight."""

from __future__ import annotations

from claimcheck.render.outcomes import (
    OUTCOME_INFO,
    Outcome,
    claim_discrepancies,
    claim_outcomes,
)
from claimcheck.report import Report, Severity


def test_seed_outcomes(seed_report: Report) -> None:
    outcomes = claim_outcomes(seed_report)
    assert set(outcomes) == {c.id for c in seed_report.claims}
    error = next(d for d in seed_report.discrepancies if d.severity is Severity.ERROR)
    for ref in error.claims:
        assert outcomes[ref.claim_id] is (Outcome.CONFLICTS if ref.role == "subject" else Outcome.AGREES)
    for d in seed_report.discrepancies:
        if d.rule == "CC202":
            assert all(outcomes[ref.claim_id] is Outcome.TIMELINE for ref in d.claims)
    grouped = {i for g in seed_report.groups for i in g.claim_ids}
    ungrouped = [c.id for c in seed_report.claims if c.id not in grouped]
    assert ungrouped and all(outcomes[i] is Outcome.UNSUPPORTED for i in ungrouped)
    source_of = {c.id: c.source_id for c in seed_report.claims}
    lonely = [i for g in seed_report.groups if len({source_of[j] for j in g.claim_ids}) == 1 for i in g.claim_ids]
    flagged_or_timeline = {ref.claim_id for d in seed_report.discrepancies for ref in d.claims}
    assert lonely and all(outcomes[i] is Outcome.UNSUPPORTED for i in lonely if i not in flagged_or_timeline)


def test_a_conflict_outranks_the_timeline(falling_toll_report: Report) -> None:
    outcomes = claim_outcomes(falling_toll_report)
    wire, lone, daily, bad = (c.id for c in falling_toll_report.claims)
    assert outcomes == {wire: Outcome.TIMELINE, lone: Outcome.UNSUPPORTED, daily: Outcome.TIMELINE, bad: Outcome.CONFLICTS}
    cited = claim_discrepancies(falling_toll_report)
    assert cited == {bad: [0, 1], daily: [0, 1], wire: [1]}


def test_disputed(falling_toll_report: Report) -> None:
    falls = falling_toll_report.discrepancies[0]
    dispute = falls.model_copy(update={"rule": "CC401", "name": "disputed-figures", "severity": Severity.INFO})
    report = falling_toll_report.model_copy(update={"discrepancies": [dispute]})
    outcomes = claim_outcomes(report)
    bad = falling_toll_report.claims[-1].id
    assert outcomes[bad] is Outcome.DISPUTED
    # Without the timeline, the other two sources' figures of the same quantity agree.
    assert outcomes[falling_toll_report.claims[0].id] is Outcome.AGREES


def test_every_outcome_has_a_distinct_icon_and_label() -> None:
    assert list(OUTCOME_INFO) == list(Outcome)
    assert len({i.icon for i in OUTCOME_INFO.values()}) == len(Outcome)
    assert len({i.label for i in OUTCOME_INFO.values()}) == len(Outcome)
