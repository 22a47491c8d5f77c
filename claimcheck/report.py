"""The report: events, groups of claims, and the discrepancies among them.

A `Report` holds everything `compare` and `check` found, in a deterministic
order, and round-trips through JSON (`Report.to_json` / `Report.from_json`);
its JSON Schema is `Report.model_json_schema()` (docs/report.md describes the
shape). Renderers read a `Report` and nothing else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from enum import StrEnum
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .model import Claim, Source, Span, TemporalClass

__all__ = [
    "SCHEMA_VERSION",
    "Severity",
    "ClaimRef",
    "Discrepancy",
    "Reading",
    "Event",
    "EventMentionRef",
    "ClaimGroup",
    "Summary",
    "InputProblem",
    "Report",
    "fingerprint",
]

#: Version of the report's JSON shape, "MAJOR.MINOR": a breaking change bumps
#: the major number, an added field the minor one.
SCHEMA_VERSION = "1.2"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Severity(StrEnum):
    """How much a discrepancy matters, from most to least."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error, 1 for warning, 2 for info (sorts most serious first)."""
        return ("error", "warning", "info").index(self.value)

    def at_least(self, threshold: Severity) -> bool:
        """Whether this severity is `threshold` or more serious."""
        return self.rank <= threshold.rank


class ClaimRef(_Frozen):
    """A claim as a discrepancy cites it: its role, value and full provenance.

    `role` is "subject" for the claims the discrepancy is about, "consensus"
    for the claims they disagree with, "related" for others shown for context
    (a timeline's points, a whole and its parts).
    """

    claim_id: str
    role: Literal["subject", "consensus", "related"]
    source_id: str
    value: str
    as_of: dt.date | None = None
    attribution: str | None = None
    span: Span


class Reading(_Frozen):
    """One reading of the claims compared: the intervals each allows, and the verdict."""

    name: Literal["strict", "newsroom", "arithmetic", "elapsed", "timeline"]
    intervals: dict[str, str]
    holds: bool
    note: str = ""


class Discrepancy(_Frozen):
    """Claims that cannot all be true (or, for info, that a reader should see together).

    `message` is one sentence a person can act on. `explanation` spells out the
    reasoning; `readings` give it as data (the intervals compared under each
    reading). `fingerprint` depends on the rule, what the claims measure and
    their values, never on offsets, so it survives edits to unrelated text.
    """

    rule: str
    name: str
    severity: Severity
    message: str
    claims: list[ClaimRef]
    explanation: str
    readings: list[Reading] = Field(default_factory=list)
    group_id: str | None = None
    fingerprint: str

    @property
    def subjects(self) -> list[ClaimRef]:
        """The claims the discrepancy is about."""
        return [c for c in self.claims if c.role == "subject"]


class EventMentionRef(_Frozen):
    """Where a source names an event."""

    source_id: str
    cue: str
    start: int
    end: int


class Event(_Frozen):
    """An event as claimcheck resolved it across sources.

    `start` and `end` are the earliest and latest dates the sources allow for
    the event's start and end (`None` when unknown or open); `proposed` marks
    events that have not happened (a proposed truce).
    """

    id: str
    kind: str
    label: str
    start: tuple[dt.date, dt.date] | None = None
    end: tuple[dt.date, dt.date] | None = None
    proposed: bool = False
    ongoing: bool = False
    mentions: list[EventMentionRef] = Field(default_factory=list)


class ClaimGroup(_Frozen):
    """Claims that speak of the same quantity: one measure of one event, population and place."""

    id: str
    label: str
    measure: str
    measure_class: TemporalClass
    event_id: str | None = None
    population: str | None = None
    place: str | None = None
    role: str | None = None
    claim_ids: list[str]


class Summary(_Frozen):
    """Counts for a report's header and for exit codes."""

    sources: int
    claims: int
    groups: int
    errors: int
    warnings: int
    infos: int
    by_rule: dict[str, int] = Field(default_factory=dict)


class InputProblem(_Frozen):
    """An input claimcheck could not read (for machine formats that report errors in-band)."""

    path: str | None = None
    line: int | None = None
    message: str


class Report(BaseModel):
    """Everything a comparison found, in a deterministic order.

    `rules` lists the codes of the rules that ran (the enabled rules), so that
    a renderer can describe them (SARIF lists them all); `None` when unknown.
    """

    model_config = ConfigDict(extra="forbid")

    schema_version: str = SCHEMA_VERSION
    tool: str = "claimcheck"
    tool_version: str
    vocabulary: str
    sources: list[Source]
    claims: list[Claim]
    events: list[Event]
    groups: list[ClaimGroup]
    discrepancies: list[Discrepancy]
    summary: Summary
    input_errors: list[InputProblem] = Field(default_factory=list)
    rules: list[str] | None = None

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON (docs/report.md describes the shape)."""
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> Report:
        """A report read back from `to_json` output."""
        return cls.model_validate_json(data)

    def render(self, format: str) -> str:
        """The report in an output format, one of `claimcheck.render.FORMATS` (docs/formats.md describes them)."""
        from .render import render

        return render(self, format)

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id."""
        return self._claims_by_id[claim_id]

    def source(self, source_id: str) -> Source:
        """The source with this id."""
        return self._sources_by_id[source_id]

    @cached_property
    def _claims_by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    @cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    def at_or_above(self, threshold: Severity | str) -> list[Discrepancy]:
        """The discrepancies at `threshold` or more serious."""
        level = Severity(threshold)
        return [d for d in self.discrepancies if d.severity.at_least(level)]

    def to_table(self) -> str:
        """The report as a readable table (see `claimcheck.render.text`)."""
        from .render.text import render_text

        return render_text(self)

    def to_html(self, *, rules_url: str | None = None) -> str:
        """The report as one self-contained HTML page (see `claimcheck.render.html`).

        The page documents the rules its discrepancies name, and each rule code
        links there; with `rules_url` (wherever the rules reference is
        published), rule codes link to ``{rules_url}#cc101`` instead.
        """
        from .render.html import render_html

        return render_html(self, rules_url=rules_url)

    def _repr_html_(self) -> str:
        """The compact HTML view a notebook shows for a report (no source texts; `to_html` has them)."""
        from .render.html import render_html_fragment

        return render_html_fragment(self)

    def __str__(self) -> str:
        return self.to_table()


def fingerprint(rule: str, key: tuple[object, ...], values: list[tuple[str, str]]) -> str:
    """A stable id for a discrepancy: rule, what is measured, and who says what.

    Offsets are left out on purpose, so unrelated edits do not change it.
    """
    text = "\x1f".join([rule, *map(str, key), *(f"{s}={v}" for s, v in sorted(values))])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]

