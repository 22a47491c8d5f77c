"""How compare() scales: 1,000, 10,000 and 100,000 sources varied from the fixtures.

    python -m bench.scaling [--sizes 1000 10000 100000] [--max-chars 700] [--timelines T] [--budget 600] [--profile N]

For each size the sources come from `bench.corpus.build_sources` (each story
on its own timeline, published dates spread over decades, so events, as-of
dates and stock timelines are all exercised). Three stages are timed
separately, on one core:

* extraction: `claimcheck.extract` over every source;
* alignment alone: `claimcheck.align.align` (events resolved, claims grouped);
* grouping and rules: `claimcheck.compare.build_report` on the pre-extracted
  claims (alignment again, every enabled rule, the report assembled).

Every stage runs with the cyclic garbage collector's thresholds raised
(`claimcheck._gc.fewer_collections`), as `claimcheck.compare()` and the CLI
run them: with the default thresholds the collector walks every live claim
again and again, a cost that grows with the square of the corpus and that no
caller of `compare()` pays.

It prints claims per second for each stage and, between consecutive sizes,
the growth factor per 10× more sources (10 is linear; 100 is quadratic).
A stage that runs past `--budget` seconds is stopped and shown as "> budget"
(its growth as a lower bound), so a superlinear stage cannot hold the run up
for hours; it is then not run again at the larger sizes. `--profile N`
profiles the grouping-and-rules stage at the largest size where it took at
most a quarter of the budget and prints the N functions that cost most.

At full length 100,000 sources hold about 1.4 million claims (several GB as
Python objects), so by default every source is cut to its first paragraphs,
at most `--max-chars` 700 characters (about 5–6 claims a source); pass
``--max-chars 0`` for full texts.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import math
import pstats
import resource
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from claimcheck import extract
from claimcheck._gc import fewer_collections
from claimcheck.align import align
from claimcheck.compare import build_report
from claimcheck.config import Config
from claimcheck.vocabulary import Vocabulary

from .corpus import build_sources, text_bytes
from .timing import timed

__all__ = ["Stage", "run_size", "main"]

T = TypeVar("T")


@dataclass(frozen=True)
class Stage:
    """One stage at one size: seconds taken, or None when stopped at the budget."""

    seconds: float | None
    budget: float
    ran: bool = True

    def text(self) -> str:
        if not self.ran:
            return f"{'not run':>11}"
        return f"{self.seconds:9.2f} s" if self.seconds is not None else f"> {self.budget:5.0f} s"

    def rate(self, claims: int) -> str:
        if not self.ran:
            return "-"
        if self.seconds is None:
            return f"< {claims / self.budget:,.0f}"
        return f"{claims / self.seconds:,.0f}" if self.seconds > 0 else "∞"


def _timed(work: Callable[[], T], limit: float) -> tuple[Stage, T | None]:
    seconds, result = timed(work, limit)
    return Stage(seconds, limit), result


@dataclass(frozen=True)
class SizeResult:
    """Everything measured at one size."""

    sources: int
    megabytes: float
    claims: int
    extraction: Stage
    alignment: Stage
    report: Stage
    groups: int | None
    discrepancies: int | None
    peak_rss_mb: float


def run_size(n: int, *, max_chars: int | None, timelines: int | None, budget: float, seed: int = 0, skip: frozenset[str] = frozenset()) -> SizeResult:
    """Build `n` sources and time extraction, alignment, and grouping with rules.

    Stages named in `skip` ("align", "report") are not run but shown as over
    budget: they ran over it at a smaller size already.
    """
    with fewer_collections():  # as compare() runs its stages
        return _run_size(n, max_chars=max_chars, timelines=timelines, budget=budget, seed=seed, skip=skip)


def _run_size(n: int, *, max_chars: int | None, timelines: int | None, budget: float, seed: int, skip: frozenset[str]) -> SizeResult:
    sources = build_sources(n, seed=seed, max_chars=max_chars, timelines=timelines)
    vocabulary = Vocabulary.load([])
    config = Config()
    extract(sources[0], vocabulary=vocabulary)
    extraction, claims = _timed(lambda: [c for s in sources for c in extract(s, vocabulary=vocabulary)], budget)
    if claims is None:  # extraction ran over budget: nothing to line up
        claims = []
        alignment, report_stage, report = Stage(None, budget, ran=False), Stage(None, budget, ran=False), None
    else:
        report = None
        if "align" in skip:
            alignment = Stage(None, budget)
        else:
            alignment, _ = _timed(lambda: align(claims, sources, vocabulary, config.tolerances), budget)
        if "report" in skip:
            report_stage = Stage(None, budget)
        else:
            report_stage, report = _timed(lambda: build_report(sources, claims, vocabulary=vocabulary, config=config), budget)
    result = SizeResult(
        sources=n,
        megabytes=text_bytes(sources) / 1e6,
        claims=len(claims),
        extraction=extraction,
        alignment=alignment,
        report=report_stage,
        groups=len(report.groups) if report is not None else None,
        discrepancies=len(report.discrepancies) if report is not None else None,
        peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6,
    )
    return result


def growth(a: Stage, b: Stage, ratio: float) -> str:
    """The growth factor per 10× between two sizes `ratio` apart (a lower bound when `b` ran over budget)."""
    if a.seconds is None or a.seconds <= 0 or not b.ran:
        return "?"
    per_ten = 1 / math.log10(ratio)
    if b.seconds is None:
        return f"> {(b.budget / a.seconds) ** per_ten:.0f}×"
    return f"{(b.seconds / a.seconds) ** per_ten:.1f}×"


def profile_stage(n: int, *, max_chars: int | None, timelines: int | None, top: int, seed: int = 0) -> str:
    """cProfile of `build_report` at `n` sources: the `top` functions by own time and by cumulative time."""
    sources = build_sources(n, seed=seed, max_chars=max_chars, timelines=timelines)
    vocabulary = Vocabulary.load([])
    config = Config()
    claims = [c for s in sources for c in extract(s, vocabulary=vocabulary)]
    profiler = cProfile.Profile()
    with fewer_collections():
        profiler.enable()
        build_report(sources, claims, vocabulary=vocabulary, config=config)
        profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(r"claimcheck[/\\](align|compare|rules)", top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scaling", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000], help="numbers of sources")
    parser.add_argument("--max-chars", type=int, default=700, help="cut each source to at most this many characters (0: full texts)")
    parser.add_argument("--timelines", type=int, help="at most this many timelines a case (1: every story on the fixture's dates)")
    parser.add_argument("--budget", type=float, default=600.0, help="seconds a stage may take at one size before it is stopped")
    parser.add_argument("--profile", type=int, metavar="N", help="profile grouping and rules at the first size; print N functions")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    max_chars = args.max_chars or None

    shape = f"cut to ≤ {max_chars} characters" if max_chars else "full length"
    spread = f"on at most {args.timelines} timeline(s) a case" if args.timelines else "each story on its own timeline"
    print(f"sources varied from the fixtures, {shape}, {spread}; budget {args.budget:.0f} s a stage")
    header = f"{'sources':>8} {'MB':>6} {'claims':>9} | {'extract':>11} {'claims/s':>9} | {'align':>11} {'claims/s':>9} | {'group+rules':>11} {'claims/s':>9} | {'groups':>7} {'discrep.':>8} {'peak RSS':>9}"
    print(header)
    results: list[SizeResult] = []
    over: set[str] = set()
    for n in args.sizes:
        r = run_size(n, max_chars=max_chars, timelines=args.timelines, budget=args.budget, seed=args.seed, skip=frozenset(over))
        results.append(r)
        # A stage over budget at one size is over it at every larger one: not run again.
        over |= {name for name, stage in (("align", r.alignment), ("report", r.report)) if stage.ran and stage.seconds is None}
        print(
            f"{r.sources:>8,} {r.megabytes:6.1f} {r.claims:>9,} | {r.extraction.text()} {r.extraction.rate(r.claims):>9} | "
            f"{r.alignment.text()} {r.alignment.rate(r.claims):>9} | {r.report.text()} {r.report.rate(r.claims):>9} | "
            f"{r.groups if r.groups is not None else '-':>7} {r.discrepancies if r.discrepancies is not None else '-':>8} {r.peak_rss_mb:7.0f} MB",
            flush=True,
        )
    for a, b in zip(results, results[1:]):
        ratio = b.sources / a.sources
        print(
            f"growth per 10× sources, {a.sources:,} → {b.sources:,}: extraction {growth(a.extraction, b.extraction, ratio)}, "
            f"align {growth(a.alignment, b.alignment, ratio)}, grouping+rules {growth(a.report, b.report, ratio)} (10× is linear)"
        )
    if over:
        print("(a stage over budget at one size was not run again at the larger sizes: it can only take longer there)")
    if args.profile:
        # Profiling slows the stage down a few times: the largest size that left room for it.
        fitting = [r.sources for r in results if r.report.seconds is not None and r.report.seconds <= args.budget / 4]
        at = max(fitting) if fitting else args.sizes[0]
        print(f"\nprofile of grouping and rules at {at:,} sources:")
        print(profile_stage(at, max_chars=max_chars, timelines=args.timelines, top=args.profile, seed=args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
