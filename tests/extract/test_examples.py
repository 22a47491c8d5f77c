"""Extraction examples as data: one test per example, known misses as strict xfails.

The examples live in ``tests/extract/examples/*.yaml``, one file per
provenance; each file's header comment says where its examples come from and
whether they were used to build the extractor:

* ``issue2_coverage.yaml``: every form issue 2 lists (plain figures, number
  words, qualifiers, ranges, vague amounts, dates, durations, non-claims).
  Development set: the extractor was built to these forms.
* ``anchors_misparses.yaml``: mis-parses other extractors are known for
  (issue trackers and the probe in shared/research/extraction-anchors.md §c),
  turned into news sentences. Known to the extractor's author as a list of
  pitfalls, not tuned against as sentences.
* ``news_wild.yaml``: sentences from other news beats, written from the
  policy before the extractor was run on them: the held-out set at its first
  read (35 of 56 right, docs/accuracy.md); its misses have been worked on
  since, so it is a development set now.
* ``measures.yaml``: how a measure is read — sums of money that are lined
  up and those that stay plain, unlisted counted nouns. Development set.
* ``noise.yaml``: text that is not news (telephone numbers, footnote markers,
  credit clauses, label words) beside news that looks like it. Development set.

New examples go in the file for their provenance; a bug found in the wild
becomes one example in a file of its own kind (add a file, with its header,
when no existing one fits).

An example has a ``name`` (unique in its file; the test id is
``<file>/<name>``), the ``text``, optionally the ``published`` date that
relative dates resolve against, a ``source`` (the case it comes from), a
``note``, and the ``figures`` a careful reader finds under
docs/gold-annotations.md (``figures: []`` when there are none). A figure
has ``quote`` (exact text), ``kind``, ``value`` and ``qualifier`` written as
in the gold policy, ``unit`` for money, percentages and units of measure,
``resolved: true`` for dates worked out from the published date, and
optionally ``measure`` and ``rounding`` when the example means to check them.

The test runs `claimcheck.extract` on a Source built from the example and
asserts that the figures it finds, in text order, are exactly the expected
ones: same quotes, kinds, values, qualifiers and units; for dates, whether
they were resolved; and measure and rounding where the example gives them. Totals the extractor derives from an enumeration (``derived_from``)
are not figures in the text and are left out, as the gold scorer does.

An example the extractor gets wrong stays in its file with
``xfail: "what goes wrong"`` and runs under ``xfail(strict=True)``: a change
that fixes (or changes) a known miss fails the suite until the marker is
removed, so no known miss changes unnoticed. Expectations are never bent to
the extractor's output.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimcheck import Claim, Source, extract
from claimcheck.model import DatePrecision, DateValue, Duration, DurationUnit, Qualifier, Quantity

EXAMPLES = Path(__file__).resolve().parent / "examples"

# The policy's vocabulary (docs/gold-annotations.md), fixed here so that a
# typo in an example is an error, not a silently different expectation.
KINDS = frozenset({"count", "money", "date", "duration"})
QUALIFIERS = frozenset(q.value for q in Qualifier)
MEASURES = frozenset({
    "killed", "injured", "hostages_taken", "hostages_held", "hostages_alive", "hostages_dead",
    "hostages_released", "hostages_rescued", "bodies_recovered", "bodies_returned",
    "prisoners_released", "displaced", "missing", "arrested", "money", "damage", "insured_losses",
    "reconstruction_cost", "appeal", "event_date", "duration",
    "count",
})
EXAMPLE_KEYS = frozenset({"name", "source", "text", "published", "note", "figures", "xfail"})
FIGURE_KEYS = frozenset({"quote", "kind", "value", "qualifier", "unit", "measure", "resolved", "rounding"})
# Checked only when the example gives them.
OPTIONAL_CHECKS = ("measure", "rounding")

_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
_CURRENCY = re.compile(r"[A-Z]{3}")
_DATE_FORMS = (
    re.compile(r"\d{4}"),  # a year
    re.compile(r"\d{4}/\d{4}"),  # a span of years: a fiscal year, a decade
    re.compile(r"\d{4}-\d{2}"),  # a month
    re.compile(r"\d{4}-\d{2}-(early|mid|late)"),  # part of a month
    re.compile(r"\d{4}-W\d{2}"),  # an ISO week
    re.compile(r"\d{4}-\d{2}-\d{2}"),  # a day
    re.compile(r"--\d{2}"),  # a month, no year
    re.compile(r"--\d{2}-\d{2}"),  # a day, no year
)
_DURATION = re.compile(r"P(\d+(\.\d+)?[DWMY]|T\d+(\.\d+)?[HMS])")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


# ------------------------------------------------------------------ loading


@dataclass(frozen=True)
class Example:
    """One example from a file, as written."""

    file: str
    data: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.data.get("name"))

    @property
    def id(self) -> str:
        return f"{self.file}/{self.name}"

    def source(self) -> Source:
        """The example's text as a claimcheck Source."""
        return Source(id=self.name, text=self.data["text"], published=self.data.get("published"))


