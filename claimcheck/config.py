"""Configuration: which rules run, how strict they are, and extra vocabulary.

`Config` is a typed model: an unknown key is an error. `compare` and `check`
take one; the command line builds one from flags (and, see docs/ci.md, from
``[tool.claimcheck]`` in pyproject.toml or a claimcheck.toml).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .report import Severity

__all__ = ["Config", "Tolerances"]


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

    same_date_days: int = Field(default=0, ge=0)
    developing_days: int = Field(default=30, ge=0)
    date_typo_days: int = Field(default=3, ge=0)
    date_typo_years: int = Field(default=3, ge=0)


class Config(BaseModel):
    """What a comparison runs and how.

    `select` and `ignore` take rule codes, code prefixes ("CC1") or rule
    names; `severity` overrides a rule's default severity; `vocabulary` lists
    extra vocabulary files.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    tolerances: Tolerances = Field(default_factory=Tolerances)
    vocabulary: list[str] = Field(default_factory=list)
