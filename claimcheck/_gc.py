"""Run a stage with the cyclic garbage collector called less often.

A comparison builds tens of thousands of small objects (claims, spans,
intervals) that all live until it ends and hold no reference cycles. With the
default thresholds the collector walks them again and again — a third of a
large check's time was spent there (docs/performance.md). Inside
`fewer_collections()` it runs about a hundred times less often; the previous
thresholds are put back afterwards, whatever happens.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["fewer_collections", "no_collections"]

#: Allocations (net of deallocations) between two collections of the youngest generation.
_THRESHOLDS = (100_000, 50, 100)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's thresholds for the duration of the block (never lower them)."""
    old = gc.get_threshold()
    gc.set_threshold(*(max(a, b) for a, b in zip(_THRESHOLDS, old)))
    try:
        yield
    finally:
        gc.set_threshold(*old)


@contextmanager
def no_collections() -> Iterator[None]:
    """Keep the cyclic collector from running during the block; it is switched back on after, if it was on.

    For `check`, whose objects form no reference cycles (refcounting frees
    them all: a collection after a check of 10,000 references' claims finds
    nothing to free) and which builds them faster than even the raised
    thresholds of `fewer_collections` let the collector keep up with — at
    50,000 reference claims it still spent a quarter of the check walking
    them (bench/check_speed.py).
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
