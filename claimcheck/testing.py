"""Checking a report against expectations: for regression cases and hand-written tests.

`match` pairs the discrepancies a report has with the ones expected (by rule
and subjects, see `claimcheck.expectations`); `render_outcome` shows the
difference as plain text — what is missing, what is unexpected, each with its
message and quotes; `run_case` runs one case folder the way the pytest plugin
does; `assert_discrepancies` is the helper for tests written in Python::

    from claimcheck.testing import assert_discrepancies

    def test_wrong_year(claimcheck_compare):
        report = claimcheck_compare("fixtures/ceasefire")
        assert_discrepancies(report, [
            {"rule": "CC102", "severity": "error",
             "subjects": [{"source": "001", "quote": "October 7, 2022"}]},
        ], severities=["error"])

This module does not import pytest; the plugin (claimcheck.pytest_plugin)
wires it in.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from .errors import ExpectationsError
from .expectations import (
    EXPECTATIONS_FILE,
    Expectations,
    ExpectedDiscrepancy,
    dump_expectations,
    expectations_from_entries,
    key_of,
    load_expectations,
    subjects_of,
)
from .report import ClaimRef, Discrepancy, Report, Severity
from .rules import RULES
from .text import LineIndex, split_sentences

__all__ = [
    "Outcome",
    "CaseResult",
    "Expected",
    "match",
    "check_sources",
    "render_outcome",
    "updated_expectations",
    "run_case",
    "assert_discrepancies",
    "expected",
]

_WIDTH = 88


@dataclass
class Outcome:
    """How a report's discrepancies compare with the expected ones.

    `matched` pairs agree; `missing` were expected and not produced;
    `unexpected` were produced and not expected; `severity_changed` pairs
    agree on rule and subjects but not on severity; `now_found` pairs are
    known misses that the report has found; `still_missed` are known misses
    still not found (as expected).
    """

    matched: list[tuple[ExpectedDiscrepancy, Discrepancy]] = field(default_factory=list)
    missing: list[ExpectedDiscrepancy] = field(default_factory=list)
    unexpected: list[Discrepancy] = field(default_factory=list)
    severity_changed: list[tuple[ExpectedDiscrepancy, Discrepancy]] = field(default_factory=list)
    now_found: list[tuple[ExpectedDiscrepancy, Discrepancy]] = field(default_factory=list)
    still_missed: list[ExpectedDiscrepancy] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Whether the report is exactly what was expected (known misses still missed)."""
        return not (self.missing or self.unexpected or self.severity_changed or self.now_found)

    def summary(self) -> str:
        """The counts of what differs, e.g. "1 missing, 2 unexpected"."""
        parts = [
            (len(self.missing), "missing"),
            (len(self.unexpected), "unexpected"),
            (len(self.severity_changed), "with another severity"),
            (len(self.now_found), "known-missed now found"),
        ]
        text = ", ".join(f"{n} {what}" for n, what in parts if n)
        return text or "as expected"


def match(report: Report, expectations: Expectations) -> Outcome:
    """Pair the report's discrepancies with the expected ones, both at the pinned severities only."""
    produced = [d for d in report.discrepancies if expectations.pinned(d)]
    wanted = [e for e in expectations.discrepancies if expectations.expects(e)]
    pool: dict[object, list[Discrepancy]] = defaultdict(list)
    for d in produced:
        pool[key_of(d)].append(d)

    def take(entry: ExpectedDiscrepancy, *, same_severity: bool) -> Discrepancy | None:
        candidates = pool[entry.key]
        for d in candidates:
            if d.severity == entry.severity or not same_severity:
                candidates.remove(d)
                return d
        return None

    outcome = Outcome()
    regular = [e for e in wanted if e.missed is None]
    known = [e for e in wanted if e.missed is not None]
    leftover = []
    for entry in regular:
        found = take(entry, same_severity=True)
        if found is None:
            leftover.append(entry)
        else:
            outcome.matched.append((entry, found))
    for entry in leftover:
        found = take(entry, same_severity=False)
        if found is None:
            outcome.missing.append(entry)
        else:
            outcome.severity_changed.append((entry, found))
    for entry in known:
        found = take(entry, same_severity=True) or take(entry, same_severity=False)
        if found is None:
            outcome.still_missed.append(entry)
        else:
            outcome.now_found.append((entry, found))
    left = {id(d) for candidates in pool.values() for d in candidates}
    outcome.unexpected = [d for d in produced if id(d) in left]
    return outcome


def check_sources(expectations: Expectations, report: Report) -> None:
    """Raise `ExpectationsError` for an entry that names a source the case does not have."""
    ids = [s.id for s in report.sources]
    for number, entry in enumerate(expectations.discrepancies, start=1):
        for subject in entry.subjects:
            if subject.source not in ids:
                raise ExpectationsError(
                    f'discrepancy {number} names source "{subject.source}", which this case does not have '
                    f"(its sources: {', '.join(ids)})",
                    path=expectations.path,
                    line=entry.line,
                )


# ---------------------------------------------------------------- display


