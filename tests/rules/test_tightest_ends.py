"""The year-less dates of a group are checked against the consensus's tightest ends, not claim by claim:
the shortcut must answer as the claim-by-claim test does, for every mix of open, closed and unbounded ends."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.model import Interval
from claimcheck.rules.conflicts import _tightest_ends

# Few distinct points, so that ends often meet and open and closed ends are told apart.
_POINT = st.one_of(st.none(), st.integers(0, 6).map(float))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low, high = draw(_POINT), draw(_POINT)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return Interval(low=low, high=high, low_open=draw(st.booleans()) and low is not None, high_open=draw(st.booleans()) and high is not None)


@given(intervals(), st.lists(intervals(), min_size=1, max_size=6))
def test_overlapping_the_tightest_ends_is_overlapping_every_interval(claim: Interval, consensus: list[Interval]) -> None:
    assert claim.overlaps(_tightest_ends(consensus)) == all(claim.overlaps(b) for b in consensus)


def test_an_open_end_is_tighter_than_a_closed_one_at_the_same_point() -> None:
    ends = _tightest_ends([Interval(low=1, high=5), Interval(low=1, high=5, low_open=True, high_open=True)])
    assert (ends.low, ends.low_open, ends.high, ends.high_open) == (1, True, 5, True)
    assert not Interval(low=5, high=6).overlaps(ends) and not Interval(low=0, high=1).overlaps(ends)
