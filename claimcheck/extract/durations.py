"""Durations: "60-day", "21 months", "weeklong", as intervals of days.

The newsroom reading of "N units" is N whole units (a month is 28 to 31
days); the strict reading allows half a unit either way for calendar units
(weeks and longer), since "21 months" is rarely exactly 21.
"""

from __future__ import annotations

from .._build import build
from ..model import Duration, DurationUnit, Interval, Qualifier
from ..vocabulary import Tolerances
from .lexicon import Lexicon
from .numbers import intervals, parse_words

__all__ = ["duration", "duration_value", "unit_of"]

_CALENDAR_UNITS = {DurationUnit.WEEK, DurationUnit.MONTH, DurationUnit.YEAR, DurationUnit.DECADE}


def unit_of(word: str, lexicon: Lexicon) -> DurationUnit | None:
    """The unit a word names ("months" → month), or None."""
    for pattern, unit in lexicon.unit_of_word:
        if pattern.match(word):
            return DurationUnit(unit)
    return None


def duration_value(number: str, lexicon: Lexicon) -> float | None:
    """The number of units in "60", "twenty-one" or "one"."""
    plain = number.replace(",", "")
    try:
        return float(plain)
    except ValueError:
        return parse_words(number, lexicon)


def duration(value: float, unit: DurationUnit, qualifier: Qualifier, lexicon: Lexicon, *, qualifier_text: str | None = None) -> Duration:
    """A `Duration` with its intervals in days.

    >>> from claimcheck.extract.lexicon import compile_lexicon
    >>> d = duration(21, DurationUnit.MONTH, Qualifier.EXACT, compile_lexicon())
    >>> d.newsroom.describe(), d.strict.describe()
    ('[588, 651]', '[574, 666.5]')
    """
    low_days, high_days = lexicon.unit_days[unit.value]
    tolerances: Tolerances = lexicon.vocabulary.qualifiers.tolerances
    half = 0.5 if unit in _CALENDAR_UNITS else 0.0
    if qualifier is Qualifier.EXACT:
        strict = build(Interval, low=(value - half) * low_days, high=(value + half) * high_days, low_open=False, high_open=False)
        newsroom = build(Interval, low=value * low_days, high=value * high_days, low_open=False, high_open=False)
    else:
        strict_units, newsroom_units = intervals(value, qualifier, tolerances)
        strict = _scale(strict_units, low_days, high_days)
        newsroom = _scale(newsroom_units, low_days, high_days)
    return build(Duration, 
        type="duration",
        value=value,
        unit=unit,
        qualifier=qualifier,
        qualifier_text=qualifier_text,
        strict=strict,
        newsroom=newsroom,
    )


def _scale(units: Interval, low_days: float, high_days: float) -> Interval:
    return build(Interval, 
        low=None if units.low is None else units.low * low_days,
        high=None if units.high is None else units.high * high_days,
        low_open=units.low_open,
        high_open=units.high_open,
    )
