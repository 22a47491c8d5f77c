"""A figure over time as an inline SVG chart: one point per source, its intervals as bars.

Hand-written SVG (no charting library), so the HTML report stays one
self-contained file. Each point is drawn at its as-of date and at the figure
as written; the newsroom reading is a wide translucent bar, the strict reading
a thin whisker (an arrow where it is open-ended or runs off the chart). A
point that conflicts with another source is drawn as a cross in a ring and
labelled with ✖, so the mark does not rest on colour alone.

Every string that reaches the SVG is escaped here; callers pass plain text.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from ..model import Interval, format_number

__all__ = ["TimelinePoint", "timeline_svg", "nice_ticks", "date_ticks", "label_box"]

_WIDTH, _HEIGHT = 640, 270
_LEFT, _RIGHT, _TOP, _BOTTOM = 70, 28, 16, 46
_CHAR_WIDTH = 6.4  # average advance of the 11px label font, for placing labels
_LABEL_HEIGHT = 14


@dataclass(frozen=True)
class TimelinePoint:
    """One source's figure at its as-of date.

    `value` is the figure as written (the marker's height), `text` its human
    form ("about 100"). `href` links the point to the claim in its source's
    text; `conflicting` marks a point that is the subject of an error or a
    warning.
    """

    as_of: dt.date
    value: float
    strict: Interval
    newsroom: Interval
    source_id: str
    text: str
    conflicting: bool = False
    href: str | None = None


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering `low`..`high`, about `count` of them.

    >>> nice_ticks(0, 97)
    [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
    >>> nice_ticks(56000, 62700)
    [56000.0, 58000.0, 60000.0, 62000.0, 64000.0]
    """
    if high <= low:
        high = low + 1
    raw = (high - low) / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    ticks, x = [], first
    while x < high + step * 1e-9:
        ticks.append(round(x, 10))
        x += step
    if ticks[-1] < high:
        ticks.append(round(x, 10))
    return [float(t) for t in ticks]


_DAY_STEPS = (1, 2, 7, 14)
_MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)


def date_ticks(first: dt.date, last: dt.date, most: int = 7) -> list[tuple[dt.date, str]]:
    """Tick dates (with labels) inside `first`..`last`: days, weeks or months, at most `most`.

    >>> [label for _, label in date_ticks(dt.date(2024, 10, 24), dt.date(2025, 7, 7))]
    ['Nov 2024', 'Jan 2025', 'Mar 2025', 'May 2025', 'Jul 2025']
    >>> [label for _, label in date_ticks(dt.date(2025, 7, 1), dt.date(2025, 7, 8))]
    ['Jul 1', 'Jul 3', 'Jul 5', 'Jul 7']
    """
    span = (last - first).days
    for step in _DAY_STEPS:
        if span // step + 1 <= most:
            ticks = [first + dt.timedelta(days=i) for i in range(0, span + 1, step)]
            return [(d, f"{d:%b} {d.day}") for d in ticks]
    for months in _MONTH_STEPS:
        ticks = []
        year, month = first.year, first.month
        while True:
            day = dt.date(year, month, 1)
            if day > last:
                break
            if day >= first and (year * 12 + month - 1) % months == 0:
                ticks.append(day)
            month += 1
            if month > 12:
                year, month = year + 1, 1
        if len(ticks) <= most:
            fmt = "%Y" if months >= 12 else "%b %Y"
            return [(d, d.strftime(fmt)) for d in ticks]
    return [(first, str(first.year)), (last, str(last.year))]


