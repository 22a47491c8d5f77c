"""`_build.build` makes the same models as validation does, for the values the extractor makes."""

from __future__ import annotations

from claimcheck import Claim, Source, extract
from claimcheck._build import build
from claimcheck.model import Interval


def test_built_claims_equal_validated_claims(ceasefire: list[Source]) -> None:
    for source in ceasefire:
        for claim in extract(source):
            assert Claim.model_validate(claim.model_dump()) == claim


def test_defaults_and_fields_set() -> None:
    interval = build(Interval, low=1.0)
    assert interval == Interval(low=1.0)
    assert interval.model_fields_set == {"low"}
