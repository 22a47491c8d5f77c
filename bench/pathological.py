"""Pathological inputs: extraction must stay linear in the length of its input.

    python -m bench.pathological [--only NAME ...] [--budget 60] [--scale 1.0]

Each input is a text built by repeating a short unit to a given length: the
full sizes are those of issue 2 (a 5 MB line of digits and commas, 1 MB of
repeated qualifiers) and 1 MB for the others. Each is extracted at a ladder
of sizes, a quarter of the one before — full/64, full/16, full/4, full — and
the benchmark prints seconds, MB/s and the growth factor per 4× (4 is
linear, 16 quadratic). A size that runs past `--budget` seconds is stopped
and the ladder ends there. tests/test_linear_time.py runs the same inputs,
shrunk, with a generous bound.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass

from claimcheck import Source, extract

from .timing import timed

__all__ = ["Input", "INPUTS", "source_of", "main"]

MB = 10**6


@dataclass(frozen=True)
class Input:
    """A pathological text: its unit repeated to any length, and the full size to benchmark."""

    name: str
    unit: str
    full: int
    doc: str
    prefix: str = ""

    def text(self, size: int) -> str:
        """The input, `size` characters long."""
        body = size - len(self.prefix)
        return self.prefix + (self.unit * (body // len(self.unit) + 1))[: max(0, body)]


INPUTS: dict[str, Input] = {
    i.name: i
    for i in [
        Input("digits-commas", "1,234,567,890,12,3,4567,", 5 * MB, "a line of digits and commas: good and broken thousands groups"),
        Input("thousands", "1,000", 5 * MB, "one endless well-formed number: 1,0001,0001,000…"),
        Input("digits", "1234567890", 5 * MB, "a line of digits"),
        Input("digits-dots", "1.2.3.4.5.6.7.8.9.0.", 1 * MB, "digits and dots, like version numbers"),
        Input("qualifiers", "about ", 1 * MB, "one qualifier repeated: about about about …"),
        Input("qualifier-mix", "more than about nearly at least up to as many as roughly some ", 1 * MB, "qualifiers of every kind in a row"),
        Input("qualifiers-figure", "about ", 1 * MB, "repeated qualifiers, then a figure at the end", prefix="12 "),
        Input("number-words", "twenty-one ", 1 * MB, "number words in a row"),
        Input("number-phrases", "one hundred and five thousand ", 1 * MB, "long number phrases"),
        Input("months", "October ", 1 * MB, "month names in a row"),
        Input("weekdays", "on Wednesday ", 1 * MB, "weekdays in a row"),
        Input("month-days", "October 7, ", 1 * MB, "month and day, over and over"),
        Input("figures-spaces", "12 ", 1 * MB, "small figures separated by spaces"),
        Input("run-on-sentence", "Hamas killed 12 people in the attack on Oct. 7, 2023, and ", 1 * MB, "one sentence that never ends, with figures, dates and events"),
        Input("run-on-events", "killed 1,200 people in the war, the ceasefire and the truce; ", 1 * MB, "one sentence with an event cue every few words"),
        Input("run-on-lasting", "talks lasted 60 days in the war and ", 1 * MB, "one sentence of durations, each the length of an event before it"),
        Input("run-on-durations", "21 months of war and the truce, ", 1 * MB, "one sentence of durations, each the length of an event after it"),
        Input("breakdown", "30 hostages — 20 civilians, five soldiers, ", 1 * MB, "an endless part/whole breakdown"),
        Input("newlines", "\n", 1 * MB, "empty lines"),
        Input("full-stops", ". ", 1 * MB, "sentences of nothing"),
        Input("bidi-digits", "1\u200f2\u202e3\u0301,", 1 * MB, "digits between RTL marks and combining accents"),
    ]
}


def source_of(text: str) -> Source:
    """The text as a source (with a published date, so relative dates resolve)."""
    return Source(id="pathological", text=text, published=dt.date(2024, 1, 1))


def ladder(full: int, steps: int = 4) -> list[int]:
    """Sizes from full/4^(steps-1) up to full, each four times the one before."""
    return [full // 4 ** (steps - 1 - k) for k in range(steps)]


def run(item: Input, *, scale: float, limit: float, report: Callable[[str], None]) -> None:
    """Extract `item` at each size of its ladder, printing a line per size."""
    previous: float | None = None
    for size in ladder(max(64, int(item.full * scale))):
        text = item.text(size)
        seconds, claims = timed(lambda: extract(source_of(text)), limit)
        if seconds is None:
            report(f"  {size:>10,} chars  > {limit:.0f} s (stopped)")
            return
        assert claims is not None
        growth = f"×{seconds / previous:5.1f} per 4×" if previous else ""
        report(f"  {size:>10,} chars  {seconds:8.3f} s  {len(text.encode('utf-8')) / MB / max(seconds, 1e-9):8.2f} MB/s  {len(claims):>7,} claims  {growth}")
        previous = seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pathological", description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=sorted(INPUTS), help="run only these inputs")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds one size may take before the ladder stops")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the full sizes (e.g. 0.1 for a quick run)")
    args = parser.parse_args(argv)
    extract(source_of("warm up: about 12 people on Oct. 7, 2023"))
    for name in args.only or list(INPUTS):
        item = INPUTS[name]
        print(f"{name}: {item.doc} ({item.unit!r} repeated)", flush=True)
        run(item, scale=args.scale, limit=args.budget, report=lambda line: print(line, flush=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
