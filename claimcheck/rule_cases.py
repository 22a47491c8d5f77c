"""Rule test cases as data: the case-file model, a loader and a runner.

Each rule has a case file, ``tests/rules/cases/<CODE>.yaml``, with named cases:
a few tiny sources and what the rule must report on them — either nothing
(``expect: []``, a case it must not flag) or the discrepancies it must report,
each by rule, severity and the claims it is about, quoted (never offsets)::

    rule: CC101
    cases:
      - name: about_600_against_about_1200
        note: Why the case is there (optional).
        sources:
          - id: a
            published: 2024-05-02
            text: The attack on Pelna on January 12, 2024 killed about 600 people.
          - ...
        expect:
          - rule: CC101
            severity: error
            subjects:
              - {source: a, quote: about 600}
        xfail: The engine reads … wrong (optional: a known miss, run as a strict xfail).
        config: {tolerances: {same_date_days: 3}}   # optional, a `Config`

A source may be ``role: draft``: the case then checks its drafts against its
other sources as `claimcheck check` does (the rules about drafts, CC501 and
CC502, and about suppression comments, CC901 and CC902, need one).

A case holds when the discrepancies that rule produces from `compare` (or
`check`) on the case's sources are exactly the expected ones (as a multiset;
other rules are not run unless the case's ``config`` selects them). A discrepancy's claims are its *subjects*; a rule that cites none
(a timeline lists its points as related claims) is matched on all the claims
it cites. The model is strict: an unknown key, a duplicate name, a quote that
is not in its source, or a rule that is not the file's is an `InputError`
naming the file.

`python -m claimcheck.docs` takes one flagged and one clean example per rule
from these files, so every example in docs/rules.md is a tested case.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .check import check
from .compare import compare
from .config import Config
from .errors import InputError
from .model import Role, Source
from .report import Discrepancy, Report, Severity

__all__ = [
    "CaseSource",
    "ExpectedClaim",
    "ExpectedDiscrepancy",
    "RuleCase",
    "CaseFile",
    "CaseOutcome",
    "load_case_file",
    "load_case_files",
    "run_case",
    "check_case",
    "describe",
]

_NAME = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CaseSource(_Strict):
    """One tiny source of a case: an id, the day it was published, its text, and its role.

    A ``draft`` is checked against the case's other sources, the references,
    as `claimcheck check` does (read as Markdown, so suppression comments
    work); a case with a draft runs `check` instead of `compare`.
    """

    id: str = Field(min_length=1)
    published: dt.date
    text: str = Field(min_length=1)
    role: Literal["reference", "draft"] = "reference"

    def to_source(self) -> Source:
        """The `Source` claimcheck reads."""
        if self.role == "draft":
            return Source(id=self.id, published=self.published, text=self.text, path=f"{self.id}.md", role=Role.DRAFT)
        return Source(id=self.id, published=self.published, text=self.text)


class ExpectedClaim(_Strict):
    """A claim a discrepancy is about: its source and its quote, exactly as the text has it."""

    source: str
    quote: str = Field(min_length=1)


class ExpectedDiscrepancy(_Strict):
    """A discrepancy a case expects: rule, severity, and the claims it is about."""

    rule: str
    severity: Severity
    subjects: list[ExpectedClaim] = Field(min_length=1)

    def key(self) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        """A comparable form: rule, severity and the sorted (source, quote) pairs."""
        return (self.rule, self.severity.value, tuple(sorted((c.source, c.quote) for c in self.subjects)))


class RuleCase(_Strict):
    """A named case: sources, and what one rule must (or must not) report on them."""

    name: str
    note: str | None = None
    sources: list[CaseSource] = Field(min_length=1)
    expect: list[ExpectedDiscrepancy]
    xfail: str | None = None
    config: Config = Field(default_factory=Config)

    @field_validator("name")
    @classmethod
    def _name_is_an_identifier(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError(f"case name {value!r} must be lower-case words joined by underscores")
        return value

    @field_validator("xfail")
    @classmethod
    def _reason_given(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("xfail needs a reason naming the misreading")
        return value

    @model_validator(mode="after")
    def _quotes_exist(self) -> RuleCase:
        texts: dict[str, str] = {}
        for s in self.sources:
            if s.id in texts:
                raise ValueError(f'source id "{s.id}" used twice')
            texts[s.id] = s.text
        for d in self.expect:
            for c in d.subjects:
                if c.source not in texts:
                    raise ValueError(f'expected claim names source "{c.source}", which the case does not have')
                if c.quote not in texts[c.source]:
                    raise ValueError(f'quote "{c.quote}" is not in source "{c.source}"')
        return self

    @property
    def flags(self) -> bool:
        """Whether the rule must report something here (else it must stay silent)."""
        return bool(self.expect)

    def sources_as_read(self) -> list[Source]:
        """The case's sources as `Source` objects."""
        return [s.to_source() for s in self.sources]