def _files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yaml"))


def _load(path: Path) -> list[Example]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = data.get("examples", []) if isinstance(data, dict) else []
    return [Example(path.stem, item) for item in items if isinstance(item, dict)]


def _all_examples() -> list[Example]:
    return [example for path in _files() for example in _load(path)]


def _param(example: Example) -> Any:
    reason = example.data.get("xfail")
    marks = [pytest.mark.xfail(reason=str(reason), strict=True)] if reason else []
    return pytest.param(example, id=example.id, marks=marks)


# ------------------------------------------------------------------ rendering


def _number(x: float | int) -> float | int:
    """A number as written in the examples: whole numbers as ints, float noise rounded off."""
    x = float(f"{float(x):.12g}")
    return int(x) if x.is_integer() else x


_DURATION_LETTERS = {
    DurationUnit.DAY: ("", "D", 1),
    DurationUnit.WEEK: ("", "W", 1),
    DurationUnit.MONTH: ("", "M", 1),
    DurationUnit.YEAR: ("", "Y", 1),
    DurationUnit.DECADE: ("", "Y", 10),
    DurationUnit.HOUR: ("T", "H", 1),
    DurationUnit.MINUTE: ("T", "M", 1),
    DurationUnit.SECOND: ("T", "S", 1),
}


def render_duration(value: Duration) -> str | list[str]:
    """A Duration as an ISO 8601 duration: ``P60D``, ``P1W``, ``PT72H``; a range as its two ends."""
    time, letter, factor = _DURATION_LETTERS[value.unit]
    if value.high is not None:
        return [f"P{time}{_number(value.value * factor)}{letter}", f"P{time}{_number(value.high * factor)}{letter}"]
    return f"P{time}{_number(value.value * factor)}{letter}"


def render_date(value: DateValue) -> str:
    """A DateValue written as the gold policy writes dates (``2023-11-late``, ``--10-07``)."""
    start, end = value.start, value.end
    year = f"{start.year:04d}" if value.year_stated or value.resolved else "-"
    if value.precision is DatePrecision.DAY and start == end:
        return f"{year}-{start.month:02d}-{start.day:02d}"
    if value.precision is DatePrecision.MONTH:
        return f"{year}-{start.month:02d}"
    if value.precision is DatePrecision.PART_OF_MONTH:
        part = "early" if start.day < 11 else "mid" if start.day < 21 else "late"
        return f"{year}-{start.month:02d}-{part}"
    if value.precision is DatePrecision.WEEK:
        iso = start.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if value.precision is DatePrecision.YEAR:
        return f"{start.year:04d}" if start.year == end.year else f"{start.year:04d}/{end.year:04d}"
    return f"{start.isoformat()}/{end.isoformat()}"


