"""Baselines: accepted findings stay hidden through unrelated edits; new ones show."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from claimcheck import InputError, Source, check
from claimcheck.baseline import apply_baseline, baseline_text, load_baseline
from claimcheck.config import Config

ROOT = Path(__file__).resolve().parent.parent
CEASEFIRE = ROOT / "fixtures" / "ceasefire"
TYPO = (ROOT / "tests" / "drafts" / "ceasefire-typo.md").read_text(encoding="utf-8")


def report_for(text: str, config: Config | None = None):  # type: ignore[no-untyped-def]
    return check([Source(id="story", text=text, path="story.md")], [CEASEFIRE], config=config)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "baseline.json"
    path.write_text(baseline_text(report_for(text)), encoding="utf-8")
    return path


def test_a_baseline_hides_what_it_records(tmp_path: Path) -> None:
    path = write(tmp_path, TYPO)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "claimcheck-baseline"
    (entry,) = document["findings"]
    assert (entry["rule"], entry["count"], entry["path"], entry["line"]) == ("CC102", 1, "story.md", 7)
    assert report_for(TYPO, Config(baseline=str(path))).discrepancies == []


def test_an_unrelated_edit_above_the_figure_keeps_the_baseline_valid(tmp_path: Path) -> None:
    path = write(tmp_path, TYPO)
    edited = TYPO.replace(
        "Negotiators met again",
        "An editor's note, added later, sets out how the talks are reported.\n\nNegotiators met again",
    )
    before, after = report_for(TYPO), report_for(edited)
    assert (before.discrepancies[0].claims[0].span.line, after.discrepancies[0].claims[0].span.line) == (7, 9)
    assert before.discrepancies[0].fingerprint == after.discrepancies[0].fingerprint
    assert apply_baseline(after, load_baseline(path)).discrepancies == []


def test_a_changed_figure_is_a_new_finding(tmp_path: Path) -> None:
    path = write(tmp_path, TYPO)
    changed = TYPO.replace("October 7, 2022", "October 7, 2021")
    assert [d.rule for d in report_for(changed, Config(baseline=str(path))).discrepancies] == ["CC102"]


def test_new_references_keep_the_baseline_valid(tmp_path: Path) -> None:
    path = write(tmp_path, TYPO)
    extra = Source(id="new", text="Hamas attacked Israel on October 7, 2023.", published=dt.date(2025, 7, 8))
    report = check([Source(id="story", text=TYPO, path="story.md")], [CEASEFIRE, extra], config=Config(baseline=str(path)))
    assert report.discrepancies == []



def test_counts_let_a_second_identical_finding_through(tmp_path: Path) -> None:
    path = write(tmp_path, TYPO)
    twice = TYPO + "\nAgain: the attack of October 7, 2022 began the war.\n"
    report = report_for(twice)
    # One finding per occurrence, each where it stands; the one the baseline recorded keeps its fingerprint.
    assert [(d.rule, d.claims[0].span.line, len(d.subjects)) for d in report.discrepancies] == [("CC102", 7, 1), ("CC102", 15, 1)]
    assert len({d.fingerprint for d in report.discrepancies}) == 2
    assert report.discrepancies[0].fingerprint == report_for(TYPO).discrepancies[0].fingerprint
    # Only the new occurrence shows, on its own line.
    assert [(d.rule, d.claims[0].span.line) for d in apply_baseline(report, load_baseline(path)).discrepancies] == [("CC102", 15)]
    counts = load_baseline(path)
    assert sum(counts.values()) == 1


def test_a_repeated_figure_keeps_its_fingerprints_through_unrelated_edits(tmp_path: Path) -> None:
    twice = TYPO + "\nAgain: the attack of October 7, 2022 began the war.\n"
    path = write(tmp_path, twice)
    edited = twice.replace("Negotiators met again", "A note added above.\n\nNegotiators met again")
    assert [d.claims[0].span.line for d in report_for(edited).discrepancies] == [9, 17]
    assert [d.fingerprint for d in report_for(edited).discrepancies] == [d.fingerprint for d in report_for(twice).discrepancies]
    assert apply_baseline(report_for(edited), load_baseline(path)).discrepancies == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{", "malformed JSON"),
        ('{"format": "other"}', "not a baseline file"),
        ('{"format": "claimcheck-baseline", "format_version": 9, "findings": []}', "format 9"),
        ('{"format": "claimcheck-baseline", "format_version": 1, "findings": [{}]}', "no fingerprint"),
        ('{"format": "claimcheck-baseline", "format_version": 1, "findings": [{"fingerprint": "x", "count": 0}]}', "count 0"),
    ],
)
def test_a_broken_baseline_is_an_input_error(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as caught:
        load_baseline(path)
    assert caught.value.path == str(path)


def test_a_missing_baseline_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such baseline file"):
        load_baseline(tmp_path / "missing.json")
