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


# ---------------------------------------------------------------- names before the cue
# "the Camp Fire", "the Woolsey Fire": a capitalised name before a capitalised cue of a
# kind named that way (fire, flood, earthquake: `name_position = "before"` in events.toml).


def _fire_claims(text: str) -> dict[str, object]:
    return _claims(text, dt.date(2023, 8, 10))


def test_a_capitalised_name_before_the_cue_names_the_event() -> None:
    event = _fire_claims("The Dunmore Fire has killed 12 people, officials said.")["12"].event  # type: ignore[attr-defined]
    assert (event.kind, event.name, event.cue) == ("fire", "Dunmore", "Dunmore Fire")


def test_two_named_fires_in_one_story_are_two_named_events() -> None:
    claims = _fire_claims("The Dunmore Fire has killed 12 people. In the south, the Harlow Fire has killed three people.")
    assert (claims["12"].event.name, claims["three"].event.name) == ("Dunmore", "Harlow")  # type: ignore[attr-defined]


def test_an_agency_or_a_department_named_like_a_fire_is_no_event() -> None:
    # "Cal Fire concluded in May": the agency's finding, not a fire that ended in May.
    claims = _fire_claims("Cal Fire concluded in May that power lines started it. The Kell Fire Department said it ended on Tuesday.")
    assert claims["May"].event is None and claims["Tuesday"].event is None  # type: ignore[attr-defined]


def test_the_fire_is_the_one_last_named_even_when_it_is_dated() -> None:
    date = _fire_claims("The Dunmore Fire has killed 12 people. The fire ignited near Kell on Aug. 3, 2023.")["Aug. 3, 2023"]
    assert (date.event.name, date.event.date_role.value) == ("Dunmore", "start")  # type: ignore[attr-defined]


def test_a_fire_dated_by_its_own_words_takes_no_borrowed_name() -> None:
    # "the 1933 Harlow fire" is another fire, with its own year; "the 2017 fires" are several.
    claims = _fire_claims("The Dunmore Fire's toll has passed that of the 1933 Harlow fire and of the 2017 fires.")
    assert claims["1933"].event.name is None and claims["2017"].event.name is None  # type: ignore[attr-defined]


def test_several_fires_or_any_fire_are_not_the_one_last_named() -> None:
    claims = _fire_claims(
        "The Dunmore Fire has killed 12 people. Across the state, the fires now burning have killed 44 people. "
        "It has burned more homes than any wildfire in the state, and 30 people are hurt."
    )
    assert claims["12"].event.name == "Dunmore"  # type: ignore[attr-defined]
    assert claims["44"].event.name is None and claims["30"].event.name is None  # type: ignore[attr-defined]


def test_an_event_name_is_not_a_place_and_a_possessive_before_history_is_no_place() -> None:
    claims = _fire_claims(
        "The fires have killed 44 people, two of them in the Harlow Fire. "
        "The Dunmore Fire is the deadliest wildfire in California's recorded history, and has killed 42 people."
    )
    assert claims["two"].place is None and claims["42"].place is None  # type: ignore[attr-defined]


def test_where_a_fire_ignited_is_where_it_began_not_its_place() -> None:
    claims = _fire_claims("The Dunmore Fire has killed 12. The fire ignited near Kell on Aug. 3, 2023, and killed nine on its first day.")
    assert claims["Aug. 3, 2023"].event.place is None  # type: ignore[attr-defined]


def test_a_gunman_in_a_fire_story_is_a_shooting_of_its_own() -> None:
    claims = _fire_claims("The Dunmore Fire has killed 42 people, and a gunman killed a dozen people at a bar on Aug. 2.")
    assert claims["a dozen"].event.kind == "shooting"  # type: ignore[attr-defined]


def test_opening_fire_is_a_shooting_not_a_fire() -> None:
    claims = _fire_claims("A man opened fire at a bar in Kell on Wednesday, killing 12 people.")
    assert claims["12"].event.kind == "shooting"  # type: ignore[attr-defined]


def test_a_named_fire_no_dated_mention_names_is_not_a_guess_at_a_dated_one() -> None:
    # Without the rule, the Harlow Fire was taken for the only dated fire the sources give
    # outside the story ("the 2017 fires"), and the statewide toll for the Dunmore Fire's.
    sources = [
        Source(id="a", published=dt.date(2023, 8, 6), text="The Dunmore Fire ignited near Kell on Aug. 3, 2023. The Dunmore Fire has killed 23 people."),
        Source(
            id="b",
            published=dt.date(2023, 8, 10),
            text="The Dunmore Fire has killed 71 people. In the south, the Harlow Fire has killed three people, and the 2017 fires killed 44.",
        ),
        Source(id="c", published=dt.date(2023, 8, 20), text="The Harlow Fire, which started the same day, killed three people. The Dunmore Fire has killed 85."),
    ]
    report = compare(sources)
    assert [d.message for d in report.discrepancies if d.severity.value != "info"] == []
    harlow = [e for e in report.events if any(m.cue == "Harlow Fire" for m in e.mentions)]
    assert [e.id for e in harlow] == ["fire-harlow"]
    assert not any(m.cue == "fires" for m in harlow[0].mentions)


def test_a_count_in_a_relative_clause_on_a_named_fire_is_that_fires() -> None:
    # "…, which stood at 29 on Sunday," is said of the Dunmore Fire's toll, not of the older
    # fire named after it; and that fire's place is not the count's.
    text = "The Dunmore Fire's toll, which stood at 29 on Sunday, has overtaken that of the 1933 fire in Lenska, which killed 29 workers."
    first, second = [c for c in extract(Source(id="s", text=text, published=dt.date(2023, 8, 10))) if c.span.quote == "29"]
    assert (first.event.name, first.place) == ("Dunmore", None)  # type: ignore[union-attr]
    assert second.event.date is not None and second.event.date.start.year == 1933  # type: ignore[union-attr]
    assert second.place == "Lenska"


def test_the_fires_now_burning_are_not_the_named_fire_under_way() -> None:
    # "The fires now burning" are several fires: their 44 dead are not a count of the
    # Dunmore Fire's, which would otherwise read 42 → 44 and meet its later tolls.
    sources = [
        Source(id="a", published=dt.date(2023, 8, 6), text="The Dunmore Fire ignited near Kell on Aug. 3, 2023. The Dunmore Fire has killed 23 people."),
        Source(id="b", published=dt.date(2023, 8, 12), text="The Dunmore Fire has killed 42 people. Across the state, the fires now burning have killed 44 people."),
    ]
    report = compare(sources)
    groups = {g.id: g for g in report.groups}
    toll = next(g for g in groups.values() if g.measure == "killed" and any(c.endswith(":28-30") and c.startswith("b") for c in g.claim_ids))
    quotes = {c.span.quote for c in report.claims if c.id in toll.claim_ids}
    assert "44" not in quotes and {"23", "42"} <= quotes
