"""The claim model: sources, spans, typed values and claims.

Semantics that matter more than names (docs/model.md has the long form):

* Offsets are the truth. A `Span` holds character offsets (code points) into
  its source's text and the quote, and `text[start:end] == quote` always.
* A value is an interval with a reason. A `Quantity` keeps the figure as
  written, the qualifier that hedged it, its rounding, and two intervals: the
  *strict* reading (what logic allows) and the *newsroom* reading (what a
  newsroom means: "more than 57,000" is just over 57,000). Rules report an
  error when even the strict readings cannot overlap, a warning when only the
  newsroom readings cannot.
* Dates are intervals of days with a precision; durations are intervals of
  days with a unit.
* A claim knows what it measures, the measure's temporal class, whom it
  counts, where, which event it is tied to, as of when, and who said so.
"""

from __future__ import annotations

import datetime as dt
import math
from enum import StrEnum
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Role",
    "Source",
    "Span",
    "Interval",
    "Qualifier",
    "Quantity",
    "DatePrecision",
    "DateRole",
    "DateValue",
    "DurationUnit",
    "Duration",
    "Value",
    "ClaimKind",
    "TemporalClass",
    "EventMention",
    "Attribution",
    "Claim",
]


class _Frozen(BaseModel):
    """Base for immutable, JSON-round-trippable models."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# ---------------------------------------------------------------- sources


class Role(StrEnum):
    """What a source is for: coverage to check against, a draft under check, or a ledger."""

    REFERENCE = "reference"
    DRAFT = "draft"
    LEDGER = "ledger"


class Source(_Frozen):
    """One article (or draft, or ledger) and what is known about it.

    `text` is the body exactly as read: no stripping, no newline conversion.
    `line_offset` is the number of lines in the file before the body (front
    matter), so that line numbers point into the raw file.
    """

    id: str = Field(min_length=1)
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    role: Role = Role.REFERENCE
    path: str | None = None
    line_offset: int = Field(default=0, ge=0)
    meta: dict[str, Any] = Field(default_factory=dict)


class Span(_Frozen):
    """Where a claim stands: offsets, line and column, the quote and its sentence.

    `start`/`end` are code-point offsets into the source text (end exclusive).
    `line`/`column` and `end_line`/`end_column` are 1-based and point into the
    raw file (front matter included); `end_column` is exclusive, as editors
    and SARIF count it; a byte-order mark opening the file is not counted
    (editors do not show it), though the offsets into the text do count it.
    `sentence` is the sentence around the quote, clipped to a window around
    it when the sentence is very long; `sentence_start` is its offset in the
    source text.
    """

    source_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    quote: str
    sentence: str
    sentence_start: int = Field(ge=0)

    @model_validator(mode="after")
    def _check(self) -> Span:
        if self.end < self.start:
            raise ValueError("span end before start")
        if len(self.quote) != self.end - self.start:
            raise ValueError("quote length does not match the offsets")
        offset = self.start - self.sentence_start
        if offset < 0 or self.sentence[offset : offset + len(self.quote)] != self.quote:
            raise ValueError("sentence does not contain the quote at the span's offset")
        return self


# ---------------------------------------------------------------- values


class Interval(_Frozen):
    """A closed, open or half-open interval on the real line; `None` is unbounded."""

    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        """Whether some value lies in both intervals."""
        return _below(self, other) and _below(other, self)

    def contains(self, x: float) -> bool:
        """Whether `x` lies in the interval."""
        if self.low is not None and (x < self.low or (self.low_open and x == self.low)):
            return False
        if self.high is not None and (x > self.high or (self.high_open and x == self.high)):
            return False
        return True

    def gap(self, other: Interval) -> float:
        """How far apart the two intervals are (0 when they overlap)."""
        if self.overlaps(other):
            return 0.0
        if self.high is not None and other.low is not None and self.high <= other.low:
            return other.low - self.high
        if other.high is not None and self.low is not None and other.high <= self.low:
            return self.low - other.high
        return 0.0

    def describe(self, fmt: str = "{:,g}") -> str:
        """Human form: ``[1,140, 1,260]``, ``(250, ∞)``."""
        lo = "-∞" if self.low is None else fmt.format(self.low)
        hi = "∞" if self.high is None else fmt.format(self.high)
        left = "(" if self.low_open or self.low is None else "["
        right = ")" if self.high_open or self.high is None else "]"
        if self.low is not None and self.low == self.high:
            return lo
        return f"{left}{lo}, {hi}{right}"


def _below(a: Interval, b: Interval) -> bool:
    """Whether `a` starts no later than `b` ends (one half of an overlap test)."""
    if a.low is None or b.high is None:
        return True
    if a.low < b.high:
        return True
    return a.low == b.high and not a.low_open and not b.high_open


class Qualifier(StrEnum):
    """How the text hedged a figure."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    NEARLY = "nearly"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    FEWER_THAN = "fewer_than"
    AT_MOST = "at_most"
    RANGE = "range"
    VAGUE = "vague"


