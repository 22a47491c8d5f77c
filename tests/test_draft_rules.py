"""The draft rules CC501 (unsupported) and CC502 (stale): what they flag and what they must not."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck import Source, check
from claimcheck.compare import compare
from claimcheck.config import Config
from claimcheck.report import Severity
from claimcheck.rules import RULES

HELD = "Officials said {} hostages were still held in Gaza."


def ref(source_id: str, text: str, day: str) -> Source:
    return Source(id=source_id, text=text, published=dt.date.fromisoformat(day))


TIMELINE = [
    ref("oct", HELD.format(97), "2024-10-24"),
    ref("mar", HELD.format(59), "2025-03-06"),
    ref("jul", HELD.format(50), "2025-07-07"),
]


def rules_for(text: str, references: list[Source] = TIMELINE, **config: object) -> list[tuple[str, str]]:
    report = check([Source(id="draft", text=text, path="draft.md")], references, config=Config(**config))  # type: ignore[arg-type]
    return [(d.rule, d.claims[0].span.quote) for d in report.discrepancies]


@pytest.mark.parametrize(
    ("code", "name", "severity"),
    [("CC501", "unsupported", Severity.INFO), ("CC502", "stale", Severity.WARNING), ("CC901", "unused-suppression", Severity.WARNING), ("CC902", "invalid-suppression", Severity.WARNING)],
)
def test_registered_with_code_name_severity_and_doc(code: str, name: str, severity: Severity) -> None:
    rule = RULES[code]
    assert (rule.code, rule.name, rule.severity) == (code, name, severity)
    assert rule.summary().endswith(".") and len(rule.doc()) > 100


def test_stale_flags_an_older_figure_the_newest_reference_has_moved_past() -> None:
    assert rules_for(HELD.format(97)) == [("CC502", "97")]
    assert rules_for(HELD.format(59)) == [("CC502", "59")]


@pytest.mark.parametrize(
    ("figure", "config", "expected"),
    [
        ("50", {}, []),  # agrees with the newest
        ("about 50", {}, []),
        ("59", {"as_of": dt.date(2025, 3, 7)}, []),  # the newest as of the draft's date
        ("97", {"as_of": dt.date(2024, 11, 1)}, []),
        ("75", {}, [("CC101", "75")]),  # matches no figure: a mismatch, not stale
        ("75", {"as_of": dt.date(2025, 9, 1)}, [("CC501", "75")]),  # no reference for that date: unsupported
    ],
)
def test_stale_does_not_flag(figure: str, config: dict[str, object], expected: list[tuple[str, str]]) -> None:
    assert rules_for(HELD.format(figure), **config) == expected


def test_a_lower_running_total_that_still_agrees_is_not_stale() -> None:
    toll = "The health ministry says {} Palestinians have been killed in the war in Gaza."
    references = [ref("a", toll.format("more than 56,000"), "2025-07-02"), ref("b", toll.format("more than 57,000"), "2025-07-07")]
    assert rules_for(toll.format("more than 56,000"), references) == []
    # 38,000 matches no figure: against the same day's it is a mismatch, against the earlier one a fall.
    assert sorted(rules_for(toll.format("more than 38,000"), references)) == [("CC101", "more than 38,000"), ("CC201", "more than 38,000")]


def test_draft_rules_never_fire_in_compare() -> None:
    report = compare([*TIMELINE, ref("late", "The earthquake that struck Haiti on January 12, 2010 killed more than 200,000 people.", "2025-07-08")])
    assert not {d.rule for d in report.discrepancies} & {"CC501", "CC502"}


def test_unsupported_flags_a_quantity_no_reference_gives() -> None:
    found = rules_for("Hamas took 251 hostages in the attack on October 7, 2023.")
    assert sorted(found) == [("CC501", "251"), ("CC501", "October 7, 2023")]


def test_unsupported_does_not_flag_what_a_reference_backs_or_contradicts_or_cannot_line_up() -> None:
    assert rules_for(HELD.format(50)) == []
    assert rules_for(HELD.format(75)) == [("CC101", "75")]
    assert rules_for("The two sides met three times in Doha.") == []  # general counts are not lined up


def test_backing_asked_of_many_figures_gives_what_backing_gives_each() -> None:
    """`Backing` works the group out once; its answers must be `backing`'s, and `first` the least in its order."""
    from claimcheck.extract import extract
    from claimcheck.rules.draft import Backing, backing

    texts = ["{} hostages were taken on October 7, 2023.".format(n) for n in ("251", "about 250", "more than 240", "239", "nearly 300")]
    references = [c for i, t in enumerate(texts) for c in extract(ref(f"r{i}", t, f"2025-0{i + 1}-01"))]
    draft_text = "{} hostages were taken on October {}, 2023."
    drafts = [c for t in (draft_text.format(250, 7), draft_text.format(100, 8)) for c in extract(ref("d", t, "2025-07-01"))]
    newest_first = lambda c: (-c.as_of.toordinal(), c.source_id)  # noqa: E731
    answers = []
    for kind in ("quantity", "date"):
        same_kind = [c for c in references if c.value.type == kind]
        backed = Backing(same_kind, order=newest_first)
        for draft in (c for c in drafts if c.value.type == kind):
            expected = backing(draft, same_kind)
            assert sorted(c.id for c in backed.backers(draft)) == sorted(c.id for c in expected)
            assert backed.first(draft) == (min(expected, key=newest_first) if expected else None)
            answers.append((draft.span.quote, backed.first(draft) and backed.first(draft).source_id))
    assert answers == [("250", "r2"), ("100", None), ("October 7, 2023", "r4"), ("October 8, 2023", None)]
