"""Time rules: running totals that fall, figures over time, elapsed time against the dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..model import Claim, Duration, Qualifier, Quantity, TemporalClass
from ..report import ClaimGroup, Discrepancy, Reading, Severity, fingerprint
from .base import Rule, RuleContext
from ..names import same_name
from .conflicts import attribution_key, interval_of, party_name, value_text
from .values import claim_ref
from ..extract.lexicon import compile_lexicon

__all__ = ["CumulativeDecrease", "Timeline", "ElapsedTime"]


def _as_of_text(day: dt.date | None) -> str:
    return f"{day:%B} {day.day}, {day.year}" if day else "an unknown date"


class CumulativeDecrease(Rule):
    """A running total that is lower in a later source than in an earlier one.

    Cumulative figures — a war's death toll, hostages released so far — may
    only grow with their as-of date. A later figure whose every reading lies
    below an earlier figure's is flagged (an error; a warning when only the
    newsroom readings part ways: "more than 57,000" five days after "more than
    112,000"). A rise is news, not a discrepancy. Figures closer in time than
    the same-date tolerance are compared as values instead (CC101). Only
    figures from the same party are set against each other (a government's
    count against its own earlier count, not against a university's estimate).
    """

    code = "CC201"
    name = "cumulative-decrease"
    severity = Severity.ERROR

    def check(self, context: RuleContext, group: ClaimGroup | None = None, source=None) -> Iterator[Discrepancy]:  # type: ignore[no-untyped-def]
        assert group is not None
        if group.measure_class is not TemporalClass.CUMULATIVE or group.measure == "elapsed":
            return
        window = context.config.tolerances.same_date_days
        opposing = compile_lexicon(context.vocabulary).opposing
        claims = sorted((c for c in context.members(group) if c.as_of), key=lambda c: (c.as_of, c.source_id))
        # The highest earlier figure per reading and per party: a university's
        # estimate does not make a government's later count "fall"; a figure
        # attributed to no one is compared with every party's.
        best: dict[tuple[str, str | None], Claim] = {}
        pending: list[Claim] = []
        for claim in claims:
            for earlier in [p for p in pending if (claim.as_of - p.as_of).days > window]:  # type: ignore[operator]
                for reading in ("strict", "newsroom"):
                    key = (reading, attribution_key(earlier))
                    current = best.get(key)
                    if current is None or _low(earlier, reading) > _low(current, reading):
                        best[key] = earlier
                pending.remove(earlier)
            pending.append(claim)
            for reading in ("strict", "newsroom"):
                # Comparable: the same party, or a figure attributed to no one on either side.
                party = attribution_key(claim)
                comparable = [
                    e
                    for (r, k), e in best.items()
                    if r == reading and e.source_id != claim.source_id and (k is None or party is None or same_name(k, party))
                ]
                highest = max(comparable, key=lambda e: _low(e, reading), default=None)
                if highest is None:
                    continue
                high = interval_of(claim, reading).high  # type: ignore[arg-type]
                if high is not None and high < _low(highest, reading) and context.concerns([claim]):
                    if _repeats_the_other_side(claim, highest, context.members(group), reading, opposing):
                        continue
                    yield self._discrepancy(context, group, claim, highest, reading)
                    break

    def _discrepancy(self, context: RuleContext, group: ClaimGroup, later: Claim, earlier: Claim, reading: str) -> Discrepancy:
        severity = Severity.ERROR if reading == "strict" else Severity.WARNING
        message = (
            f"{later.source_id} puts {group.label} at {value_text(later)} as of {_as_of_text(later.as_of)}, "
            f"below {earlier.source_id}'s {value_text(earlier)} as of {_as_of_text(earlier.as_of)}; a running total cannot fall"
        )
        readings = [
            Reading(name=r, intervals={c.id: interval_of(c, r).describe() for c in (later, earlier)}, holds=r == "strict" and reading == "newsroom")  # type: ignore[arg-type]
            for r in ("strict", "newsroom")
        ]
        explanation = _decrease_explanation(later, earlier)
        key = (group.measure, group.event_id, group.population, group.place)
        return Discrepancy(
            rule=self.code,
            name=self.name,
            severity=severity,
            message=message,
            claims=[claim_ref(later, "subject"), claim_ref(earlier, "consensus")],
            explanation=explanation,
            readings=readings,
            group_id=group.id,
            fingerprint=fingerprint(self.code, key, [(later.source_id, value_text(later)), (earlier.source_id, value_text(earlier))]),
        )


def _decrease_explanation(later: Claim, earlier: Claim) -> str:
    """Both readings of a fall, as CC101 gives them: the strict one (what logic allows), which
    makes it an error when it fails, and the newsroom one, a warning when only it fails."""
    parts = []
    for reading, name in (("strict", "Strict reading (what logic allows)"), ("newsroom", "Newsroom reading (a bound read as just past its figure, 'about' as within a few percent)")):
        lower = interval_of(later, reading)  # type: ignore[arg-type]
        fell = lower.high is not None and lower.high < _low(earlier, reading)
        verdict = "the later figure is lower than the earlier one" if fell else "the later figure can still be as high"
        parts.append(
            f"{name}: {earlier.source_id} ({_as_of_text(earlier.as_of)}) allows {interval_of(earlier, reading).describe()}; "  # type: ignore[arg-type]
            f"{later.source_id} ({_as_of_text(later.as_of)}) allows {lower.describe()} — {verdict}."
        )
    return " ".join(parts)


def _repeats_the_other_side(later: Claim, earlier: Claim, members: list[Claim], reading: str, opposing: frozenset[tuple[str, str]]) -> bool:
    """Whether a later, lower figure attributed to no side agrees with a figure the side
    opposing the earlier figure's gives: the parties' dispute carried on, not a total that
    fell ("45 killed, the ministry said", then "12 killed", the Israeli military's figure)."""
    side = earlier.attribution.side if earlier.attribution else None
    if side is None or (later.attribution is not None and later.attribution.side is not None):
        return False
    figure = interval_of(later, reading)  # type: ignore[arg-type]
    return any(
        c.attribution is not None
        and (side, c.attribution.side) in opposing
        and interval_of(c, reading).overlaps(figure)  # type: ignore[arg-type]
        for c in members
    )


#: The party key of official bodies (see `authority_words` in data/attribution.toml).
_OFFICIAL = "authorities"


def _series(claims: list[Claim]) -> list[tuple[str | None, list[Claim]]]:
    """A group's claims split by who gives them, so that a timeline follows one body's figures:
    the official toll apart from a university's study and a survey's estimate. Unattributed
    figures join the official series, or the only attributed one; failing both, they are a
    series of their own."""
    keys: list[str] = []
    by_key: dict[str | None, list[Claim]] = {}
    for c in claims:
        key = attribution_key(c)
        if key is not None:
            key = next((k for k in keys if same_name(k, key)), key)
            if key not in keys:
                keys.append(key)
        by_key.setdefault(key, []).append(c)
    loose = by_key.pop(None, [])
    if loose:
        home = _OFFICIAL if _OFFICIAL in by_key else keys[0] if len(keys) == 1 else None
        if home is None:
            by_key[None] = loose
        else:
            by_key[home] = sorted(by_key[home] + loose, key=lambda c: (c.as_of, c.source_id, c.span.start))  # type: ignore[arg-type,return-value]
    return sorted(by_key.items(), key=lambda kv: (kv[0] != _OFFICIAL, kv[0] is None, str(kv[0])))


def _moves(points: list[Claim]) -> bool:
    """Whether the figure changes along the timeline ("about 20" and "roughly 20" are one value)."""
    return len({_stated(c) for c in points}) > 1


def _stated(claim: Claim) -> tuple[object, ...]:
    value = claim.value
    if isinstance(value, Quantity):
        return (value.qualifier, value.value, value.high, value.unit)
    return (claim.describe(),)


def _low(claim: Claim, reading: str) -> float:
    low = interval_of(claim, reading).low  # type: ignore[arg-type]
    return float("-inf") if low is None else low


class Timeline(Rule):
    """Figures for a level or running total at several dates: shown as a timeline.

    Stock figures (hostages still held, people displaced) and running totals
    change; at different as-of dates they are not conflicts. This rule lists
    them in date order — value, source, date — so a reader can follow the
    figure over time (info). A figure that does not move ("about 20", then
    "roughly 20") is not listed. Each body's figures are a series of their own:
    the official toll's timeline does not step through a university's study or
    a survey's estimate, which are other bodies' figures, not revisions of it;
    unattributed figures join the official series (or the only one).
    """

    code = "CC202"
    name = "timeline"
    severity = Severity.INFO

    def check(self, context: RuleContext, group: ClaimGroup | None = None, source=None) -> Iterator[Discrepancy]:  # type: ignore[no-untyped-def]
        assert group is not None
        if group.measure_class not in (TemporalClass.STOCK, TemporalClass.CUMULATIVE) or group.measure == "elapsed":
            return
        members = sorted((c for c in context.members(group) if c.as_of), key=lambda c: (c.as_of, c.source_id, c.span.start))
        series = _series(members)
        for party, claims in series:
            yield from self._timeline(context, group, claims, party if len(series) > 1 else None)

    def _timeline(self, context: RuleContext, group: ClaimGroup, claims: list[Claim], party: str | None) -> Iterator[Discrepancy]:
        """One series' timeline: the figures one body gives (or the text gives, unattributed)."""
        dates = {c.as_of for c in claims}
        if len(dates) < 2:
            return
        points: list[Claim] = []
        for c in claims:
            if points and points[-1].as_of == c.as_of and points[-1].source_id == c.source_id and value_text(points[-1]) == value_text(c):
                continue  # the same figure twice in one source
            points.append(c)
        if not _moves(points):
            return  # "seven", then "seven": nothing to follow
        steps = " → ".join(f"{value_text(c)} ({c.source_id}, {c.as_of:%b} {c.as_of.day}, {c.as_of.year})" for c in points)  # type: ignore[union-attr]
        according = ""
        if party is not None:
            according = ", according to the authorities" if party == _OFFICIAL else f", according to {party_name(points)}"
        message = f"{group.label[:1].upper()}{group.label[1:]} over time{according}: {steps}"
        key: tuple[object, ...] = (group.measure, group.event_id, group.population, group.place)
        if party is not None:
            key = (*key, party)
        yield Discrepancy(
            rule=self.code,
            name=self.name,
            severity=Severity.INFO,
            message=message,
            claims=[claim_ref(c, "related") for c in points],
            explanation=f"{len(points)} figures at {len(dates)} as-of dates; a {group.measure_class.value.replace('_', '-')} figure may change between them.",
            readings=[Reading(name="timeline", intervals={c.id: f"{c.as_of.isoformat()}: {c.describe()}" for c in points}, holds=True)],  # type: ignore[union-attr]
            group_id=group.id,
            fingerprint=fingerprint(self.code, key, [(c.source_id, c.as_of.isoformat()) for c in points]),  # type: ignore[union-attr]
        )


class ElapsedTime(Rule):
    """Time said to have passed since an event began that the dates contradict.

    "21 months of war", published on 7 July 2025 about a war that began on 7
    October 2023, holds; "three years of war" would not. The elapsed time is
    worked out from the event's start (as the sources date it) to the claim's
    as-of date, in the claim's own unit. The newsroom reading takes "21
    months" to mean from 20½ up to 22 months; the strict reading allows a
    unit more either way. Checked only when the sources date the event's start;
    when as many of them date it one way as another, a typo apart (CC102
    reports that), a figure that holds for either date is not flagged.
    """

    code = "CC203"
    name = "elapsed-time"
    severity = Severity.ERROR

    def check(self, context: RuleContext, group: ClaimGroup | None = None, source=None) -> Iterator[Discrepancy]:  # type: ignore[no-untyped-def]
        assert group is not None
        if group.measure != "elapsed" or group.event_id is None:
            return
        start = context.event_starts.get(group.event_id.split("/")[0])
        if start is None:
            return
        began = dt.date.fromordinal(start[0])
        latest = dt.date.fromordinal(start[1])
        for claim in context.members(group):
            value = claim.value
            if not isinstance(value, Duration) or claim.as_of is None or claim.id in context.weak_links or not context.concerns([claim]):
                continue
            actual = _elapsed(began, claim.as_of, value.unit.value)
            actual_late = _elapsed(latest, claim.as_of, value.unit.value)
            strict, newsroom = _windows(value)
            if _inside(strict, actual) or _inside(strict, actual_late):
                if _inside(newsroom, actual) or _inside(newsroom, actual_late):
                    continue
                reading, severity = "newsroom", Severity.WARNING
            else:
                reading, severity = "strict", Severity.ERROR
            others = context.disputed_starts.get(group.event_id.split("/")[0], [])
            if any(_holds_from(other, claim.as_of, value, newsroom if reading == "newsroom" else strict) for other in others):
                continue  # the start is in dispute, and this figure agrees with one side of it
            yield self._discrepancy(context, group, claim, began, actual, strict, newsroom, reading, severity)

    def _discrepancy(self, context, group, claim, began, actual, strict, newsroom, reading, severity) -> Discrepancy:  # type: ignore[no-untyped-def]
        value = claim.value
        unit = value.unit.value + "s"
        event = context.event_label(group.event_id)
        happened = "happened" if (context.events.get(group.event_id.split("/")[0]) and not context.events[group.event_id.split("/")[0]].ongoing) else "began"
        when = _as_of_text(began)
        if when in event or f"{began:%B} {began.year}" in event:
            # "the war that began October 7, 2023": its label already dates it.
            said = f"{actual:.1f} {unit} have passed since {event}"
        else:
            said = f"{event} {happened} on {when}: {actual:.1f} {unit} earlier"
        message = f"{claim.source_id} speaks of {value_text(claim)} on {_as_of_text(claim.as_of)}, but {said}"
        explanation = (
            f"From {began.isoformat()} to {claim.as_of.isoformat()} is {actual:.2f} {unit}. "
            f"Strict reading of {value_text(claim)!r}: {_window_text(strict)} {unit}; newsroom reading: {_window_text(newsroom)} {unit}."
        )
        key = (group.measure, group.event_id)
        return Discrepancy(
            rule=self.code,
            name=self.name,
            severity=severity,
            message=message,
            claims=[claim_ref(claim, "subject")],
            explanation=explanation,
            readings=[
                Reading(name="elapsed", intervals={claim.id: f"strict {_window_text(strict)}, newsroom {_window_text(newsroom)} {unit}; actual {actual:.2f}"}, holds=False)
            ],
            group_id=group.id,
            fingerprint=fingerprint(self.code, key, [(claim.source_id, value_text(claim))]),
        )


def _holds_from(start: tuple[int, int], as_of: dt.date, value: Duration, window: tuple[float, float]) -> bool:
    """Whether an elapsed figure lies in `window` counted from either end of a start range (ordinals)."""
    unit = value.unit.value
    return any(_inside(window, _elapsed(dt.date.fromordinal(day), as_of, unit)) for day in start)


def _elapsed(start: dt.date, end: dt.date, unit: str) -> float:
    """Time from `start` to `end` in `unit`, counting calendar months for months and longer."""
    days = (end - start).days
    if unit in ("minute", "hour", "day"):
        return days
    if unit == "week":
        return days / 7
    months = (end.year - start.year) * 12 + (end.month - start.month) + (end.day - start.day) / 30.44
    if unit == "month":
        return months
    if unit == "year":
        return months / 12
    return months / 120


def _windows(value: Duration) -> tuple[tuple[float, float], tuple[float, float]]:
    """(strict, newsroom) windows for an elapsed duration, in its own unit."""
    v = value.value
    q = value.qualifier
    if q is Qualifier.NEARLY:
        windows = (v - 1.5, v), (v - 0.75, v)
    elif q in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        windows = (v, float("inf")), (v, v + 1.5)
    elif q in (Qualifier.FEWER_THAN, Qualifier.AT_MOST):
        windows = (0.0, v), (v - 1.5, v)
    elif q is Qualifier.APPROXIMATE:
        windows = (v - 1.5, v + 1.5), (v - 0.75, v + 0.75)
    else:
        windows = (v - 1.0, v + 2.0), (v - 0.5, v + 1.0)
    # No time elapses backwards: "nearly month-long" is 0 to 1 months at the widest, not -0.5.
    (a, b), (c, d) = windows
    return (max(0.0, a), b), (max(0.0, c), d)


def _inside(window: tuple[float, float], x: float) -> bool:
    return window[0] <= x <= window[1]


def _window_text(window: tuple[float, float]) -> str:
    hi = "∞" if window[1] == float("inf") else f"{window[1]:g}"
    return f"{window[0]:g} to {hi}"

