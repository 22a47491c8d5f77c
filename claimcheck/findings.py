"""Replacing a report's findings while keeping its summary true."""

from __future__ import annotations

from collections import Counter

from .report import Discrepancy, Report, Severity, fingerprint

__all__ = ["with_discrepancies", "finding_order", "replace_fields", "distinct_fingerprints"]

#: The name an occurrence number goes under in a fingerprint: a tab, which no source id may hold.
_OCCURRENCE = "\t#"


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


def distinct_fingerprints(findings: list[Discrepancy]) -> list[Discrepancy]:
    """The findings with no fingerprint shared: repeats numbered in reading order.

    A draft that writes the same wrong figure three times for one quantity has
    three findings that differ only in where they stand, and so would share a
    fingerprint (which leaves offsets out). The first keeps it — a figure
    written once keeps the fingerprint it always had — and the second and
    third get one made from it and their number. Numbers follow the reading
    order, so an edit elsewhere in the draft changes none; writing the figure
    once more adds a number at the end. SARIF consumers key results by
    fingerprint, so each occurrence stays a result of its own. Findings are
    returned in their original order.
    """
    seen: dict[str, int] = {}
    renamed: dict[int, Discrepancy] = {}
    for index in sorted(range(len(findings)), key=lambda i: _reading_order(findings[i])):
        d = findings[index]
        count = seen.get(d.fingerprint, 0)
        seen[d.fingerprint] = count + 1
        if count:
            renamed[index] = d.model_copy(update={"fingerprint": fingerprint(d.rule, ("occurrence", d.fingerprint), [(_OCCURRENCE, str(count + 1))])})
    return [renamed.get(i, d) for i, d in enumerate(findings)]


def _reading_order(d: Discrepancy) -> tuple[object, ...]:
    first = d.claims[0] if d.claims else None
    where = (first.source_id, first.span.start, first.span.end) if first else ("", 0, 0)
    return (where, d.rule, d.message)