def render_outcome(
    outcome: Outcome,
    report: Report,
    *,
    title: str,
    path: Path | None = None,
    display: Callable[[str], str] | None = None,
    hint: str | None = None,
    summary: str | None = None,
) -> str:
    """The difference as plain text: a summary line, then each entry with its message and quotes.

    `path` is the expectations file (its lines are cited); `display` shortens
    file paths (to the project root, say); `hint` ends the text; `summary`
    replaces the counts after the title.
    """
    display = display or _from_here
    lines = [f"{title}: {summary or outcome.summary()}"]
    file = display(str(path)) if path is not None else ""
    for entry in outcome.missing:
        lines += ["", f"- missing     {_entry_head(entry, file)}"]
        lines += _expected_subjects(entry, report, display)
    for d in outcome.unexpected:
        lines += ["", f"+ unexpected  {_head(d)}", f"      {d.message}"]
        lines += _claims(d, report, display)
    for entry, d in outcome.severity_changed:
        lines += ["", f"~ severity    {d.rule} {d.name}: expected {entry.severity.value}, got {d.severity.value}{_at(entry, file)}"]
        lines += [f"      {d.message}", *_claims(d, report, display)]
    for entry, d in outcome.now_found:
        lines += ["", f"! now found   {_head(d)}, a known miss{_at(entry, file)}"]
        lines += [f"      {d.message}", *_claims(d, report, display)]
        lines += [f'      It was marked missed: "{entry.missed}". It is found now: delete that "missed:" line.']
    if hint:
        lines += ["", hint]
    return "\n".join(lines)


def _from_here(path: str) -> str:
    """`path` relative to the working directory when it is inside it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path


def _head(d: Discrepancy) -> str:
    return f"{d.rule} {d.name} ({d.severity.value})"


def _at(entry: ExpectedDiscrepancy, file: str) -> str:
    return f" [{file or 'expected'} line {entry.line}]" if entry.line else ""


def _entry_head(entry: ExpectedDiscrepancy, file: str) -> str:
    cls = RULES.get(entry.rule)
    name = f" {cls.name}" if cls else ""
    note = f"  — {entry.note}" if entry.note else ""
    return f"{entry.rule}{name} ({entry.severity.value}){_at(entry, file)}{note}"


def _claims(d: Discrepancy, report: Report, display: Callable[[str], str]) -> list[str]:
    lines = []
    for c in d.claims:
        mark = "▶" if c.role == "subject" else " "
        lines.append(f"    {mark} {c.source_id} \"{c.span.quote}\"  {_where(report, c, display)}")
        lines.append(f"        {_clip(c.span.sentence, c.span.start - c.span.sentence_start, len(c.span.quote))}")
    return lines


def _where(report: Report, c: ClaimRef, display: Callable[[str], str]) -> str:
    source = next((s for s in report.sources if s.id == c.source_id), None)
    path = display(source.path) if source and source.path else c.source_id
    return f"{path}:{c.span.line}:{c.span.column}"


def _expected_subjects(entry: ExpectedDiscrepancy, report: Report, display: Callable[[str], str]) -> list[str]:
    lines = []
    for subject in entry.subjects:
        source = next((s for s in report.sources if s.id == subject.source), None)
        found = _find(source.text, subject.quote) if source else None
        if source is None or found is None:
            lines.append(f"    ▶ {subject.source} \"{subject.quote}\"  (the quote is not in the source any more)")
            continue
        start, end = found
        line, column = LineIndex(source.text, source.line_offset).position(start)
        path = display(source.path) if source.path else source.id
        lines.append(f"    ▶ {subject.source} \"{subject.quote}\"  {path}:{line}:{column}")
        sentence = next((s for s in split_sentences(source.text) if s.start <= start < s.end), None)
        first, last = (sentence.start, max(sentence.end, end)) if sentence else (start, end)
        lines.append(f"        {_clip(source.text[first:last], start - first, end - start)}")
    return lines


# A quote stands on its own tokens: "97" is not found in "197", nor in "97,000" or "97.5".
_BEFORE = r"(?<!\w)(?<!\d[.,])"
_AFTER = r"(?!\w)(?![.,]\d)"


def _find(text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` stands in `text` (white space runs as one space, on token boundaries), or `None`."""
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    if re.match(r"\w", words[0]):
        pattern = _BEFORE + pattern
    if re.search(r"\w\Z", words[-1]):
        pattern += _AFTER
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


