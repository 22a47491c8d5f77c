"""The rule registry: every rule, by its stable code.

A new rule: a class in the family's module, one line in `_RULES` below, a case
file in tests/rules/cases/<CODE>.yaml, and `python -m claimcheck.docs` to
regenerate docs/rules.md (a test fails while it is stale).
"""

from __future__ import annotations

from .base import Rule, RuleContext
from .draft import StaleFigure, UnsupportedFigure
from .internal import PartExceedsWhole, PartsDoNotSum
from .suppression import InvalidSuppression, UnusedSuppression
from .time import CumulativeDecrease, ElapsedTime, Timeline
from .values import AmountMismatch, CountMismatch, DateMismatch, DisputedFigures, DurationMismatch

__all__ = ["Rule", "RuleContext", "RULES", "RETIRED", "rule", "resolve_selector"]

_RULES: list[type[Rule]] = [
    CountMismatch,
    DateMismatch,
    DurationMismatch,
    AmountMismatch,
    CumulativeDecrease,
    Timeline,
    ElapsedTime,
    PartExceedsWhole,
    PartsDoNotSum,
    DisputedFigures,
    UnsupportedFigure,
    StaleFigure,
    UnusedSuppression,
    InvalidSuppression,
]

#: Codes no longer in use, with why; never reused.
RETIRED: dict[str, str] = {}


def _registry(rules: list[type[Rule]]) -> dict[str, type[Rule]]:
    registry: dict[str, type[Rule]] = {}
    names: set[str] = set()
    for cls in rules:
        if cls.code in registry or cls.code in RETIRED:
            raise ValueError(f"rule code {cls.code} used twice")
        if cls.name in names:
            raise ValueError(f"rule name {cls.name} used twice")
        registry[cls.code] = cls
        names.add(cls.name)
    return registry


#: Every rule by code, in code order.
RULES: dict[str, type[Rule]] = dict(sorted(_registry(_RULES).items()))


def rule(code_or_name: str) -> type[Rule] | None:
    """The rule with this code, alias or name, if any."""
    for cls in RULES.values():
        if code_or_name in (cls.code, cls.name) or code_or_name in cls.aliases:
            return cls
    return None


def resolve_selector(selector: str) -> list[str]:
    """The codes a selector means: a code, an alias, a name, or a code prefix ("CC1")."""
    exact = rule(selector)
    if exact is not None:
        return [exact.code]
    return [code for code in RULES if code.startswith(selector.upper())]
