"""Dates: turning a date phrase into an interval of days with a precision.

Relative dates ("last month", "on Wednesday", a month and day with no year)
are resolved against the source's published date (the anchor) and marked
resolved. News looks back: a weekday is the latest one on or before the
anchor, a month and day the nearest such date, unless the sentence shows the
date lies ahead ("will meet on Sunday"). A "last month" is a period, not an
instant: the whole previous calendar month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .._build import build
from ..model import DatePrecision, DateValue
from .lexicon import Lexicon

__all__ = ["date_from_match", "month_interval", "PLACEHOLDER_YEAR"]

#: The year given to a month and day when there is no anchor to infer one from
#: (a leap year, so February 29 exists); such dates have `year_stated` false
#: and `resolved` false, and are compared on month and day only.
PLACEHOLDER_YEAR = 2000

_DAY_DIGITS = re.compile(r"\d+")


def _day(text: str) -> int:
    m = _DAY_DIGITS.match(text)
    return int(m.group()) if m else 1


def month_interval(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _value(
    start: dt.date,
    end: dt.date,
    precision: DatePrecision,
    *,
    year_stated: bool = True,
    resolved: bool = False,
    anchor: dt.date | None = None,
) -> DateValue:
    return build(DateValue, 
        type="date",
        start=start,
        end=end,
        precision=precision,
        year_stated=year_stated,
        resolved=resolved,
        anchor=anchor if resolved else None,
    )


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, anchor: dt.date, future: bool) -> int:
    """The year that puts month/day nearest the anchor (ahead of it when `future`)."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        date = _safe_date(year, month, min(day, calendar.monthrange(year, month)[1]))
        if date is None:
            continue
        if future and date < anchor:
            continue
        candidates.append((abs((date - anchor).days), date > anchor, year))
    if not candidates:
        return anchor.year
    # Ties go to the past: news reports what has happened.
    return min(candidates)[2]


