"""How extracted claims are typed beyond what the example files check: temporal class,
event, place and attribution, on sentences that audits found mistyped."""

from __future__ import annotations

import datetime as dt

from claimcheck import Claim, Source, extract
from claimcheck.model import TemporalClass


def _claims(text: str, published: dt.date = dt.date(2024, 1, 14)) -> dict[str, Claim]:
    return {c.span.quote: c for c in extract(Source(id="s", text=text, published=published))}


def test_a_distance_in_time_is_not_the_length_of_an_event() -> None:
    claims = _claims("The earthquake toll was 900 a day earlier. The storm a week earlier killed 30.")
    for quote in ("a day", "a week"):
        assert claims[quote].event is None and claims[quote].measure_class is TemporalClass.UNKNOWN


def test_a_length_is_still_an_events_length() -> None:
    claims = _claims("The Pelna earthquake of January 12, 2024 lasted 40 seconds.")
    assert claims["40 seconds"].event is not None and claims["40 seconds"].event.kind == "earthquake"


def test_a_share_is_never_a_count_of_the_measure() -> None:
    claim = _claims("Children account for 40 percent of the deaths in the earthquake.")["40 percent"]
    assert claim.measure == "count" and claim.measure_class is TemporalClass.UNKNOWN
