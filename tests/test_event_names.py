"""Named events: a storm spoken of by its name alone, or as "the storm" after it was named."""

from __future__ import annotations

import datetime as dt

from claimcheck import Source, extract
from claimcheck.compare import compare


def _claims(text: str, published: dt.date = dt.date(2017, 10, 4)) -> dict[str, object]:
    return {c.span.quote: c for c in extract(Source(id="s", text=text, published=published))}


def test_the_name_alone_is_a_mention_that_a_date_can_follow() -> None:
    claims = _claims("The toll from Hurricane Maria rose to 34. Maria came ashore on Sept. 20, 2017, as a Category 4 hurricane.")
    date = claims["Sept. 20, 2017"]
    assert date.event is not None and (date.event.kind, date.event.name) == ("storm", "Maria")  # type: ignore[attr-defined]


def test_a_name_the_source_never_gives_a_cue_is_no_event() -> None:
    claims = _claims("Maria came ashore on Sept. 20, 2017, her neighbours said.")
    assert claims["Sept. 20, 2017"].event is None  # type: ignore[attr-defined]


def test_the_name_alone_takes_no_date_from_before_it() -> None:
    # "released in May put Maria's toll": May dates the survey, not the storm.
    claims = _claims("Hurricane Maria hit the island. The survey released in May put Maria's toll at 4,645.", dt.date(2018, 9, 20))
    assert claims["May"].event is None  # type: ignore[attr-defined]


def test_the_storm_is_the_one_last_named_before_it() -> None:
    claims = _claims(
        "Hurricane Katrina killed as many as 1,800 people in 2005. Hurricane Maria came ashore on Sept. 20. "
        "The government said 19 of the dead were killed directly by the storm."
    )
    assert claims["19"].event.name == "Maria"  # type: ignore[attr-defined]


def test_storm_deaths_in_a_story_that_also_names_an_older_storm_line_up_with_the_named_storm() -> None:
    # Without the antecedent, "the storm" in each story is neither of the two dated
    # storms, and its counts — an early toll and a later one — meet as fixed figures.
    sources = [
        Source(
            id="a",
            published=dt.date(2017, 10, 4),
            text=(
                "Hurricane Dorel came ashore on Sept. 20, 2017. Officials compared it with Hurricane Lorne, which killed "
                "as many as 1,800 people in 2005. The government has not released the names of the 34 killed by the storm."
            ),
        ),
        Source(
            id="b",
            published=dt.date(2018, 5, 30),
            text="Hurricane Dorel struck on Sept. 20, 2017. The government has held its tally of storm deaths at 64 since December.",
        ),
    ]
    report = compare(sources)
    assert [d.message for d in report.discrepancies if d.severity.value != "info"] == []


def test_a_study_is_the_party_of_its_estimate() -> None:
    claims = _claims("The study's central estimate of 2,975 excess deaths from Hurricane Maria is far above the official count.", dt.date(2018, 8, 29))
    attribution = claims["2,975"].attribution  # type: ignore[attr-defined]
    assert attribution is not None and attribution.who == "study's"


def test_the_disaster_is_the_kind_of_event_the_source_names_most() -> None:
    text = (
        "The war has gone on for months. The war began with the attack on Oct. 7, 2023. "
        "The fighting continues. Survivors recalled the events of Oct. 7, 2023."
    )
    claims = [c for c in extract(Source(id="s", text=text, published=dt.date(2024, 5, 1))) if c.span.quote == "Oct. 7, 2023"]
    # The war is named more often, but an ongoing war is not what "the events of" a day were.
    assert claims[-1].event is not None and claims[-1].event.kind == "attack"


def test_the_disaster_in_a_source_that_names_no_event_is_no_event() -> None:
    claims = _claims("Relief groups recalled the events of 14 June 2017 at the memorial.", dt.date(2018, 6, 15))
    assert claims["14 June 2017"].event is None  # type: ignore[attr-defined]
