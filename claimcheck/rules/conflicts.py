"""The shared core of the value rules: which claims of a group cannot all be true.

Each claim allows an interval of values under two readings (strict: what
logic allows; newsroom: what a newsroom means). The consensus is the largest
set of claims whose intervals share a point (in one dimension, intervals that
overlap pairwise share a point, so a sweep finds it in O(n log n)). Claims
outside the strict consensus conflict outright (an error); claims inside it
whose newsroom readings still part ways conflict as a newsroom reads them (a
warning).

The consensus is counted by source, not by claim: a source votes once for
each value its claims allow, however often it repeats a figure, so one article
that writes "October 7, 2022" three times does not outvote two that write
2023 once. (A source whose own claims part ways votes for each of its values;
that it contradicts itself is its own matter.)

Sources need not count alike: `find_conflicts` takes a `weight` per claim, a
pair (authority, tie-break) compared in that order, the same for every claim
of a source. A reference counts (1, 0); a draft under check counts (0, 1), so
it never outvotes a reference and only breaks a tie among them; a ledger of
established figures counts more than any number of references (see
`RuleContext.weight`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..model import Claim, DatePrecision, DateValue, Duration, Interval, Quantity
from ..names import same_name

__all__ = [
    "Conflict",
    "Weight",
    "find_conflicts",
    "interval_of",
    "describe_interval",
    "join_ids",
    "value_text",
    "sides_oppose",
    "attributed_apart",
    "attribution_key",
    "party_name",
    "single_source",
]

ReadingName = Literal["strict", "newsroom"]
#: How much a claim counts toward a consensus: (authority, tie-break).
Weight = tuple[int, int]
WeightOf = Callable[[Claim], Weight]


def _equal(claim: Claim) -> Weight:
    return (1, 0)


@dataclass
class Conflict:
    """Claims (subjects) that disagree with the consensus under one reading.

    `tie` is set when the subjects' sources carry as much authority as the
    consensus's: no majority says which side is wrong.
    """

    subjects: list[Claim]
    consensus: list[Claim]
    reading: ReadingName
    tie: bool = False


def interval_of(claim: Claim, reading: ReadingName, year: int | None = None) -> Interval:
    """The interval a claim allows under a reading; dates as day ordinals.

    A date whose year the text did not state is placed in `year` (the
    consensus year), so it is compared on its month and day only.
    """
    value = claim.value
    if isinstance(value, (Quantity, Duration)):
        return value.strict if reading == "strict" else value.newsroom
    assert isinstance(value, DateValue)
    start, end = value.start, value.end
    if year is not None and not (value.year_stated or value.resolved):
        start, end = _with_year(start, year), _with_year(end, year)
    return Interval(low=start.toordinal(), high=end.toordinal())


def _with_year(day: dt.date, year: int) -> dt.date:
    try:
        return day.replace(year=year)
    except ValueError:  # February 29
        return day.replace(year=year, day=28)


def year_known(claim: Claim) -> bool:
    """Whether a date claim's year was stated or worked out from publication."""
    value = claim.value
    return not isinstance(value, DateValue) or value.year_stated or value.resolved


def consensus_year(claims: list[Claim]) -> int | None:
    """The year the most sources give among dated claims whose year is known (a source counts once per year)."""
    stated = {(c.source_id, c.value.start.year) for c in claims if isinstance(c.value, DateValue) and year_known(c)}
    years = Counter(year for _, year in sorted(stated))
    return years.most_common(1)[0][0] if years else None


def authority(claims: list[Claim], weight: WeightOf = _equal) -> int:
    """The authority of the sources of `claims`, each source counted once."""
    return sum(weight(c)[0] for c in _one_per_source(claims))


def _one_per_source(claims: list[Claim]) -> list[Claim]:
    return list({c.source_id: c for c in claims}.values())


# Sort order of interval ends at one point: an open end closes before a closed
# start opens; a closed end closes after; an open start opens last.
_OPEN_END, _CLOSED_START, _CLOSED_END, _OPEN_START = range(4)


def _best_point(intervals: list[Interval], voters: list[str], weights: list[Weight]) -> tuple[float, bool] | None:
    """The point covered by the most weight, as (x, just_right_of_x).

    `voters[i]` is the source of `intervals[i]`: a source's weight counts
    once at a point however many of its intervals cover it.
    """
    events: list[tuple[float, int, str, Weight]] = []
    for i, voter, w in zip(intervals, voters, weights, strict=True):
        low = float("-inf") if i.low is None else i.low
        high = float("inf") if i.high is None else i.high
        events.append((low, _OPEN_START if i.low_open and i.low is not None else _CLOSED_START, voter, w))
        events.append((high, _OPEN_END if i.high_open and i.high is not None else _CLOSED_END, voter, w))
    events.sort(key=lambda e: (e[0], e[1]))
    covering: Counter[str] = Counter()
    authority = tie_break = 0
    best: Weight = (0, 0)
    where: tuple[float, bool] | None = None
    for x, kind, voter, (a, t) in events:
        if kind in (_CLOSED_START, _OPEN_START):
            covering[voter] += 1
            if covering[voter] == 1:
                authority, tie_break = authority + a, tie_break + t
            if where is None or (authority, tie_break) > best:
                best = (authority, tie_break)
                where = (x, kind == _OPEN_START)
        else:
            covering[voter] -= 1
            if covering[voter] == 0:
                authority, tie_break = authority - a, tie_break - t
    return where


