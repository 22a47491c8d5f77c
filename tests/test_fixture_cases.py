"""The fixture cases' expectations were written from their case notes: each expects its planted mistake."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimcheck.expectations import load_expectations

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOTED = sorted(p.parent.name for p in FIXTURES.glob("*/case.yaml"))


def test_every_fixture_case_has_expectations() -> None:
    cases = [p for p in FIXTURES.iterdir() if p.is_dir()]
    assert cases and all((p / "expected.yaml").is_file() for p in cases)


@pytest.mark.parametrize("case", NOTED)
def test_the_planted_mistake_is_expected_as_an_error_or_warning(case: str) -> None:
    planted = yaml.safe_load((FIXTURES / case / "case.yaml").read_text(encoding="utf-8"))["planted_mistake"]
    expectations = load_expectations(FIXTURES / case / "expected.yaml")
    found = [
        e
        for e in expectations.discrepancies
        if e.severity in ("error", "warning") and any(s.source == planted["source"] and s.quote in planted["quote"] for s in e.subjects)
    ]
    assert found, f"{case}: the planted mistake in {planted['source']} is not expected"


@pytest.mark.parametrize("case", NOTED)
def test_only_the_planted_mistake_is_expected_as_an_error_or_warning(case: str) -> None:
    # The case notes list everything else as agreeing, changing over time or differing by attribution.
    expectations = load_expectations(FIXTURES / case / "expected.yaml")
    assert len([e for e in expectations.discrepancies if e.severity in ("error", "warning")]) == 1