def _y_domain(points: list[TimelinePoint]) -> tuple[float, float]:
    """The value range the chart shows: the figures and their newsroom readings, and the strict ones when they fit."""
    core = [p.value for p in points]
    for p in points:
        core += [b for b in (p.newsroom.low, p.newsroom.high) if b is not None and math.isfinite(b)]
    low, high = min(core), max(core)
    span = max(high - low, abs(high) * 0.05, 1.0)
    for p in points:
        for b in (p.strict.low, p.strict.high):
            # A strict reading far off the figures would squash them: it runs off the chart instead.
            if b is not None and math.isfinite(b) and low - span <= b <= high + span:
                low, high = min(low, b), max(high, b)
    if low >= 0 and low < high / 2:
        low = 0.0
    else:
        pad = max((high - low) * 0.1, abs(high) * 0.01, 0.5)
        low, high = low - pad, high + pad
        if low < 0 <= min(core):
            low = 0.0
    return low, high


def timeline_svg(points: list[TimelinePoint], *, title: str, description: str, ident: str) -> str:
    """An SVG chart of `points` (value against as-of date), titled for screen readers.

    `ident` makes the chart's element ids unique in the page. Returns an empty
    string when there is nothing to draw.
    """
    points = sorted(points, key=lambda p: (p.as_of, p.source_id))
    if not points:
        return ""
    first, last = points[0].as_of, points[-1].as_of
    days = max((last - first).days, 1)
    pad_days = max(1, round(days * 0.06))
    x_low, x_high = first - dt.timedelta(days=pad_days), last + dt.timedelta(days=pad_days)
    ticks_y = nice_ticks(*_y_domain(points))
    y_low, y_high = ticks_y[0], ticks_y[-1]
    plot_w, plot_h = _WIDTH - _LEFT - _RIGHT, _HEIGHT - _TOP - _BOTTOM
    x_span = (x_high - x_low).days

    def x_of(day: dt.date) -> float:
        return _LEFT + (day - x_low).days / x_span * plot_w

    def y_of(value: float) -> float:
        return _TOP + (y_high - value) / (y_high - y_low) * plot_h

    top, bottom = float(_TOP), float(_TOP + plot_h)
    out = [
        f'<svg class="cc-chart" viewBox="0 0 {_WIDTH} {_HEIGHT}" width="{_WIDTH}" height="{_HEIGHT}" role="img" '
        f'aria-labelledby="{_attr(ident)}-title {_attr(ident)}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{_attr(ident)}-title">{escape(title)}</title>',
        f'<desc id="{_attr(ident)}-desc">{escape(description)}</desc>',
        f'<rect class="cc-plot" x="{_LEFT}" y="{_TOP}" width="{plot_w}" height="{plot_h}"/>',
    ]
    for t in ticks_y:
        y = _num(y_of(t))
        out.append(f'<line class="cc-grid" x1="{_LEFT}" x2="{_LEFT + plot_w}" y1="{y}" y2="{y}"/>')
        out.append(f'<text class="cc-tick" x="{_LEFT - 6}" y="{y}" text-anchor="end" dominant-baseline="middle">{escape(format_number(t))}</text>')
    for day, label in date_ticks(x_low, x_high):
        x = _num(x_of(day))
        out.append(f'<line class="cc-grid" x1="{x}" x2="{x}" y1="{_num(top)}" y2="{_num(bottom)}"/>')
        out.append(f'<text class="cc-tick" x="{x}" y="{_num(bottom + 16)}" text-anchor="middle">{escape(label)}</text>')
    out.append(f'<text class="cc-axis" x="{_LEFT + plot_w / 2:.0f}" y="{_HEIGHT - 6}" text-anchor="middle">as-of date</text>')
    trend = [(x_of(p.as_of), _clamp(y_of(p.value), top, bottom)) for p in points]
    if len(points) > 1:
        path = " ".join(f"{_num(x)},{_num(y)}" for x, y in trend)
        out.append(f'<polyline class="cc-trend" points="{path}"/>')
    for p in points:
        out.append(_bars(p, x_of(p.as_of), y_of, top, bottom))
    plot = (float(_LEFT), top, float(_LEFT + plot_w), bottom)
    out += _markers(points, x_of, y_of, plot, list(itertools.pairwise(trend)) if len(trend) > 1 else [])
    out.append("</svg>")
    return "\n".join(out)


