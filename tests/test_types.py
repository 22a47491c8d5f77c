"""The package's annotations hold: claimcheck ships py.typed, so users' type checkers trust them."""

from __future__ import annotations

from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_errors_in_the_package(tmp_path: Path) -> None:
    # A cache of our own: a stale .mypy_cache in the checkout must not hide an error.
    stdout, stderr, status = api.run(
        ["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(tmp_path / "cache"), str(ROOT / "claimcheck")]
    )
    assert status == 0, stdout + stderr
