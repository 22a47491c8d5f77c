"""Mutation recall: change one figure in one source, and see whether compare() notices.

    python -m bench.mutations fixtures/ceasefire [--list]

Targets are the event-bound figures (counts, amounts, dates, durations) that
appear in two or more sources: taken from the case's gold.yaml when it has
one (figures sharing measure, event, population and, where the gold gives
one, fact — which of an event's dates, which day's count), otherwise from
claimcheck's own groups (so the command works on any folder of sources).
Each target is changed in its one source — a count ×2, ÷2 or +50%, a date's
year ±1 or day ±3, a duration ×2 — and compare() runs on the copy. A mutant
is found when an error or warning names the changed span. A mutant whose new
value matches another source's figure for the same thing is skipped (it would
not be an error). False alarms are errors and warnings on the unchanged
sources that the case's expected.yaml does not list; figures it lists as
known errors are not mutated (changing a wrong figure tests nothing new).
Collateral alarms are errors and warnings a mutant raises that name neither
the changed span nor anything the unchanged sources are already flagged for:
a changed figure that throws unrelated figures out of line.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from claimcheck import Source, load_sources
from claimcheck.compare import compare
from claimcheck.model import ClaimKind, DatePrecision, DateValue, TemporalClass
from claimcheck.report import Report

__all__ = ["Mutant", "targets", "mutants", "run"]


@dataclass(frozen=True)
class Target:
    """A figure to mutate: where it stands, what kind it is, and its peers' values."""

    source: str
    start: int
    end: int
    quote: str
    kind: str
    peers: frozenset[str]


@dataclass(frozen=True)
class Mutant:
    """One changed figure."""

    target: Target
    operator: str
    new_quote: str


def targets(case: Path, sources: list[Source]) -> list[Target]:
    """The figures to mutate, from gold when the case has it, else from claimcheck's groups."""
    gold = case / "gold.yaml"
    if gold.exists():
        return _gold_targets(gold, sources)
    return _group_targets(compare(sources))


def _gold_targets(path: Path, sources: list[Source]) -> list[Target]:
    texts = {s.id: s.text for s in sources}
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # Measure, event and population name a quantity; `fact` tells apart what they
    # leave together: an event's several dates (a study's window start and end, the
    # day it was published), or counts of different days ("four bodies on Sunday").
    by_key: dict[tuple[str, str, str, str], list[dict]] = defaultdict(list)  # type: ignore[type-arg]
    for item in data.get("figures", []):
        if item.get("class") != "event_bound" or not item.get("event") or item.get("kind") not in ("count", "money", "date", "duration"):
            continue
        by_key[(item["measure"], item["event"], str(item.get("population")), str(item.get("fact")))].append(item)
    result = []
    for items in by_key.values():
        if len({str(i["source"]) for i in items}) < 2:
            continue
        for item in items:
            source = str(item["source"])
            start = -1
            for _ in range(int(item.get("occurrence", 1))):
                start = texts[source].find(item["quote"], start + 1)
            peers = frozenset(_normal(i["quote"]) for i in items if str(i["source"]) != source)
            result.append(Target(source, start, start + len(item["quote"]), item["quote"], item["kind"], peers))
    return sorted(result, key=lambda t: (t.source, t.start))


def _group_targets(report: Report) -> list[Target]:
    claims = {c.id: c for c in report.claims}
    result = []
    for group in report.groups:
        if group.measure_class is not TemporalClass.EVENT_BOUND:
            continue
        members = [claims[i] for i in group.claim_ids if not claims[i].derived_from]
        if len({c.source_id for c in members}) < 2:
            continue
        for c in members:
            peers = frozenset(_normal(o.span.quote) for o in members if o.source_id != c.source_id)
            result.append(Target(c.source_id, c.span.start, c.span.end, c.span.quote, c.kind.value, peers))
    return sorted(result, key=lambda t: (t.source, t.start))