def _clamp(y: float, top: float, bottom: float) -> float:
    return min(max(y, top), bottom)


def _bars(p: TimelinePoint, x: float, y_of: Callable[[float], float], top: float, bottom: float) -> str:
    """The strict whisker and the newsroom bar of one point."""
    parts = []
    for reading, interval, half in (("strict", p.strict, 1.0), ("newsroom", p.newsroom, 5.0)):
        y1 = top if interval.high is None else y_of(interval.high)
        y2 = bottom if interval.low is None else y_of(interval.low)
        open_top, open_bottom = y1 < top or interval.high is None, y2 > bottom or interval.low is None
        y1, y2 = _clamp(y1, top, bottom), _clamp(y2, top, bottom)
        if reading == "newsroom":
            height = max(y2 - y1, 2.0)
            parts.append(f'<rect class="cc-newsroom" x="{_num(x - half)}" y="{_num(y1 - (height - (y2 - y1)) / 2)}" width="{_num(2 * half)}" height="{_num(height)}"/>')
            continue
        if y2 - y1 < 0.5:
            continue
        parts.append(f'<line class="cc-strict" x1="{_num(x)}" x2="{_num(x)}" y1="{_num(y1)}" y2="{_num(y2)}"/>')
        for y, is_open, direction in ((y1, open_top, -1), (y2, open_bottom, 1)):
            if is_open:
                # An arrowhead: the reading goes on past the chart's edge.
                parts.append(
                    f'<path class="cc-arrow" d="M{_num(x - 4)},{_num(y - direction * 6)} L{_num(x)},{_num(y)} L{_num(x + 4)},{_num(y - direction * 6)}"/>'
                )
            else:
                parts.append(f'<line class="cc-strict" x1="{_num(x - 4)}" x2="{_num(x + 4)}" y1="{_num(y)}" y2="{_num(y)}"/>')
    return "\n".join(parts)


Box = tuple[float, float, float, float]  # (left, top, right, bottom)
Segment = tuple[tuple[float, float], tuple[float, float]]


def label_box(label: str, left: float, baseline: float) -> Box:
    """The room a label takes (estimated from its length) when its left edge and baseline are these."""
    return (left, baseline - _LABEL_HEIGHT + 3, left + len(label) * _CHAR_WIDTH, baseline + 3)


