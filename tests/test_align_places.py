"""Places in lining up: a figure for a region or for several places is its own quantity,
but the event it is told of may still be the one other sources place more precisely."""

from __future__ import annotations

import datetime as dt

from claimcheck import Source, compare


def _report(*texts: str):  # type: ignore[no-untyped-def]
    return compare([Source(id=chr(97 + n), text=t, published=dt.date(2024, 8, 20)) for n, t in enumerate(texts)])


def test_across_the_region_is_the_same_storm_but_not_the_same_toll() -> None:
    report = _report(
        "Hurricane Beryl, which made landfall on July 1, 2024, killed 11 people across the region.",
        "Hurricane Beryl, which made landfall on July 1, 2024, killed 7 people in Jamaica.",
    )
    assert [e.id for e in report.events] == ["storm-2024-07-01"]
    killed = sorted(g.place or "" for g in report.groups if g.measure == "killed")
    assert killed == ["Jamaica", "the region"]
    assert not [d for d in report.discrepancies if d.rule == "CC101"]


def test_a_region_holds_its_places() -> None:
    report = _report(
        "The storm that struck on September 20, 2017 killed 58 people across the Caribbean.",
        "The storm that struck on September 20, 2017 killed 45 people in Puerto Rico.",
    )
    assert len(report.events) == 1
    assert sorted(g.place or "" for g in report.groups if g.measure == "killed") == ["Caribbean", "Puerto Rico"]


def test_unrelated_places_stay_two_events() -> None:
    report = _report(
        "The storm that struck on September 20, 2017 killed 58 people in Lenska.",
        "The storm that struck on September 20, 2017 killed 45 people in Puerto Rico.",
    )
    assert len(report.events) == 2