def render_claim(claim: Claim) -> dict[str, Any]:
    """Everything the examples can check about a claim, in the examples' notation."""
    value = claim.value
    out: dict[str, Any] = {"quote": claim.span.quote, "kind": claim.kind.value}
    if isinstance(value, Quantity):
        high = value.high if value.qualifier is Qualifier.RANGE else None
        out["value"] = _number(value.value) if high is None else [_number(value.value), _number(high)]
        out["qualifier"] = value.qualifier.value
        out["unit"] = value.unit
        out["rounding"] = _number(value.rounding)
    elif isinstance(value, Duration):
        out["value"] = render_duration(value)
        out["qualifier"] = value.qualifier.value
    else:
        out["value"] = render_date(value)
        out["qualifier"] = "exact"
        out["resolved"] = value.resolved
    out["measure"] = claim.measure
    return out


def expected_figure(figure: dict[str, Any]) -> dict[str, Any]:
    """An expected figure with the policy's defaults filled in, in `render_claim`'s shape."""
    kind = figure["kind"]
    value = figure["value"]
    if kind in ("count", "money"):
        value = [_number(v) for v in value] if isinstance(value, list) else _number(value)
    out: dict[str, Any] = {"quote": figure["quote"], "kind": kind, "value": value, "qualifier": figure["qualifier"]}
    if kind in ("count", "money"):
        out["unit"] = figure.get("unit")
    if kind == "date":
        out["resolved"] = bool(figure.get("resolved", False))
    for key in OPTIONAL_CHECKS:
        if key in figure:
            out[key] = _number(figure[key]) if key == "rounding" else figure[key]
    return out


def _project(found: dict[str, Any], expected: dict[str, Any] | None) -> dict[str, Any]:
    """`found` cut down to what is checked: the base fields, plus the optional ones `expected` asks for."""
    keys = ["quote", "kind", "value", "qualifier"]
    keys += ["unit"] if found["kind"] in ("count", "money") else []
    keys += ["resolved"] if found["kind"] == "date" else []
    keys += [k for k in OPTIONAL_CHECKS if expected is not None and k in expected]
    return {k: found.get(k) for k in keys}


# ------------------------------------------------------------------ tests


@pytest.mark.parametrize("example", [_param(e) for e in _all_examples()])
def test_example(example: Example) -> None:
    claims = [c for c in extract(example.source()) if not c.derived_from]
    expected = [expected_figure(f) for f in example.data["figures"]]
    found = [_project(render_claim(c), expected[i] if i < len(expected) else None) for i, c in enumerate(claims)]
    assert found == expected


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.stem)
def test_example_file_is_well_formed(path: Path) -> None:
    """Every example says what it means: a typo must not hide behind an xfail."""
    raw = path.read_text(encoding="utf-8")
    assert raw.startswith("#"), f"{path.name}: starts without a header comment saying where its examples come from"
    data = yaml.safe_load(raw)
    assert isinstance(data, dict) and set(data) == {"examples"}, f"{path.name}: expected one key, 'examples'"
    assert isinstance(data["examples"], list) and data["examples"], f"{path.name}: no examples"
    problems: list[str] = []
    names: set[str] = set()
    for item in data["examples"]:
        name = str(item.get("name")) if isinstance(item, dict) else "?"
        problems += [f"{path.name}/{name}: {p}" for p in _example_problems(item, names)]
    assert not problems, "\n".join(problems)


def test_there_are_examples_of_every_provenance() -> None:
    assert {p.stem for p in _files()} >= {"anchors_misparses", "issue2_coverage", "news_wild"}
    counts = {p.stem: len(_load(p)) for p in _files()}
    assert counts["news_wild"] >= 40, counts


