"""Configuration: which rules run, how strict they are, what a draft is checked against.

`Config` is a typed model: an unknown key is an error. `compare` and `check`
take one; the command line builds one from ``[tool.claimcheck]`` in
pyproject.toml or a claimcheck.toml (see `claimcheck.configfile` and
docs/ci.md) and lets flags override it. `Config.model_json_schema()` is the
published schema (`claimcheck schema config`).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .report import Severity

__all__ = ["Config", "Tolerances", "FailOn"]

#: The failure threshold: the least serious severity that fails a run, or never.
FailOn = Literal["error", "warning", "info", "never"]


class Tolerances(BaseModel):
    """How close figures must be to count as agreeing, beyond what their qualifiers allow.

    `same_date_days`: stock and running figures whose as-of dates are this
    many days apart or fewer (counted from the earliest of them) are compared
    as values; further apart they form a timeline. The default, 0, compares
    figures of the same day only: tolls and counts of the missing move daily.
    `developing_days`: a count of an event reported within this many days of
    the event's date is provisional (an early toll grows as bodies are found),
    so the quantity is compared as a running total, not as a fixed figure.
    `date_typo_days`, `date_typo_years`: two dates given for events of one
    kind that differ only by this many days (same month), or only by this many
    years (same month and day), are taken as one event with conflicting dates —
    the way typos differ — not as two events.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    same_date_days: int = Field(
        default=0,
        ge=0,
        description="Stock and running-total figures whose as-of dates are at most this many days apart are compared as values; further apart they form a timeline.",
    )
    developing_days: int = Field(
        default=30,
        ge=0,
        description="A count tied to an event that happened at most this many days before it is still developing: read as a running total, not a fixed figure.",
    )
    date_typo_days: int = Field(
        default=3,
        ge=0,
        description="Two dates for events of one kind in the same month that differ by at most this many days are one event with conflicting dates.",
    )
    date_typo_years: int = Field(
        default=3,
        ge=0,
        description="Two dates for events of one kind with the same month and day that differ by at most this many years are one event with conflicting dates.",
    )


class Config(BaseModel):
    """What a comparison or a check runs and how.

    Rule selectors (`select`, `ignore`, the keys of `severity`, the values of
    `per_file_ignores`) are rule codes ("CC101"), code prefixes ("CC1", "CC")
    or rule names ("count-mismatch"). Paths (`references`, `vocabulary`,
    `baseline`) are relative to the folder of the configuration file they are
    read from.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, title="claimcheck configuration")

    references: list[str] = Field(
        default_factory=list,
        description="What `claimcheck check` checks drafts against when --against is not given: folders or files of reference articles, ledgers (*.ledger.yaml) and claims files (*.claims.json).",
        examples=[["references/", "desk.ledger.yaml"]],
    )
    select: list[str] = Field(
        default_factory=list,
        description="Run only these rules (codes, code prefixes or names); empty means every rule.",
        examples=[["CC1", "CC5"]],
    )
    ignore: list[str] = Field(
        default_factory=list,
        description="Do not run these rules (codes, code prefixes or names); applied after select.",
        examples=[["CC501"]],
    )
    severity: dict[str, Severity] = Field(
        default_factory=dict,
        description="Severity per rule (code or name), replacing the rule's default.",
        examples=[{"CC502": "error"}],
    )
    per_file_ignores: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Rules to ignore in drafts whose path matches a glob pattern. A pattern with no '/' matches the file name; one with '/' matches the path relative to the configuration file's folder.",
        examples=[{"drafts/archive/*": ["CC5"], "*.txt": ["CC501"]}],
    )
    fail_on: FailOn = Field(
        default="error",
        description="Exit with code 1 when a discrepancy is this serious or more; never: always exit 0 unless the input is bad.",
    )
    baseline: str | None = Field(
        default=None,
        description="A baseline file (written by --write-baseline): discrepancies recorded in it are not reported.",
    )
    as_of: dt.date | None = Field(
        default=None,
        description="The date a draft speaks for when its front matter gives no published date (else: the newest reference's date).",
    )
    tolerances: Tolerances = Field(default_factory=Tolerances, description="How close figures must be to count as agreeing.")
    vocabulary: list[str] = Field(
        default_factory=list,
        description="Extra vocabulary files (TOML, the shape of claimcheck/data/*.toml; see docs/vocabulary.md).",
    )
