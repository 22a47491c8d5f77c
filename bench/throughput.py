"""Extraction throughput: `claimcheck.extract` in MB/s on one core, against quantulum3.

    python -m bench.throughput [--size 10MB] [--runs 3] [--sample 300KB] [--profile N]

claimcheck extracts every source of a corpus varied from the fixtures (see
`bench.corpus`; at least 10 MB by default) in one process, on one core; the
best of several runs counts, and the figure density (claims per MB) is
printed with it. quantulum3, a general quantity parser, is far slower and
superlinear on long texts, so it runs on a representative sample of the same
corpus (sources taken evenly across it, a few hundred KB) in three modes —
sentence by sentence (split with claimcheck's splitter, not timed), paragraph
by paragraph, and source by source — and its best mode counts. claimcheck is
timed on that same sample too. The ratio printed is claimcheck's corpus
throughput over quantulum3's best. Targets (issue 2): at least 2 MB/s and at
least 100 times quantulum3.

MB are 10^6 bytes of UTF-8 text. `--profile N` adds a cProfile run of the
extractor over the corpus and prints its N most expensive functions.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib.util
import io
import pstats
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass

from claimcheck import Source, extract
from claimcheck.text import split_sentences

from .corpus import build_corpus, parse_size, text_bytes

__all__ = ["Timing", "time_claimcheck", "time_quantulum", "sample", "main"]

TARGET_MB_S = 2.0
TARGET_RATIO = 100.0


@dataclass(frozen=True)
class Timing:
    """One measured run: seconds, bytes of text, figures found."""

    label: str
    seconds: float
    size: int
    found: int

    @property
    def mb_s(self) -> float:
        """Throughput in MB (10^6 bytes) per second."""
        return self.size / 1e6 / self.seconds

    @property
    def per_mb(self) -> float:
        """Figures found per MB of text."""
        return self.found / (self.size / 1e6)


def _best(label: str, runs: int, size: int, work: Callable[[], int]) -> tuple[Timing, list[float]]:
    """The fastest of `runs` runs of `work` (which returns the number of figures found)."""
    times = []
    found = 0
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        found = work()
        times.append(time.perf_counter() - start)
    return Timing(label, min(times), size, found), times


def time_claimcheck(sources: list[Source], runs: int) -> tuple[Timing, list[float]]:
    """`claimcheck.extract` over every source, best of `runs`."""
    extract(sources[0])  # compile the vocabulary before timing
    return _best("claimcheck", runs, text_bytes(sources), lambda: sum(len(extract(s)) for s in sources))


def sample(sources: list[Source], size: int) -> list[Source]:
    """Sources taken evenly across `sources` until they hold `size` bytes of text."""
    stride = max(1, text_bytes(sources) // max(1, size))
    picked: list[Source] = []
    total = 0
    for source in sources[::stride]:
        picked.append(source)
        total += len(source.text.encode("utf-8"))
        if total >= size:
            break
    return picked


def _pieces(source: Source, mode: str) -> list[str]:
    text = source.text
    if mode == "sentence":
        return [text[s.start : s.end] for s in split_sentences(text)]
    if mode == "paragraph":
        return [p for p in text.split("\n") if p.strip()]
    return [text]


def time_quantulum(sources: list[Source], mode: str) -> Timing:
    """quantulum3's parser over `sources`, fed one sentence, paragraph or source at a time."""
    from quantulum3 import parser

    pieces = [p for s in sources for p in _pieces(s, mode)]
    parser.parse("about 1,200 people on Oct. 7, 2023")  # load its data before timing
    gc.collect()
    start = time.perf_counter()
    found = sum(len(parser.parse(p)) for p in pieces)
    return Timing(f"quantulum3 ({mode} by {mode})", time.perf_counter() - start, text_bytes(sources), found)


def _import_quantulum() -> list[str]:
    """Import quantulum3, returning the warnings it gives (it warns when its classifier extra is missing)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        importlib.import_module("quantulum3.parser")
    return [str(w.message).splitlines()[0] for w in caught]


def profile(sources: list[Source], top: int) -> str:
    """cProfile of the extractor over `sources`: the `top` functions by own time, then by cumulative time."""
    extract(sources[0])
    profiler = cProfile.Profile()
    profiler.enable()
    for s in sources:
        extract(s)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def _line(t: Timing, unit: str = "figures") -> str:
    return f"  {t.label:<34} {t.seconds:8.2f} s  {t.size / 1e6:7.2f} MB  {t.mb_s:8.3f} MB/s  {t.per_mb:7.0f} {unit}/MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.throughput", description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=parse_size, default=10 * 10**6, help="corpus size (default 10MB)")
    parser.add_argument("--runs", type=int, default=3, help="claimcheck runs; the best counts (default 3)")
    parser.add_argument("--sample", type=parse_size, default=300 * 10**3, help="quantulum3's sample (default 300KB)")
    parser.add_argument("--no-quantulum", action="store_true", help="time claimcheck only")
    parser.add_argument("--profile", type=int, metavar="N", help="also print the extractor's N hottest functions (cProfile)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    sources = build_corpus(args.size, seed=args.seed)
    print(f"corpus: {len(sources)} sources varied from the fixtures, {text_bytes(sources) / 1e6:.2f} MB of text (python {sys.version.split()[0]}, one process)")
    ours, times = time_claimcheck(sources, args.runs)
    print(f"claimcheck.extract, best of {args.runs} runs ({', '.join(f'{t:.2f}' for t in times)} s):")
    print(_line(ours, "claims"))
    print(f"  target ≥ {TARGET_MB_S} MB/s on one core: {'met' if ours.mb_s >= TARGET_MB_S else 'NOT met'}")

    if not args.no_quantulum:
        if importlib.util.find_spec("quantulum3") is None:
            print("quantulum3 is not installed: pip install -e '.[bench]'")
            return 1
        for message in _import_quantulum():
            print(f"note: quantulum3 warns: {message}")
            print("      (its optional classifier extra is not installed on purpose; quantulum3 runs without unit disambiguation)")
        picked = sample(sources, args.sample)
        print(f"sample for quantulum3: {len(picked)} sources taken evenly across the corpus, {text_bytes(picked) / 1e6:.3f} MB")
        same, _ = time_claimcheck(picked, args.runs)
        print(_line(Timing("claimcheck (same sample)", same.seconds, same.size, same.found), "claims"))
        theirs = [time_quantulum(picked, mode) for mode in ("sentence", "paragraph", "source")]
        for t in theirs:
            print(_line(t, "quantities"))
        best = max(theirs, key=lambda t: t.mb_s)
        ratio = ours.mb_s / best.mb_s
        print(f"ratio: claimcheck {ours.mb_s:.3f} MB/s / quantulum3 best ({best.label}) {best.mb_s:.4f} MB/s = {ratio:.1f}×")
        print(f"  on the same sample: {same.mb_s / best.mb_s:.1f}×")
        print(f"  target ≥ {TARGET_RATIO:.0f}×: {'met' if ratio >= TARGET_RATIO else 'NOT met'}")

    if args.profile:
        print(profile(sources, args.profile))
    return 0


if __name__ == "__main__":
    sys.exit(main())