def _normal(quote: str) -> str:
    return re.sub(r"\s+", " ", quote.strip().lower())


_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "a dozen": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
}  # fmt: skip
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH_DAY = re.compile(r"\b([A-Z][a-z]{2,8}\.?)\s+(\d{1,2})\b|\b(\d{1,2})\s+([A-Z][a-z]{2,8})\b")
_COMPOUND = re.compile(r"(?i)\b(week|month|year|day)[- ]?long\b")


def mutants(target: Target) -> list[Mutant]:
    """The mutated forms of a target figure."""
    q = target.quote
    found: list[Mutant] = []
    if target.kind in ("count", "money"):
        number = _NUMBER.search(q)
        if number:
            value = float(number.group().replace(",", ""))
            for op, new in (("x2", value * 2), ("/2", value / 2), ("+50%", value * 1.5)):
                found.append(Mutant(target, op, q[: number.start()] + _format(new, number.group()) + q[number.end() :]))
        else:
            word = next((w for w in sorted(_WORD_NUMBERS, key=len, reverse=True) if re.search(rf"(?i)\b{w}\b", q)), None)
            if word:
                value = _WORD_NUMBERS[word]
                for op, new in (("x2", value * 2), ("/2", value / 2), ("+50%", value * 1.5)):
                    found.append(Mutant(target, op, re.sub(rf"(?i)\b{word}\b", _format(new, "1"), q, count=1)))
    elif target.kind == "date":
        year = _YEAR.search(q)
        if year:
            for op, delta in (("year+1", 1), ("year-1", -1)):
                found.append(Mutant(target, op, q[: year.start()] + str(int(year.group()) + delta) + q[year.end() :]))
        md = _MONTH_DAY.search(q)
        if md:
            group = 2 if md.group(2) else 3
            day = int(md.group(group))
            for op, delta in (("day+3", 3), ("day-3", -3)):
                new_day = day + delta
                if 1 <= new_day <= 28:
                    found.append(Mutant(target, op, q[: md.start(group)] + str(new_day) + q[md.end(group) :]))
    elif target.kind == "duration":
        number = _NUMBER.search(q)
        if number:
            value = float(number.group().replace(",", ""))
            found.append(Mutant(target, "x2", q[: number.start()] + _format(value * 2, number.group()) + q[number.end() :]))
        elif _COMPOUND.search(q):
            found.append(Mutant(target, "x2", _COMPOUND.sub(lambda m: f"two-{m.group(1).lower()}", q)))
        else:
            word = next((w for w in _WORD_NUMBERS if re.search(rf"(?i)\b{w}\b", q)), None)
            if word:
                found.append(Mutant(target, "x2", re.sub(rf"(?i)\b{word}\b", _format(_WORD_NUMBERS[word] * 2, "1"), q, count=1)))
    return [m for m in found if _normal(m.new_quote) not in target.peers and m.new_quote != q]


def _format(value: float, like: str) -> str:
    if "." in like and "," not in like:
        return f"{value:.{len(like.split('.')[1])}f}"
    whole = round(value)
    return f"{whole:,}" if "," in like or whole >= 10000 else str(whole)


def _expected(case: Path) -> list[tuple[str, str]]:
    """(source, quote) of the subjects of the errors and warnings the case's expected.yaml lists.

    Known misses count (the figure is wrong even if claimcheck does not see
    it yet); info entries do not (a timeline's figures are right).
    """
    path = case / "expected.yaml"
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    pairs = []
    for item in data.get("discrepancies") or []:
        if item.get("severity") == "info":
            continue
        for subject in item.get("subjects", []):
            pairs.append((str(subject.get("source")), str(subject.get("quote"))))
    return pairs


