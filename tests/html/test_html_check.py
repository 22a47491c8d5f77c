"""A check report in HTML: its headline, tallies and sources table say what they count."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from htmldom import parse, text_without

from claimcheck import check
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
