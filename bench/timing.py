"""Timing helpers shared by the benchmarks and the linear-time tests."""

from __future__ import annotations

import gc
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

__all__ = ["OverBudget", "budget", "timed", "best_of"]

T = TypeVar("T")


class OverBudget(Exception):
    """Work ran past its time budget."""


@contextmanager
def budget(seconds: float) -> Iterator[None]:
    """Raise `OverBudget` inside the block once `seconds` have passed.

    Uses SIGALRM, so it works in the main thread on POSIX systems only;
    elsewhere the block simply runs to the end.
    """
    if not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timed(work: Callable[[], T], limit: float) -> tuple[float | None, T | None]:
    """(seconds, result) of `work`, or (None, None) when it ran past `limit` seconds."""
    gc.collect()
    start = time.perf_counter()
    try:
        with budget(limit):
            result = work()
    except OverBudget:
        return None, None
    return time.perf_counter() - start, result


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of `runs` runs of `work`, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best
