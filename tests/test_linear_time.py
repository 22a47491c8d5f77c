"""No catastrophic backtracking: extraction time grows linearly with pathological input.

Each input of `bench.pathological` (a line of digits and commas, repeated
qualifiers, number words, month names, a sentence that never ends …) is
extracted at a small size and at eight times that size. Linear time means
the larger takes about eight times as long; the bound allows four times
that (32×; quadratic would be 64×, cubic 512×) and never less than
`FLOOR` seconds, so that noise on a few milliseconds cannot fail it — and
never more than `CEILING` seconds, an absolute bound. The larger run is
stopped at the bound and tried once more if it gets there (a busy machine,
a garbage collection), so each test takes a few seconds at most even when it
fails. The full sizes (5 MB, 1 MB) are `python -m bench.pathological`'s.
"""

from __future__ import annotations

import pytest

from bench.pathological import INPUTS, source_of
from bench.timing import best_of, timed
from claimcheck import extract

GROWTH = 8
RATIO_BOUND = 4 * GROWTH
FLOOR = 0.3
CEILING = 5.0

# Small sizes in characters, chosen so the small run takes some milliseconds
# and the large one well under a second when time is linear.
SIZES = {
    "digits-commas": 25_000,
    "thousands": 25_000,
    "digits": 100_000,
    "digits-dots": 25_000,
    "qualifiers": 100_000,
    "qualifier-mix": 100_000,
    "qualifiers-figure": 25_000,
    "number-words": 4_000,
    "number-phrases": 12_000,
    "months": 12_000,
    "weekdays": 6_000,
    "month-days": 6_000,
    "figures-spaces": 2_000,
    "run-on-sentence": 2_000,
    "run-on-events": 1_000,
    "run-on-lasting": 31_250,
    "run-on-durations": 31_250,
    "breakdown": 4_000,
    "newlines": 25_000,
    "full-stops": 25_000,
    "bidi-digits": 2_000,
}

# "run-on-sentence" and "run-on-events" were cubic in the length of a sentence that
# holds figures and event cues (reading._mark_outbreaks, pipeline._nearest_event):
# both now look a bounded distance and count clause boundaries once per sentence. The durations
# of a run-on sentence looked through all its cues for the event each measures (quadratic: 0.3 s
# at 31,250 characters, 25 s at 500,000); they are sized so that quadratic growth meets the bound.


def _cases() -> list[object]:
    return [pytest.param(name, size, id=name) for name, size in SIZES.items()]


def test_every_input_has_a_size() -> None:
    assert set(SIZES) == set(INPUTS)


@pytest.mark.parametrize(("name", "size"), _cases())
def test_time_grows_linearly(name: str, size: int) -> None:
    item = INPUTS[name]
    small = source_of(item.text(size))
    large = source_of(item.text(size * GROWTH))
    extract(source_of("warm up: about 12 people on Oct. 7, 2023"))
    base = best_of(3, lambda: extract(small))
    limit = min(max(RATIO_BOUND * base, FLOOR), CEILING)
    seconds, _ = timed(lambda: extract(large), limit)
    if seconds is None:
        seconds, _ = timed(lambda: extract(large), limit)
    assert seconds is not None, (
        f"{name}: {size * GROWTH:,} characters took more than {limit:.2f} s, "
        f"while {size:,} took {base:.4f} s (linear time would be about {GROWTH * base:.3f} s)"
    )
