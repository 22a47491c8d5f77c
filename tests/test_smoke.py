"""The founding example end to end, as the README shows it."""

from claimcheck import Source
from claimcheck.compare import compare


def test_founding_example_has_exactly_one_error(ceasefire: list[Source]) -> None:
    report = compare(ceasefire)
    errors = [d for d in report.discrepancies if d.severity == "error"]
    assert [d.rule for d in errors] == ["CC102"]
