"""Messages read as a person would write them: no repeated dates, parties and populations in
their proper case, verbs that agree, no negative lengths of time."""

from __future__ import annotations

import datetime as dt

from claimcheck import Report, Source, compare


def _src(sid: str, text: str, published: str) -> Source:
    return Source(id=sid, text=text, published=dt.date.fromisoformat(published))


def _one(report: Report, rule: str):  # type: ignore[no-untyped-def]
    found = [d for d in report.discrepancies if d.rule == rule]
    assert len(found) == 1, [d.message for d in report.discrepancies]
    return found[0]


def test_elapsed_time_message_dates_the_start_once() -> None:
    d = _one(compare([_src("a", "The war in Dorvia began on October 7, 2023. After three years of war, talks resumed.", "2025-07-07")]), "CC203")
    assert d.message == "a speaks of three years on July 7, 2025, but 1.8 years have passed since the war (Dorvia) that began October 7, 2023"


def test_elapsed_time_strict_window_never_negative() -> None:
    d = _one(compare([_src("a", "The war in Dorvia began on October 7, 2023. The nearly month-long war has emptied the capital.", "2025-07-07")]), "CC203")
    assert "Strict reading of 'nearly month-long': 0 to 1 months" in d.explanation


def test_disputed_figures_name_the_parties_as_written() -> None:
    report = compare(
        [
            _src("a", "Russian officials said 300 soldiers were killed in the battle for Kell in March 2024.", "2024-05-02"),
            _src("b", "Ukrainian officials said 1,100 soldiers were killed in the battle for Kell in March 2024.", "2024-05-02"),
            _src("c", "Russian officials said on Thursday that 300 soldiers were killed in the battle for Kell in March 2024.", "2024-05-02"),
        ]
    )
    d = _one(report, "CC401")
    assert d.message.startswith("Disputed: 1,100 according to Ukrainian officials (b); 300 according to Russian officials (a and c) — ")


def test_a_common_noun_party_takes_its_article() -> None:
    report = compare(
        [
            _src("a", "The attack on Kell on April 30, 2024 killed 45 people, according to the rebels.", "2024-05-02"),
            _src("b", "The attack on Kell on April 30, 2024 killed 12 people, the army said.", "2024-05-02"),
        ]
    )
    assert "45 according to the rebels (a); 12 according to the army (b)" in _one(report, "CC401").message


def test_nationalities_in_labels_are_capitalised(ceasefire: list[Source]) -> None:
    labels = {g.label for g in compare(ceasefire).groups}
    assert "the number killed (Palestinian) in Gaza in the war that began October 7, 2023" in labels
    assert not any("(palestinian)" in label for label in labels)


def test_a_campaign_elsewhere_is_not_timed_against_the_war(ceasefire: list[Source]) -> None:
    report = compare(ceasefire)
    war = next(g for g in report.groups if g.id == "elapsed|war-2023-10-07|-|-|-")
    quotes = {report_claim.span.quote for report_claim in report.claims if report_claim.id in war.claim_ids}
    assert quotes == {"year-long", "21 months"}


def test_a_repeated_wrong_date_is_named_against_the_sources() -> None:
    repeats = "The war began with the attack on Pelna on October 7, 2022. The attack on Pelna on October 7, 2022 shocked the country."
    report = compare(
        [
            _src("a", repeats + " Talks have stalled since the attack on Pelna on October 7, 2022.", "2024-05-02"),
            _src("b", "The war began with the attack on Pelna on October 7, 2023.", "2024-05-03"),
            _src("c", "Mourners marked the attack on Pelna on Oct. 7, 2023, in the square.", "2024-05-04"),
        ]
    )
    assert _one(report, "CC102").message == "a dates the attack October 7, 2022; b and c say 2023"


def test_a_one_to_one_date_split_names_no_culprit() -> None:
    earlier = _src("a", "The earthquake that struck Varno on March 3, 2024, destroyed the old market.", "2024-05-02")
    later = _src("b", "The earthquake that struck Varno on March 5, 2024, destroyed the old market.", "2024-05-02")
    expected = "Sources disagree on the date of the earthquake: a says March 3, 2024; b says March 5, 2024"
    assert _one(compare([earlier, later]), "CC102").message == expected
    assert _one(compare([later, earlier]), "CC102").message == expected


def test_a_source_repeating_its_date_is_still_one_side_of_a_tie() -> None:
    repeats = "The war began with the attack on Pelna on October 7, 2022. The attack on Pelna on October 7, 2022 shocked the country."
    report = compare(
        [
            _src("a", "The war began with the attack on Pelna on October 7, 2023.", "2024-05-03"),
            _src("b", repeats + " Talks have stalled since the attack on Pelna on October 7, 2022.", "2024-05-02"),
        ]
    )
    assert _one(report, "CC102").message == "Sources disagree on the date of the attack: a says October 7, 2023; b says October 7, 2022"


def test_a_one_to_one_count_split_names_no_culprit() -> None:
    low = _src("a", "The attack on Pelna on January 12, 2024 killed about 600 people.", "2024-05-02")
    high = _src("b", "The attack on Pelna on January 12, 2024 killed about 1,200 people.", "2024-05-02")
    expected = "Sources disagree on the number killed in the attack of January 12, 2024: a says about 600; b says about 1,200"
    assert _one(compare([low, high]), "CC101").message == expected
    assert _one(compare([high, low]), "CC101").message == expected
