"""The window a study's estimate covers: its end is a date of the study (extract/windows.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck import Source, extract
from claimcheck.model import Claim, DateRole


def _claims(text: str, published: dt.date = dt.date(2018, 9, 20)) -> dict[str, Claim]:
    return {c.span.quote: c for c in extract(Source(id="s", text=text, published=published))}


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The Harvard-led survey released in May put Maria's toll at 4,645 through December 2017.", "December 2017"),
        ("A Harvard-led household survey published in May estimated that Hurricane Maria caused 4,645 deaths through the end of 2017.", "2017"),
        ("A Harvard survey published in May had put the storm's toll at 4,645, over a shorter window that closed in December 2017.", "December 2017"),
    ],
)
def test_the_date_a_study_counts_through_ends_the_study(text: str, quote: str) -> None:
    date = _claims("Hurricane Maria came ashore on Sept. 20, 2017. " + text)[quote]
    assert date.event is not None
    assert (date.event.kind, date.event.date_role, date.event.name) == ("study", DateRole.END, "harvard")
    assert date.measure_class.value == "event_bound"
    # The window is the study's, stated by the source: not a figure the body puts forward.
    assert date.attribution is None


def test_a_range_ends_on_its_second_date_and_an_unnamed_survey_has_no_name() -> None:
    claims = _claims(
        "A door-to-door survey estimates that Hurricane Maria caused 4,645 deaths between Sept. 20 and Dec. 31, 2017.",
        dt.date(2018, 5, 30),
    )
    end = claims["Dec. 31, 2017"]
    assert end.event is not None and (end.event.kind, end.event.date_role, end.event.name) == ("study", DateRole.END, None)
    assert claims["Sept. 20"].event is None or claims["Sept. 20"].event.kind != "study"


def test_the_toll_stays_the_storms() -> None:
    claims = _claims("The Harvard-led survey released in May put Maria's toll at 4,645 through December 2017, after Hurricane Maria.")
    count = claims["4,645"]
    assert count.event is not None and count.event.kind == "storm"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # A running count speaks for a day; a ministry is not a study.
        ("The health ministry said 1,200 people had been killed in the earthquake through Tuesday.", "Tuesday"),
        # A tally or a report is put out again and again, each through a later day.
        ("The ministry's tally put the toll of the earthquake at 1,200 through Tuesday.", "Tuesday"),
        # A count by a date inside the window is not the window's end.
        ("The study found that 2,098 deaths from the earthquake came by the end of 2017.", "2017"),
        # A part of the study's whole.
        ("The study put the toll of the earthquake at 2,975; of those, 2,098 came through December.", "December"),
        # A count of something no event bounds: interviews carried out over months.
        ("The study rests on interviews at 3,299 households carried out from January through March.", "March"),
        # A date further off the count belongs to something else in the clause.
        ("The study put the toll of the earthquake at 2,975 deaths, based on interviews at homes carried out from January 2018 through March 2018.", "March 2018"),
    ],
)
def test_dates_that_end_no_study_window(text: str, quote: str) -> None:
    claim = _claims("The earthquake struck Varno on Sept. 20, 2017. " + text)[quote]
    assert claim.event is None or claim.event.kind != "study"
