"""A fire's start, told by the verbs that start a fire, by its first day, and its length.

"The blaze ignited near Pulga on Nov. 9, 2018" dates the fire's start (a kind's own
`start_cues` in data/events.toml); so do "within hours of igniting near Pulga on
Thursday", "the fire's first day, November 8" and "Sunday, the fire's third day".
"A 17-day fight against the wildfire" and "crews contained it 17 days later", after
the sentence's ignition, are the fire's length.
"""

from __future__ import annotations

import datetime as dt

from claimcheck import Source, extract
from claimcheck.compare import compare

_PUBLISHED = dt.date(2023, 8, 20)


def _claims(text: str, published: dt.date = _PUBLISHED) -> dict[str, object]:
    return {c.span.quote: c for c in extract(Source(id="s", text=text, published=published))}


def _start(claim: object) -> tuple[str, dt.date] | None:
    event = claim.event  # type: ignore[attr-defined]
    if event is None or event.date is None:
        return None
    return event.date_role.value, event.date.start


def test_a_fire_that_ignited_on_a_day_began_that_day() -> None:
    claims = _claims("The blaze ignited near Kell on Aug. 3, 2023, and burned 40,000 acres.")
    assert _start(claims["Aug. 3, 2023"]) == ("start", dt.date(2023, 8, 3))


def test_a_start_verb_a_few_words_after_the_fire_still_dates_its_start() -> None:
    claims = _claims("Ten of the dead were in Kell, the town the fire overran within hours of igniting near Ardmore on Thursday morning.", dt.date(2023, 8, 5))
    assert _start(claims["Thursday"]) == ("start", dt.date(2023, 8, 3))


def test_a_fire_that_sparked_something_is_not_dated_by_it() -> None:
    # "sparked" alone is what the fire caused; only "was sparked" or "sparked by" start it.
    claims = _claims("The fire sparked panic in Kell on Monday. The blaze was sparked by power lines on Aug. 3, 2023.")
    assert _start(claims["Monday"]) is None
    assert _start(claims["Aug. 3, 2023"]) == ("start", dt.date(2023, 8, 3))


def test_the_fires_first_day_is_the_day_it_began() -> None:
    for text in (
        "Most of the dead were found in Kell, which burned on the fire's first day, August 3.",
        "Most of the dead were found in Kell, which burned on the first day of the fire, August 3.",
    ):
        derived = [c for c in extract(Source(id="s", text=text, published=_PUBLISHED)) if c.derived_from]
        assert len(derived) == 1 and derived[0].span.quote.endswith("August 3"), text
        assert _start(derived[0]) == ("start", dt.date(2023, 8, 3)), text


def test_a_day_counted_after_its_date_in_the_possessive() -> None:
    derived = [c for c in extract(Source(id="s", text="Crews held the line on Saturday, the fire's third day.", published=dt.date(2023, 8, 6))) if c.derived_from]
    assert [(c.span.quote, _start(c)) for c in derived] == [("Saturday, the fire's third day", ("start", dt.date(2023, 8, 3)))]


def test_a_date_after_a_comma_and_another_clause_is_not_the_events() -> None:
    claims = _claims("The plea comes 19 months after the fire, and the chief executive steps down this month.", dt.date(2020, 6, 17))
    assert claims["this month"].event is None  # type: ignore[attr-defined]
    # "comes" speaks of now: the 19 months are time since the fire, not a delay.
    assert claims["19 months"].elapsed  # type: ignore[attr-defined]


def test_a_fight_against_a_fire_lasts_as_long_as_the_fire() -> None:
    claims = _claims("Crews declared the fire contained on Sunday, ending a 17-day fight against the deadliest wildfire in the state.")
    event = claims["17-day"].event  # type: ignore[attr-defined]
    assert event is not None and event.kind == "fire"


def test_contained_some_days_after_it_ignited_is_the_fires_length() -> None:
    claims = _claims("The blaze ignited near Kell on Aug. 3, 2023, and crews contained it 17 days later.")
    event = claims["17 days"].event  # type: ignore[attr-defined]
    assert event is not None and event.kind == "fire" and event.date_role.value == "start"


def test_a_distance_in_time_after_no_end_is_still_no_length() -> None:
    claims = _claims("The blaze ignited near Kell on Aug. 3, 2023. Three days later, officials ordered the town out.")
    assert claims["Three days"].event is None  # type: ignore[attr-defined]


def test_a_misdated_start_and_a_doubled_length_are_found_against_the_others() -> None:
    sources = [
        Source(id="a", published=dt.date(2023, 8, 5), text="The Dunmore Fire has killed 23 people. The fire broke out near Kell on Aug. 3, 2023."),
        Source(id="b", published=dt.date(2023, 8, 21), text="The Dunmore Fire is out. It burned for weeks after Kell burned on the fire's first day, August 3. Crews declared it contained on Sunday, ending a 17-day fight against the wildfire."),
        Source(id="c", published=dt.date(2024, 6, 1), text="The Dunmore Fire killed 85 people. The blaze ignited near Kell on Aug. 4, 2023, and crews contained it 34 days later."),
    ]
    flagged = sorted((d.rule, c.source_id, c.span.quote) for d in compare(sources).discrepancies if d.severity.value != "info" for c in d.claims if c.role == "subject")
    assert ("CC102", "c", "Aug. 4, 2023") in flagged
    assert ("CC103", "c", "34 days") in flagged