class Quantity(_Frozen):
    """A count or an amount: the figure as written and the intervals it allows.

    `value` is the figure ("1.2 million" → 1200000; for a range its low end,
    for a vague amount its unit: "thousands" → 1000). `high` is a range's high
    end. `rounding` is the step the figure was rounded to (1 for "251", 100 for
    "1,200"). `unit` is a currency code for money, `percent`, a unit of measure
    (`acre`, `metre` …), or `None`.
    """

    type: Literal["quantity"] = "quantity"
    value: float
    high: float | None = None
    qualifier: Qualifier = Qualifier.EXACT
    qualifier_text: str | None = None
    rounding: float = 1.0
    unit: str | None = None
    strict: Interval
    newsroom: Interval

    def describe(self) -> str:
        """A short human form: ``about 1,200``, ``more than $11 billion``."""
        return describe_quantity(self)


class DatePrecision(StrEnum):
    """How precisely a date was given."""

    DAY = "day"
    WEEK = "week"
    PART_OF_MONTH = "part_of_month"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"


class DateRole(StrEnum):
    """Which moment of an event a date gives."""

    OCCURRENCE = "occurrence"
    START = "start"
    END = "end"


class DateValue(_Frozen):
    """A date as an interval of days, `start` to `end` inclusive, with a precision.

    `year_stated` is false when the text gave no year and it was inferred (the
    nearest such date to publication). `resolved` is true when the date was
    worked out from the source's published date ("last month", "on Wednesday",
    or a missing year); `anchor` is that published date.
    """

    type: Literal["date"] = "date"
    start: dt.date
    end: dt.date
    precision: DatePrecision
    year_stated: bool = True
    resolved: bool = False
    anchor: dt.date | None = None

    @model_validator(mode="after")
    def _check(self) -> DateValue:
        if self.end < self.start:
            raise ValueError("date end before start")
        return self

    def describe(self) -> str:
        """A short human form: ``October 7, 2023``, ``November 2023``."""
        return describe_date(self)


class DurationUnit(StrEnum):
    """Units a duration is stated in."""

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"


class Duration(_Frozen):
    """A length of time: `value` `unit`s, hedged by `qualifier`, as intervals of days.

    A range ("six to eight weeks") has qualifier ``range`` and its upper end in `high`.
    """

    type: Literal["duration"] = "duration"
    value: float
    high: float | None = None
    unit: DurationUnit
    qualifier: Qualifier = Qualifier.EXACT
    qualifier_text: str | None = None
    strict: Interval
    newsroom: Interval

    def describe(self) -> str:
        """A short human form: ``60 days``, ``nearly 1 month``."""
        return describe_duration(self)


Value = Annotated[Union[Quantity, DateValue, Duration], Field(discriminator="type")]


# ---------------------------------------------------------------- claims


class ClaimKind(StrEnum):
    """The four kinds of figure."""

    COUNT = "count"
    MONEY = "money"
    DATE = "date"
    DURATION = "duration"


class TemporalClass(StrEnum):
    """How a measure behaves over time; it decides what a difference means.

    * event_bound: fixed once the event is over (killed in one attack, the
      date of an event, the length of a truce): any non-overlap is a conflict.
    * cumulative: a running total that may only grow (a war's death toll, time
      elapsed since it began).
    * stock: a level that may rise or fall (hostages still held): compared
      only at nearly the same date, otherwise a timeline.
    * unknown: a general count, or a figure tied to no event: not compared.
    """

    EVENT_BOUND = "event_bound"
    CUMULATIVE = "cumulative"
    STOCK = "stock"
    UNKNOWN = "unknown"


class EventMention(_Frozen):
    """The event a claim is tied to, as the source names it.

    `kind` comes from the vocabulary (attack, ceasefire, war, earthquake …);
    `cue` is the text that named it, at `start`..`end` in the source. `date` is
    a date the same sentence gives the event, with `date_role` saying whether
    it is the event's start, end or occurrence. `phase` is a numbered stage
    ("the first phase" → 1). `place` and `target` tell events of a kind apart
    ("war in Gaza", "war with Iran"); `name` is a proper name ("Maria").
    `proposed` marks an event that has not happened (a proposal).
    `outbreak_of` lists kinds the sentence says this event started ("the war
    began when Hamas attacked": an attack that is the war's outbreak).
    """

    kind: str
    cue: str
    start: int
    end: int
    date: DateValue | None = None
    date_role: DateRole = DateRole.OCCURRENCE
    phase: int | None = None
    place: str | None = None
    target: str | None = None
    name: str | None = None
    proposed: bool = False
    relative: str | None = None
    outbreak_of: tuple[str, ...] = ()


class Attribution(_Frozen):
    """Who a figure is attributed to.

    `text` is the attributing phrase as written ("according to the Gaza health
    ministry"), `who` the name in it ("the Gaza health ministry"), `party` the
    vocabulary's id for that party and `side` the side it is on, when known.
    """

    text: str
    who: str | None = None
    party: str | None = None
    side: str | None = None


