"""A search is an event of its own, dated by its start; a counted day of an event dates its start."""

from __future__ import annotations

import datetime as dt

from claimcheck import Source, extract
from claimcheck.model import Claim, DateRole


def _claims(text: str, published: dt.date) -> dict[str, Claim]:
    return {c.span.quote: c for c in extract(Source(id="s", text=text, published=published))}


def test_a_search_is_dated_by_its_start_and_the_toll_stays_the_collapses() -> None:
    claims = _claims(
        "Officials said Monday that they had identified the last victim of the Varno Towers collapse, "
        "bringing the confirmed death toll to 98 and closing a search that began in the early hours of June 24.",
        dt.date(2021, 7, 27),
    )
    date = claims["June 24"]
    assert date.event is not None and (date.event.kind, date.event.date_role) == ("search", DateRole.START)
    toll = claims["98"]
    assert toll.event is not None and toll.event.kind == "collapse"


def test_a_day_the_search_went_on_does_not_date_it() -> None:
    claims = _claims("Sunday's search turned up four more bodies in the rubble of the tower in Varno.", dt.date(2021, 6, 28))
    assert claims["Sunday"].event is None


def test_the_counts_of_a_sentence_after_a_dated_search_are_not_the_searchs() -> None:
    claims = _claims(
        "The tower in Varno partly collapsed on June 24. The search began in the early hours of June 24. Crews have recovered 11 bodies.",
        dt.date(2021, 6, 28),
    )
    assert claims["11"].event is None or claims["11"].event.kind != "search"


def test_a_counted_day_of_the_search_dates_its_start() -> None:
    claims = _claims("Wind forced crews to stop work for a time early Tuesday, the thirteenth day of the search.", dt.date(2021, 7, 6))
    start = claims["Tuesday, the thirteenth day of the search"]
    assert start.value.start == start.value.end == dt.date(2021, 6, 24)  # type: ignore[union-attr]
    assert start.event is not None and (start.event.kind, start.event.date_role) == ("search", DateRole.START)
    assert start.derived_from == (claims["Tuesday"].id,)


def test_counted_days_in_digits_and_compound_words() -> None:
    war = _claims("Sunday marked the 100th day of the war.", dt.date(2024, 1, 14))["Sunday marked the 100th day of the war"]
    assert war.value.start == dt.date(2023, 10, 7)  # type: ignore[union-attr]
    truce = _claims("On Friday, the twenty-first day of the truce, aid lorries crossed.", dt.date(2024, 3, 22))
    assert truce["Friday, the twenty-first day of the truce"].value.start == dt.date(2024, 3, 2)  # type: ignore[union-attr]


def test_no_counted_day_of_an_instant_event_or_of_a_date_not_to_the_day() -> None:
    attack = _claims("Tuesday, the third day of the attack, was quiet.", dt.date(2024, 3, 6))
    assert [q for q in attack if "day of" in q] == []
    month = _claims("In March 2024, the 150th day of the war, talks resumed.", dt.date(2024, 4, 1))
    assert [q for q in month if "day of" in q] == []


def test_the_tens_of_an_ordinal_are_no_count() -> None:
    # "the twenty-first day" held a count of twenty before ordinals were known.
    claims = _claims("Aid lorries crossed on the twenty-first day of the truce, and twenty-one lorries came back.", dt.date(2024, 3, 22))
    assert sorted(claims) == ["twenty-one"]