def _covers(i: Interval, point: tuple[float, bool]) -> bool:
    x, right = point
    if right:
        low_ok = i.low is None or i.low <= x
        high_ok = i.high is None or i.high > x
        return low_ok and high_ok
    return i.contains(x)


def _split(claims: list[Claim], reading: ReadingName, year: int | None, weight: WeightOf = _equal) -> tuple[list[Claim], list[Claim]]:
    """(consensus, outliers) under a reading."""
    intervals = [interval_of(c, reading, year) for c in claims]
    point = _best_point(intervals, [c.source_id for c in claims], [weight(c) for c in claims])
    if point is None:
        return claims, []
    inside = [c for c, i in zip(claims, intervals) if _covers(i, point)]
    outside = [c for c, i in zip(claims, intervals) if not _covers(i, point)]
    return inside, outside


def find_conflicts(claims: list[Claim], weight: WeightOf = _equal) -> list[Conflict]:
    """The conflicts in a group: strict ones first, then newsroom ones among the rest.

    Dates whose year the text leaves out are compared on month and day against
    the consensus of the others, and never count as support for a year.
    `weight` says how much each claim counts toward the consensus (see the
    module docstring); by default every claim counts alike.
    """
    year = consensus_year(claims)
    known = [c for c in claims if year_known(c)]
    unknown = [c for c in claims if not year_known(c)]
    conflicts: list[Conflict] = []
    consensus_strict, outliers = _split(known, "strict", year, weight)
    conflicts += _clusters(outliers, consensus_strict, "strict", year, weight)
    consensus_news, outliers_news = _split(consensus_strict, "newsroom", year, weight)
    conflicts += _clusters(outliers_news, consensus_news, "newsroom", year, weight)
    if unknown:
        # Against the tightest ends of the consensus, not claim by claim: a big group's
        # year-less dates against every consensus claim were quadratic in the group.
        ends = {
            "strict": _tightest_ends([interval_of(b, "strict", year) for b in consensus_strict]),
            "newsroom": _tightest_ends([interval_of(b, "newsroom", year) for b in consensus_news]),
        }
    for c in unknown:
        for reading in ("strict", "newsroom"):
            base = consensus_strict if reading == "strict" else consensus_news
            if base and not interval_of(c, reading, year).overlaps(ends[reading]):
                conflicts.append(Conflict([c], base, reading))
                break
    return conflicts


def _tightest_ends(intervals: list[Interval]) -> Interval:
    """The highest low end and the lowest high end of `intervals` (at one point, an open end
    before a closed one), as one interval — which may be empty.

    An interval overlaps every one of `intervals` exactly when it overlaps this:
    each half of the overlap test (its low end below their high ends, their low
    ends below its high end) depends only on the tightest end.
    """
    lows = [(i.low, i.low_open) for i in intervals if i.low is not None]
    highs = [(i.high, not i.high_open) for i in intervals if i.high is not None]
    low, low_open = max(lows) if lows else (None, False)
    high, high_closed = min(highs) if highs else (None, True)
    return Interval(low=low, high=high, low_open=low_open, high_open=not high_closed)


def _clusters(outliers: list[Claim], consensus: list[Claim], reading: ReadingName, year: int | None, weight: WeightOf = _equal) -> list[Conflict]:
    """Outliers grouped by what they agree on among themselves, each set against the consensus.

    A tie is a set of outliers whose sources have as much authority as the
    consensus's (each source counted once). Outliers with no authority
    (drafts) form conflicts of their own, apart from references that agree
    with them, so that each conflict is about references or about drafts,
    never both.
    """
    result: list[Conflict] = []
    remaining = list(outliers)
    held = authority(consensus, weight)
    while remaining:
        together, rest = _split(remaining, reading, year, weight)
        with_authority = [c for c in together if weight(c)[0] > 0]
        without = [c for c in together if weight(c)[0] == 0]
        for subjects in (with_authority, without):
            if subjects:
                tie = authority(subjects, weight) >= held
                result.append(Conflict(subjects=subjects, consensus=consensus, reading=reading, tie=tie))
        remaining = rest
    return result


def attribution_key(claim: Claim) -> str | None:
    """Who a claim is attributed to, as a comparable key: the party's id, else its name as written."""
    a = claim.attribution
    if a is None:
        return None
    if a.party:
        return a.party
    return a.who or None


