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


def _attribution(text: str) -> tuple[str | None, str | None, str | None] | None:
    claim = next(c for c in extract(Source(id="s", text=text, published=dt.date(2024, 5, 2))) if c.kind.value == "count")
    a = claim.attribution
    return None if a is None else (a.who, a.party, a.side)


def test_according_to_keeps_any_speaker() -> None:
    assert _attribution("The attack killed 45 people, according to the rebels.") == ("rebels", None, "rebels")
    assert _attribution("The crackdown killed 80 people, according to opposition leaders.") == ("opposition leaders", None, "opposition")
    assert _attribution("The flood killed 30 people, according to local residents.") == ("local residents", None, None)


def test_according_to_a_body_behind_the_figures() -> None:
    assert _attribution("The flood killed 30 people, according to figures from the interior ministry.") == ("interior ministry", "authorities", "government")


def test_according_to_what_names_no_speaker() -> None:
    assert _attribution("The convoy reached 30 villages, according to plan.") is None
    assert _attribution("The flood killed 30 people, according to reports.") is None


def test_a_spokesman_for_the_rebels_is_a_rebel() -> None:
    assert _attribution("The attack killed 45 people, according to a spokesman for the rebels.") == ("spokesman for rebels", None, "rebels")


def test_the_health_ministry_is_gazas_in_a_sentence_about_gaza() -> None:
    assert _attribution("The strike in Gaza killed 45 people, the health ministry said.")[1:] == ("hamas", "hamas")  # type: ignore[index]
    assert _attribution("The flood in Lenska killed 45 people, the health ministry said.")[1:] == ("authorities", "government")  # type: ignore[index]


def test_what_an_event_struck_is_its_place() -> None:
    claims = _claims("A powerful earthquake struck southern Turkey and northern Syria on Monday, killing at least 1,500 people.")
    assert claims["at least 1,500"].place == "Syria and Turkey"
    claims = _claims("The two sides struck a deal on Monday that freed 30 hostages.")
    assert claims["30"].place is None


def test_several_places_are_one_place_key() -> None:
    claims = _claims("The earthquake has killed 5,000 people in Turkey and Syria.")
    assert claims["5,000"].place == "Syria and Turkey"
    claims = _claims("The strikes killed 30 people in Gaza, Israel said on Sunday.")
    assert claims["30"].place == "Gaza"


def test_the_sheriffs_office_is_an_official_body() -> None:
    assert _attribution("Hundreds of people remain unaccounted for, the sheriff's office said.")[1:] == ("authorities", "government")  # type: ignore[index]


def test_a_speaker_named_by_surname_is_the_speaker_named_in_full_before() -> None:
    text = (
        "The fire has killed 23 people, Marlow County Sheriff Ana Kessler told reporters. "
        "Kessler said 110 people could not be located. Officials said 40 homes burned."
    )
    claims = _claims(text)
    first, second, officials = (claims[q].attribution for q in ("23", "110", "40"))
    assert first is not None and second is not None and officials is not None
    assert (second.who, second.party) == (first.who, "authorities")
    # A common noun is no surname: "Officials said" stays the officials'.
    assert officials.who == "officials"