def _example_problems(item: Any, names: set[str]) -> list[str]:
    if not isinstance(item, dict):
        return ["not a mapping"]
    problems = [f"unknown key {k!r}" for k in sorted(set(item) - EXAMPLE_KEYS)]
    problems += [f"missing {k!r}" for k in ("name", "text", "figures") if k not in item]
    if problems:
        return problems
    name = item["name"]
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        problems.append("name must be lower-case words joined by '-'")
    if name in names:
        problems.append("duplicate name")
    names.add(name)
    if not isinstance(item["text"], str) or not item["text"]:
        problems.append("text must be a non-empty string")
        return problems
    published = item.get("published")
    if published is not None and not (isinstance(published, dt.date) and not isinstance(published, dt.datetime)):
        problems.append("published must be a date (YYYY-MM-DD)")
    if "xfail" in item and not (isinstance(item["xfail"], str) and item["xfail"].strip()):
        problems.append("xfail must say what goes wrong")
    if not isinstance(item["figures"], list):
        return problems + ["figures must be a list"]
    position = 0
    for n, figure in enumerate(item["figures"], 1):
        for problem in _figure_problems(figure, published):
            problems.append(f"figure {n}: {problem}")
        if isinstance(figure, dict) and isinstance(figure.get("quote"), str):
            found = item["text"].find(figure["quote"], position)
            if found == -1:
                problems.append(f"figure {n}: quote {figure['quote']!r} not in the text after the previous figure")
            else:
                position = found + len(figure["quote"])
    return problems


def _figure_problems(figure: Any, published: dt.date | None) -> list[str]:
    if not isinstance(figure, dict):
        return ["not a mapping"]
    problems = [f"unknown key {k!r}" for k in sorted(set(figure) - FIGURE_KEYS)]
    problems += [f"missing {k!r}" for k in ("quote", "kind", "value", "qualifier") if k not in figure]
    if problems:
        return problems
    kind, value, qualifier = figure["kind"], figure["value"], figure["qualifier"]
    if not isinstance(figure["quote"], str) or not figure["quote"]:
        problems.append("quote must be a non-empty string")
    if kind not in KINDS:
        return problems + [f"kind {kind!r} is not one of {sorted(KINDS)}"]
    if qualifier not in QUALIFIERS:
        problems.append(f"qualifier {qualifier!r} is not one of {sorted(QUALIFIERS)}")
    if "measure" in figure and figure["measure"] not in MEASURES:
        problems.append(f"measure {figure['measure']!r} is not in the policy's list")
    ranged = qualifier == "range"
    if isinstance(value, list) != ranged or (ranged and len(value) != 2):
        problems.append("a range's value is [low, high], and only a range's")
        return problems
    ends = value if isinstance(value, list) else [value]
    if kind in ("count", "money"):
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in ends):
            problems.append("a count's or amount's value is a number")
        elif ranged and not ends[0] < ends[1]:
            problems.append("a range runs from low to high")
        if kind == "money" and not (isinstance(figure.get("unit"), str) and _CURRENCY.fullmatch(figure["unit"])):
            problems.append("money needs a currency code as unit (USD, EUR, GBP)")
    elif "unit" in figure:
        problems.append("only counts and money take a unit")
    if kind == "duration" and not all(isinstance(v, str) and _DURATION.fullmatch(v) for v in ends):
        problems.append(f"duration value {value!r} is not an ISO 8601 duration (P60D, P1W, PT72H)")
    if kind == "date":
        problems += _date_problems(figure, published)
    elif "resolved" in figure:
        problems.append("only dates are resolved")
    if "rounding" in figure and kind not in ("count", "money"):
        problems.append("only counts and money have a rounding")
    return problems


def _date_problems(figure: dict[str, Any], published: dt.date | None) -> list[str]:
    value, quote = figure["value"], figure["quote"]
    if figure["qualifier"] != "exact":
        return ["a date's qualifier is exact"]
    if not isinstance(value, str) or not any(form.fullmatch(value) for form in _DATE_FORMS):
        return [f"date value {value!r} is not in a form the policy writes"]
    problems = []
    if figure.get("resolved") and published is None:
        problems.append("a resolved date needs the example's published date")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = dt.date.fromisoformat(value)
        weekday = quote.lower()
        if weekday in _WEEKDAYS and _WEEKDAYS[day.weekday()] != weekday:
            problems.append(f"{value} is a {_WEEKDAYS[day.weekday()].title()}, not a {quote}")
    return problems