def party_name(claims: list[Claim]) -> str:
    """Who a set of claims is attributed to, as the text writes it ("Russian officials", "the
    Gaza health ministry"): the first attributed claim's party."""
    attributed = next((c.attribution for c in claims if c.attribution is not None), None)
    if attributed is None:
        return "?"
    if not attributed.who:
        return attributed.text
    words = [re.escape(w) for w in re.findall(r"[\w'’]+", attributed.who)]
    found = re.search(r"(?i)\b(?:(?:the|a|an)\s+)?" + r"[\W_]+".join(words) + r"\b", attributed.text) if words else None
    if found is None:
        return attributed.who
    name = found.group()
    first = name.split(" ", 1)[0]
    if first.lower() in ("the", "a", "an"):
        name = first.lower() + name[len(first):]  # "According to the ministry": mid-sentence in a message
    elif name[:1].islower():
        name = "the " + name  # "the army said": a common noun named without its article
    return name


def attributed_apart(a: list[Claim], b: list[Claim]) -> bool:
    """Whether every claim on both sides is attributed, and no one is named on both sides.

    Different bodies' estimates of one quantity (a government's count, a
    university's study) differ without either source being wrong.
    """
    keys_a = {attribution_key(c) for c in a}
    keys_b = {attribution_key(c) for c in b}
    if None in keys_a or None in keys_b:
        return False
    return not any(same_name(x, y) for x in keys_a for y in keys_b)  # type: ignore[arg-type]


def sides_oppose(a: list[Claim], b: list[Claim], opposing: frozenset[tuple[str, str]]) -> bool:
    """Whether the attributed claims of `a` are all on one side and those of `b` all on a side
    opposing it, with at least one attributed claim on each.

    A figure the rebels give against the army's is a dispute even when an unattributed
    source repeats one of them; a claim attributed to a party with no side (a study) on
    either side leaves it undecided.
    """
    sides_a = {c.attribution.side for c in a if c.attribution is not None}
    sides_b = {c.attribution.side for c in b if c.attribution is not None}
    if len(sides_a) != 1 or len(sides_b) != 1 or None in sides_a or None in sides_b:
        return False
    return (next(iter(sides_a)), next(iter(sides_b))) in opposing


def single_source(conflict: Conflict) -> bool:
    """Whether all the claims of a conflict come from one source (checked by the part/whole rules instead)."""
    return len({c.source_id for c in conflict.subjects + conflict.consensus}) < 2


#: Source ids a message lists by name before it counts the rest.
_NAMED_IDS = 5


def join_ids(ids: list[str]) -> str:
    """"000", "000 and 003", "000, 003 and 004"; past five, the rest counted.

    >>> join_ids(["003", "000", "003"])
    '000 and 003'
    >>> join_ids([f"{n:03}" for n in range(1200)])
    '000, 001, 002, 003, 004 and 1,195 others'
    """
    unique = sorted(dict.fromkeys(ids))
    if len(unique) <= 1:
        return "".join(unique)
    if len(unique) > _NAMED_IDS + 1:
        return ", ".join(unique[:_NAMED_IDS]) + f" and {len(unique) - _NAMED_IDS:,} others"
    return ", ".join(unique[:-1]) + " and " + unique[-1]


def value_text(claim: Claim) -> str:
    """A claim's value as the text said it (its quote), for messages."""
    text = claim.span.quote if not claim.derived_from else claim.describe()
    if len(text) > 1 and text[0].isupper() and text[1].islower() and claim.kind.value != "date":
        text = text[0].lower() + text[1:]  # "More than 250" opened its sentence
    return text


def describe_interval(claim: Claim, reading: ReadingName, year: int | None = None) -> str:
    """The interval a claim allows, in words a reader can check."""
    value = claim.value
    interval = interval_of(claim, reading, year)
    if isinstance(value, DateValue):
        low = dt.date.fromordinal(int(interval.low)) if interval.low is not None else None
        high = dt.date.fromordinal(int(interval.high)) if interval.high is not None else None
        if low == high and low is not None:
            return low.isoformat()
        return f"{low.isoformat() if low else '…'} to {high.isoformat() if high else '…'}"
    if isinstance(value, Duration):
        return interval.describe("{:,.4g}") + " days"
    return interval.describe()


def differs_only_in_year(subject: Claim, consensus: list[Claim]) -> int | None:
    """If every consensus date has the subject's month and day but another year, that year."""
    value = subject.value
    if not isinstance(value, DateValue) or value.precision is not DatePrecision.DAY:
        return None
    years = set()
    for c in consensus:
        v = c.value
        if not isinstance(v, DateValue):
            return None
        if v.precision is DatePrecision.DAY:
            if (v.start.month, v.start.day) != (value.start.month, value.start.day):
                return None
        elif not (v.start <= value.start.replace(year=v.start.year) <= v.end):
            return None
        years.add(v.start.year)
    return years.pop() if len(years) == 1 and value.start.year not in years else None
