"""The period an appeal is to pay for is the appeal's length, lined up across sources.

"A flash appeal for $415 million … over the next three months" and "the UN's $415 million
appeal … is meant to cover three months of relief" give the length of one appeal (an event
of kind "appeal": the appeal measure's `period_kind`, `period_cues` in data/durations.toml),
so a source that doubles it contradicts the others (CC103). A duration that no period cue
introduces, that stands in another clause, or whose nearest figure is not an appeal's sum is
no appeal's length. Sentences written for these tests; bodies, places and sums invented.
"""

from __future__ import annotations

import datetime as dt

from claimcheck import Source, extract
from claimcheck.compare import compare
from claimcheck.model import TemporalClass

_PUBLISHED = dt.date(2024, 3, 14)


def _duration(text: str) -> object:
    (claim,) = [c for c in extract(Source(id="s", text=text, published=_PUBLISHED)) if c.kind.value == "duration"]
    return claim


def _appeal_length(text: str) -> bool:
    claim = _duration(text)
    event = claim.event  # type: ignore[attr-defined]
    return event is not None and event.kind == "appeal" and claim.measure_class is TemporalClass.EVENT_BOUND  # type: ignore[attr-defined]


def test_over_the_next_months_after_an_appeals_sum_is_its_length() -> None:
    claim = _duration("The Red Crescent launched a flash appeal for $240 million to feed and shelter families in Kell over the next six months.")
    assert claim.event is not None and claim.event.kind == "appeal" and claim.event.cue == "flash appeal"  # type: ignore[attr-defined]
    assert claim.measure_class is TemporalClass.EVENT_BOUND  # type: ignore[attr-defined]


def test_a_sum_the_appeal_is_meant_to_cover_is_its_length() -> None:
    assert _appeal_length("The Red Crescent's $240 million appeal, launched on Monday, is meant to cover four months of relief.")


def test_a_period_of_a_sum_that_is_no_appeal_is_no_appeals_length() -> None:
    assert not _appeal_length("Donors pledged $4.4 billion to rebuild Kell over the next five years.")


def test_a_period_with_no_sum_before_it_is_no_appeals_length() -> None:
    assert not _appeal_length("The Red Crescent said its appeal would be reviewed over the next two weeks.")


def test_a_period_in_another_clause_is_no_appeals_length() -> None:
    assert not _appeal_length("The Red Crescent launched a flash appeal for $240 million; road repairs will go on over the next six months.")


def test_a_period_after_another_figure_is_no_appeals_length() -> None:
    # The $15 million, not the appeal, stands nearest the period.
    assert not _appeal_length("The flash appeal for $240 million comes on top of $15 million set aside to cover three months of repairs.")


def test_a_period_with_no_cue_before_it_is_no_appeals_length() -> None:
    assert not _appeal_length("The flash appeal for $240 million was launched three weeks ago.")


def _sources(*periods: str) -> list[Source]:
    texts = [
        f"The Red Crescent launched a flash appeal for $240 million to feed and shelter families in Kell over the next {periods[0]}.",
        f"The Red Crescent's $240 million appeal is meant to cover {periods[1]} of relief in Kell.",
        f"Its flash appeal for $240 million is to pay for food and tents over the next {periods[2]}.",
    ]
    return [Source(id=f"s{i}", text=text, published=_PUBLISHED + dt.timedelta(days=i)) for i, text in enumerate(texts)]


def test_a_doubled_appeal_length_is_flagged() -> None:
    report = compare(_sources("three months", "six months", "three months"))
    flagged = [(d.rule, s.source_id, s.span.quote) for d in report.discrepancies if d.severity.value in ("error", "warning") for s in d.subjects]
    assert flagged == [("CC103", "s1", "six months")]


def test_agreeing_appeal_lengths_are_not_flagged() -> None:
    report = compare(_sources("three months", "three months", "three months"))
    assert [d.rule for d in report.discrepancies if d.severity.value in ("error", "warning")] == []
    assert any(g.label == "the length of the appeal" and len(g.claim_ids) == 3 for g in report.groups)
