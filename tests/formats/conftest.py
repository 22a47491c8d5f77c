"""Fixtures for the output-format and command tests: the seed report, built once."""

from __future__ import annotations

import pytest

from claimcheck import Source
from claimcheck.compare import compare
from claimcheck.report import Report


@pytest.fixture(scope="session")
def seed_report(ceasefire: list[Source]) -> Report:
    """The report on the five seed articles (fixtures/ceasefire), as `compare` makes it."""
    return compare(ceasefire)
