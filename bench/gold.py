"""Score `claimcheck.extract` against a case's hand-made gold annotations.

    python -m bench.gold fixtures/ceasefire [--show-misses]

Gold files follow docs/gold-annotations.md. A gold figure is detected when an
extracted claim's span overlaps it (one to one, first come first served);
derived claims (totals computed from parts) are not figures and are left out.
Scores: detection precision and recall; among detected figures, the share
whose value and qualifier are right, and whose measure is right.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from claimcheck import Claim, Source, extract, load_sources
from claimcheck.model import DatePrecision, DateValue, Duration, Qualifier, Quantity

__all__ = ["GoldFigure", "load_gold", "score", "Score"]


@dataclass(frozen=True)
class GoldFigure:
    """One hand-annotated figure, located in its source."""

    source: str
    quote: str
    start: int
    end: int
    data: dict[str, Any]

    @property
    def measure(self) -> str:
        return str(self.data["measure"])


def _locate(text: str, quote: str, occurrence: int) -> int:
    position = -1
    for _ in range(occurrence):
        position = text.find(quote, position + 1)
        if position == -1:
            raise ValueError(f"quote {quote!r} does not occur {occurrence} times")
    return position


def load_gold(case: Path, sources: list[Source] | None = None) -> list[GoldFigure]:
    """The gold figures of a case folder, located in its sources' texts."""
    sources = sources if sources is not None else load_sources(case)
    texts = {s.id: s.text for s in sources}
    data = yaml.safe_load((case / "gold.yaml").read_text(encoding="utf-8"))
    figures = []
    for item in data.get("figures", []):
        source = str(item["source"])
        start = _locate(texts[source], item["quote"], int(item.get("occurrence", 1)))
        figures.append(GoldFigure(source, item["quote"], start, start + len(item["quote"]), item))
    return figures


