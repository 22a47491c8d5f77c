"""The rule machinery: what a rule is, what it sees, and how rules are registered.

A rule is a class with a stable `code`, a `name`, a default `severity`, and a
docstring whose first line is its summary and whose rest is its doc. It
declares its `scope`: "group" rules see one group of claims at a time, "source"
rules one source's claims, "corpus" rules everything. The engine iterates and
hands each rule a `RuleContext`; a rule yields `Discrepancy` objects.
"suppression" rules report on a draft's suppression comments; they need the
other rules' findings, so `claimcheck.suppress` applies them after the report
is built and the engine skips them.

Codes are forever: a renamed rule keeps its old code in `aliases`, and a
retired code is never reused (see `RETIRED` in claimcheck/rules/__init__.py).
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar, Literal, cast

from ..config import Config
from ..model import Claim, Role, Source
from ..report import ClaimGroup, Discrepancy, Event, Severity
from ..vocabulary import Vocabulary

__all__ = ["Rule", "RuleContext", "RuleScope", "LEDGER_AUTHORITY"]

#: A ledger's authority, in references: more than any corpus holds.
LEDGER_AUTHORITY = 10**9

_BY_SOURCE = ("claims by source",)
_MEMBERS = "members of group"

RuleScope = Literal["group", "source", "corpus", "suppression"]


@dataclass
class RuleContext:
    """What a rule can see: the claims, their groups and events, the sources, the settings."""

    claims: dict[str, Claim]
    groups: list[ClaimGroup]
    events: dict[str, Event]
    sources: dict[str, Source]
    vocabulary: Vocabulary
    config: Config
    event_starts: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: The other starts sources give an event whose date they dispute, as many of them
    #: as give the start kept (typos of one another, no majority): a check that builds
    #: on the start holds if it holds for any of them.
    disputed_starts: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    weak_links: set[str] = field(default_factory=set)
    cache: dict[object, object] = field(default_factory=dict)
    #: When set, the ids of the sources findings must be about (a check's
    #: drafts): rules skip findings whose subjects come from none of them.
    focus: frozenset[str] | None = None

    def concerns(self, subjects: Iterable[Claim]) -> bool:
        """Whether a finding about `subjects` is wanted (always, unless `focus` is set)."""
        return self.focus is None or any(c.source_id in self.focus for c in subjects)

    def members(self, group: ClaimGroup) -> list[Claim]:
        """The claims of a group (looked up once a group: every rule asks, and a corpus's
        largest groups hold thousands of claims)."""
        key = (_MEMBERS, group.id)
        found = cast("tuple[Claim, ...] | None", self.cache.get(key))
        if found is None:
            found = tuple(self.claims[i] for i in group.claim_ids)
            self.cache[key] = found
        return list(found)

    def claims_of(self, source_id: str) -> list[Claim]:
        """The claims of one source (indexed on first use, so a rule per source stays linear)."""
        index = cast("dict[str, list[Claim]] | None", self.cache.get(_BY_SOURCE))
        if index is None:
            index = {}
            for claim in self.claims.values():
                index.setdefault(claim.source_id, []).append(claim)
            self.cache[_BY_SOURCE] = index
        return index.get(source_id, [])

    def role(self, claim: Claim) -> Role:
        """The role of the source a claim comes from (reference, draft or ledger)."""
        source = self.sources.get(claim.source_id)
        return source.role if source is not None else Role.REFERENCE

    def weight(self, claim: Claim) -> tuple[int, int]:
        """How much a claim's source counts toward a consensus: (authority, tie-break).

        Every claim of a source weighs the same, and a source counts once
        (see claimcheck/rules/conflicts.py). A reference counts once. A draft
        under check is not evidence: it counts only to break a tie between
        references, and only in its own findings. A ledger of established
        figures outweighs any number of references.
        """
        role = self.role(claim)
        if role is Role.DRAFT:
            return (0, 1)
        if role is Role.LEDGER:
            return (LEDGER_AUTHORITY, 0)
        return (1, 0)

    def event_label(self, event_id: str | None) -> str:
        """A readable name for an event id ("the attack of October 7, 2023")."""
        if event_id is None:
            return "no particular event"
        base, _, phase = event_id.partition("/phase-")
        event = self.events.get(base)
        label = event.label if event else base
        return f"{label}, phase {phase}" if phase else label


    def event_name(self, event_id: str | None) -> str:
        """An event named by its kind only ("the attack"), for messages that give its date."""
        if event_id is None:
            return "the event"
        base, _, phase = event_id.partition("/phase-")
        event = self.events.get(base)
        entry = self.vocabulary.event_kind(event.kind) if event else None
        name = f"the {'proposed ' if event and event.proposed else ''}{entry.label if entry and entry.label else (event.kind if event else base)}"
        return f"{name}, phase {phase}" if phase else name


class Rule:
    """Base class: subclasses set the class attributes and implement `check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    scope: ClassVar[RuleScope] = "group"
    aliases: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def summary(cls) -> str:
        """The first line of the rule's docstring."""
        return inspect.cleandoc(cls.__doc__ or "").splitlines()[0]

    @classmethod
    def doc(cls) -> str:
        """The rule's doc: its docstring after the summary line."""
        lines = inspect.cleandoc(cls.__doc__ or "").splitlines()
        return "\n".join(lines[1:]).strip()

    def check(self, context: RuleContext, group: ClaimGroup | None = None, source: Source | None = None) -> Iterator[Discrepancy]:
        """Yield the discrepancies this rule finds in `group` (or `source`, or everything)."""
        raise NotImplementedError
