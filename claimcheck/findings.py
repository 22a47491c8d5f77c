"""Replacing a report's findings while keeping its summary true."""

from __future__ import annotations

from collections import Counter

from .report import Discrepancy, Report, Severity

__all__ = ["with_discrepancies", "finding_order", "replace_fields"]


def replace_fields(report: Report, **update: object) -> Report:
    """A new report with some fields replaced and the rest shared.

    Not `model_copy`: it would carry over the lookup tables `Report` caches
    (claims and sources by id), which go stale when those lists change.
    """
    data = {name: getattr(report, name) for name in type(report).model_fields}
    data.update(update)
    return type(report).model_construct(**data)


def finding_order(d: Discrepancy) -> tuple[object, ...]:
    """Most serious first, then by rule, then by where the finding stands."""
    first = d.claims[0] if d.claims else None
    where = (first.source_id, first.span.start) if first else ("", 0)
    return (d.severity.rank, d.rule, where, d.fingerprint)


def with_discrepancies(report: Report, discrepancies: list[Discrepancy]) -> Report:
    """A copy of `report` holding `discrepancies` (sorted), with the counts of its summary redone."""
    ordered = sorted(discrepancies, key=finding_order)
    counts = Counter(d.severity for d in ordered)
    summary = report.summary.model_copy(
        update={
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "infos": counts[Severity.INFO],
            "by_rule": dict(sorted(Counter(d.rule for d in ordered).items())),
        }
    )
    return replace_fields(report, discrepancies=ordered, summary=summary)
