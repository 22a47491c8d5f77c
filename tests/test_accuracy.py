"""Extraction against hand-made gold, and compare() against planted mutations.

The scores are printed (run with -s to see them) and recorded in
docs/accuracy.md. The ceasefire case is the development set; the five other
cases were written by other engineers and scored before any tuning on them
(bench/records/ keeps those first runs: heldout-gold-first-run.txt for four,
heldout-campfire-first-run.txt for the Camp Fire, heldout-nepal-first-run.txt for
the Gorkha earthquake).
"""

from __future__ import annotations

import pytest

from bench.gold import score
from bench.mutations import run

from .conftest import FIXTURES

CASES = ["maria", "surfside", "grenfell", "haiti", "campfire", "nepal"]
#: Cases whose measure reading is held to more than the general floor: the Camp Fire's
#: first run (0.828) was below the 0.85 target, and the readings it brought hold it at 0.99;
#: Nepal's (0.840) is held where the readings it brought put it, 0.93 (its regional tables of
#: the dead are still read as general counts, docs/accuracy.md).
MEASURE_FLOORS = {"campfire": 0.95, "nepal": 0.93}


def test_extraction_on_the_founding_example() -> None:
    s = score(FIXTURES / "ceasefire")
    print(f"\nceasefire gold: {s.summary()}")
    assert s.precision >= 0.95
    assert s.recall >= 0.90
    assert s.value_accuracy >= 0.95
    assert s.measure_accuracy >= 0.85


@pytest.mark.parametrize("case", CASES)
def test_extraction_on_other_events(case: str) -> None:
    s = score(FIXTURES / case)
    print(f"\n{case} gold: {s.summary()}")
    # Floors set below today's scores, to catch a regression, not to flatter.
    assert s.precision >= 0.95
    assert s.recall >= 0.90
    assert s.value_accuracy >= 0.90
    assert s.measure_accuracy >= MEASURE_FLOORS.get(case, 0.65)


#: Mutation recall reached on each case (docs/accuracy.md), asserted as floors; the
#: target is 0.95. The misses left: Maria's window end three days off inside the month
#: the others give ("Dec. 28, 2017" against "through December 2017"), and the
#: ceasefire's "30" hostages freed, which another source gives as a running count;
#: Nepal's appeal length ("three months") and the 12 May aftershock's date, 14/18.
MUTATION_FLOORS = {"ceasefire": 0.96, "maria": 0.965, "surfside": 1.0, "grenfell": 1.0, "haiti": 1.0, "campfire": 1.0, "nepal": 0.777}


@pytest.mark.parametrize("case", sorted(MUTATION_FLOORS))
def test_mutation_recall(case: str) -> None:
    result = run(FIXTURES / case)
    print(f"\n{case} mutations: recall {result.recall:.3f} ({result.found}/{result.total}); false alarms {len(result.false_alarms)}; collateral {len(result.collateral)}")
    assert result.false_alarms == []
    # A changed figure must not throw unrelated figures out of line (a re-dated event
    # splitting or joining groups): no mutant raises an error or warning about others.
    assert [(m.target.quote, m.new_quote, alarms) for m, alarms in result.collateral] == []
    assert result.recall >= MUTATION_FLOORS[case]
