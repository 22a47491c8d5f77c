"""check()'s stage accounting (what bench/check_speed.py reports) and the work a check leaves out."""

from __future__ import annotations

import datetime as dt
import importlib
import time
from pathlib import Path

import pytest

from claimcheck import Source
from claimcheck.config import Config
from claimcheck.stages import StageTimes

ROOT = Path(__file__).resolve().parent.parent
CEASEFIRE = ROOT / "fixtures" / "ceasefire"
TYPO = ROOT / "tests" / "drafts" / "ceasefire-typo.md"
check_module = importlib.import_module("claimcheck.check")  # the module; `claimcheck.check` is the function


def test_the_stages_add_up_to_the_call() -> None:
    times = StageTimes()
    started = time.perf_counter()
    report = check_module._check([TYPO], [CEASEFIRE], Config(), times)
    elapsed = time.perf_counter() - started
    assert [d.rule for d in report.discrepancies] == ["CC102"]
    assert list(times.seconds) == [
        "load the vocabulary",
        "read the drafts, open the references",
        "extract the drafts",
        "read the reference claims needed",
        "align",
        "run the rules",
        "assemble the report",
        "the drafts' view, suppressions, baseline",
        "free what the stages built, the collector back on",
    ]
    assert list(times.cpu_seconds) == list(times.seconds)
    assert 0.95 * elapsed <= sum(times.seconds.values()) <= elapsed


def test_a_check_looks_for_conflicts_only_where_a_draft_figure_is(monkeypatch: pytest.MonkeyPatch) -> None:
    values = importlib.import_module("claimcheck.rules.values")
    seen: list[set[str]] = []
    original = values.find_conflicts

    def recording(claims, weight):  # type: ignore[no-untyped-def]
        seen.append({c.source_id for c in claims})
        return original(claims, weight)

    monkeypatch.setattr(values, "find_conflicts", recording)
    # Hostages still held, at dates a year apart: two comparable sets, the draft's figure in one.
    refs = [
        Source(id="early", text="Israel says 120 hostages are still held in Gaza.", published=dt.date(2024, 3, 1)),
        Source(id="early2", text="Officials say 119 hostages are still held in Gaza.", published=dt.date(2024, 3, 1)),
        Source(id="late", text="Israel says 50 hostages are still held in Gaza.", published=dt.date(2025, 7, 1)),
        Source(id="late2", text="Officials say 49 hostages are still held in Gaza.", published=dt.date(2025, 7, 1)),
    ]
    draft = Source(id="draft", text="Israel says 60 hostages are still held in Gaza.", path="draft.md", published=dt.date(2025, 7, 1))
    check_module.check([draft], refs)
    assert seen and all("draft" in sources for sources in seen)