class CaseFile(_Strict):
    """The cases of one rule, as one file holds them."""

    rule: str
    cases: list[RuleCase] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> CaseFile:
        seen: set[str] = set()
        for case in self.cases:
            if case.name in seen:
                raise ValueError(f'case name "{case.name}" used twice')
            seen.add(case.name)
            for d in case.expect:
                if d.rule != self.rule:
                    raise ValueError(f'case "{case.name}" expects {d.rule}, but this file holds {self.rule} cases')
        return self


def load_case_file(path: str | Path) -> CaseFile:
    """Read and validate one case file; its name must be its rule's code (``CC101.yaml``)."""
    path = Path(path)
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read case file ({exc.strerror})", path=path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"malformed YAML: {getattr(exc, 'problem', None) or exc}", path=path, line=mark.line + 1 if mark else None) from None
    if not isinstance(data, dict):
        raise InputError("a case file is a mapping with keys rule and cases", path=path)
    try:
        cases = CaseFile.model_validate(data)
    except ValidationError as exc:
        raise InputError(_first_problem(exc, data), path=path) from None
    if cases.rule != path.stem:
        raise InputError(f"file holds {cases.rule} cases but is named {path.name}; name it {cases.rule}.yaml", path=path)
    return cases


def _first_problem(exc: ValidationError, data: dict[str, Any]) -> str:
    """One line for a validation error: where (case name, key path) and what."""
    error = exc.errors()[0]
    loc = list(error["loc"])
    where = ".".join(str(p) for p in loc)
    if len(loc) >= 2 and loc[0] == "cases" and isinstance(loc[1], int):
        try:
            name = data["cases"][loc[1]].get("name")
        except (AttributeError, IndexError, KeyError, TypeError):
            name = None
        rest = ".".join(str(p) for p in loc[2:])
        where = f'case "{name}"' if name else f"case #{loc[1] + 1}"
        where += f" {rest}" if rest else ""
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "unknown key"
    return f"{where}: {message}" if where else message


def load_case_files(folder: str | Path) -> dict[str, CaseFile]:
    """Every case file in `folder`, by rule code, in code order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("no such folder of rule cases", path=folder)
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise InputError("no case files here (expected <CODE>.yaml)", path=folder)
    loaded = {f.stem: load_case_file(f) for f in files}
    return dict(sorted(loaded.items()))


def run_case(case: RuleCase, rule: str) -> Report:
    """`compare` on the case's sources — or `check` of its drafts against the rest — with
    only `rule` enabled, and any rules the case's config selects besides (a suppression
    rule judges the findings of the rule a comment names)."""
    config = case.config.model_copy(update={"select": [rule, *case.config.select], "ignore": []})
    sources = case.sources_as_read()
    drafts = [s for s in sources if s.role is Role.DRAFT]
    if drafts:
        return check(drafts, [s for s in sources if s.role is not Role.DRAFT], config=config)
    return compare(sources, config=config)


def _observed(d: Discrepancy) -> ExpectedDiscrepancy:
    cited = d.subjects or d.claims
    return ExpectedDiscrepancy(
        rule=d.rule,
        severity=d.severity,
        subjects=[ExpectedClaim(source=c.source_id, quote=c.span.quote) for c in cited],
    )


def describe(d: ExpectedDiscrepancy) -> str:
    """One line for an expected or observed discrepancy: ``CC101 error: a "about 600"``."""
    claims = ", ".join(f'{c.source} "{c.quote}"' for c in sorted(d.subjects, key=lambda c: (c.source, c.quote)))
    return f"{d.rule} {d.severity.value}: {claims}"


@dataclass(frozen=True)
class CaseOutcome:
    """What a case found: the discrepancies it missed and those it did not expect."""

    missing: list[ExpectedDiscrepancy]
    unexpected: list[ExpectedDiscrepancy]
    report: Report

    @property
    def holds(self) -> bool:
        """Whether the rule reported exactly what the case expects."""
        return not self.missing and not self.unexpected

    def explain(self) -> str:
        """The difference as ``-`` (missing) and ``+`` (unexpected) lines, with each message."""
        lines = [f"- {describe(d)}" for d in self.missing]
        messages = {describe(_observed(d)): d.message for d in self.report.discrepancies}
        lines += [f"+ {describe(d)}  ({messages.get(describe(d), '')})" for d in self.unexpected]
        return "\n".join(lines)


def check_case(case: RuleCase, rule: str) -> CaseOutcome:
    """Run a case and compare what `rule` reports with what the case expects."""
    report = run_case(case, rule)
    observed = [_observed(d) for d in report.discrepancies if d.rule == rule]
    want = Counter(d.key() for d in case.expect)
    got = Counter(d.key() for d in observed)
    missing_keys = want - got
    unexpected_keys = got - want
    missing = _pick(case.expect, missing_keys)
    unexpected = _pick(observed, unexpected_keys)
    return CaseOutcome(missing=missing, unexpected=unexpected, report=report)


def _pick(items: list[ExpectedDiscrepancy], keys: Counter[tuple[str, str, tuple[tuple[str, str], ...]]]) -> list[ExpectedDiscrepancy]:
    left = Counter(keys)
    picked = []
    for d in items:
        if left[d.key()] > 0:
            left[d.key()] -= 1
            picked.append(d)
    return picked