@dataclass
class Result:
    """What a mutation run found."""

    found: int
    total: int
    false_alarms: list[str]
    missed: list[Mutant]
    #: Per mutant that raised any: the errors and warnings unrelated to the change.
    collateral: list[tuple[Mutant, list[str]]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 1.0


def run(case: Path) -> Result:
    """Mutate every target of a case and count the mutants compare() notices."""
    sources = load_sources(case)
    baseline = compare(sources)
    expected = _expected(case)
    false_alarms = []
    flagged = set(expected)
    for d in baseline.discrepancies:
        if d.severity.value == "info":
            continue
        subjects = [(c.source_id, c.span.quote) for c in d.claims if c.role == "subject"]
        flagged.update(subjects)
        if not any(s in expected for s in subjects):
            false_alarms.append(f"{d.rule} {d.message}")
    found = total = 0
    missed: list[Mutant] = []
    collateral: list[tuple[Mutant, list[str]]] = []
    for target in targets(case, sources):
        if (target.source, target.quote) in expected:
            continue  # already a known error: mutating it tests nothing new
        for mutant in mutants(target):
            total += 1
            detected, unrelated = _outcome(sources, mutant, flagged, set(expected))
            if detected:
                found += 1
            else:
                missed.append(mutant)
            if unrelated:
                collateral.append((mutant, unrelated))
    return Result(found, total, false_alarms, missed, collateral)


def _outcome(
    sources: list[Source], mutant: Mutant, flagged: set[tuple[str, str]], planted: set[tuple[str, str]] = frozenset()  # type: ignore[assignment]
) -> tuple[bool, list[str]]:
    """Whether a discrepancy names the changed span, and the errors and warnings that
    name neither it nor a figure the unchanged sources are flagged for.

    Not unrelated: a conflict, in the changed figure's own group, between a planted
    mistake (expected.yaml) and a sound figure. A mutant of one of the figures that
    outvoted the mistake leaves no majority, and both sides are then named ('herald says
    $145 million; lantern says $415 million' when beacon's $415 million is changed)."""
    t = mutant.target
    changed = []
    for s in sources:
        if s.id == t.source:
            s = s.model_copy(update={"text": s.text[: t.start] + mutant.new_quote + s.text[t.end :]})
        changed.append(s)
    report = compare(changed)
    end = t.start + len(mutant.new_quote)
    detected = False
    unrelated = []
    changed_groups = {
        d.group_id for d in report.discrepancies if any(c.source_id == t.source and c.span.start < end and t.start < c.span.end for c in d.claims)
    }
    for d in report.discrepancies:
        names_change = any(c.source_id == t.source and c.span.start < end and t.start < c.span.end for c in d.claims)
        if names_change and (d.severity.value != "info" or d.rule == "CC401"):
            detected = True
        named = {(c.source_id, c.span.quote) for c in d.claims}
        if d.group_id is not None and d.group_id in changed_groups and named & planted:
            continue  # the planted mistake, named against a sound figure once the mutant broke the majority
        if not names_change and d.severity.value != "info":
            if any((c.source_id, c.span.quote) not in flagged for c in d.claims if c.role == "subject"):
                unrelated.append(f"{d.rule} {d.message}")
    return detected, unrelated


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.mutations", description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="+", type=Path, help="folders of sources (a case folder may hold gold.yaml and expected.yaml)")
    parser.add_argument("--list", action="store_true", help="list the missed mutants and the false alarms")
    args = parser.parse_args(argv)
    for case in args.cases:
        result = run(case)
        print(
            f"{case}: recall {result.recall:.3f} ({result.found}/{result.total} mutants found); "
            f"false alarms on the unchanged sources: {len(result.false_alarms)}; "
            f"mutants with collateral alarms: {len(result.collateral)}"
        )
        if args.list:
            for m in result.missed:
                print(f"  missed  {m.target.source} {m.target.quote!r} → {m.new_quote!r} ({m.operator})")
            for alarm in result.false_alarms:
                print(f"  false alarm  {alarm}")
            for m, alarms in result.collateral:
                for alarm in alarms:
                    print(f"  collateral  {m.target.source} {m.target.quote!r} → {m.new_quote!r}: {alarm}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
