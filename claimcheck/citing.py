"""Which reference claims a check's finding cites when many back it, and how it says the rest.

A draft's wrong date against 435 references that agree is one finding; it
cites a few of them (a ledger's first, then the newest) and counts the rest,
in its claims, its explanation and its readings alike, so that no format
prints every reference and none hides that there were more.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Callable, Iterable
from typing import TypeVar

__all__ = ["MAX_CITED", "citing_key", "first_cited", "more_agreeing", "left_out_note"]

#: How many reference claims a finding cites on each side (consensus, related).
MAX_CITED = 8

T = TypeVar("T")


def citing_key(ledger: bool, as_of: dt.date | None, source_id: str, start: int) -> tuple[object, ...]:
    """The order claims are cited in: a ledger's first, then the newest, then by source and place."""
    return (not ledger, -(as_of.toordinal() if as_of else 0), source_id, start)


def first_cited(items: Iterable[T], key: Callable[[T], tuple[object, ...]], limit: int = MAX_CITED) -> tuple[list[T], int]:
    """The `limit` items that come first by `key`, in that order, and how many were left out."""
    items = list(items)
    chosen = heapq.nsmallest(limit, items, key=key) if len(items) > limit else sorted(items, key=key)
    return chosen, len(items) - len(chosen)


def more_agreeing(left_out: int, *, agreeing: bool = True) -> str:
    """How an explanation counts the reference figures it does not list ("" when none).

    `agreeing` says the rest agree with those listed (a consensus does); the
    newest figures of a level (CC502), which need not agree, are only counted.
    """
    if not left_out:
        return ""
    if not agreeing:
        return f" … and {left_out:,} more of the newest reference figures"
    return f" … and {left_out:,} more reference figure{'s' if left_out != 1 else ''} agreeing with them"


def left_out_note(left_out: int, total: int, *, agreeing: bool = True) -> str:
    """How a reading says its intervals are not every claim compared ("" when they are)."""
    if not left_out:
        return ""
    listed = f"{total - left_out:,} of the {total:,} reference figures compared are listed"
    return f"{listed}; {left_out:,} more agree with them" if agreeing else f"{listed}"
