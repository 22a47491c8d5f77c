"""Where a missing entry's quote stands now: found on token boundaries, or said to be gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import Source
from claimcheck.compare import compare
from claimcheck.testing import assert_discrepancies

CEASEFIRE = Path(__file__).resolve().parents[2] / "fixtures" / "ceasefire"
GONE = "(the quote is not in the source any more)"


def _edited(ceasefire: list[Source], source_id: str, old: str, new: str) -> list[Source]:
    edited = []
    for s in ceasefire:
        if s.id == source_id:
            assert s.text.count(old) == 1
            s = s.model_copy(update={"text": s.text.replace(old, new)})
        edited.append(s)
    return edited


def _difference(sources: list[Source]) -> str:
    with pytest.raises(AssertionError) as failed:
        assert_discrepancies(compare(sources), CEASEFIRE)
    return str(failed.value)


@pytest.mark.parametrize("changed", ["197", "970", "97,000", "97.5"])
def test_a_quote_inside_a_larger_number_is_gone(ceasefire: list[Source], changed: str) -> None:
    text = _difference(_edited(ceasefire, "002", "remaining 97 hostages", f"remaining {changed} hostages"))
    assert f'▶ 002 "97"  {GONE}' in text
    assert "[97]" not in text


def test_a_quote_that_moved_is_shown_where_it_stands(ceasefire: list[Source]) -> None:
    # "97" is taken out of the sentence the timeline cites and put in another: the
    # entry is missing, and the pointer shows the quote's new place on its own.
    sources = _edited(ceasefire, "002", "remaining 97 hostages", "remaining hostages")
    sources = _edited(sources, "002", "“Time is running out,”", "“Time is running out for 97 families,”")
    text = _difference(sources)
    assert "running out for [97] families" in text
    assert GONE not in text.split('▶ 002 "97"')[1].splitlines()[0]
