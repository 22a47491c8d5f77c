"""Shared fixtures for claimcheck's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import Source, load_sources

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

# The pytest plugin's own tests run pytest in throwaway projects.
pytest_plugins = ["pytester"]


@pytest.fixture(scope="session")
def ceasefire() -> list[Source]:
    """The five seed articles, as sources."""
    return load_sources(FIXTURES / "ceasefire")
