"""docs/html-report.md's account of the seed report matches the report claimcheck makes now."""

from __future__ import annotations

import re
import struct
from pathlib import Path

from claimcheck.render.outcomes import TIMELINE_RULE
from claimcheck.report import Report, Severity

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "docs" / "html-report.md").read_text(encoding="utf-8")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _paragraph(start: str) -> str:
    at = PAGE.index(start)
    return " ".join(PAGE[at : PAGE.index("\n\n", at)].split())


def test_the_entry_the_page_walks_through_is_the_hostages_held_timeline(seed_report: Report) -> None:
    text = _paragraph("In the seed report the")
    ordinal = re.match(r"In the seed report the (\w+) entry is", text).group(1)
    entry = seed_report.discrepancies[ORDINALS.index(ordinal)]
    assert entry.rule == TIMELINE_RULE
    group = next(g for g in seed_report.groups if g.id == entry.group_id)
    assert "hostages held" in group.label and "the hostages still held in Gaza" in text
    claims = [seed_report.claim(c.claim_id) for c in entry.claims]
    # Each figure as the chart labels it, with its source, in date order.
    for claim in claims:
        assert f"{claim.describe()} ({claim.source_id}, " in text, claim.describe()
    order = [m.group(1) for m in re.finditer(r"\((\d{3}), ", text)]
    assert order == [c.source_id for c in sorted(claims, key=lambda c: (c.as_of, c.source_id))]
    # "None is marked, since none conflicts."
    assert "None is marked" in text
    flagged = {c.claim_id for d in seed_report.discrepancies if d.severity is not Severity.INFO for c in d.subjects}
    assert not flagged & {c.id for c in claims}


def test_the_screenshots_description_fits_the_report(seed_report: Report) -> None:
    alt = re.search(r"!\[(.*?)\]\(img/seed-report\.png\)", PAGE).group(1)
    errors = [d for d in seed_report.discrepancies if d.severity is Severity.ERROR]
    count, sentences = re.search(r"the (\w+) error with its (\w+) quoted sentences", alt).groups()
    assert len(errors) == NUMBERS.index(count)
    assert len(errors[0].claims) == NUMBERS.index(sentences)
    assert "ending with the hostages held in Gaza" in alt


def test_the_screenshot_is_the_size_the_page_says() -> None:
    width, height = re.search(r"--window-size=(\d+),(\d+)", PAGE).groups()
    png = (ROOT / "docs" / "img" / "seed-report.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (int(width), int(height))
    assert f"at\n{width} pixels wide" in PAGE or f"at {width} pixels wide" in " ".join(PAGE.split())
