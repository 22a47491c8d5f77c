"""Suppression comments in Markdown drafts, and the rules that keep them honest (CC901, CC902)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import Source, check
from claimcheck.config import Config
from claimcheck.suppress import find_suppressions

ROOT = Path(__file__).resolve().parent.parent
CEASEFIRE = ROOT / "fixtures" / "ceasefire"
TYPO = (ROOT / "tests" / "drafts" / "ceasefire-typo.md").read_text(encoding="utf-8")
WRONG = "The war began with the [Hamas attack of October 7, 2022]"


def run(text: str, config: Config | None = None) -> list[tuple[str, int]]:
    """(rule, line) of each finding for a draft with this text."""
    report = check([Source(id="story", text=text, path="story.md")], [CEASEFIRE], config=config)
    return [(d.rule, d.claims[0].span.line) for d in report.discrepancies]


def with_comment(comment: str, *, before: bool = False, inline: bool = False) -> str:
    """The typo draft with a comment on the wrong date's line, or alone before its paragraph."""
    if inline:
        return TYPO.replace(WRONG, f"{comment} {WRONG}")
    if before:
        return TYPO.replace(WRONG, f"{comment}\n{WRONG}")
    raise AssertionError("where?")


def test_without_a_comment_the_error_stands() -> None:
    assert run(TYPO) == [("CC102", 7)]


@pytest.mark.parametrize("selector", ["CC102", "CC1", "date-mismatch", "CC101, CC102", "CC102 CC103"])
def test_ignore_on_the_line(selector: str) -> None:
    found = run(with_comment(f"<!-- claimcheck: ignore[{selector}] desk confirmed -->", inline=True))
    assert [rule for rule, _ in found if rule == "CC102"] == []
    # An entry that hid nothing (CC101, CC103) is itself reported, at the comment.
    assert all(rule == "CC901" for rule, _ in found)
    assert len(found) == sum(code in selector for code in ("CC101", "CC103"))


def test_ignore_before_the_paragraph_covers_the_whole_paragraph() -> None:
    # The figure stands on the paragraph's first line; the comment's own line is before it.
    assert run(with_comment("<!-- claimcheck: ignore[CC102] checked -->", before=True)) == []
    # A blank line between the comment and the paragraph is allowed.
    assert run(with_comment("<!-- claimcheck: ignore[CC102] checked -->\n", before=True)) == []


def test_ignore_does_not_reach_other_paragraphs() -> None:
    text = TYPO.replace("Negotiators met again", "<!-- claimcheck: ignore[CC102] wrong place -->\nNegotiators met again")
    found = run(text)
    assert ("CC102", 8) in found  # the comment's line pushed the figure down one line
    assert [rule for rule, _ in found if rule != "CC102"] == ["CC901"]


def test_a_line_ignore_covers_that_occurrence_only() -> None:
    """A figure repeated in other paragraphs is reported there: a suppression applies where it stands."""
    text = (
        "The war began with the Hamas attack of October 7, 2022. <!-- claimcheck: ignore[CC102] quoting the archive -->\n\n"
        "Families marked the anniversary of the October 7, 2022 attack.\n\n"
        "<!-- claimcheck: ignore[CC102] quoting the statement -->\n"
        "Officials said the attack of October 7, 2022 was the deadliest day.\n\n"
        "A month later, the October 7, 2022 attack was still the story.\n"
    )
    assert run(text) == [("CC102", 3), ("CC102", 8)]


def test_disable_and_enable_make_a_range() -> None:
    text = TYPO.replace(WRONG, f"<!-- claimcheck: disable[CC102] -->\n\n{WRONG}").replace("Where things stand:", "<!-- claimcheck: enable[CC102] -->\nWhere things stand:")
    assert run(text) == []
    closed_early = TYPO.replace("Negotiators met again", "<!-- claimcheck: disable[CC102] -->\n<!-- claimcheck: enable[CC102] -->\nNegotiators met again")
    assert sorted(rule for rule, _ in run(closed_early)) == ["CC102", "CC901"]


def test_a_disable_never_enabled_runs_to_the_end() -> None:
    assert run("<!-- claimcheck: disable[CC102] -->\n\n" + TYPO) == []


def test_file_ignore_anywhere() -> None:
    assert run(TYPO + "\n<!-- claimcheck: file-ignore[date-mismatch] the desk knows -->\n") == []


@pytest.mark.parametrize(
    ("comment", "problem"),
    [
        ("<!-- claimcheck: ignore[CC999] -->", 'names "CC999"'),
        ("<!-- claimcheck: ignore -->", "needs rule codes"),
        ("<!-- claimcheck: ignore[] -->", "needs rule codes"),
        ("<!-- claimcheck: ignroe[CC102] -->", 'unknown directive "ignroe"'),
        ("<!-- claimcheck: enable[CC102] -->", "closes no disable"),
    ],
)
def test_invalid_suppressions_are_reported(comment: str, problem: str) -> None:
    text = comment + "\n\nTalks resumed in Doha on Monday.\n"
    report = check([Source(id="story", text=text, path="story.md")], [CEASEFIRE])
    (finding,) = report.discrepancies
    assert (finding.rule, finding.severity.value) == ("CC902", "warning")
    assert problem in finding.message
    assert (finding.claims[0].span.line, finding.claims[0].span.column, finding.claims[0].span.quote) == (1, 1, comment)


def test_an_invalid_code_does_not_stop_the_valid_ones() -> None:
    found = run(with_comment("<!-- claimcheck: ignore[CC102, CC999] -->", inline=True))
    assert [rule for rule, _ in found] == ["CC902"]


def test_unused_suppression_names_the_code_and_a_disabled_rule() -> None:
    report = check([Source(id="story", text="<!-- claimcheck: ignore[CC301] -->\nTalks resumed.\n", path="story.md")], [CEASEFIRE])
    (finding,) = report.discrepancies
    assert finding.rule == "CC901" and "CC301" in finding.message
    report = check(
        [Source(id="story", text=with_comment("<!-- claimcheck: ignore[CC102] -->", inline=True), path="story.md")],
        [CEASEFIRE],
        config=Config(ignore=["CC102"]),
    )
    assert [d.rule for d in report.discrepancies] == ["CC901"]
    assert "not enabled" in report.discrepancies[0].message


def test_the_suppression_rules_can_be_turned_off() -> None:
    text = "<!-- claimcheck: ignore[CC999] -->\n<!-- claimcheck: ignore[CC301] -->\nTalks resumed.\n"
    assert run(text, Config(ignore=["CC9"])) == []


def test_comments_in_plain_text_drafts_are_not_read() -> None:
    text = "<!-- claimcheck: ignore[CC102] -->" + TYPO
    report = check([Source(id="story", text=text, path="story.txt")], [CEASEFIRE])
    assert find_suppressions(report.sources[0]) == []


def test_a_suppression_comment_is_reported_with_its_reason_and_range() -> None:
    (item,) = find_suppressions(Source(id="s", text="Intro.\n\n<!-- claimcheck: ignore[CC101] the desk confirmed 1,139 -->\nA.\nB.\n\nC.\n", path="s.md"))
    assert (item.directive, item.reason, item.first_line, item.last_line) == ("ignore", "the desk confirmed 1,139", 4, 5)
    assert item.entries == {"CC101": ["CC101"]}
