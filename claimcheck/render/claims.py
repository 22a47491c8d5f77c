"""Claims as a table (for `claimcheck extract`)."""

from __future__ import annotations

from tabulate import tabulate

from ..model import Claim

__all__ = ["claims_table"]


def claims_table(claims: list[Claim]) -> str:
    """One row per claim: where, quote, value, measure, class, population, event."""
    rows = [
        (
            f"{c.source_id}:{c.span.line}:{c.span.column}",
            c.span.quote,
            c.describe(),
            c.measure if c.measure != "count" else f"count ({c.head or '?'})",
            c.measure_class.value,
            c.population or "",
            _event(c),
        )
        for c in claims
    ]
    return tabulate(rows, headers=["where", "quote", "value", "measure", "class", "population", "event"], tablefmt="simple")


def _event(c: Claim) -> str:
    if c.event is None:
        return ""
    text = c.event.kind
    if c.event.date is not None:
        text += f" ({c.event.date_role.value} {c.event.date.describe()})"
    if c.event.proposed:
        text += " (proposed)"
    return text
