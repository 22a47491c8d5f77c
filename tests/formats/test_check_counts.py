"""A check report's counts say what they count, the same way in JSON and text (HTML: tests/html/test_html_check.py).

A check report holds the drafts and only the references it cites; its
summary counts every draft and reference read, the drafts' own claims, and
the groups those claims are in.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import Role, check
from claimcheck.report import Report

ROOT = Path(__file__).resolve().parents[2]
DRAFTS = [ROOT / "tests" / "drafts" / "ceasefire-typo.md", ROOT / "tests" / "drafts" / "ceasefire-stale.md"]
CEASEFIRE = ROOT / "fixtures" / "ceasefire"
REFERENCES_READ = 5  # fixtures/ceasefire holds five articles


@pytest.fixture(scope="module")
def report() -> Report:
    return check(DRAFTS, [CEASEFIRE])


def test_the_summary_counts_the_drafts_side(report: Report) -> None:
    drafts = [s for s in report.sources if s.role is Role.DRAFT]
    draft_claims = [c for c in report.claims if c.source_id in {d.id for d in drafts}]
    summary = json.loads(report.to_json())["summary"]
    assert summary["sources"] == len(drafts) + REFERENCES_READ
    assert summary["claims"] == len(draft_claims) < len(report.claims)
    assert summary["groups"] == len(report.groups)
    # Every group counted holds a draft's claim.
    assert all(any(report.claim(i).source_id in {d.id for d in drafts} for i in g.claim_ids) for g in report.groups)


def test_the_text_summary_line_says_drafts_against_references(report: Report) -> None:
    s = report.summary
    assert report.to_table().splitlines()[-1] == (
        f"Found 2 discrepancies (1 error, 1 warning) in 2 drafts checked against {REFERENCES_READ} references "
        f"({s.claims} claims in the drafts, {s.groups} groups)."
    )
    one = check(DRAFTS[:1], [CEASEFIRE])
    assert f"in 1 draft checked against {REFERENCES_READ} references ({one.summary.claims} claims in the draft," in one.to_table()


def test_docs_ci_quotes_the_current_summary_line(report: Report) -> None:
    page = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert f"  {report.to_table().splitlines()[-1]}\n" in page
