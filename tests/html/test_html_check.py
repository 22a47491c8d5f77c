"""A check report in HTML: its headline, tallies and sources table say what they count."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from htmldom import parse, text_without

from claimcheck import Role, Source, check
from claimcheck.render.outcomes import Outcome, claim_outcomes
from claimcheck.report import Report

ROOT = Path(__file__).resolve().parents[2]
DRAFTS = [ROOT / "tests" / "drafts" / "ceasefire-typo.md", ROOT / "tests" / "drafts" / "ceasefire-stale.md"]
CEASEFIRE = ROOT / "fixtures" / "ceasefire"
REFERENCES_READ = 5  # fixtures/ceasefire holds five articles


@pytest.fixture(scope="module")
def report() -> Report:
    return check(DRAFTS, [CEASEFIRE])


def test_the_html_headline_tallies_and_table_agree(report: Report) -> None:
    root = parse(report.to_html())
    s = report.summary
    lede = root.find("p", "cc-lede").text
    assert lede.startswith(f"2 drafts checked against {REFERENCES_READ} references; {s.claims} claims in the drafts, in {s.groups} groups:")
    assert "7 sources" not in root.find("title").text
    summary = root.find("section", "cc-summary")
    # "What became of them" adds up to the claims counted.
    tallies = [int(re.search(r"(\d+)$", li.text.strip()).group(1)) for li in summary.find("ul", "cc-outcome-counts").find_all("li")]
    assert sum(tallies) == s.claims
    # The table lists what the report holds, and its caption says which those are.
    table = summary.find("table")
    rows = table.find("tbody").find_all("tr")
    assert [r.find("th").text for r in rows] == [src.id for src in report.sources]
    cited = len(report.sources) - 2
    assert f"({cited} of the {REFERENCES_READ} references read)" in table.find("caption").text


def test_a_markdown_draft_is_said_to_be_shown_as_written(report: Report) -> None:
    root = parse(report.to_html())
    typo = next(sec for sec in root.find_all("section", "cc-source") if sec.find("h3").text.startswith("ceasefire-typo"))
    assert "(Markdown, shown as written)" in typo.find("p", "cc-meta").text
    # The offsets count in the file as written, so the link's markup is there as typed.
    assert "[Hamas attack of October 7, 2022](https://example.org/background)" in text_without(typo.find("div", "cc-text"), "cc-tags")


def _marks(report: Report, draft_id: str) -> dict[str, set[str]]:
    """Each figure's text in a draft's section of the HTML, with the outcomes its marks show."""
    root = parse(report.to_html())
    section = next(sec for sec in root.find_all("section", "cc-source") if sec.find("h3").text.startswith(draft_id))
    marks: dict[str, set[str]] = {}
    for mark in section.find("div", "cc-text").find_all("mark", "cc-claim"):
        marks.setdefault(text_without(mark, "cc-tags").strip(), set()).update(mark.classes - {"cc-claim"})
    return marks


def test_a_drafts_figures_that_agree_with_the_references_show_as_agreeing(report: Report) -> None:
    # The typo draft's toll, hostages taken, truce length and hostages held agree with the
    # seed coverage (no finding is about them, nor is CC501); its wrong date conflicts.
    outcomes = claim_outcomes(report)
    draft = {c.span.quote: outcomes[c.id] for c in report.claims if c.source_id == "ceasefire-typo"}
    assert {q: draft[q] for q in ("about 1,200", "251", "60-day", "About 50")} == dict.fromkeys(("about 1,200", "251", "60-day", "About 50"), Outcome.AGREES)
    assert draft["October 7, 2022"] is Outcome.CONFLICTS
    marks = _marks(report, "ceasefire-typo")
    assert marks["about 1,200"] == marks["251"] == {"cc-agrees"}
    assert marks["October 7, 2022"] == {"cc-conflicts"}
    assert not any(d.rule == "CC501" for d in report.discrepancies)
    # What backs them is in the report: one reference claim a figure, the newest reference's.
    cited = {c.claim_id for d in report.discrepancies for c in d.claims}
    backers = {(c.source_id, c.span.quote) for c in report.claims if c.id not in cited and report.source(c.source_id).role is Role.REFERENCE}
    assert backers == {("003", "60-day"), ("003", "about 1,200"), ("003", "251"), ("003", "50")}


def test_a_figure_nothing_backs_stays_unsupported() -> None:
    quake = Source(id="quake", text="The earthquake that struck Haiti on January 12, 2010 killed more than 200,000 people.", path="quake.md")
    report = check([quake], [CEASEFIRE])
    outcomes = claim_outcomes(report)
    assert {outcomes[c.id] for c in report.claims if c.source_id == "quake"} == {Outcome.UNSUPPORTED}
    assert sorted(d.rule for d in report.discrepancies) == ["CC501", "CC501"]
