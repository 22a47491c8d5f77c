"""What became of each claim in a report: the colour a view gives its highlight.

Derived from the report alone (its groups and discrepancies), so any view —
HTML, a notebook, a future editor plug-in — tells the same story:

* conflicts: the claim is a subject of an error or a warning;
* disputed: a subject of a dispute between opposing parties (CC401);
* timeline: it belongs to a stock or cumulative figure shown over time (CC202);
* agrees: another source gives a figure for the same quantity and nothing
  flags this one (the consensus of a conflict agrees);
* unsupported: no other source gives a figure for the same quantity, or the
  figure is not one claimcheck compares (it is in no group).

The order above is the precedence: a claim that is both on a timeline and the
subject of an error is shown as a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..report import Report, Severity

__all__ = ["Outcome", "OUTCOME_INFO", "OutcomeInfo", "claim_outcomes", "claim_discrepancies", "TIMELINE_RULE", "DISPUTE_RULE"]

#: The rule whose discrepancies are figures over time.
TIMELINE_RULE = "CC202"
#: The rule whose discrepancies are disputes between opposing parties.
DISPUTE_RULE = "CC401"


class Outcome(StrEnum):
    """What became of a claim, most telling first."""

    CONFLICTS = "conflicts"
    DISPUTED = "disputed"
    TIMELINE = "timeline"
    AGREES = "agrees"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True)
class OutcomeInfo:
    """How a view names an outcome: a label, an icon that is not a colour, and a sentence."""

    label: str
    icon: str
    description: str


#: Labels, icons and descriptions, in legend order.
OUTCOME_INFO: dict[Outcome, OutcomeInfo] = {
    Outcome.CONFLICTS: OutcomeInfo("conflicts", "✖", "cannot be true together with what other sources say (an error or a warning)"),
    Outcome.DISPUTED: OutcomeInfo("disputed", "⇄", "differs from a figure attributed to an opposing party (a dispute, not an error)"),
    Outcome.TIMELINE: OutcomeInfo("timeline", "↗", "a level or running total that changes over time; shown as a timeline"),
    Outcome.AGREES: OutcomeInfo("agrees", "✓", "another source gives a figure for the same quantity, and they fit together"),
    Outcome.UNSUPPORTED: OutcomeInfo("unsupported", "?", "no other source gives a figure for the same quantity, or it is not a figure claimcheck compares"),
}


def claim_outcomes(report: Report) -> dict[str, Outcome]:
    """Every claim of `report`, by id, with what became of it."""
    flagged: set[str] = set()
    disputed: set[str] = set()
    on_timeline: set[str] = set()
    timeline_groups: set[str] = set()
    for d in report.discrepancies:
        subjects = {c.claim_id for c in d.subjects}
        if d.rule == TIMELINE_RULE:
            on_timeline.update(c.claim_id for c in d.claims)
            if d.group_id:
                timeline_groups.add(d.group_id)
        elif d.rule == DISPUTE_RULE:
            disputed.update(subjects)
        elif d.severity in (Severity.ERROR, Severity.WARNING):
            flagged.update(subjects)
    source_of = {c.id: c.source_id for c in report.claims}
    corroborated: set[str] = set()
    for g in report.groups:
        if g.id in timeline_groups:
            on_timeline.update(g.claim_ids)
        sources = {source_of[i] for i in g.claim_ids if i in source_of}
        if len(sources) > 1:
            corroborated.update(g.claim_ids)
    outcomes: dict[str, Outcome] = {}
    for claim in report.claims:
        i = claim.id
        if i in flagged:
            outcomes[i] = Outcome.CONFLICTS
        elif i in disputed:
            outcomes[i] = Outcome.DISPUTED
        elif i in on_timeline:
            outcomes[i] = Outcome.TIMELINE
        elif i in corroborated:
            outcomes[i] = Outcome.AGREES
        else:
            outcomes[i] = Outcome.UNSUPPORTED
    return outcomes


def claim_discrepancies(report: Report) -> dict[str, list[int]]:
    """For each claim id, the indices (into `report.discrepancies`) of the discrepancies that cite it.

    A member of a timeline's group that the timeline leaves out (the same
    figure twice in one source) is linked to that timeline too.
    """
    cited: dict[str, list[int]] = {}
    for index, d in enumerate(report.discrepancies):
        for ref in d.claims:
            entries = cited.setdefault(ref.claim_id, [])
            if index not in entries:
                entries.append(index)
    timelines = {d.group_id: i for i, d in enumerate(report.discrepancies) if d.rule == TIMELINE_RULE and d.group_id}
    for g in report.groups:
        timeline = timelines.get(g.id)
        if timeline is None:
            continue
        for claim_id in g.claim_ids:
            entries = cited.setdefault(claim_id, [])
            if timeline not in entries:
                entries.append(timeline)
                entries.sort()
    return cited
