"""Fixtures for the HTML report's tests: reports (the seed, planted hostile articles, a hand-made timeline) and the browser."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from headless import BROWSERS, Browser

from claimcheck.compare import compare
from claimcheck.model import (
    Claim,
    ClaimKind,
    Interval,
    Quantity,
    Source,
    Span,
    TemporalClass,
)
from claimcheck.report import (
    ClaimGroup,
    ClaimRef,
    Discrepancy,
    Report,
    Severity,
    Summary,
)

HERE = Path(__file__).resolve().parent
HOSTILE = HERE / "data" / "hostile"


# ---------------------------------------------------------------- reports


@pytest.fixture(scope="session")
def seed_report(ceasefire: list[Source]) -> Report:
    """The founding example's report."""
    return compare(ceasefire)


@pytest.fixture(scope="session")
def hostile_report() -> Report:
    """A report over made-up articles whose text and metadata carry script, style and URL attacks."""
    return compare([HOSTILE])


def _count_claim(source: Source, quote: str, value: float, measure: str, cls: TemporalClass) -> Claim:
    start = source.text.index(quote)
    end = start + len(quote)
    span = Span(
        source_id=source.id, start=start, end=end, line=1, column=start + 1, end_line=1, end_column=end + 1,
        quote=quote, sentence=source.text, sentence_start=0,
    )
    exact = Interval(low=value, high=value)
    return Claim(
        id=f"{source.id}:{start}-{end}", source_id=source.id, kind=ClaimKind.COUNT, measure=measure, measure_class=cls,
        as_of=source.published, value=Quantity(value=value, strict=exact, newsroom=exact), span=span,
    )


def _ref(claim: Claim, role: str) -> ClaimRef:
    return ClaimRef(claim_id=claim.id, role=role, source_id=claim.source_id, value=claim.describe(), as_of=claim.as_of, span=claim.span)  # type: ignore[arg-type]


@pytest.fixture
def falling_toll_report() -> Report:
    """A hand-made report: a running death toll that falls in its third source (CC201), and its timeline (CC202).

    Built by hand, not by `compare`, so the chart's tests do not move when the
    extractor does. The third source's text is hostile markup around its figure.
    """
    sources = [
        Source(id="wire", text="The toll rose to 100 dead.", published=dt.date(2024, 1, 10)),
        Source(id="daily", text="At least 150 people have died, with no upper bound in sight.", published=dt.date(2024, 2, 10)),
        Source(id='bad"id', text='Only 90 <script>document.body.dataset.pwned = "toll"</script> died.', published=dt.date(2024, 3, 10)),
    ]
    a = _count_claim(sources[0], "100", 100, "killed", TemporalClass.CUMULATIVE)
    b = _count_claim(sources[1], "At least 150", 150, "killed", TemporalClass.CUMULATIVE)
    b = b.model_copy(update={"value": Quantity(value=150, strict=Interval(low=150), newsroom=Interval(low=150, high=165))})
    c = _count_claim(sources[2], "90", 90, "killed", TemporalClass.CUMULATIVE)
    lone = _count_claim(sources[0], "The toll", 1, "count", TemporalClass.UNKNOWN)
    group = ClaimGroup(id="killed|-", label="the number killed", measure="killed", measure_class=TemporalClass.CUMULATIVE, claim_ids=[a.id, b.id, c.id])
    falls = Discrepancy(
        rule="CC201", name="cumulative-decrease", severity=Severity.ERROR, message=f"{c.source_id} puts the toll below daily's",
        claims=[_ref(c, "subject"), _ref(b, "consensus")], explanation="A running total cannot fall.", group_id=group.id, fingerprint="f1",
    )
    timeline = Discrepancy(
        rule="CC202", name="timeline", severity=Severity.INFO, message="The number killed over time",
        claims=[_ref(a, "related"), _ref(b, "related"), _ref(c, "related")], explanation="3 figures.", group_id=group.id, fingerprint="f2",
    )
    return Report(
        tool_version="test", vocabulary="test", sources=sources, claims=[a, lone, b, c], events=[], groups=[group],
        discrepancies=[falls, timeline], summary=Summary(sources=3, claims=4, groups=1, errors=1, warnings=0, infos=1, by_rule={"CC201": 1, "CC202": 1}),
    )


# ---------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Browser:
    """Headless Chromium, or a skip that says how to get it."""
    chosen = os.environ.get("CLAIMCHECK_CHROMIUM") or next((found for name in BROWSERS if (found := shutil.which(name))), None)
    if not chosen:
        pytest.skip(
            "no Chromium on this machine: install Debian's chromium package (apt-get install chromium) "
            "or set CLAIMCHECK_CHROMIUM to a Chromium binary; .ci/run installs it where apt-get works"
        )
    return Browser(chosen, tmp_path_factory.mktemp("chromium"))


@pytest.fixture
def write_page(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write HTML to a file in the test's folder and return its path."""

    def write(name: str, markup: str) -> Path:
        path = tmp_path / name
        path.write_text(markup, encoding="utf-8")
        return path

    return write