def _clip(text: str, start: int, length: int, width: int = _WIDTH) -> str:
    """`text` on one line, with the quote at `start` in [brackets], clipped to about `width` around it."""
    text = text.replace("\n", " ")
    end = start + length
    marked = f"{text[:start]}[{text[start:end]}]{text[end:]}"
    end += 2
    if len(marked) <= width:
        return marked
    left = max(0, min(start - (width - (end - start)) // 2, len(marked) - width))
    right = left + width
    return ("…" if left > 0 else "") + marked[left:right] + ("…" if right < len(marked) else "")


# ---------------------------------------------------------------- updating


def updated_expectations(report: Report, expectations: Expectations, outcome: Outcome) -> Expectations:
    """The expectations rewritten to what the report found.

    Entries that still match keep their note and comments; known misses that
    are still not found are kept; known misses now found become plain entries.
    """
    entries = [e for e, _ in outcome.matched]
    entries += [replace(e, severity=d.severity) for e, d in outcome.severity_changed]
    entries += [replace(e, severity=d.severity, missed=None) for e, d in outcome.now_found]
    entries += outcome.still_missed
    entries += [ExpectedDiscrepancy(d.rule, d.severity, subjects_of(d)) for d in outcome.unexpected]
    return expectations.with_discrepancies(entries)


def discrepancies_phrase(n: int) -> str:
    """The count with its noun in the right number.

    >>> discrepancies_phrase(1), discrepancies_phrase(0), discrepancies_phrase(3)
    ('1 discrepancy', '0 discrepancies', '3 discrepancies')
    """
    return f"{n} {'discrepancy' if n == 1 else 'discrepancies'}"


def _changes(outcome: Outcome) -> str:
    parts = [
        (len(outcome.unexpected), "added"),
        (len(outcome.missing), "removed"),
        (len(outcome.severity_changed), "with a new severity"),
        (len(outcome.now_found), "known-missed now found"),
    ]
    return ", ".join(f"{n} {what}" for n, what in parts if n)


@dataclass
class CaseResult:
    """What running one case folder gave.

    `expectations` is `None` when the case has no expectations file (and it was
    not written). `written` says whether the file was created or rewritten
    (with `--claimcheck-update`), and `changes` what changed in it.
    """

    folder: Path
    report: Report
    expectations: Expectations | None
    outcome: Outcome
    written: Literal["created", "rewritten"] | None = None
    changes: str = ""

    @property
    def path(self) -> Path:
        """The case's expectations file."""
        return self.folder / EXPECTATIONS_FILE


def run_case(folder: str | Path, *, update: bool = False) -> CaseResult:
    """Compare a case folder's sources and match the result with its expected.yaml.

    With `update`, write expected.yaml from the result (creating it if need
    be). A malformed expectations file raises `ExpectationsError` and is never
    overwritten; unreadable sources raise `InputError`.
    """
    from .compare import compare

    folder = Path(folder)
    path = folder / EXPECTATIONS_FILE
    expectations = load_expectations(path) if path.is_file() else None
    report = compare([folder], config=expectations.config if expectations else None)
    base = expectations or Expectations(path=path)
    if expectations is not None:
        check_sources(expectations, report)
    outcome = match(report, base)
    result = CaseResult(folder, report, expectations, outcome)
    if update:
        from .cli.output import write_output

        new = updated_expectations(report, base, outcome)
        text = dump_expectations(new)
        old = path.read_text(encoding="utf-8") if expectations is not None else None
        if text != old:
            write_output(text, str(path))
            result.written = "rewritten" if expectations is not None else "created"
            result.changes = _changes(outcome) if expectations is not None else discrepancies_phrase(len(new.discrepancies))
            result.expectations = replace(new, path=path)
    return result


# ------------------------------------------------------------------ tests


class Expected:
    """Expected discrepancies, for ``assert report == expected(...)`` in a test.

    The comparison holds when `match` finds no difference; under pytest, the
    claimcheck plugin explains a failed comparison with `render_outcome`.
    """

    __hash__ = None  # type: ignore[assignment]

    def __init__(self, expectations: Expectations) -> None:
        self.expectations = expectations

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Report):
            return match(other, self.expectations).passed
        return NotImplemented

    def __repr__(self) -> str:
        return f"<{len(self.expectations.discrepancies)} expected discrepancies>"


def expected(
    wanted: Expectations | str | Path | Iterable[Mapping[str, Any] | ExpectedDiscrepancy],
    *,
    severities: Iterable[Severity | str] | None = None,
) -> Expected:
    """Expected discrepancies from an expectations file, a case folder, or entries as Python data.

    `severities` limits the comparison to those severities, on both sides:
    the report's discrepancies and the expected entries at other severities
    are left out (by default the file's own setting, or all of them for
    entries given as data).
    """
    if isinstance(wanted, Expectations):
        result = wanted
    elif isinstance(wanted, (str, Path)):
        path = Path(wanted)
        result = load_expectations(path / EXPECTATIONS_FILE if path.is_dir() else path)
    else:
        result = expectations_from_entries(wanted)
    if severities is not None:
        result = result.restricted_to(severities)
    return Expected(result)


def assert_discrepancies(
    report: Report,
    wanted: Expectations | str | Path | Iterable[Mapping[str, Any] | ExpectedDiscrepancy],
    *,
    severities: Iterable[Severity | str] | None = None,
) -> None:
    """Fail, with a readable difference, unless `report` has exactly the expected discrepancies.

    `wanted` is an expectations file, a case folder holding one, or a list of
    entries in the file's format. Known misses (entries with ``missed:``) must
    still be missed. Raises `AssertionError` whose text is `render_outcome`'s.
    """
    __tracebackhide__ = True
    expectation = expected(wanted, severities=severities).expectations
    check_sources(expectation, report)
    outcome = match(report, expectation)
    if not outcome.passed:
        raise AssertionError(render_outcome(outcome, report, title="claimcheck: discrepancies differ", path=expectation.path))