def _markers(points: list[TimelinePoint], x_of: Callable[[dt.date], float], y_of: Callable[[float], float], plot: Box, trend: list[Segment]) -> list[str]:
    """Each point's marker and label; a label goes inside the plot where it covers no other label, marker or bar, nor the trend line."""
    top, bottom = plot[1], plot[3]
    boxes: list[Box] = []  # already taken
    spots = []
    for p in points:
        x, y = x_of(p.as_of), _clamp(y_of(p.value), top, bottom)
        spots.append((x, y))
        boxes.append((x - 6, y - 6, x + 6, y + 6))
        for interval, half in ((p.newsroom, 5.0), (p.strict, 4.0)):
            y1 = top if interval.high is None else _clamp(y_of(interval.high), top, bottom)
            y2 = bottom if interval.low is None else _clamp(y_of(interval.low), top, bottom)
            boxes.append((x - half, y1, x + half, y2))
    out = []
    for p, (x, y) in zip(points, spots):
        label = f"{'✖ ' if p.conflicting else ''}{p.source_id}: {p.text}"
        left, baseline, anchor = _place_label(label, x, y, boxes, plot, trend)
        box = label_box(label, left, baseline)
        boxes.append(box)
        width = box[2] - box[0]
        tx = {"start": left, "end": left + width, "middle": left + width / 2}[anchor]
        leader = ""
        if abs(baseline - 4 - y) > _LABEL_HEIGHT / 2:
            # A label moved off its point's level gets a thin line back to the point.
            if anchor == "middle":
                # Above or below the point: to the nearest point of the label's edge.
                edge, edge_y = min(max(x, box[0]), box[2]), box[3] if box[3] <= y else box[1]
            else:
                edge, edge_y = (left - 2 if anchor == "start" else left + width + 2), baseline - 4
            leader = f'<line class="cc-leader" x1="{_num(x)}" y1="{_num(y)}" x2="{_num(edge)}" y2="{_num(edge_y)}"/>'
        cls = "cc-point cc-conflicting" if p.conflicting else "cc-point"
        if p.conflicting:
            marker = (
                f'<circle class="cc-ring" cx="{_num(x)}" cy="{_num(y)}" r="8"/>'
                f'<path class="cc-cross" d="M{_num(x - 4)},{_num(y - 4)} L{_num(x + 4)},{_num(y + 4)} M{_num(x - 4)},{_num(y + 4)} L{_num(x + 4)},{_num(y - 4)}"/>'
            )
        else:
            marker = f'<circle class="cc-dot" cx="{_num(x)}" cy="{_num(y)}" r="4.5"/>'
        text = f'<text class="cc-label" x="{_num(tx)}" y="{_num(baseline)}" text-anchor="{anchor}">{escape(label)}</text>'
        when = f"{p.as_of:%B} {p.as_of.day}, {p.as_of.year}"
        tip = f"<title>{escape(f'{p.source_id}, as of {when}: {p.text}' + (' (conflicts)' if p.conflicting else ''))}</title>"
        group = f'<g class="{cls}">{tip}{leader}{marker}{text}</g>'
        if p.href:
            group = f'<a href="{_attr(p.href)}">{group}</a>'
        out.append(group)
    return out


def _place_label(label: str, x: float, y: float, boxes: list[Box], plot: Box, trend: list[Segment]) -> tuple[float, float, str]:
    """Where a point's label goes: (left edge, baseline, text-anchor).

    Tried in order: right of the point, left of it (level with it, or half a
    row off), then further down or up on either side, then above or below it, slid sideways to fit the plot. The
    first spot inside the plot that covers nothing and is not crossed by the
    trend line wins; failing that, one the line crosses; then one anywhere in
    the chart.
    """
    width = len(label) * _CHAR_WIDTH
    inside = (plot[0] + 2, plot[1], plot[2] - 2, plot[3])
    candidates = []
    # Half a row up or down still reads as level with the point (no leader line).
    for shift in (0, -0.5, 0.5, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6):
        base = y + 4 + shift * _LABEL_HEIGHT
        candidates.append((x + 9, base, "start"))
        candidates.append((x - 9 - width, base, "end"))
    slid = min(max(x - width / 2, inside[0]), inside[2] - width)
    for shift in (-1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6):
        candidates.append((slid, y + 4 + shift * _LABEL_HEIGHT, "middle"))
    chart = (2.0, 2.0, _WIDTH - 2.0, float(_HEIGHT - _BOTTOM))
    for bounds, avoid_line in ((inside, True), (inside, False), (chart, False)):
        for left, base, anchor in candidates:
            box = label_box(label, left, base)
            if not _within(box, bounds) or any(_overlap(box, b) for b in boxes):
                continue
            if avoid_line and any(_crosses(segment, box) for segment in trend):
                continue
            return left, base, anchor
    left, base, anchor = candidates[0]
    return left, base, anchor


def _within(box: Box, bounds: Box) -> bool:
    return bounds[0] <= box[0] and box[2] <= bounds[2] and bounds[1] <= box[1] and box[3] <= bounds[3]


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _crosses(segment: Segment, box: Box) -> bool:
    """Whether the line segment passes through the box (Liang–Barsky clipping)."""
    (x1, y1), (x2, y2) = segment
    dx, dy = x2 - x1, y2 - y1
    low, high = 0.0, 1.0
    for p, q in ((-dx, x1 - box[0]), (dx, box[2] - x1), (-dy, y1 - box[1]), (dy, box[3] - y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True
