"""Rules inside one source: parts and wholes."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Claim, Interval, Quantity, Source
from ..report import ClaimGroup, Discrepancy, Reading, Severity, fingerprint
from .base import Rule, RuleContext
from .conflicts import value_text
from .values import claim_ref

__all__ = ["PartExceedsWhole", "PartsDoNotSum"]


def _quantities(source: Source, context: RuleContext) -> list[Claim]:
    return [c for c in context.claims_of(source.id) if isinstance(c.value, Quantity)]


class PartExceedsWhole(Rule):
    """A part larger than the whole it belongs to, in one source.

    "Roughly 20 of the 50 remaining hostages" holds; "roughly 60 of the 50"
    cannot. Read from the text's own structure: "N of the M", "M people,
    including N children", a breakdown after a dash. An error when even the
    strict readings cannot fit the part inside the whole; a warning when only
    the newsroom readings cannot.
    """

    code = "CC301"
    name = "part-exceeds-whole"
    severity = Severity.ERROR
    scope = "source"

    def check(self, context: RuleContext, group: ClaimGroup | None = None, source: Source | None = None) -> Iterator[Discrepancy]:
        assert source is not None
        for part in _quantities(source, context):
            if part.part_of is None or part.part_of not in context.claims:
                continue
            whole = context.claims[part.part_of]
            if not isinstance(whole.value, Quantity):
                continue
            for reading in ("strict", "newsroom"):
                p = getattr(part.value, reading)
                w = getattr(whole.value, reading)
                if _exceeds(p, w):
                    severity = Severity.ERROR if reading == "strict" else Severity.WARNING
                    yield Discrepancy(
                        rule=self.code,
                        name=self.name,
                        severity=severity,
                        message=f"{source.id} gives {value_text(part)} as part of {value_text(whole)}, more than the whole",
                        claims=[claim_ref(part, "subject"), claim_ref(whole, "related")],
                        explanation=_fit_explanation(part, whole),
                        readings=[Reading(name=reading, intervals={part.id: p.describe(), whole.id: w.describe()}, holds=False)],  # type: ignore[arg-type]
                        group_id=None,
                        fingerprint=fingerprint(self.code, (source.id, part.measure), [(source.id, value_text(part)), (source.id, value_text(whole))]),
                    )
                    break


def _fit_explanation(part: Claim, whole: Claim) -> str:
    """Both readings of a part against its whole: strict (an error when it fails), then newsroom."""
    parts = []
    for reading in ("strict", "newsroom"):
        p, w = getattr(part.value, reading), getattr(whole.value, reading)
        verdict = "the part cannot fit" if _exceeds(p, w) else "the part can fit"
        parts.append(f"{reading.capitalize()} reading: the part allows {p.describe()}, the whole {w.describe()} — {verdict}.")
    return " ".join(parts)


def _exceeds(p: Interval, w: Interval) -> bool:
    return p.low is not None and w.high is not None and (p.low > w.high or (p.low == w.high and (p.low_open or w.high_open)))


class PartsDoNotSum(Rule):
    """Parts that do not add up to the total they break down, in one source.

    "30 living hostages — 20 Israeli civilians, five soldiers, and five Thai
    nationals" holds (20 + 5 + 5 = 30); "— 20 Israeli civilians, five
    soldiers, and eight Thai nationals" does not. Only a breakdown the text
    gives as the whole's parts is summed (a list after a dash or colon), not
    figures that merely stand near each other. Qualifiers widen the sum: parts
    "about 20" and "about 30" allow a total near 50. A list a verb says the
    whole "includes" may be partial, so it is flagged only as a near miss (a
    warning): parts within a tenth of the whole that do not reach it ("the 98
    killed include 96 … and one …").
    """

    code = "CC302"
    name = "parts-do-not-sum"
    severity = Severity.ERROR
    scope = "source"

    def check(self, context: RuleContext, group: ClaimGroup | None = None, source: Source | None = None) -> Iterator[Discrepancy]:
        assert source is not None
        for whole in _quantities(source, context):
            if not (whole.parts_sum or whole.parts_listed) or whole.derived_from:
                continue
            parts = [context.claims[p] for p in whole.parts if p in context.claims]
            if len(parts) < 2 or not all(isinstance(p.value, Quantity) for p in parts):
                continue
            for reading in ("strict", "newsroom"):
                total = _sum([getattr(p.value, reading) for p in parts])
                stated = getattr(whole.value, reading)
                if total.overlaps(stated):
                    continue
                if whole.parts_listed and not _near_miss(total, stated):
                    break  # "the 12 include three children and two officers": a partial list
                severity = Severity.ERROR if reading == "strict" and whole.parts_sum else Severity.WARNING
                listed = " + ".join(value_text(p) for p in parts)
                yield Discrepancy(
                    rule=self.code,
                    name=self.name,
                    severity=severity,
                    message=(
                        f"{source.id} breaks {value_text(whole)} down into {listed}, which add up to {total.describe()}"
                        if whole.parts_sum
                        else f"{source.id} says {value_text(whole)} include {listed}, which add up to {total.describe()}: one part short, or a part missing?"
                    ),
                    claims=[claim_ref(whole, "subject")] + [claim_ref(p, "related") for p in parts],
                    explanation=_sum_explanation(parts, whole, reading),
                    readings=[Reading(name="arithmetic", intervals={whole.id: stated.describe(), "sum": total.describe()}, holds=False)],
                    group_id=None,
                    fingerprint=fingerprint(self.code, (source.id, whole.measure), [(source.id, value_text(whole))] + [(source.id, value_text(p)) for p in parts]),
                )
                break


def _sum_explanation(parts: list[Claim], whole: Claim, failed: str) -> str:
    """Both readings of a breakdown against its total: strict, then newsroom."""
    out = []
    for reading in ("strict", "newsroom"):
        total = _sum([getattr(p.value, reading) for p in parts])
        stated = getattr(whole.value, reading)
        verdict = "they agree" if total.overlaps(stated) else "they do not agree"
        out.append(f"{reading.capitalize()} reading: the parts sum to {total.describe()}; the total allows {stated.describe()} — {verdict}.")
        if reading == failed and reading == "strict":
            break  # an error on the strict reading: the newsroom one adds nothing
    return " ".join(out)


def _near_miss(total: Interval, stated: Interval) -> bool:
    """Whether listed parts come within a tenth of their whole without reaching it (96 + 1 of 98)."""
    if total.high is None or stated.low is None or stated.low <= 0:
        return False
    return 0.9 * stated.low <= total.high < stated.low


def _sum(intervals: list[Interval]) -> Interval:
    """The interval of a sum of values, each in its interval."""
    low: float | None = 0.0
    high: float | None = 0.0
    for i in intervals:
        low = None if low is None or i.low is None else low + i.low
        high = None if high is None or i.high is None else high + i.high
    return Interval(low=low, high=high, low_open=any(i.low_open for i in intervals), high_open=any(i.high_open for i in intervals))
