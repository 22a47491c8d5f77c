"""Every interval rule explains itself with both readings: the strict one (what logic
allows; an error when it fails) and the newsroom one (a warning when only it fails)."""

from __future__ import annotations

import datetime as dt

from claimcheck import Source, compare


def _only(sources: list[Source], rule: str):  # type: ignore[no-untyped-def]
    found = [d for d in compare(sources).discrepancies if d.rule == rule]
    assert len(found) == 1, [d.message for d in found]
    return found[0]


def test_a_fall_as_a_newsroom_reads_it_gives_both_readings() -> None:
    d = _only(
        [
            Source(id="a", text="The war in Dorvia has killed more than 112,000 people since it began in 2022.", published=dt.date(2024, 5, 2)),
            Source(id="b", text="The war in Dorvia has killed more than 57,000 people since it began in 2022.", published=dt.date(2024, 5, 7)),
        ],
        "CC201",
    )
    assert d.severity.value == "warning"
    strict, _, newsroom = d.explanation.partition("Newsroom reading")
    assert strict.startswith("Strict reading") and "allows (112,000, ∞)" in strict and "can still be as high" in strict
    assert "allows (57,000, 62,700]" in newsroom and "lower than the earlier one" in newsroom


def test_a_fall_on_the_strict_reading_says_so_on_both() -> None:
    d = _only(
        [
            Source(id="a", text="The war in Dorvia has killed 12,400 people since it began in 2022, the health ministry said.", published=dt.date(2024, 5, 2)),
            Source(id="b", text="The war in Dorvia has killed 11,900 people since it began in 2022, the health ministry said.", published=dt.date(2024, 6, 10)),
        ],
        "CC201",
    )
    assert d.severity.value == "error"
    assert d.explanation.count("the later figure is lower than the earlier one") == 2


def test_a_part_too_large_as_a_newsroom_reads_it_gives_both_readings() -> None:
    d = _only([Source(id="a", text="The flood in Lenska killed about 40 people, including 43 children.", published=dt.date(2024, 5, 2))], "CC301")
    assert d.severity.value == "warning"
    strict, _, newsroom = d.explanation.partition("Newsroom reading")
    assert strict.startswith("Strict reading") and "the part can fit" in strict
    assert "the part cannot fit" in newsroom