class Claim(_Frozen):
    """One figure read as a typed claim, with where it came from.

    `id` is ``<source id>:<start>-<end>``. `measure` is a vocabulary id
    (killed, hostages_held, event_date, duration, money, count …) and `head`
    the counted noun for a general count. `population` is a normalised,
    space-joined label set ("living israeli"), `None` when the text does not
    restrict the counted set. `as_of` is the date the figure speaks for (the
    source's published date unless the text says otherwise, `as_of_stated`).
    `derived_from` lists the claims a derived figure was computed from (the
    total of an enumeration whose whole the text does not state, or the start
    of an event a counted day implies: "Tuesday, the thirteenth day of the
    search"). `parts` are
    the claims the text gives as parts of this one ("59 hostages, including
    58 …"); `parts_sum` is true when they are its full breakdown and must add
    up to it ("30 living hostages — 20 …, five … and five …"); `parts_listed`
    when a verb says the whole includes them ("the 98 include 96 … and one
    …"), which may or may not be all; `part_of` is the whole a part belongs to. `elapsed` marks a
    duration that is time elapsed since an event began. `superseded` marks a
    figure the text gives as an earlier or contrasted value with no date of
    its own ("raised the toll from 64 to 2,975"): it is not compared. `subset`
    marks a figure the text gives as part of a larger set it names without a
    figure ("19 of the dead", "the other fifteen"), or as a difference ("eight
    more victims"): it is not a total.
    """

    id: str
    source_id: str
    kind: ClaimKind
    measure: str
    measure_class: TemporalClass
    head: str | None = None
    population: str | None = None
    population_text: str | None = None
    place: str | None = None
    event: EventMention | None = None
    as_of: dt.date | None = None
    as_of_stated: bool = False
    attribution: Attribution | None = None
    value: Value
    span: Span
    elapsed: bool = False
    superseded: bool = False
    subset: bool = False
    derived_from: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    parts_sum: bool = False
    parts_listed: bool = False
    part_of: str | None = None

    def describe(self) -> str:
        """The value in short human form."""
        return self.value.describe()


# ---------------------------------------------------------------- describing values

_MAGNITUDES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "ILS": "₪"}
_QUALIFIER_WORDS = {
    Qualifier.APPROXIMATE: "about",
    Qualifier.NEARLY: "nearly",
    Qualifier.MORE_THAN: "more than",
    Qualifier.AT_LEAST: "at least",
    Qualifier.FEWER_THAN: "fewer than",
    Qualifier.AT_MOST: "up to",
}


def format_number(x: float) -> str:
    """``1200 → '1,200'``, ``1200000 → '1.2 million'``, ``2.5 → '2.5'``."""
    if not math.isfinite(x):
        return str(x)
    for size, word in _MAGNITUDES:
        if abs(x) >= size and (x / size) * 10 == round((x / size) * 10):
            return f"{x / size:g} {word}"
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def describe_quantity(q: Quantity) -> str:
    """The figure as a reader would say it again."""
    def amount(x: float) -> str:
        text = format_number(x)
        if q.unit == "percent":
            return text + "%"
        if q.unit:
            symbol = _CURRENCY_SYMBOLS.get(q.unit)
            return f"{symbol}{text}" if symbol else f"{text} {q.unit}"
        return text

    if q.qualifier is Qualifier.RANGE and q.high is not None:
        return f"{amount(q.value)} to {amount(q.high)}"
    if q.qualifier is Qualifier.VAGUE:
        return q.qualifier_text or f"some {amount(q.value)}s"
    word = _QUALIFIER_WORDS.get(q.qualifier)
    return f"{word} {amount(q.value)}" if word else amount(q.value)


def describe_date(d: DateValue) -> str:
    """``October 7, 2023``; ``November 2023``; ``late November 2023``; ``October 7``."""
    if d.precision is DatePrecision.DAY:
        text = f"{d.start:%B} {d.start.day}"
        return f"{text}, {d.start.year}" if d.year_stated or d.resolved else text
    if d.precision is DatePrecision.PART_OF_MONTH:
        part = "early" if d.start.day == 1 else "mid" if d.start.day < 20 else "late"
        sep = "-" if part == "mid" else " "
        return f"{part}{sep}{d.start:%B} {d.start.year}" if d.year_stated or d.resolved else f"{part}{sep}{d.start:%B}"
    if d.precision is DatePrecision.MONTH:
        return f"{d.start:%B} {d.start.year}" if d.year_stated or d.resolved else f"{d.start:%B}"
    if d.precision is DatePrecision.WEEK:
        return f"the week of {d.start:%B} {d.start.day}, {d.start.year}"
    if d.precision is DatePrecision.YEAR:
        return str(d.start.year)
    return f"{d.start.isoformat()} to {d.end.isoformat()}"


def describe_duration(d: Duration) -> str:
    """``60 days``, ``1 week``, ``nearly 1 month``."""
    if d.high is not None:
        return f"{format_number(d.value)} to {format_number(d.high)} {d.unit.value}s"
    unit = d.unit.value + ("" if d.value == 1 else "s")
    word = _QUALIFIER_WORDS.get(d.qualifier)
    text = f"{format_number(d.value)} {unit}"
    return f"{word} {text}" if word else text
