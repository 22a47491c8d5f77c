"""The collector's thresholds are raised inside a comparison and put back after it."""

from __future__ import annotations

import gc

import pytest

from claimcheck._gc import fewer_collections


def test_thresholds_raised_inside_and_restored_after() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        inside = gc.get_threshold()
        assert all(a >= b for a, b in zip(inside, before)) and inside[0] >= 100_000
    assert gc.get_threshold() == before


def test_restored_when_the_block_raises() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("boom")
    assert gc.get_threshold() == before


def test_never_lowers_a_higher_setting() -> None:
    before = gc.get_threshold()
    gc.set_threshold(500_000, 60, 200)
    try:
        with fewer_collections():
            assert gc.get_threshold() == (500_000, 60, 200)
    finally:
        gc.set_threshold(*before)


def test_no_collections_inside_a_check_and_the_collector_back_on_after(monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    from claimcheck import check
    from claimcheck._gc import no_collections

    import importlib

    seen: list[bool] = []
    module = importlib.import_module("claimcheck.check")  # the module; `claimcheck.check` is the function
    original = module.load_drafts
    monkeypatch.setattr(module, "load_drafts", lambda items: (seen.append(gc.isenabled()), original(items))[1])
    root = Path(__file__).resolve().parent.parent
    assert gc.isenabled()
    check([root / "tests" / "drafts" / "ceasefire-typo.md"], [root / "fixtures" / "ceasefire"])
    assert seen == [False] and gc.isenabled()
    with pytest.raises(RuntimeError), no_collections():
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with no_collections():
            pass
        assert not gc.isenabled()  # left off when it was off
    finally:
        gc.enable()
