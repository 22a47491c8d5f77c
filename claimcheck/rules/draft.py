"""Draft rules: what a draft says that the references do not back, or no longer back.

These rules look only at claims from drafts (sources with role ``draft``),
so `compare` — which has no drafts — never raises them. A draft is never
evidence: "supported" means a reference or a ledger gives the figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from ..citing import citing_key, first_cited, left_out_note, more_agreeing
from ..model import Claim, Interval, Role, TemporalClass
from ..report import ClaimGroup, Discrepancy, Reading, Severity, fingerprint
from .base import Rule, RuleContext
from .conflicts import consensus_year, describe_interval, interval_of, value_text
from .values import claim_ref, comparable_sets

__all__ = ["UnsupportedFigure", "StaleFigure", "stale_against", "backing", "Backing"]


def _drafts_and_references(context: RuleContext, group: ClaimGroup) -> tuple[list[Claim], list[Claim]]:
    drafts: list[Claim] = []
    references: list[Claim] = []
    for claim in context.members(group):
        (drafts if context.role(claim) is Role.DRAFT else references).append(claim)
    return drafts, references


def _agree(a: Claim, b: Claim, reading: str) -> bool:
    return interval_of(a, reading).overlaps(interval_of(b, reading))  # type: ignore[arg-type]


def backing(draft: Claim, references: Iterable[Claim]) -> list[Claim]:
    """The reference claims that back a draft's figure: those it agrees with as logic reads them.

    A figure with any is supported (CC501 does not flag it, and a report's
    views show it as agreeing). A date the draft gives without a year is
    placed in the year the references give.
    """
    return Backing(references).backers(draft)


class Backing:
    """The reference claims of one quantity, asked which of them back each of several draft figures.

    What `backing` works out per figure — the references' consensus year and
    each reference's interval — is worked out once here, and intervals only
    as far as a question needs them: a group can hold thousands of reference
    claims, and a check asks about every draft figure in it. `order`, when
    given, is the order `first` looks in.
    """

    def __init__(self, references: Iterable[Claim], order: Callable[[Claim], tuple[object, ...]] | None = None) -> None:
        claims = list(references)
        self.year = consensus_year(claims)
        self.references = sorted(claims, key=order) if order is not None else claims
        self._intervals: list[Interval] = []

    def _agreeing(self, draft: Claim) -> Iterator[Claim]:
        allowed = interval_of(draft, "strict", self.year)
        intervals = self._intervals
        for i, reference in enumerate(self.references):
            if i == len(intervals):
                intervals.append(interval_of(reference, "strict", self.year))
            if allowed.overlaps(intervals[i]):
                yield reference

    def backers(self, draft: Claim) -> list[Claim]:
        """Every reference claim that backs `draft` (in the references' order)."""
        return list(self._agreeing(draft))

    def first(self, draft: Claim) -> Claim | None:
        """The first reference claim, in `order`, that backs `draft`; `None` when none does."""
        return next(self._agreeing(draft), None)


def _date(day: dt.date | None) -> str:
    return f"{day:%B} {day.day}, {day.year}" if day else "an unknown date"


def stale_against(draft: Claim, references: list[Claim], window: int) -> tuple[list[Claim], Claim] | None:
    """If `draft` repeats an older reference's figure instead of the newest: (the newest figures, the older match).

    Only references that speak for no later than the draft (give or take the
    same-date tolerance) count. The draft is stale when, as a newsroom reads
    the figures, it agrees with none of the newest ones and with an older one.
    """
    if draft.as_of is None:
        return None
    limit = draft.as_of + dt.timedelta(days=window)
    known = [r for r in references if r.as_of is not None and r.as_of <= limit]
    if not known:
        return None
    newest_date = max(r.as_of for r in known)  # type: ignore[type-var]
    newest = [r for r in known if (newest_date - r.as_of).days <= window]  # type: ignore[operator]
    if any(_agree(draft, r, "newsroom") for r in newest):
        return None
    older = [r for r in known if (newest_date - r.as_of).days > window and _agree(draft, r, "newsroom")]  # type: ignore[operator]
    if not older:
        return None
    # The closest match: the narrowest figure (97 before "approximately 100"), then the latest.
    match = min(older, key=lambda r: (_width(r), -r.as_of.toordinal(), r.source_id))  # type: ignore[union-attr]
    return newest, match


def _width(claim: Claim) -> float:
    interval = interval_of(claim, "newsroom")
    if interval.low is None or interval.high is None:
        return float("inf")
    return interval.high - interval.low


class StaleFigure(Rule):
    """A stock or running-total figure in the draft that the newest reference has moved past.

    Flags a figure for a level (hostages still held, people displaced) or a
    running total (a war's death toll) that matches an older reference's
    figure but not the newest reference's for the same quantity: the draft
    says 97 hostages remain, the newest reference says 59. The draft's figure
    speaks for the draft's as-of date (its front-matter ``published`` date,
    else ``--as-of``, else the newest reference's date; see docs/ci.md), and
    only references up to that date count. A figure that agrees with the
    newest reference is not flagged, nor one that matches no reference at all
    (that is CC501 or a mismatch). Figures are compared as a newsroom reads
    their qualifiers. When this rule flags a figure, `check` does not also
    report it as a mismatch (CC101, CC104) or a fall (CC201): stale is the
    diagnosis.
    """

    code = "CC502"
    name = "stale"
    severity = Severity.WARNING

    def check(self, context: RuleContext, group: ClaimGroup | None = None, source=None) -> Iterator[Discrepancy]:  # type: ignore[no-untyped-def]
        assert group is not None
        if group.measure_class not in (TemporalClass.STOCK, TemporalClass.CUMULATIVE) or group.measure == "elapsed":
            return
        drafts, references = _drafts_and_references(context, group)
        if not drafts or not references:
            return
        window = context.config.tolerances.same_date_days
        for draft in drafts:
            found = stale_against(draft, references, window)
            if found is None:
                continue
            newest, match = found
            listed, left_out = first_cited(newest, lambda r: citing_key(context.role(r) is Role.LEDGER, r.as_of, r.source_id, r.span.start))
            yield self._discrepancy(group, draft, newest, listed, left_out, match)

    def _discrepancy(self, group: ClaimGroup, draft: Claim, newest: list[Claim], listed: list[Claim], left_out: int, match: Claim) -> Discrepancy:
        """The finding; of the `newest` figures it cites and explains `listed`, counting the `left_out` rest."""
        latest = max(newest, key=lambda r: (r.as_of, r.source_id))
        said = " and ".join(dict.fromkeys(value_text(r) for r in newest))
        message = (
            f"{draft.source_id} gives {group.label} as {value_text(draft)}, the figure of {match.source_id} as of "
            f"{_date(match.as_of)}; the newest reference, {latest.source_id} ({_date(latest.as_of)}), says {said}"
        )
        newest_allow = "; ".join(f"{r.source_id} {describe_interval(r, 'newsroom')}" for r in listed) + more_agreeing(left_out, agreeing=False)
        plural = "s" if len(newest) > 1 else ""
        explanation = (
            f"The draft speaks for {_date(draft.as_of)}. As a newsroom reads them, {value_text(draft)!r} allows "
            f"{describe_interval(draft, 'newsroom')}, which agrees with {match.source_id}'s {value_text(match)!r} "
            f"({_date(match.as_of)}) but not with the newest figure{plural} ({newest_allow}). "
            f"A {group.measure_class.value} figure changes over time: the draft repeats an older one."
        )
        left_out_of = left_out_note(left_out, len(newest), agreeing=False)
        key = (group.measure, group.event_id, group.population, group.place)
        return Discrepancy(
            rule=self.code,
            name=self.name,
            severity=self.severity,
            message=message,
            claims=[claim_ref(draft, "subject"), *(claim_ref(r, "consensus") for r in listed), claim_ref(match, "related")],
            explanation=explanation,
            readings=[
                Reading(
                    name="timeline",
                    intervals={c.id: f"{c.as_of.isoformat() if c.as_of else '?'}: {c.describe()}" for c in [draft, *listed, match]},
                    holds=False,
                    note="the draft's figure against the newest reference's" + (f" ({left_out_of})" if left_out_of else ""),
                )
            ],
            group_id=group.id,
            fingerprint=fingerprint(self.code, key, [(draft.source_id, value_text(draft))]),
        )


class UnsupportedFigure(Rule):
    """A figure in the draft that no reference gives.

    Flags a draft figure that claimcheck lines up with a quantity (a measure
    of an event, population and place) when no reference or ledger gives a
    figure that agrees with it: either no reference speaks of that quantity at
    all, or those that do give other figures at other dates (a level or a
    running total the draft reports as of a date the references do not
    cover). Information, not an error: it tells an editor which figures
    nothing in the reference coverage backs. Not flagged: a figure a reference
    contradicts (that is a mismatch, CC101–CC104), one that repeats an older
    figure (CC502), elapsed time (checked against the dates, CC203), and
    figures claimcheck cannot line up (general counts such as "two sides").
    """

    code = "CC501"
    name = "unsupported"
    severity = Severity.INFO

    def check(self, context: RuleContext, group: ClaimGroup | None = None, source=None) -> Iterator[Discrepancy]:  # type: ignore[no-untyped-def]
        assert group is not None
        if group.measure == "elapsed":
            return
        drafts, references = _drafts_and_references(context, group)
        if not drafts:
            return
        judged = {c.id for s in comparable_sets(context, group) if any(context.role(c) is not Role.DRAFT for c in s) for c in s}
        backed = Backing(references)
        for draft in drafts:
            if draft.id in judged or backed.first(draft) is not None:
                continue
            yield self._discrepancy(group, draft, references)

    def _discrepancy(self, group: ClaimGroup, draft: Claim, references: list[Claim]) -> Discrepancy:
        if references:
            dates = sorted({r.as_of for r in references if r.as_of})
            span = f" (as of {_date(dates[0])} to {_date(dates[-1])})" if len(dates) > 1 else f" (as of {_date(dates[0])})" if dates else ""
            message = f"No reference gives {group.label} as {value_text(draft)}; the references give other figures at other dates{span}"
        else:
            message = f"No reference gives {group.label}: nothing backs {draft.source_id}'s {value_text(draft)}"
        key = (group.measure, group.event_id, group.population, group.place, group.role)
        return Discrepancy(
            rule=self.code,
            name=self.name,
            severity=self.severity,
            message=message,
            claims=[claim_ref(draft, "subject")],
            explanation=(
                f"{len(references)} reference figure{'s' if len(references) != 1 else ''} for {group.label}; "
                f"none agrees with {value_text(draft)!r} ({describe_interval(draft, 'strict')})."
            ),
            readings=[],
            group_id=group.id,
            fingerprint=fingerprint(self.code, key, [(draft.source_id, value_text(draft))]),
        )