def _month_year(month: int, anchor: dt.date, relation: str) -> int:
    """The year of a month named alone or with last/next/this, relative to the anchor."""
    if relation == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if relation == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if relation == "this":
        return anchor.year
    if relation == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def date_from_match(m: re.Match[str], lexicon: Lexicon, anchor: dt.date | None, *, future: bool = False, relation: str = "") -> DateValue | None:
    """The `DateValue` for a match of `Lexicon.date`, or None when it cannot be resolved.

    `future` says the sentence puts the date ahead of publication; `relation`
    is "last", "next" or "this" when such a word stands before a weekday.
    """
    g = m.groupdict()
    months = lexicon.month_number
    month_of = lambda key: months[g[key].rstrip(".").lower()]  # noqa: E731
    if g["iso"]:
        date = _safe_date(int(g["iy"]), int(g["im"]), int(g["id"]))
        return _value(date, date, DatePrecision.DAY) if date else None
    if g["md"] or g["dm"]:
        mk, dk, yk = ("m1", "d1", "y1") if g["md"] else ("m2", "d2", "y2")
        date = _safe_date(int(g[yk]), month_of(mk), _day(g[dk]))
        return _value(date, date, DatePrecision.DAY) if date else None
    if g["part"]:
        month = month_of("m3")
        lo, hi = lexicon.vocabulary.dates.month_parts[g["pw"].lower()]
        if g["y3"]:
            year, stated, resolved = int(g["y3"]), True, False
        elif anchor is not None:
            year, stated, resolved = _month_year(month, anchor, "future" if future else ""), False, True
        else:
            year, stated, resolved = PLACEHOLDER_YEAR, False, False
        last = calendar.monthrange(year, month)[1]
        return _value(
            dt.date(year, month, lo),
            dt.date(year, month, last if hi == 0 else min(hi, last)),
            DatePrecision.PART_OF_MONTH,
            year_stated=stated,
            resolved=resolved,
            anchor=anchor,
        )
    if g["my"]:
        start, end = month_interval(int(g["y4"]), month_of("m4"))
        return _value(start, end, DatePrecision.MONTH)
    if g["mdn"] or g["dmn"]:
        mk, dk = ("m5", "d5") if g["mdn"] else ("m6", "d6")
        month, day = month_of(mk), _day(g[dk])
        if anchor is None:
            date = _safe_date(PLACEHOLDER_YEAR, month, day)
            return _value(date, date, DatePrecision.DAY, year_stated=False) if date else None
        year = _nearest_year(month, day, anchor, future)
        date = _safe_date(year, month, day)
        return _value(date, date, DatePrecision.DAY, year_stated=False, resolved=True, anchor=anchor) if date else None
    if g["num"]:
        first, second, year = int(g["n1"]), int(g["n2"]), int(g["n3"])
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            month, day = first, second
        else:
            return None  # "03/04/2014": March 4 or 3 April, the text does not say
        date = _safe_date(year, month, day)
        return _value(date, date, DatePrecision.DAY) if date else None
    if g["fy"]:
        first = int(g["fy1"])
        last = first - first % 100 + int(g["fy2"])
        if not first < last <= first + 2:
            last = first  # "2019-05" is no fiscal year: its year, at least, is plain
        return _value(dt.date(first, 1, 1), dt.date(last, 12, 31), DatePrecision.YEAR)
    if g["dec"]:
        first = int(g["dy"])
        return _value(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), DatePrecision.YEAR)
    if anchor is None:
        # Everything below is relative to publication and needs an anchor,
        # except a year alone and a bare month (compared on month only).
        if g["yr"]:
            year = int(g["yr"])
            return _value(dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR)
        if g["mon"]:
            start, end = month_interval(PLACEHOLDER_YEAR, month_of("mon"))
            return _value(start, end, DatePrecision.MONTH, year_stated=False)
        return None
    if g["relm"]:
        month = month_of("m8")
        relation_word = g["rw2"].lower()
        year = _month_year(month, anchor, "last" if relation_word == "past" else relation_word)
        start, end = month_interval(year, month)
        return _value(start, end, DatePrecision.MONTH, year_stated=False, resolved=True, anchor=anchor)
    if g["rel"]:
        return _relative_period(g["rw"].lower(), g["ru"].lower(), anchor)
    if g["yday"]:
        that_day = anchor - dt.timedelta(days=1)
        return _value(that_day, that_day, DatePrecision.DAY, year_stated=False, resolved=True, anchor=anchor)
    if g["wd"]:
        weekday = lexicon.weekday_number[g["wd"].rstrip(".").lower()]
        that_day = _weekday(weekday, anchor, future, relation)
        return _value(that_day, that_day, DatePrecision.DAY, year_stated=False, resolved=True, anchor=anchor)
    if g["mon"]:
        month = month_of("mon")
        year = _month_year(month, anchor, relation or ("future" if future else ""))
        start, end = month_interval(year, month)
        return _value(start, end, DatePrecision.MONTH, year_stated=False, resolved=True, anchor=anchor)
    if g["yr"]:
        year = int(g["yr"])
        return _value(dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR)
    return None


def _weekday(weekday: int, anchor: dt.date, future: bool, relation: str) -> dt.date:
    """The weekday meant, relative to the anchor: the latest one on or before it by default."""
    if relation == "next" or (future and relation != "last"):
        ahead = (weekday - anchor.weekday()) % 7
        if relation == "next" and ahead == 0:
            ahead = 7
        return anchor + dt.timedelta(days=ahead)
    back = (anchor.weekday() - weekday) % 7
    if relation == "last" and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def _relative_period(word: str, unit: str, anchor: dt.date) -> DateValue:
    """"last month", "this week", "next year", "past week", "last weekend"."""
    shift = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[word]
    if unit in ("week", "weekend"):
        if word == "past" and unit == "week":
            start, end = anchor - dt.timedelta(days=7), anchor
        else:
            monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=shift)
            start, end = (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)) if unit == "weekend" else (monday, monday + dt.timedelta(days=6))
            if unit == "weekend" and word == "last" and anchor.weekday() >= 5:
                start, end = start + dt.timedelta(weeks=1), end + dt.timedelta(weeks=1)
        precision = DatePrecision.WEEK
    elif unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + shift
        start, end = month_interval(index // 12, index % 12 + 1)
        precision = DatePrecision.MONTH
    else:
        year = anchor.year + shift
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        precision = DatePrecision.YEAR
    return _value(start, end, precision, year_stated=False, resolved=True, anchor=anchor)
