"""Durations: "60-day", "21 months", "weeklong", as intervals of days.

The newsroom reading of "N units" is N units at the unit's average length (a
month is 30.44 days), widened by how far N calendar units can differ from that
(two months are 59 to 62 days); the strict reading also allows the unit's
slack either way (data/durations.toml), since "weeklong" may be six days or
eight.
"""

from __future__ import annotations

from .._build import build
from ..model import Duration, DurationUnit, Interval, Qualifier
from ..vocabulary import Tolerances
from .lexicon import Lexicon
from .numbers import intervals, parse_words

__all__ = ["duration", "duration_value", "unit_of"]

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


def duration(
    value: float, unit: DurationUnit, qualifier: Qualifier, lexicon: Lexicon, *, qualifier_text: str | None = None, high: float | None = None
) -> Duration:
    """A `Duration` with its intervals in days.

    >>> from claimcheck.extract.lexicon import compile_lexicon
    >>> d = duration(1, DurationUnit.WEEK, Qualifier.EXACT, compile_lexicon())
    >>> d.newsroom.describe(), d.strict.describe()
    ('7', '[5.6, 8.4]')
    """
    days, slack, calendar = lexicon.unit_days[unit.value]
    tolerances: Tolerances = lexicon.vocabulary.qualifiers.tolerances
    if high is not None:
        # "six to eight weeks": from the low end's reading to the high end's.
        lowest, highest = min(value * days - calendar, (value - slack) * days), max(high * days + calendar, (high + slack) * days)
        strict = build(Interval, low=lowest, high=highest, low_open=False, high_open=False)
        newsroom = build(Interval, low=value * days - calendar, high=high * days + calendar, low_open=False, high_open=False)
        qualifier = Qualifier.RANGE
    elif qualifier is Qualifier.EXACT:
        # Two months are 59 to 62 days: the newsroom reading spans the calendar's months.
        shortest, longest = value * days - calendar, value * days + calendar
        strict = build(Interval, low=min(shortest, (value - slack) * days), high=max(longest, (value + slack) * days), low_open=False, high_open=False)
        newsroom = build(Interval, low=shortest, high=longest, low_open=False, high_open=False)
    else:
        strict_units, newsroom_units = intervals(value, qualifier, tolerances)
        strict = _scale(strict_units, days, calendar)
        newsroom = _scale(newsroom_units, days, calendar)
    return build(
        Duration,
        type="duration",
        value=value,
        high=high,
        unit=unit,
        qualifier=qualifier,
        qualifier_text=qualifier_text,
        strict=strict,
        newsroom=newsroom,
    )


def _scale(units: Interval, days: float, calendar: float) -> Interval:
    return build(
        Interval,
        low=None if units.low is None else units.low * days - calendar,
        high=None if units.high is None else units.high * days + calendar,
        low_open=units.low_open,
        high_open=units.high_open,
    )