@dataclass
class Score:
    """Extraction scores against gold, with the misses kept for inspection."""

    gold: int = 0
    extracted: int = 0
    matched: int = 0
    value_ok: int = 0
    measure_ok: int = 0
    missed: list[GoldFigure] = field(default_factory=list)
    spurious: list[Claim] = field(default_factory=list)
    wrong_value: list[tuple[GoldFigure, Claim]] = field(default_factory=list)
    wrong_measure: list[tuple[GoldFigure, Claim]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.matched if self.matched else 1.0

    @property
    def measure_accuracy(self) -> float:
        return self.measure_ok / self.matched if self.matched else 1.0

    def add(self, other: Score) -> None:
        for name in ("gold", "extracted", "matched", "value_ok", "measure_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed += other.missed
        self.spurious += other.spurious
        self.wrong_value += other.wrong_value
        self.wrong_measure += other.wrong_measure

    def summary(self) -> str:
        return (
            f"figures {self.gold}, extracted {self.extracted}, detected {self.matched}: "
            f"precision {self.precision:.3f}, recall {self.recall:.3f}, "
            f"value+qualifier {self.value_accuracy:.3f}, measure {self.measure_accuracy:.3f}"
        )


def score(case: Path) -> Score:
    """Score extraction on every source of a case folder."""
    sources = load_sources(case)
    gold = load_gold(case, sources)
    total = Score()
    for source in sources:
        claims = [c for c in extract(source) if not c.derived_from]
        figures = [g for g in gold if g.source == source.id]
        total.add(_score_source(claims, figures))
    return total


def _score_source(claims: list[Claim], figures: list[GoldFigure]) -> Score:
    s = Score(gold=len(figures), extracted=len(claims))
    used: set[str] = set()
    for g in figures:
        match = next((c for c in claims if c.id not in used and c.span.start < g.end and g.start < c.span.end), None)
        if match is None:
            s.missed.append(g)
            continue
        used.add(match.id)
        s.matched += 1
        if value_matches(g.data, match):
            s.value_ok += 1
        else:
            s.wrong_value.append((g, match))
        if g.measure == match.measure:
            s.measure_ok += 1
        else:
            s.wrong_measure.append((g, match))
    s.spurious = [c for c in claims if c.id not in used]
    return s


_DURATION = re.compile(r"P(T?)(\d+(?:\.\d+)?)([DWMYHS])")
_DURATION_UNITS = {("", "D"): "day", ("", "W"): "week", ("", "M"): "month", ("", "Y"): "year", ("T", "H"): "hour", ("T", "M"): "minute", ("T", "S"): "second"}


def value_matches(gold: dict[str, Any], claim: Claim) -> bool:
    """Whether the claim's value and qualifier are the gold's."""
    value = claim.value
    qualifier = str(gold.get("qualifier") or "exact")
    if str(gold.get("kind")) != claim.kind.value and not (gold.get("kind") == "count" and claim.kind.value == "money"):
        return False
    if isinstance(value, Quantity):
        expected = gold["value"]
        if isinstance(expected, list):
            ok = value.value == float(expected[0]) and value.high == float(expected[1])
        else:
            ok = value.value == float(expected)
        return ok and value.qualifier.value == qualifier
    if isinstance(value, Duration):
        m = _DURATION.fullmatch(str(gold["value"]))
        if not m:
            return False
        unit = _DURATION_UNITS.get((m.group(1), m.group(3)))
        return value.value == float(m.group(2)) and value.unit.value == unit and value.qualifier.value == qualifier
    if isinstance(value, DateValue):
        return qualifier == "exact" and date_matches(str(gold["value"]), value)
    return False


def date_matches(expected: str, value: DateValue) -> bool:
    """Whether a DateValue is the gold's ISO-style date (see docs/gold-annotations.md)."""
    if expected.startswith("--"):
        parts = expected[2:].split("-")
        if value.year_stated or value.resolved:
            return False
        if len(parts) == 2:
            return value.precision is DatePrecision.DAY and (value.start.month, value.start.day) == (int(parts[0]), int(parts[1]))
        return value.precision is DatePrecision.MONTH and value.start.month == int(parts[0])
    if re.fullmatch(r"\d{4}", expected):
        return value.precision is DatePrecision.YEAR and value.start.year == int(expected)
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", expected):
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return value.precision is DatePrecision.WEEK and value.start == monday
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(early|mid|late)", expected):
        part = {"early": 1, "mid": 11, "late": 21}[m.group(3)]
        return value.precision is DatePrecision.PART_OF_MONTH and (value.start.year, value.start.month, value.start.day) == (int(m.group(1)), int(m.group(2)), part)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", expected):
        return value.precision is DatePrecision.MONTH and (value.start.year, value.start.month) == (int(m.group(1)), int(m.group(2)))
    day = dt.date.fromisoformat(expected)
    return value.precision is DatePrecision.DAY and value.start == day == value.end


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.gold", description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="+", type=Path, help="case folders with a gold.yaml")
    parser.add_argument("--show-misses", action="store_true", help="list every miss, spurious claim and wrong reading")
    args = parser.parse_args(argv)
    total = Score()
    for case in args.cases:
        s = score(case)
        total.add(s)
        print(f"{case}: {s.summary()}")
        if args.show_misses:
            for g in s.missed:
                print(f"  missed   {g.source} {g.quote!r} ({g.measure})")
            for c in s.spurious:
                print(f"  spurious {c.source_id} {c.span.quote!r} ({c.measure})")
            for g, c in s.wrong_value:
                print(f"  value    {g.source} {g.quote!r}: gold {g.data['value']} {g.data.get('qualifier')}, got {c.describe()} [{getattr(c.value, 'qualifier', '')}]")
            for g, c in s.wrong_measure:
                print(f"  measure  {g.source} {g.quote!r}: gold {g.measure}, got {c.measure}")
    if len(args.cases) > 1:
        print(f"all: {total.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
